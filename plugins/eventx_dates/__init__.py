"""Bundled plugin: dates.

Finds temporal expressions in Arabic and English news (absolute dates in every Arabic month-name
tradition, weekdays, relative days and periods, ranges, nights, Hijri dates), normalises them to
ISO 8601 with a granularity and a ``start``/``end`` range, records what each was anchored to, and
decides the record's time span (``eventx_decide_time``). Vocabulary: ``lexicon/<lang>.toml``;
grammar: ``grammar.py``; resolution: ``resolve.py``. See docs/plugins/dates.md.
"""

from __future__ import annotations

import eventx
from eventx_dates.extract import decide_time, extract_dates

__version__ = "0.2.0"


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="dates",
            func=extract_dates,
            provides=["dates"],
            version=__version__,
            description="Dates, weekdays, relative days and ranges, resolved against the document date",
        )
    )


@eventx.hookimpl
def eventx_decide_time(
    record: eventx.EventRecord, document: eventx.Document
) -> eventx.TimeSpan | None:
    """The span of the article's own events (background history and announced dates left out)."""
    return decide_time(record.dates, document.document_date)


__all__ = ["eventx_decide_time", "eventx_register_extractors", "extract_dates"]
