"""The input side: one news article and what is known about it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs
from attrs import frozen

from eventx.record.frozen_mapping import FrozenMapping


def to_date(value: dt.date | str | None) -> dt.date | None:
    """Accept a ``datetime.date``, a ``datetime`` or an ISO ``YYYY-MM-DD`` string (or None)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            raise ValueError(
                f"document_date must be an ISO date YYYY-MM-DD, got {value!r}"
            ) from None
    raise TypeError(f"document_date must be a date or an ISO string, got {type(value).__name__}")


def _frozen_mapping(value: Mapping[str, Any] | None) -> Mapping[str, Any]:
    return FrozenMapping(dict(value or {}))


@frozen(kw_only=True)
class Document:
    """One article. ``language`` None means "detect it"; ``document_date`` anchors relative dates."""

    id: str = "document"
    text: str
    language: str | None = None
    document_date: dt.date | None = attrs.field(default=None, converter=to_date)
    title: str | None = None
    metadata: Mapping[str, Any] = attrs.field(
        factory=dict, converter=_frozen_mapping, eq=False, hash=False
    )

    @classmethod
    def from_mapping(cls, data: Mapping[str, Any], *, default_id: str = "document") -> Document:
        """Build a document from a JSONL-style mapping (``id``, ``text``, optional fields)."""
        if not isinstance(data, Mapping):
            raise TypeError(f"a document must be a JSON object, got {type(data).__name__}")
        text = data.get("text")
        if not isinstance(text, str):
            raise ValueError("a document needs a 'text' string")
        known = {"id", "text", "language", "document_date", "date", "title"}
        return cls(
            id=str(data.get("id") or default_id),
            text=text,
            language=data.get("language") or None,
            document_date=data.get("document_date") or data.get("date"),
            title=data.get("title"),
            metadata={k: v for k, v in data.items() if k not in known},
        )
