"""Bundled plugin: the record's event type (ACLED type + PLOVER code), by explainable rules.

An extractor (``event_triggers``) finds the trigger words of each lexicon group and records them
as ``extensions["event_triggers"]`` (group, ACLED type, PLOVER code, weight, evidence). The
``eventx_decide_event_type`` hook adds the votes up with the record's casualties and
deployments and picks the type with the most votes. The rules are in docs/event-type.md.
"""

from __future__ import annotations

from collections.abc import Iterator

import eventx
from eventx_event_type.rules import decide_event_type, find_triggers

__version__ = "0.1.0"


def extract_triggers(ctx: eventx.ExtractionContext) -> Iterator[eventx.Extension]:
    yield from find_triggers(ctx)


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="event_triggers",
            func=extract_triggers,
            provides=["extensions"],
            version=__version__,
            description="Event-type trigger words (votes for the record's event type)",
        )
    )


@eventx.hookimpl
def eventx_decide_event_type(
    record: eventx.EventRecord, document: eventx.Document
) -> eventx.EventType | None:
    return decide_event_type(record)
