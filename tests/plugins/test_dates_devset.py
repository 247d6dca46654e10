"""Dates quality on the dev set: F1 of distinct resolved values against the gold dates.

A predicted value counts as correct when it is the value of a gold date item; required items
not found are misses; predictions matching only optional (background) items are neither.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import eventx
import eventx_dates

TARGET_F1 = 0.85


def dates_f1(devset: Path, language: str) -> float:
    pipeline = eventx.Pipeline(plugins=[eventx_dates], entry_points=False)
    tp = fp = fn = 0
    for facts_file in sorted(devset.glob(f"*_{language}_*.facts.json")):
        gold = json.loads(facts_file.read_text(encoding="utf-8"))
        text = facts_file.with_name(facts_file.name.replace(".facts.json", ".txt")).read_text(
            encoding="utf-8"
        )
        record = pipeline.extract(
            text, language=language, document_date=gold["document_date"], id=gold["id"]
        )
        predicted = {d.value for d in record.dates if d.value}
        required = {d["value"] for d in gold["dates"] if not d.get("optional")}
        optional = {d["value"] for d in gold["dates"] if d.get("optional")}
        tp += len(predicted & required)
        fn += len(required - predicted)
        fp += len(predicted - required - optional)
    if tp == 0:
        return 0.0
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    return 2 * precision * recall / (precision + recall)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_dates_f1_on_the_dev_set(devset_dir: Path, language: str) -> None:
    assert dates_f1(devset_dir, language) >= TARGET_F1
