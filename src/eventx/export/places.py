"""Reading place fields that newer records carry, so exporters work with old and new records.

Issue 12 adds to each location ``role`` (``"event"`` or ``"mentioned"``), ``admin1``/``admin2``
(``{name, code}``) and ``geo_precision``, and to the record a primary event place. Records
written before that have none of these; every reader here falls back to what the record has
(documented in docs/export.md), and works on attrs objects and on plain dicts alike.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from eventx.record import EventRecord, Location

# Most specific first: a town says more about where the event happened than its country.
_SPECIFICITY = {"place": 0, "city": 1, "region": 2, "country": 3}
# ACLED's geo_precision when the record does not carry one: 1 = the town itself,
# 3 = only a larger region (or the country) is known.
_PRECISION_BY_KIND = {"place": 1, "city": 1, "region": 3, "country": 3}
_PRIMARY_PLACE_FIELDS = ("event_place", "primary_place", "event_location")


def _field(value: Any, name: str) -> Any:
    if isinstance(value, Mapping):
        return value.get(name)
    return getattr(value, name, None)


def role(location: Location) -> str | None:
    """``"event"``, ``"mentioned"`` or None for records without roles."""
    value = getattr(location, "role", None)
    return value if isinstance(value, str) else None


def admin(location: Location, level: int) -> tuple[str | None, str | None]:
    """The (name, code) of the location's admin1 or admin2 division, (None, None) if unknown."""
    value = getattr(location, f"admin{level}", None)
    if value is None:
        return None, None
    if isinstance(value, str):
        return value, None
    name, code = _field(value, "name"), _field(value, "code")
    return (str(name) if name is not None else None, str(code) if code is not None else None)


def geo_precision(location: Location) -> int:
    """The location's ACLED-style geo_precision, or one derived from its kind."""
    value = getattr(location, "geo_precision", None)
    if isinstance(value, int):
        return value
    return _PRECISION_BY_KIND.get(location.kind, 3)


def event_locations(record: EventRecord) -> tuple[Location, ...]:
    """Locations where the event happened: those with role ``event`` when the record has
    roles, every location otherwise."""
    if any(role(loc) is not None for loc in record.locations):
        return tuple(loc for loc in record.locations if role(loc) == "event")
    return record.locations


def primary_place(record: EventRecord) -> Location | None:
    """The record's primary event place.

    The one the record names when it has one (issue 12 adds it while this is written: read
    under the names it may land with, as a Location, a name, ``{name: ...}`` or an index into
    ``locations``); otherwise the most specific event location in the record's country (most
    mentions, then first mention, break ties).
    """
    for attribute in _PRIMARY_PLACE_FIELDS:
        named = getattr(record, attribute, None)
        if isinstance(named, Location):
            return named
        if isinstance(named, int) and 0 <= named < len(record.locations):
            return record.locations[named]
        if named is not None:
            name = named if isinstance(named, str) else _field(named, "name")
            for loc in record.locations:
                if loc.name == name:
                    return loc
    candidates = list(event_locations(record))
    if record.country:
        in_country = [loc for loc in candidates if loc.country_code == record.country]
        candidates = in_country or candidates
    if not candidates:
        return None

    def rank(loc: Location) -> tuple[int, int, int]:
        first = min((m.start for m in loc.mentions), default=1 << 62)
        return (_SPECIFICITY.get(loc.kind, 3), -len(loc.mentions), first)

    return min(candidates, key=rank)
