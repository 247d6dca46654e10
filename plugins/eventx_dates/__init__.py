"""Bundled plugin: dates (basic version: weekday names resolved against the document date)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import eventx

__version__ = "0.1.0"


def extract_dates(ctx: eventx.ExtractionContext) -> Iterator[eventx.DateFact]:
    data = eventx.language_data("eventx_dates", "lexicon", ctx.language)
    weekdays = {
        name: index for index, names in enumerate(data.get("weekdays", [])) for name in names
    }
    matcher = eventx.PhraseMatcher(weekdays.items())
    for match in matcher.finditer(ctx.annotation):
        value = None
        if ctx.document_date is not None:
            back = (ctx.document_date.weekday() - match.value) % 7
            value = (ctx.document_date - dt.timedelta(days=back)).isoformat()
        yield eventx.DateFact(
            value=value,
            start=value,
            end=value,
            granularity="day",
            evidence=ctx.evidence(match.start, match.end),
            anchor="document_date" if value else None,
            anchor_value=ctx.document_date.isoformat() if ctx.document_date else None,
        )


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="dates",
            func=extract_dates,
            provides=["dates"],
            version=__version__,
            description="Weekdays against the document date",
        )
    )
