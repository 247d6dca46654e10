"""When a predicted fact counts as a gold item, and one-to-one pairing (docs/evaluation.md).

Every ``*_score`` function returns 0.0 when the prediction is not compatible with the gold item,
and otherwise a positive score; higher scores (exact figures, overlapping evidence) are tried
first when pairing, so ties between similar items are broken by where they were found.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from eventx.evaluation.gold import (
    GoldCasualty,
    GoldDate,
    GoldDeployment,
    GoldItem,
    GoldLocation,
    GoldStatement,
)
from eventx.nlp import normalize_string
from eventx.record import Casualty, DateFact, Deployment, Evidence, Location, Statement

Prediction = Casualty | DateFact | Statement | Deployment | Location


_PUNCTUATION = re.compile(r"[^\w\s]+")


def norm(text: str | None) -> str:
    """The form every name comparison uses: Arabic-normalised, lower case, punctuation (quotes,
    brackets, hyphens) read as spaces, whitespace collapsed."""
    return " ".join(_PUNCTUATION.sub(" ", normalize_string(text or "")).split())


def _contains_words(longer: str, shorter: str) -> bool:
    """``shorter`` occurs in ``longer`` as whole words (both already normalised)."""
    return bool(shorter) and f" {shorter} " in f" {longer} "


def names_agree(a: str | None, b: str | None) -> int:
    """2 when equal after normalisation, 1 when one contains the other as whole words, else 0."""
    x, y = norm(a), norm(b)
    if not x or not y:
        return 0
    if x == y:
        return 2
    return 1 if _contains_words(x, y) or _contains_words(y, x) else 0


def _overlaps(evidence: Iterable[Evidence], spans: Iterable[tuple[int, int]]) -> bool:
    spans = tuple(spans)
    return any(e.start < end and start < e.end for e in evidence for start, end in spans)


def _interval(count: int | None, low: int | None, high: int | None) -> tuple[float, float]:
    """The numbers a figure stands for: min..max, falling back to the count; else unbounded."""
    lo = float(low if low is not None else (count if count is not None else 0))
    if high is not None:
        hi = float(high)
    elif count is not None and low is None:
        hi = float(count)
    else:
        hi = float("inf")
    return lo, hi


def counts_agree(gold: GoldCasualty, pred: Casualty) -> bool:
    """Equal stated counts; or, for a vague figure, ranges that agree (see docs/evaluation.md)."""
    if gold.count is not None and pred.count is not None:
        return gold.count == pred.count
    if gold.count is None and pred.count is not None:
        # "dozens" read as a precise number is a different claim.
        return False
    g_lo, g_hi = _interval(gold.count, gold.min, gold.max)
    p_lo, p_hi = _interval(pred.count, pred.min, pred.max)
    if gold.count is not None:  # a precise gold figure inside a predicted range
        return p_lo <= gold.count <= p_hi
    return p_lo <= g_hi and g_lo <= p_hi


def casualty_score(gold: GoldCasualty, pred: Casualty) -> float:
    if gold.kind != pred.kind or not counts_agree(gold, pred):
        return 0.0
    score = 1.0
    if (gold.count, gold.min, gold.max) == (pred.count, pred.min, pred.max):
        score += 0.5
    if _overlaps([pred.evidence], gold.spans):
        score += 1.0
    return score


def _range_parts(value: str) -> tuple[str, str] | None:
    """A gold range's first and last day. ISO 8601 lets its ends be months or years
    ("1975-06/1976-02"): the range then runs from the first day of the one to the last of the
    other."""
    start, sep, end = value.partition("/")
    if not sep:
        return None
    return _first_day(start), _last_day(end)


def _first_day(value: str) -> str:
    return value + "-01" * (2 - value.count("-"))


def _last_day(value: str) -> str:
    parts = value.split("-")
    if len(parts) == 1:
        return f"{value}-12-31"
    if len(parts) == 2 and parts[0].isdigit() and parts[1].isdigit():
        year, month = int(parts[0]), int(parts[1])
        if 1 <= month <= 12:
            return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def date_score(gold: GoldDate, pred: DateFact) -> float:
    if pred.value is None:
        return 0.0
    agrees = pred.value == gold.value or pred.value in gold.acceptable
    parts = _range_parts(gold.value)
    if not agrees and parts is not None and pred.start is not None:
        # A range may be written as start/end fields rather than as a "a/b" value.
        agrees = (pred.start, pred.end) == parts
    if not agrees:
        return 0.0
    return 1.0 + (1.0 if _overlaps([pred.evidence], gold.spans) else 0.0)


def statement_score(gold: GoldStatement, pred: Statement) -> float:
    gold_names = [gold.speaker, *gold.mentions]
    best = max(
        (
            names_agree(form, name)
            for form in (pred.speaker, pred.speaker_en)
            for name in gold_names
        ),
        default=0,
    )
    if best == 0:
        return 0.0
    return float(best) + (0.5 if _overlaps([pred.evidence], gold.spans) else 0.0)


def deployment_score(gold: GoldDeployment, pred: Deployment) -> float:
    # A deployment merged from several sentences carries them all in ``mentions``; its main
    # ``evidence`` is only one of them, so any of its spans may meet the gold mention.
    spans = [pred.evidence, *getattr(pred, "mentions", ())]
    if _overlaps(spans, gold.spans):
        return 2.0 + (0.5 if pred.size is not None and pred.size.count == gold.size else 0.0)
    same_place = gold.destination_country is not None and (
        gold.destination_country == pred.destination_country
    )
    if same_place and names_agree(gold.force, pred.force):
        return 1.0
    return 0.0


#: Words that may open a place's mention without being its name ("مدينة صعدة" is صعدة): an
#: annotator may take the type word into the mention, an extractor the bare name.
_PLACE_TYPE_WORDS = frozenset(
    normalize_string(w)
    for w in (
        "مدينة", "بلدة", "قرية", "محافظة", "ولاية", "إقليم", "منطقة", "مقاطعة", "مديرية", "قضاء",
        "ناحية", "حي", "city", "town", "village", "province", "district", "region",
    )
)  # fmt: skip
_ARABIC_PROCLITICS = ("و", "ف", "ب", "ل", "ك")


def mention_forms(text: str) -> frozenset[str]:
    """The forms a location mention is compared by: normalised, without a place type word
    ("مدينة صعدة", "Rajkot district"), and (Arabic) without one proclitic letter ("بصعدة",
    "وصعدة" -> صعدة). An underscore joins a hashtag's words ("#إقليم_قندوز"): a space here."""
    words = norm(text.replace("_", " ")).split()
    variants = [words]
    if words:
        first = words[0]
        for clitic in _ARABIC_PROCLITICS:  # "بمحافظة شمال سيناء": the clitic comes first
            if first.startswith(clitic) and len(first) > len(clitic) + 2:
                variants.append([first[len(clitic) :], *words[1:]])
    forms: set[str] = set()
    for variant in variants:
        if len(variant) > 1 and variant[0] in _PLACE_TYPE_WORDS:
            variant = variant[1:]
        elif len(variant) > 1 and variant[-1] in _PLACE_TYPE_WORDS:
            variant = variant[:-1]  # English puts it last: "Rajkot district"
        forms.add(" ".join(variant))
    return frozenset(f for f in forms if f)


def location_score(gold: GoldLocation, pred: Location) -> float:
    if norm(gold.name).casefold() == norm(pred.name).casefold():
        return 2.0
    if gold.country_code != pred.country_code or gold.kind != pred.kind:
        return 0.0
    gold_forms = {norm(m) for m in gold.mentions}
    if any(norm(e.text) in gold_forms for e in pred.mentions):
        return 1.0
    # the same name with or without its type word or a clitic ("مدينة صعدة" / "بصعدة")
    loose = frozenset().union(*(mention_forms(m) for m in gold.mentions))
    if any(mention_forms(e.text) & loose for e in pred.mentions):
        return 0.5
    return 0.0


SCORERS: dict[str, Callable[[Any, Any], float]] = {
    "casualties": casualty_score,
    "dates": date_score,
    "statements": statement_score,
    "deployments": deployment_score,
    "locations": location_score,
}


def pair(scores: Sequence[Sequence[float]], rows: Sequence[int], taken: dict[int, int]) -> None:
    """Maximum one-to-one matching of ``rows`` (gold indexes) to columns (predictions).

    Kuhn's augmenting paths, trying each row's columns best score first, so the pairing has the
    most matches possible and prefers the better-scoring partner. ``taken`` maps column -> row
    and is extended in place (columns already taken by an earlier call stay taken).
    """
    locked = set(taken)

    def augment(row: int, seen: set[int]) -> bool:
        order = sorted(
            (c for c, s in enumerate(scores[row]) if s > 0 and c not in locked),
            key=lambda c: (-scores[row][c], c),
        )
        for col in order:
            if col in seen:
                continue
            seen.add(col)
            if col not in taken or augment(taken[col], seen):
                taken[col] = row
                return True
        return False

    for row in rows:
        augment(row, set())


def match(
    category: str, gold: Sequence[GoldItem], predicted: Sequence[Prediction]
) -> tuple[dict[int, int], list[list[float]]]:
    """Pair predictions with gold items: required items first, then optional ones.

    Returns (prediction index -> gold index, score matrix gold x prediction).
    """
    scorer = SCORERS[category]
    scores = [[scorer(g, p) for p in predicted] for g in gold]
    taken: dict[int, int] = {}
    pair(scores, [i for i, g in enumerate(gold) if not g.optional], taken)
    pair(scores, [i for i, g in enumerate(gold) if g.optional], taken)
    return taken, scores
