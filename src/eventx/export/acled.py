"""One ACLED-style row per event record, with ACLED's column names and conventions.

Conventions followed (ACLED codebook and its fatalities guide):

- ``event_date`` is a day (``YYYY-MM-DD``); ``time_precision`` 1 = that day, 2 = the event is
  only known to within a week (the middle day of the span is coded), 3 = only within a longer
  period such as a month (middle day again).
- ``fatalities``: ACLED codes the most conservative figure when reports differ; here, the
  smallest lower bound among the record's killed claims that are not a breakdown of another
  claim. The other claims go to ``notes``. 0 when no death is reported.
- ``geo_precision`` 1 = the town itself, 2 = near a town or part of a region, 3 = a larger
  region or only the country.

Columns eventx cannot fill (ACLED's actor codes ``inter1``/``inter2``/``interaction``,
``region``, ``admin3``, ``source_scale``, ``tags``, ``civilian_targeting``) are written empty so
the file has ACLED's layout; docs/export.md lists what each column holds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from typing import Any

import pycountry

from eventx.export import places
from eventx.record import Actor, Casualty, EventRecord

#: ACLED's column names, in the order of ACLED's data exports.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
)

#: eventx's ACLED type -> ACLED's event_type label. "disaster" and "other" are not ACLED types.
EVENT_TYPE_LABELS: dict[str, str] = {
    "battles": "Battles",
    "explosions_remote_violence": "Explosions/Remote violence",
    "violence_against_civilians": "Violence against civilians",
    "protests": "Protests",
    "riots": "Riots",
    "strategic_developments": "Strategic developments",
}
# ACLED's disorder_type for the types where it follows from the event type alone (riots can be
# either "Demonstrations" or "Political violence" depending on the sub-event, so stay empty).
DISORDER_TYPES: dict[str, str] = {
    "battles": "Political violence",
    "explosions_remote_violence": "Political violence",
    "violence_against_civilians": "Political violence",
    "protests": "Demonstrations",
    "strategic_developments": "Strategic developments",
}
# Actors that can be an ACLED actor1/actor2 (named collectives, not individual people).
_ACTOR_KINDS = ("force", "state", "group", "organization")


def lower_bound(claim: Casualty) -> int | None:
    """The smallest number a claim supports: ``min`` when the text bounds it, else ``count``."""
    return claim.min if claim.min is not None else claim.count


def conservative(record: EventRecord, kind: str) -> tuple[int | None, list[Casualty]]:
    """ACLED's most conservative figure for one casualty kind and the claims it was chosen from.

    Claims that are a breakdown of another (``subset``), victims of history the article recalls
    (``background``) or carry no figure are left out. None when no claim of that kind has a figure.
    """
    claims = [
        c
        for c in record.casualties
        if c.kind == kind and not c.subset and not c.background and lower_bound(c) is not None
    ]
    figures = [lower_bound(c) for c in claims]
    return (min(f for f in figures if f is not None) if claims else None), claims


def _claim_note(claim: Casualty) -> str:
    parts = [f"{claim.kind} {claim.evidence.text!r} ({lower_bound(claim)}"]
    if claim.source:
        parts.append(f", according to {claim.source}")
    return "".join(parts) + f") [{claim.evidence.start}:{claim.evidence.end}]"


def _event_date(record: EventRecord) -> tuple[str | None, int | None, str | None]:
    """(event_date, time_precision, note) from the record's time span or publication date."""
    time = record.time
    if time is not None and time.start and time.end and len(time.start) == len(time.end) == 10:
        start, end = dt.date.fromisoformat(time.start), dt.date.fromisoformat(time.end)
        if start == end:
            return time.start, 1, None
        middle = start + dt.timedelta(days=(end - start).days // 2)
        precision = 2 if (end - start).days < 7 else 3
        return middle.isoformat(), precision, f"reported between {time.start} and {time.end}"
    if record.document_date:
        return record.document_date, 3, "no event date in the text: publication date used"
    return None, None, None


def main_actors(record: EventRecord) -> list[Actor]:
    """Two named collectives (not individual people): those of the event's country first (ACLED's
    actors are the parties on the ground, not the states commenting from abroad), then the most
    mentioned, the first mention breaking ties. ACLED's actor1/actor2 and PLOVER's actor."""
    candidates = [a for a in record.actors if a.kind in _ACTOR_KINDS]

    def rank(actor: Actor) -> tuple[bool, int, int]:
        elsewhere = record.country is not None and actor.country_code != record.country
        first = min((m.start for m in actor.mentions), default=1 << 62)
        return (elsewhere, -len(actor.mentions), first)

    return sorted(candidates, key=rank)[:2]


def _numeric_iso(code: str | None) -> int | None:
    """ACLED's ``iso`` column: the ISO 3166-1 numeric code (Kazakhstan 398)."""
    if not code:
        return None
    country = pycountry.countries.get(alpha_2=code)
    return int(country.numeric) if country is not None else None


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    from eventx.gazetteer import country_name

    return country_name(code) or code


def acled_row(record: EventRecord) -> dict[str, Any]:
    """One ACLED-layout row (keys: :data:`ACLED_COLUMNS`) for a record."""
    event_date, time_precision, date_note = _event_date(record)
    acled_type = record.event_type.acled if record.event_type else None
    place = places.primary_place(record)
    admin1, _ = places.admin(place, 1) if place else (None, None)
    admin2, _ = places.admin(place, 2) if place else (None, None)
    country = place.country_code if place and place.country_code else record.country
    fatalities, killed = conservative(record, "killed")
    actors = [a.name for a in main_actors(record)]
    notes: list[str] = []
    if record.event_type is not None and acled_type not in EVENT_TYPE_LABELS:
        notes.append(f"eventx type {acled_type} has no ACLED event type")
    if date_note:
        notes.append(date_note)
    chosen = [c for c in killed if lower_bound(c) == fatalities][:1]
    if chosen and len(killed) > 1:
        notes.append(f"fatalities: most conservative of {len(killed)} claims: {_claim_note(chosen[0])}")
        notes.extend(f"other claim: {_claim_note(c)}" for c in killed if c is not chosen[0])
    for kind in ("injured", "arrested", "missing", "kidnapped", "displaced"):
        figure, claims = conservative(record, kind)
        if figure is not None:
            notes.append(f"{kind}: {figure} ({len(claims)} claim{'s' if len(claims) != 1 else ''})")
    sub_event = getattr(record.event_type, "sub_event_type", None) if record.event_type else None
    return {
        "event_id_cnty": record.id,
        "event_date": event_date,
        "year": int(event_date[:4]) if event_date else None,
        "time_precision": time_precision,
        "disorder_type": DISORDER_TYPES.get(acled_type or ""),
        "event_type": EVENT_TYPE_LABELS.get(acled_type or ""),
        "sub_event_type": sub_event if isinstance(sub_event, str) else None,
        "actor1": actors[0] if actors else None,
        "assoc_actor_1": None,
        "inter1": None,
        "actor2": actors[1] if len(actors) > 1 else None,
        "assoc_actor_2": None,
        "inter2": None,
        "interaction": None,
        "civilian_targeting": None,
        "iso": _numeric_iso(country),
        "region": None,
        "country": _country_name(country),
        "admin1": admin1,
        "admin2": admin2,
        "admin3": None,
        "location": place.name if place else None,
        "latitude": place.lat if place else None,
        "longitude": place.lon if place else None,
        "geo_precision": places.geo_precision(place) if place else None,
        "source": record.id,
        "source_scale": None,
        "notes": "; ".join(notes) or None,
        "fatalities": fatalities if fatalities is not None else 0,
        "tags": None,
    }


def acled_rows(records: Iterable[EventRecord]) -> Iterator[dict[str, Any]]:
    for record in records:
        yield acled_row(record)
