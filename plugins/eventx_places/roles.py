"""Roles of places: where an event of the article happens (``"event"``) or only named
(``"mentioned"``: a speaker's capital, a sending state). See docs/plugins/places.md, Roles."""

from __future__ import annotations

from collections.abc import Sequence

import eventx
from eventx_places.resolve import capital_geonameids, is_locative


def is_actor_only(location: eventx.Location, main: str | None, text: str, language: str) -> bool:
    """Whether a place is named only as an actor, not as a scene of the article's events.

    A foreign country (not the event's country) or a foreign capital (its metonym: "Moscow
    said") none of whose mentions follows a locative preposition ("اعتبرت روسيا", "Washington
    warned") speaks or acts; the actors extractor reports it as a state. Places in the event's
    country, and every place ever named as a location ("in Russia"), stay.
    """
    if main is None or location.country_code in (None, main):
        return False
    if location.kind == "city":
        if location.geonameid not in capital_geonameids():
            return False
    elif location.kind != "country":
        return False
    return not any(is_locative(text, m.start, language) for m in location.mentions)


def place_role(
    location: eventx.Location,
    main: str | None,
    text: str,
    language: str,
    scenes: frozenset[str] = frozenset(),
) -> str:
    """``"event"`` when an event of the article happens there, else ``"mentioned"``.

    A foreign country named only by its adjective ("الحدود اليمنية") is mentioned: a nisba is
    a location only where the event is. A foreign country, or a foreign capital, that no
    mention puts after a locative preposition
    ("اعتبرت روسيا", "Moscow said", "troops from Belarus") only acts or speaks: it is
    mentioned (:func:`is_actor_only`), unless the article also names a town or region in that
    country (``scenes``: "rockets hit Sderot" makes Israel a scene). Every other place the
    article names is an event place: places in the event's country, foreign towns and regions,
    places named as scenes ("in Russia"), and named sites no gazetteer knows.
    """
    if (
        location.kind == "country"
        and main is not None
        and location.country_code != main
        and all(not eventx.lookup_places(m.text, language) for m in location.mentions)
    ):
        return "mentioned"  # named only by its adjective ("الحدود اليمنية"): the event is not there
    if location.country_code in scenes:
        return "event"
    if is_actor_only(location, main, text, language):
        return "mentioned"
    return "event"


def scene_countries(locations: Sequence[eventx.Location]) -> frozenset[str]:
    """Countries with a town, region or site named in the article (not a capital alone)."""
    capitals = capital_geonameids()
    return frozenset(
        loc.country_code
        for loc in locations
        if loc.country_code
        and loc.kind in ("region", "city", "place")
        and (loc.geonameid is None or loc.geonameid not in capitals)
    )
