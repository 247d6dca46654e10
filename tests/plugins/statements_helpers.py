"""Shared helpers for the statements tests."""

from __future__ import annotations

import eventx


def statements(
    pipeline: eventx.Pipeline, text: str, language: str, document_date: str | None = None
) -> list[eventx.Statement]:
    record = pipeline.extract(text, language=language, document_date=document_date)
    return list(record.statements)


def speakers(found: list[eventx.Statement]) -> list[str]:
    """Distinct speakers in order of first statement."""
    seen: list[str] = []
    for s in found:
        if s.speaker not in seen:
            seen.append(s.speaker)
    return seen
