"""The record a perfect extractor would produce for a gold document.

Used to check a gold set (every item must score as found) and in the scorer's own tests.
Evidence is the first occurrence of an item's mention in the text (empty at 0 when absent).
"""

from __future__ import annotations

from eventx.evaluation.gold import GoldDocument
from eventx.record import (
    Casualty,
    DateFact,
    Deployment,
    EventRecord,
    EventType,
    Evidence,
    Location,
    Quantity,
    Statement,
)


def _evidence(text: str, spans: tuple[tuple[int, int], ...]) -> Evidence:
    start, end = spans[0] if spans else (0, 0)
    return Evidence.from_span(text, start, end)


def oracle_record(gold: GoldDocument, *, include_optional: bool = True) -> EventRecord:
    """An :class:`EventRecord` holding exactly the gold facts (optional ones if asked)."""
    text = gold.text

    def keep(optional: bool) -> bool:
        return include_optional or not optional

    return EventRecord(
        id=gold.id,
        language=gold.language,
        document_date=gold.document_date,
        event_type=EventType(acled=gold.event_type) if gold.event_type else None,
        country=gold.country,
        casualties=[
            Casualty(
                kind=c.kind,
                count=c.count,
                min=c.min,
                max=c.max,
                approximate=c.approximate,
                group=c.group,
                evidence=_evidence(text, c.spans),
            )
            for c in gold.casualties
            if keep(c.optional)
        ],
        dates=[
            DateFact(value=d.value, evidence=_evidence(text, d.spans))
            for d in gold.dates
            if keep(d.optional)
        ],
        statements=[
            Statement(
                speaker=s.mentions[0] if s.mentions else s.speaker,
                speaker_en=s.speaker,
                direct=bool(s.direct),
                evidence=_evidence(text, s.spans),
            )
            for s in gold.statements
            if keep(s.optional)
        ],
        deployments=[
            Deployment(
                force=d.force,
                actor=d.actor,
                destination=d.destination,
                destination_country=d.destination_country,
                size=Quantity.exact(d.size) if d.size is not None else None,
                evidence=_evidence(text, d.spans),
            )
            for d in gold.deployments
            if keep(d.optional)
        ],
        locations=[
            Location(
                name=loc.name,
                country_code=loc.country_code,
                kind=loc.kind,
                mentions=[Evidence.from_span(text, s, e) for s, e in loc.spans],
            )
            for loc in gold.locations
            if keep(loc.optional)
        ],
    )
