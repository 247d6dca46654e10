"""Record model: documents in, event records out (attrs, frozen)."""

from eventx.record.document import Document, to_date
from eventx.record.event_record import SCHEMA_ID, CasualtyTotal, EventRecord
from eventx.record.evidence import Evidence
from eventx.record.facts import (
    ACLED_TYPES,
    CASUALTY_KINDS,
    FACT_FIELDS,
    RECORD_FIELDS,
    Actor,
    AdminArea,
    Casualty,
    DateFact,
    Deployment,
    Diagnostic,
    EventType,
    Extension,
    Fact,
    Location,
    Quantity,
    Statement,
    TimeSpan,
    evidence_of,
    field_of,
)
from eventx.record.schema import record_schema

__all__ = [
    "ACLED_TYPES",
    "CASUALTY_KINDS",
    "FACT_FIELDS",
    "RECORD_FIELDS",
    "SCHEMA_ID",
    "Actor",
    "AdminArea",
    "Casualty",
    "CasualtyTotal",
    "DateFact",
    "Deployment",
    "Diagnostic",
    "Document",
    "EventRecord",
    "EventType",
    "Evidence",
    "Extension",
    "Fact",
    "Location",
    "Quantity",
    "Statement",
    "TimeSpan",
    "evidence_of",
    "field_of",
    "record_schema",
    "to_date",
]
