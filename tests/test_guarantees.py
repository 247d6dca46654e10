"""The guarantees of docs/guarantees.md that are not covered by the property tests."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

import eventx
from eventx import hookimpl

AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في كازاخستان."
EN = "Police said three protesters were killed and 40 injured in Kazakhstan on Friday."

_SEED_JSON = "from eventx.demo import seed_record; print(seed_record(bundled_only=True).to_json())"


def test_output_does_not_depend_on_the_hash_seed() -> None:
    outputs = set()
    for seed in ("0", "1", "4242"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run(
            [sys.executable, "-c", _SEED_JSON],
            capture_output=True,
            text=True,
            env=env,
            check=True,
            timeout=120,
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    @hookimpl
    def eventx_register_extractors(self, register: eventx.Register) -> None:
        def mark(ctx: eventx.ExtractionContext) -> list[eventx.Extension]:
            return [
                eventx.Extension(
                    field="marks", value={"by": self.name}, evidence=ctx.evidence(0, 4)
                )
            ]

        register(eventx.Extractor(name=f"mark-{self.name}", func=mark, provides=["extensions"]))


def test_output_does_not_depend_on_plugin_registration_order() -> None:
    a, b = _Marker("a"), _Marker("b")
    first = eventx.Pipeline(plugins=[a, b]).extract(AR).to_json()
    second = eventx.Pipeline(plugins=[b, a]).extract(AR).to_json()
    assert first == second


def test_output_does_not_depend_on_todays_date(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt

    class Future(dt.date):
        @classmethod
        def today(cls) -> Future:
            return cls(2031, 6, 1)

    before = eventx.Pipeline().extract(AR, document_date="2022-01-07").to_json()
    monkeypatch.setattr(dt, "date", Future)
    after = eventx.Pipeline().extract(AR, document_date="2022-01-07").to_json()
    assert before == after


def test_huge_documents_are_cut_at_the_size_cap_with_a_warning() -> None:
    text = (EN + " ") * 50
    cap = 1000
    record = eventx.Pipeline(max_chars=cap).extract(text, document_date="2022-01-07")
    assert record.status == "partial"
    warning = [d for d in record.diagnostics if "max_chars" in d.message]
    assert warning and warning[0].level == "warning" and str(len(text)) in warning[0].message
    assert record.casualties and all(e.end <= cap for e in record.all_evidence())
    assert not record.check_evidence(text[:cap])
    assert not record.check_evidence(text)  # a prefix cut keeps every offset valid


def test_default_size_cap_is_documented() -> None:
    from pathlib import Path

    doc = (Path(__file__).resolve().parents[1] / "docs" / "guarantees.md").read_text("utf-8")
    assert f"{eventx.Pipeline().max_chars:,}" in doc


@pytest.mark.parametrize(
    ("unit", "repeats"),
    [
        ("1,", 100_000),  # number-with-separators pattern
        ("a-", 100_000),  # hyphenated-word pattern
        (".", 100_000),
        ("مقتل ", 20_000),  # a trigger with no number, repeated
        ("\u064e", 100_000),  # diacritics only
        ("Mr. ", 30_000),  # abbreviations the sentence splitter must skip
    ],
    ids=["digits", "hyphens", "dots", "triggers", "diacritics", "abbreviations"],
)
def test_pathological_inputs_give_a_record_at_linear_cost(unit: str, repeats: int) -> None:
    # No absolute time (machines differ and are loaded): ten times the text may cost at most
    # ~twice ten times the CPU, measured in this process.
    pipeline = eventx.default_pipeline()
    pipeline.extract(unit * 10, document_date="2022-01-07")  # warm

    def cost(text: str) -> tuple[float, str]:
        started = time.process_time()
        record = pipeline.extract(text, document_date="2022-01-07")
        return time.process_time() - started, record.status

    small, small_status = cost(unit * (repeats // 10))
    large, large_status = cost(unit * repeats)
    assert small_status in ("ok", "partial") and large_status in ("ok", "partial")
    assert large <= 20 * max(small, 0.05), f"{large:.2f} s vs {small:.2f} s for a tenth"


def test_nul_bytes_and_bidi_controls_give_a_record() -> None:
    text = "\u202bأعلنت\x00 الشرطة\u200f مقتل 3\u2066 أشخاص\u2069 الجمعة\u202c"
    record = eventx.extract(text, document_date="2022-01-07")
    assert record.status == "ok"
    assert not record.check_evidence(text)


def test_lone_surrogates_are_replaced_and_reported() -> None:
    text = "Police said 3 people were killed\ud800 on Friday."
    record = eventx.extract(text, document_date="2022-01-07")
    assert any("surrogate" in d.message for d in record.diagnostics)
    assert "\ud800" not in record.to_json()
    assert not record.check_evidence(text.replace("\ud800", "\ufffd"))
