"""Score event records against gold documents: counts per category, accuracies, reports."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from attrs import field, frozen

from eventx.evaluation.gold import CATEGORIES, GoldDocument, load_gold_dir
from eventx.evaluation.matching import Prediction, match, norm
from eventx.record import Casualty, DateFact, Deployment, EventRecord, Statement

if TYPE_CHECKING:
    from eventx.pipeline import Pipeline

#: Categories scored per distinct value (dates) or speaker (statements), as the gold lists them:
#: the record holds one fact per mention, so further mentions of a found item are not errors.
PER_DISTINCT = frozenset({"dates", "statements"})
ALL = "all"


@frozen
class Counts:
    """True positives, false positives, false negatives, with P/R/F1.

    An empty denominator scores 1.0 when nothing is wrong (nothing to find and nothing found),
    so a document without gold items and without predictions is perfect, and empty
    predictions against gold items score 0.0.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @property
    def precision(self) -> float:
        found = self.tp + self.fp
        return self.tp / found if found else (1.0 if self.fn == 0 else 0.0)

    @property
    def recall(self) -> float:
        wanted = self.tp + self.fn
        return self.tp / wanted if wanted else (1.0 if self.fp == 0 else 0.0)

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@frozen(kw_only=True)
class CategoryResult:
    """One category of one document: counts plus what was missed and what was wrongly found."""

    counts: Counts
    missed: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()


@frozen(kw_only=True)
class DocumentResult:
    id: str
    language: str
    status: str
    categories: Mapping[str, CategoryResult]
    event_type_gold: str | None
    event_type_pred: str | None
    event_type_ok: bool
    country_gold: str | None
    country_pred: str | None
    country_ok: bool

    def to_dict(self, *, misses: bool = True) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "language": self.language,
            "status": self.status,
            "event_type": {
                "gold": self.event_type_gold,
                "predicted": self.event_type_pred,
                "correct": self.event_type_ok,
            },
            "country": {
                "gold": self.country_gold,
                "predicted": self.country_pred,
                "correct": self.country_ok,
            },
        }
        for name, result in self.categories.items():
            entry = result.counts.to_dict()
            if misses:
                entry["missed"] = list(result.missed)
                entry["wrong"] = list(result.wrong)
            out[name] = entry
        return out


@frozen
class Accuracy:
    correct: int = 0
    total: int = 0

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 0.0


def _as_tuple(values: Iterable[DocumentResult]) -> tuple[DocumentResult, ...]:
    return tuple(values)


@frozen(kw_only=True)
class Report:
    """The scores of a pipeline (or of given records) on a gold set."""

    documents: tuple[DocumentResult, ...] = field(converter=_as_tuple)

    @property
    def languages(self) -> list[str]:
        return sorted({d.language for d in self.documents})

    def _docs(self, language: str) -> list[DocumentResult]:
        return [d for d in self.documents if language in (ALL, d.language)]

    def counts(self, category: str, language: str = ALL) -> Counts:
        """Micro-averaged counts of ``category`` over the documents of ``language``."""
        total = Counts()
        for doc in self._docs(language):
            total += doc.categories[category].counts
        return total

    def event_type_accuracy(self, language: str = ALL) -> Accuracy:
        docs = self._docs(language)
        return Accuracy(sum(d.event_type_ok for d in docs), len(docs))

    def country_accuracy(self, language: str = ALL) -> Accuracy:
        docs = self._docs(language)
        return Accuracy(sum(d.country_ok for d in docs), len(docs))

    def to_dict(self, *, misses: bool = False) -> dict[str, Any]:
        """JSON-ready summary: per language (and ``all``) counts and scores, plus documents."""
        summary: dict[str, Any] = {}
        for language in [ALL, *self.languages]:
            et, cc = self.event_type_accuracy(language), self.country_accuracy(language)
            summary[language] = {
                "documents": len(self._docs(language)),
                **{c: self.counts(c, language).to_dict() for c in CATEGORIES},
                "event_type_accuracy": round(et.value, 4),
                "country_accuracy": round(cc.value, 4),
            }
        return {
            "summary": summary,
            "documents": [d.to_dict(misses=misses) for d in self.documents],
        }


def _describe(prediction: Prediction) -> str:
    if isinstance(prediction, Casualty):
        figure = prediction.count if prediction.count is not None else "~"
        bounds = f"[{prediction.min}..{prediction.max}]"
        return f"{prediction.kind} {figure} {bounds} «{prediction.evidence.text}»"
    if isinstance(prediction, DateFact):
        return f"{prediction.value} «{prediction.evidence.text}»"
    if isinstance(prediction, Statement):
        return f"{prediction.speaker} «{prediction.evidence.text[:60]}»"
    if isinstance(prediction, Deployment):
        return f"{prediction.force} -> {prediction.destination} «{prediction.evidence.text[:60]}»"
    mentions = " | ".join(e.text for e in prediction.mentions[:2])
    return f"{prediction.name} [{prediction.country_code}/{prediction.kind}] «{mentions}»"


def _distinct_key(prediction: Prediction) -> str:
    if isinstance(prediction, DateFact):
        return prediction.value or ""
    if isinstance(prediction, Statement):
        return norm(prediction.speaker)
    return str(id(prediction))


def score_category(
    category: str, gold: GoldDocument, predicted: Sequence[Prediction]
) -> CategoryResult:
    """Pair one category's predictions with its gold items and count (docs/evaluation.md)."""
    items = gold.items(category)
    # An unresolved date (no value, e.g. a weekday without a publication date) asserts nothing
    # that can be checked: it is neither found nor wrong.
    predicted = [p for p in predicted if not (isinstance(p, DateFact) and p.value is None)]
    taken, scores = match(category, items, predicted)
    matched_gold = set(taken.values())
    tp = sum(1 for g in matched_gold if not items[g].optional)
    missed = tuple(
        g.describe() for i, g in enumerate(items) if not g.optional and i not in matched_gold
    )
    wrong: list[str] = []
    seen_keys: set[str] = set()
    for col, prediction in enumerate(predicted):
        if col in taken:
            continue
        if category in PER_DISTINCT:
            # Another mention of an item already found, or of a wrong item already counted.
            if any(scores[g][col] > 0 for g in matched_gold):
                continue
            key = _distinct_key(prediction)
            if key in seen_keys:
                continue
            seen_keys.add(key)
        wrong.append(_describe(prediction))
    counts = Counts(tp=tp, fp=len(wrong), fn=len(missed))
    return CategoryResult(counts=counts, missed=missed, wrong=tuple(wrong))


def score_document(gold: GoldDocument, record: EventRecord | None) -> DocumentResult:
    """Score one record against its gold document (a missing record scores as empty)."""
    rec = record if record is not None else EventRecord(id=gold.id, status="error")
    predictions: dict[str, Sequence[Prediction]] = {
        "casualties": rec.casualties,
        "dates": rec.dates,
        "statements": rec.statements,
        "deployments": rec.deployments,
        # gold locations are where the events happen: places only mentioned are not scored
        "locations": [loc for loc in rec.locations if loc.role == "event"],
    }
    categories = {c: score_category(c, gold, predictions[c]) for c in CATEGORIES}
    predicted_type = rec.event_type.acled if rec.event_type is not None else None
    return DocumentResult(
        id=gold.id,
        language=gold.language,
        status=rec.status if record is not None else "missing",
        categories=categories,
        event_type_gold=gold.event_type,
        event_type_pred=predicted_type,
        event_type_ok=gold.accepts_event_type(predicted_type),
        country_gold=gold.country,
        country_pred=rec.country,
        country_ok=rec.country == gold.country,
    )


def evaluate_records(
    gold: Iterable[GoldDocument], records: Mapping[str, EventRecord] | Iterable[EventRecord]
) -> Report:
    """Score records (by id) against gold documents. Gold without a record scores as empty."""
    by_id = dict(records) if isinstance(records, Mapping) else {r.id: r for r in records}
    return Report(documents=[score_document(g, by_id.get(g.id)) for g in gold])


def run_pipeline(
    gold: Iterable[GoldDocument], pipeline: Pipeline | None = None
) -> list[EventRecord]:
    """Extract a record from each gold document's text with its language and publication date."""
    from eventx.pipeline import Pipeline
    from eventx.record import Document

    pipe = pipeline if pipeline is not None else Pipeline()
    return [
        pipe.run(
            Document(
                id=g.id,
                text=g.text,
                language=g.language if g.language != "und" else None,
                document_date=g.document_date,
            )
        )
        for g in gold
    ]


def evaluate_dir(directory: str | Path, pipeline: Pipeline | None = None) -> Report:
    """Run ``pipeline`` (default: the installed plugins) over a gold folder and score it."""
    gold = load_gold_dir(directory)
    return evaluate_records(gold, run_pipeline(gold, pipeline))
