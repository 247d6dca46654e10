"""One PLOVER JSON object per event record (PLOVER manual, "Data Fields").

PLOVER names the fields of an event record: ``id``, ``date``/``enddate``, ``event``, ``mode``,
``context``, ``actor``/``recipient`` (lists of entity objects), ``event_loc`` (a location
object as Mordecai returns it), ``event_text``, ``size`` (``dead``, ``injured``,
``arrested``) and ``cite_info``. eventx fills what the record knows; ``event_text`` lists the
evidence of the event type, and ``text_info`` gives each one's sentence and character offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

import pycountry

from eventx._version import __version__
from eventx.export import places
from eventx.export.acled import conservative, main_actors
from eventx.record import Actor, EventRecord, Location

# PLOVER's quad categories (1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
# 4 material conflict), from the PLOVER README's table.
QUAD_CODES: dict[str, int] = {
    **dict.fromkeys(("AGREE", "CONSULT", "SUPPORT", "CONCEDE"), 1),
    **dict.fromkeys(("COOPERATE", "AID", "RETREAT", "INVESTIGATE"), 2),
    **dict.fromkeys(("DEMAND", "DISAPPROVE", "REJECT", "THREATEN", "SANCTION"), 3),
    **dict.fromkeys(("PROTEST", "CRIME", "MOBILIZE", "COERCE", "ASSAULT", "FIGHT"), 4),
}
# Mordecai's resolution code (5 sub-city, 4 city, 3 district, 2 province, 1 country).
_RESOLUTION = {"place": 5, "city": 4, "region": 2, "country": 1}


def alpha3(code: str | None) -> str | None:
    """PLOVER codes countries with 3 letters: ``"KZ"`` -> ``"KAZ"``."""
    if not code:
        return None
    country = pycountry.countries.get(alpha_2=code)
    return str(country.alpha_3) if country is not None else None


def _entity(actor: Actor) -> dict[str, Any]:
    first = min(actor.mentions, key=lambda e: e.start) if actor.mentions else None
    return {
        "code": alpha3(actor.country_code),
        "entity_text": first.text if first else actor.name,
        "identifier_text": actor.name,
        "office": actor.title,
    }


def _event_loc(place: Location | None) -> dict[str, Any] | None:
    if place is None:
        return None
    from eventx.gazetteer import country_name

    first = min(place.mentions, key=lambda e: e.start) if place.mentions else None
    admin1, _ = places.admin(place, 1)
    admin2, _ = places.admin(place, 2)
    return {
        "extracted_place": first.text if first else None,
        "resolved_place": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "city": place.name if place.kind == "city" else None,
        "district": admin2,
        "province": admin1,
        "country": country_name(place.country_code) if place.country_code else None,
        "country_code": alpha3(place.country_code),
        "resolution": _RESOLUTION.get(place.kind),
    }


def plover_event(record: EventRecord) -> dict[str, Any]:
    """The record as one PLOVER event object."""
    event_type = record.event_type
    code = event_type.plover if event_type else None
    evidence = event_type.evidence if event_type else ()
    time = record.time
    size = {kind: conservative(record, key)[0] for kind, key in
            (("dead", "killed"), ("injured", "injured"), ("arrested", "arrested"))}
    return {
        "id": record.id,
        "date": time.start if time and time.start else record.document_date,
        "enddate": time.end if time and time.end else None,
        "event": [code] if code else [],
        "mode": [],
        "context": [],
        "quad_code": QUAD_CODES.get(code or ""),
        "actor": [_entity(a) for a in main_actors(record)],
        "recipient": [],
        "event_loc": _event_loc(places.primary_place(record)),
        "event_text": [e.text for e in evidence],
        "text_info": [{"sequence": e.sentence, "start": e.start, "end": e.end} for e in evidence],
        "size": size,
        "cite_info": {
            "language": record.language,
            "coder": f"eventx {__version__}",
            "codebook": "plover (eventx.record/1 event types)",
        },
    }


def plover_events(records: Iterable[EventRecord]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield plover_event(record)
