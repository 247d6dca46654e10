"""The core's default policies, registered as ``trylast`` hook implementations.

Plugins override any of them by implementing the same hook and returning non-None.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Any

from eventx.plugins.hookspecs import hookimpl
from eventx.record import Casualty, CasualtyTotal, Document, EventRecord, Location, TimeSpan
from eventx.record.facts import first_offset

MAX_STATED = "max_stated"


def dedupe_in_order(facts: Sequence[Any]) -> list[Any]:
    """Drop exact duplicates and order by first evidence (stable, so ties keep run order)."""
    # Sorted first: equal facts have the same first offset, so each fact need only be compared
    # with the facts before it that start where it does (usually none). Hashing every fact to
    # find duplicates cost more: attrs hashes every attribute and each evidence on every call.
    offsets = [first_offset(fact) for fact in facts]
    unique: list[Any] = []
    run_start = 0  # where the facts sharing the current first offset begin in ``unique``
    run_offset: int | None = None
    run_keys: list[Any] | None = None  # their identity keys, made once the run has two facts
    for i in sorted(range(len(offsets)), key=offsets.__getitem__):
        fact, offset = facts[i], offsets[i]
        if offset != run_offset:
            run_offset, run_start, run_keys = offset, len(unique), None
            unique.append(fact)
            continue
        if run_keys is None:
            run_keys = [_identity(f) for f in unique[run_start:]]
        key = _identity(fact)
        if any(k is key or k == key for k in run_keys):
            continue
        run_keys.append(key)
        unique.append(fact)
    return unique


def _identity(fact: Any) -> Any:
    """What makes two facts the same: the fact itself (attrs equality), or its repr when it
    cannot be hashed (Extension facts hold a mapping; their repr is deterministic)."""
    try:
        hash(fact)
    except TypeError:
        return repr(fact)
    return fact


@hookimpl(trylast=True)
def eventx_merge_facts(field: str, facts: Sequence[Any]) -> Sequence[Any]:
    return dedupe_in_order(facts)


@hookimpl(trylast=True)
def eventx_casualty_totals(casualties: Sequence[Casualty]) -> Sequence[CasualtyTotal]:
    totals: list[CasualtyTotal] = []
    kinds = sorted({c.kind for c in casualties})
    for kind in kinds:
        claims = [c for c in casualties if c.kind == kind]
        stated = [c for c in claims if c.count is not None]
        if stated:
            best = max(stated, key=lambda c: (c.count or 0, -c.evidence.start))
            totals.append(
                CasualtyTotal(
                    kind=kind,
                    count=best.count,
                    min=best.min,
                    max=best.max,
                    approximate=best.approximate,
                    policy=MAX_STATED,
                    claims=len(claims),
                )
            )
        else:
            lows = [c.min for c in claims if c.min is not None]
            totals.append(
                CasualtyTotal(
                    kind=kind,
                    count=None,
                    min=max(lows) if lows else None,
                    max=None,
                    approximate=True,
                    policy=MAX_STATED,
                    claims=len(claims),
                )
            )
    return totals


@hookimpl(trylast=True)
def eventx_decide_country(record: EventRecord) -> str | None:
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for location in record.locations:
        if not location.country_code:
            continue
        counts[location.country_code] += max(len(location.mentions), 1)
        offset = min((m.start for m in location.mentions), default=1 << 62)
        first[location.country_code] = min(first.get(location.country_code, offset), offset)
    if not counts:
        return None
    return min(counts, key=lambda code: (-counts[code], first[code], code))


#: Most specific first: the primary event place is a city before a named site (whose
#: coordinates are rarely known), a region, or the whole country.
PRIMARY_KIND_ORDER = ("city", "place", "region", "country")


@hookimpl(trylast=True)
def eventx_decide_primary_location(record: EventRecord) -> str | None:
    events = [
        location
        for location in record.locations
        if location.role == "event"
        and (record.country is None or location.country_code == record.country)
    ]
    if not events:
        return None

    def rank(location: Location) -> tuple[int, int]:
        offset = min((m.start for m in location.mentions), default=1 << 62)
        return (PRIMARY_KIND_ORDER.index(location.kind), offset)

    return min(events, key=rank).name


@hookimpl(trylast=True)
def eventx_decide_time(record: EventRecord, document: Document) -> TimeSpan | None:
    limit = document.document_date.isoformat() if document.document_date else None
    starts: list[str] = []
    ends: list[str] = []
    for date in record.dates:
        if date.value is None:
            continue
        start = date.start or date.value.split("/")[0]
        end = date.end or date.value.split("/")[-1]
        if limit is not None and start > limit:
            continue  # announced for later: not when the reported events happened
        starts.append(start)
        ends.append(min(end, limit) if limit is not None else end)
    if not starts:
        return None
    return TimeSpan(start=min(starts), end=max(ends))
