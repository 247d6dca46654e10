"""The quality guard: dev-set F1 and off-topic loudness against benchmarks/results/quality.json.

Replaces absolute dev-set thresholds (met on one batch, broken by the next): a figure may not
drop by more than 0.02 below the committed one, and an improvement is recorded in the same
commit (`make quality`). CI has ../shared beside the clone; without it the guard skips.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventx
from eventx.evaluation.quality import TOLERANCE, compare, measure

QUALITY = Path(__file__).resolve().parents[1] / "benchmarks" / "results" / "quality.json"


def test_dev_set_and_offtopic_figures_hold(devset_dir: Path, pipeline: eventx.Pipeline) -> None:
    offtopic = devset_dir.parent / "offtopic"
    if not offtopic.is_dir():
        pytest.skip(f"off-topic set not found at {offtopic}")
    committed = json.loads(QUALITY.read_text("utf-8"))
    worse, better = compare(measure(devset_dir, offtopic, pipeline), committed)
    assert not worse, f"quality dropped by more than {TOLERANCE}:\n" + "\n".join(worse)
    assert not better, "quality improved; record it with `make quality`:\n" + "\n".join(better)


def test_compare_flags_drops_and_unrecorded_gains_but_not_noise() -> None:
    committed = {"devset": {"ar": {"dates": 0.90}}, "offtopic": {"all": {"casualties": 0.05}}}
    same = {"devset": {"ar": {"dates": 0.89}}, "offtopic": {"all": {"casualties": 0.06}}}
    assert compare(same, committed) == ([], [])
    dropped = {"devset": {"ar": {"dates": 0.85}}, "offtopic": {"all": {"casualties": 0.05}}}
    assert compare(dropped, committed)[0] == ["devset.ar.dates: 0.9000 -> 0.8500"]
    # Off-topic figures are false alarms: a rise is a regression, a fall an improvement.
    louder = {"devset": {"ar": {"dates": 0.90}}, "offtopic": {"all": {"casualties": 0.10}}}
    assert compare(louder, committed)[0] == ["offtopic.all.casualties: 0.0500 -> 0.1000"]
    quieter = {"devset": {"ar": {"dates": 0.95}}, "offtopic": {"all": {"casualties": 0.0}}}
    assert len(compare(quieter, committed)[1]) == 2
    missing = {"devset": {"ar": {}}, "offtopic": {"all": {"casualties": 0.05}}}
    assert compare(missing, committed)[0] == ["devset.ar.dates: only in the committed file"]


def test_offtopic_report_counts_conflict_types_casualties_and_deployments(
    pipeline: eventx.Pipeline,
) -> None:
    from eventx.evaluation.offtopic import evaluate_offtopic

    documents = [
        eventx.Document(id="match", text="Real Madrid beat Barcelona 3-1 on Sunday.", language="en"),
        eventx.Document(
            id="bomb",
            text="A car bomb killed 12 people in Baghdad on Sunday, police said.",
            language="en",
            document_date="2022-03-07",
        ),
        # A business story recalling an old disaster: its victims are background, not news.
        eventx.Document(
            id="vanilla",
            text="Vanilla prices rose again. A cyclone killed 78 people on the coast in March 2017.",
            language="en",
            document_date="2022-03-07",
        ),
    ]
    report = evaluate_offtopic(documents, pipeline)
    assert [c.background for c in report.records[2].casualties] == [True]
    assert report.count("casualties") == (1, 3)
    assert report.loud("casualties") == ["bomb"]
    assert report.rate("deployments") == 0.0
    assert report.raises(report.records[1], "event_type")
    assert not report.raises(report.records[0], "event_type")
