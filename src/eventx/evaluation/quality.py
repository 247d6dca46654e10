"""The quality guard: dev-set F1 per category and language, and off-topic loudness, as figures.

``benchmarks/results/quality.json`` holds the committed figures. The guard test recomputes them
and fails when one got worse by more than :data:`TOLERANCE` (F1 and accuracies dropping,
off-topic rates rising), and also when one got better by more than that without the file being
updated: a change that improves a figure records it in the same commit (``make quality``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from eventx.evaluation.gold import CATEGORIES
from eventx.evaluation.offtopic import SIGNALS, evaluate_offtopic
from eventx.evaluation.scoring import evaluate_dir

if TYPE_CHECKING:
    from eventx.pipeline import Pipeline

TOLERANCE = 0.02


def measure(
    devset: str | Path, offtopic: str | Path | None = None, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """The guarded figures: ``devset.<language>.<category>`` F1 (and event type / country
    accuracy), and ``offtopic.<language>.<signal>`` rates when an off-topic set is given."""
    report = evaluate_dir(devset, pipeline)
    figures: dict[str, Any] = {"devset": {}}
    for language in ["all", *report.languages]:
        row = {c: round(report.counts(c, language).f1, 4) for c in CATEGORIES}
        row["event_type"] = round(report.event_type_accuracy(language).value, 4)
        row["country"] = round(report.country_accuracy(language).value, 4)
        figures["devset"][language] = row
    if offtopic is not None:
        loud = evaluate_offtopic(offtopic, pipeline)
        figures["offtopic"] = {
            language: {s: round(loud.rate(s, language), 4) for s in SIGNALS}
            for language in ("all", *loud.languages)
        }
    return figures


def _flatten(figures: dict[str, Any], prefix: str = "") -> dict[str, float]:
    flat: dict[str, float] = {}
    for key, value in figures.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = float(value)
    return flat


def compare(
    current: dict[str, Any], committed: dict[str, Any], tolerance: float = TOLERANCE
) -> tuple[list[str], list[str]]:
    """(regressions, unrecorded improvements) of ``current`` against ``committed``.

    Off-topic figures are rates of false alarms: there, higher is worse.
    """
    now, before = _flatten(current), _flatten(committed)
    worse: list[str] = []
    better: list[str] = []
    for name in sorted(before.keys() | now.keys()):
        if name not in now or name not in before:
            worse.append(f"{name}: only in {'the committed file' if name in before else 'this run'}")
            continue
        gain = now[name] - before[name]
        if name.startswith("offtopic."):
            gain = -gain
        if gain < -tolerance:
            worse.append(f"{name}: {before[name]:.4f} -> {now[name]:.4f}")
        elif gain > tolerance:
            better.append(f"{name}: {before[name]:.4f} -> {now[name]:.4f}")
    return worse, better
