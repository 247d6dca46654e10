"""How loud is eventx on news that is not about conflict?

A news feed is mostly sport, business, technology and culture. On such articles (JSONL lines
with ``id``, ``text``, ``language``, ``document_date``) a good extractor stays quiet: no conflict
event type, no casualties, no deployments. This module measures the share of articles where it
does not: the lower, the better. A casualty counts when it is the article's own
(``background`` claims, victims of history recalled in passing, do not).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from attrs import frozen

from eventx.record import Document, EventRecord

if TYPE_CHECKING:
    from eventx.pipeline import Pipeline

#: Event types that are not a claim of conflict: no type, "other", and a natural disaster.
QUIET_EVENT_TYPES = frozenset({None, "other", "disaster"})
#: What an off-topic report counts, in the order it prints them.
SIGNALS = ("event_type", "casualties", "deployments")


@frozen(kw_only=True)
class OfftopicReport:
    """Per language (and ``all``): how many articles, and how many raised each signal."""

    records: tuple[EventRecord, ...]
    languages: tuple[str, ...]

    def _records(self, language: str) -> list[EventRecord]:
        return [r for r in self.records if language in ("all", r.language)]

    @staticmethod
    def raises(record: EventRecord, signal: str) -> bool:
        """Whether ``record`` claims ``signal`` (a conflict event type, a casualty, a deployment)."""
        if signal == "event_type":
            acled = record.event_type.acled if record.event_type is not None else None
            return acled not in QUIET_EVENT_TYPES
        if signal == "casualties":
            # Victims of history the article recalls (``background``) are not news of violence.
            return any(not c.background for c in record.casualties)
        if signal == "deployments":
            return bool(record.deployments)
        raise ValueError(f"unknown signal {signal!r}; available: {', '.join(SIGNALS)}")

    def count(self, signal: str, language: str = "all") -> tuple[int, int]:
        """(articles raising ``signal``, articles) for ``language``."""
        records = self._records(language)
        return sum(self.raises(r, signal) for r in records), len(records)

    def rate(self, signal: str, language: str = "all") -> float:
        hits, total = self.count(signal, language)
        return hits / total if total else 0.0

    def loud(self, signal: str) -> list[str]:
        """Ids of the articles raising ``signal`` (to read, not to tune on)."""
        return [r.id for r in self.records if self.raises(r, signal)]

    def to_dict(self) -> dict[str, Any]:
        return {
            language: {
                "documents": len(self._records(language)),
                **{s: round(self.rate(s, language), 4) for s in SIGNALS},
            }
            for language in ("all", *self.languages)
        }

    def format_table(self) -> str:
        lines = [f"eventx off-topic: {len(self.records)} articles; share that raise a signal"]
        lines.append(f"{'signal':12}" + "".join(f"  {lang:<14}" for lang in ("all", *self.languages)))
        for signal in SIGNALS:
            cells = ""
            for language in ("all", *self.languages):
                hits, total = self.count(signal, language)
                cells += f"  {self.rate(signal, language):5.1%} {hits:>3}/{total:<3}"
            label = "conflict type" if signal == "event_type" else signal
            lines.append(f"{label:12}{cells}")
        return "\n".join(lines)


def load_offtopic(path: str | Path) -> list[Document]:
    """Documents from an off-topic JSONL file, or from the ``*.jsonl`` files of a folder."""
    source = Path(path)
    files: Sequence[Path] = sorted(source.glob("*.jsonl")) if source.is_dir() else [source]
    if not files:
        raise FileNotFoundError(f"no .jsonl file in {source}")
    documents = []
    for file in files:
        with file.open("rb") as handle:
            for number, line in enumerate(handle, 1):
                if not line.strip():
                    continue
                row = orjson.loads(line)
                documents.append(
                    Document(
                        id=str(row.get("id") or f"{file.name}:{number}"),
                        text=row["text"],
                        language=row.get("language"),
                        document_date=row.get("document_date"),
                    )
                )
    return documents


def evaluate_offtopic(
    source: str | Path | Iterable[Document], pipeline: Pipeline | None = None
) -> OfftopicReport:
    """Run ``pipeline`` over off-topic articles and report how often it raises a signal."""
    from eventx.pipeline import Pipeline

    documents = load_offtopic(source) if isinstance(source, str | Path) else list(source)
    pipe = pipeline if pipeline is not None else Pipeline()
    records = tuple(pipe.run(d) for d in documents)
    languages = tuple(sorted({r.language or "und" for r in records}))
    return OfftopicReport(records=records, languages=languages)
