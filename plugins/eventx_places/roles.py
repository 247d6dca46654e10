"""Roles of places: where an event of the article happens (``"event"``) or only named
(``"mentioned"``: a speaker's capital, a sending state). See docs/plugins/places.md, Roles."""

from __future__ import annotations

from collections.abc import Sequence

import regex

import eventx
from eventx_places.english import list_opening, scene_mention
from eventx_places.resolve import capital_geonameids, is_locative

#: A dateline opening a line: places, maybe a date, then the agency in brackets and a dash
#: ("BAGHDAD (Reuters) -", "BELFAST, Northern Ireland (AP)_", "دبي، الإمارات (CNN)--").
_DATELINE_RE = regex.compile(r"(?P<head>[^\n.!?()]{1,80}?)\([^()\n]{1,25}\)\s*(?:--|—|–|-|_|:)")
#: A dateline's place opens its line: at most this many characters before it.
_DATELINE_REACH = 60


def in_dateline(text: str, start: int, end: int) -> bool:
    """Whether the mention at ``start:end`` is in the dateline opening its line."""
    line_start = text.rfind("\n", max(0, start - _DATELINE_REACH - 1), start) + 1
    if line_start == 0 and start > _DATELINE_REACH:
        return False  # no line start near: not at the start of a line
    found = _DATELINE_RE.match(text, line_start)
    return found is not None and end <= found.end("head")


def dateline_only(location: eventx.Location, text: str) -> bool:
    """Whether every mention of a place is in a dateline: where the report was filed."""
    return bool(location.mentions) and all(
        in_dateline(text, m.start, m.end) for m in location.mentions
    )


def inside_sites(location: eventx.Location, sites: Sequence[tuple[int, int]]) -> bool:
    """Whether a town or region is named only inside named sites' names ("مطار أبها الدولي")."""
    return bool(location.mentions) and all(
        any(start <= m.start and m.end <= end for start, end in sites)
        for m in location.mentions
    )


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
    return not any(
        is_locative(text, m.start, language)
        or (language == "en" and _english_scene(text, m.start, m.end, language))
        for m in location.mentions
    )


def _english_scene(text: str, start: int, end: int, language: str) -> bool:
    """A later item of a list opened by a locative ("in Iraq, Syria and Yemen"), or a scene
    by an attack verb, an example of places or a noun of conflict (eventx_places.english)."""
    opening = list_opening(text, start)
    return (opening != start and is_locative(text, opening, language)) or scene_mention(
        text, start, end
    )


def place_role(
    location: eventx.Location,
    main: str | None,
    text: str,
    language: str,
    scenes: frozenset[str] = frozenset(),
    sites: Sequence[tuple[int, int]] = (),
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

    Two kinds of place are named without being a scene wherever they lie. A foreign place
    named only in the dateline ("دبي، الإمارات العربية المتحدة (CNN)--") is where the report
    was filed. A town or region named only inside named sites' names (``sites``: "مطار أبها
    الدولي", "ميناء الحديدة") is the site's address: the site is the event place, and it carries
    the town's country and admin region.
    """
    if location.kind in ("city", "region") and inside_sites(location, sites):
        return "mentioned"
    if main is not None and location.country_code != main and dateline_only(location, text):
        return "mentioned"
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


def scene_countries(locations: Sequence[eventx.Location], text: str = "") -> frozenset[str]:
    """Countries with a town, region or site named in the article (not a capital alone, not
    a dateline alone)."""
    capitals = capital_geonameids()
    return frozenset(
        loc.country_code
        for loc in locations
        if loc.country_code
        and loc.kind in ("region", "city", "place")
        and (loc.geonameid is None or loc.geonameid not in capitals)
        and not (text and dateline_only(loc, text))
    )


def site_spans(locations: Sequence[eventx.Location]) -> list[tuple[int, int]]:
    """The spans of every named site's mentions (kind place)."""
    return [(m.start, m.end) for loc in locations if loc.kind == "place" for m in loc.mentions]
