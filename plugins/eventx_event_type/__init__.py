"""Bundled plugin: the record's event type (ACLED type + PLOVER code), by explainable rules.

The ``eventx_decide_event_type`` hook matches the trigger lexicons against the document,
adds their votes to those of the record's casualties and deployments, and picks the type with
the most votes; ``event_type.votes`` shows every type's total and ``event_type.evidence`` the
deciding triggers. The rules are in docs/event-type.md.
"""

from __future__ import annotations

import eventx
from eventx_event_type.rules import decide_event_type

__version__ = "0.1.0"


@eventx.hookimpl
def eventx_decide_event_type(
    record: eventx.EventRecord, document: eventx.Document, annotation: eventx.AnnotatedDocument
) -> eventx.EventType | None:
    return decide_event_type(record, document, annotation)
