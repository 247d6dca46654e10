"""The output: one event record per document (the record contract, docs/record.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs
from attrs import frozen

from eventx.record.facts import (
    Actor,
    Casualty,
    DateFact,
    Deployment,
    Diagnostic,
    EventType,
    Extension,
    Location,
    Statement,
    TimeSpan,
    evidence_of,
)
from eventx.record.frozen_mapping import FrozenMapping

SCHEMA_ID = "eventx.record/1"
STATUSES: tuple[str, ...] = ("ok", "partial", "error")


def _tuple(values: Iterable[Any] | None) -> tuple[Any, ...]:
    return tuple(values or ())


def _mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return FrozenMapping(dict(value or {}))


def _status(_inst: Any, _attr: attrs.Attribute[str], value: str) -> None:
    if value not in STATUSES:
        raise ValueError(f"status must be one of {', '.join(STATUSES)}; got {value!r}")


@frozen(kw_only=True)
class CasualtyTotal:
    """The figure the record reports for one casualty kind, under a named policy."""

    kind: str
    count: int | None = None
    min: int | None = None
    max: int | None = None
    approximate: bool = False
    policy: str = ""
    claims: int = 0


@frozen(kw_only=True)
class EventRecord:
    """Everything eventx read out of one document."""

    schema: str = SCHEMA_ID
    id: str
    language: str | None = None
    document_date: str | None = None
    status: str = attrs.field(default="ok", validator=_status)
    event_type: EventType | None = None
    country: str | None = None
    # The name of the most specific event place of the main event (one of ``locations`` with
    # role "event"); ``country`` is its country when the places plugin decides both.
    primary_location: str | None = None
    time: TimeSpan | None = None
    locations: tuple[Location, ...] = attrs.field(factory=tuple, converter=_tuple)
    actors: tuple[Actor, ...] = attrs.field(factory=tuple, converter=_tuple)
    dates: tuple[DateFact, ...] = attrs.field(factory=tuple, converter=_tuple)
    casualties: tuple[Casualty, ...] = attrs.field(factory=tuple, converter=_tuple)
    casualty_totals: tuple[CasualtyTotal, ...] = attrs.field(factory=tuple, converter=_tuple)
    deployments: tuple[Deployment, ...] = attrs.field(factory=tuple, converter=_tuple)
    statements: tuple[Statement, ...] = attrs.field(factory=tuple, converter=_tuple)
    extensions: Mapping[str, tuple[Extension, ...]] = attrs.field(
        factory=dict, converter=_mapping, hash=False
    )
    diagnostics: tuple[Diagnostic, ...] = attrs.field(factory=tuple, converter=_tuple)

    def all_evidence(self) -> Iterable[Any]:
        """Every Evidence in the record, for checking it against the document text."""
        groups: list[Iterable[Any]] = [
            self.locations,
            self.actors,
            self.dates,
            self.casualties,
            self.deployments,
            self.statements,
        ]
        groups.extend(self.extensions.values())
        for group in groups:
            for fact in group:
                yield from evidence_of(fact)
        if self.event_type is not None:
            yield from self.event_type.evidence

    def check_evidence(self, document_text: str) -> list[str]:
        """Problems where evidence does not slice back to ``document_text`` (empty when sound)."""
        return [
            f"evidence [{e.start}, {e.end}) {e.text!r} from {e.extractor or '?'} does not match"
            for e in self.all_evidence()
            if not e.matches(document_text)
        ]

    def to_dict(self) -> dict[str, Any]:
        from eventx.record.serialize import record_to_dict

        return record_to_dict(self)

    def to_json(self, *, indent: bool = False) -> str:
        from eventx.record.serialize import record_to_json

        return record_to_json(self, indent=indent)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> EventRecord:
        from eventx.record.serialize import record_from_dict

        return record_from_dict(data)


__all__ = [
    "SCHEMA_ID",
    "STATUSES",
    "Actor",
    "Casualty",
    "CasualtyTotal",
    "DateFact",
    "Deployment",
    "Diagnostic",
    "EventRecord",
    "EventType",
    "Extension",
    "Location",
    "Statement",
    "TimeSpan",
]
