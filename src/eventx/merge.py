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
    seen: set[Any] = set()
    unique: list[Any] = []
    # One hash per fact: a fact's hash is not cached (attrs hashes every attribute and each
    # evidence again on every call), and probing, testing and adding would hash it three times.
    add = seen.add
    for fact in facts:
        size = len(seen)
        try:
            add(fact)
        except TypeError:  # Extension facts hold a mapping; their repr is deterministic
            add(repr(fact))
        if len(seen) != size:
            unique.append(fact)
    return sorted(unique, key=first_offset)


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
