"""Invariants of the statements extractor on arbitrary news-like text (hypothesis)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import eventx

FRAGMENTS = [
    "قال",
    "قالت",
    "وأضاف",
    "أعلنت",
    "وزارة",
    "الداخلية",
    "الروسية",
    "الرئيس",
    "توكاييف",
    "من جهتها،",
    "إن",
    "أن",
    "في بيان",
    "حسب",
    "وفقا لـ",
    "بحسب",
    "نقلت",
    "عن",
    "المتحدث باسم",
    "الجيش",
    "الأمم المتحدة",
    "الولايات المتحدة",
    "الجمعة",
    "said",
    "he added",
    "according to",
    "Police",
    "Prime Minister",
    "Theresa May",
    ", the spokesman for the Taliban,",
    "told",
    "U.S.",
    "stating,",
    "“",
    "”",
    "«",
    "»",
    '"',
    "„",
    "‘",
    "’",
    "،",
    ",",
    ".",
    ":",
    "\n",
    " ",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map(
    " ".join
)


def _check(record: eventx.EventRecord, text: str) -> None:
    assert not [d for d in record.diagnostics if d.plugin == "statements"]
    for s in record.statements:
        assert s.speaker.strip(), "a statement without a speaker"
        spans = [s.evidence, s.speaker_evidence, s.content_evidence]
        for ev in spans:
            if ev is not None:
                assert 0 <= ev.start <= ev.end <= len(text)
                assert text[ev.start : ev.end] == ev.text
        if s.content_evidence is not None:
            assert s.evidence.start <= s.content_evidence.start
            assert s.content_evidence.end <= s.evidence.end
            assert s.content == s.content_evidence.text
        if s.speaker_evidence is not None:
            assert s.evidence.start <= s.speaker_evidence.start
            assert s.speaker_evidence.end <= s.evidence.end


@given(texts, st.sampled_from(["ar", "en"]))
def test_spans_slice_back_and_every_statement_has_a_speaker(text: str, language: str) -> None:
    pipeline = _pipeline()
    record = pipeline.extract(text, language=language, document_date="2022-01-07")
    _check(record, text)


@given(texts, st.sampled_from(["ar", "en"]))
def test_output_is_deterministic(text: str, language: str) -> None:
    pipeline = _pipeline()
    first = pipeline.extract(text, language=language, document_date="2022-01-07")
    second = pipeline.extract(text, language=language, document_date="2022-01-07")
    assert first.statements == second.statements


@given(st.text(max_size=200), st.sampled_from(["ar", "en", "fr"]))
def test_no_crash_on_any_text(text: str, language: str) -> None:
    record = _pipeline().extract(text, language=language)
    _check(record, text)


_PIPELINE: list[eventx.Pipeline] = []


def _pipeline() -> eventx.Pipeline:
    # One pipeline for all examples (hypothesis does not mix with function-scoped fixtures).
    if not _PIPELINE:
        _PIPELINE.append(eventx.Pipeline())
    return _PIPELINE[0]
