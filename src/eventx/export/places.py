"""Reading the place fields of a record for the exporters.

Locations carry ``role`` (``"event"`` or ``"mentioned"``), ``admin1``/``admin2``
(``{name, code}``) and ``geo_precision``, and the record names its ``primary_location``.
Records written by older versions have none of these; every reader here falls back to what the
record has (documented in docs/export.md).
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
    """The record's primary event place: the location ``record.primary_location`` names, else
    (older records) the most specific event location in the record's country (most mentions,
    then first mention, break ties)."""
    named = getattr(record, "primary_location", None)
    if named is not None:
        for loc in record.locations:
            if loc.name == named:
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
