"""Property tests (hypothesis) for the invariants every record and every text must keep."""

from __future__ import annotations

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventx
from eventx.nlp import BuiltinBackend, normalize, normalize_string
from eventx.record.event_record import STATUSES
from eventx.testing import (
    assert_evidence_sound,
    assert_valid_record,
    documents,
    hostile_texts,
    news_texts,
)

any_text = news_texts() | hostile_texts()


def _json_safe(text: str) -> str:
    """The text the pipeline works on: lone surrogates replaced one-for-one by U+FFFD."""
    return "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)


@given(any_text, st.sampled_from([None, "ar", "en"]))
def test_every_input_yields_one_sound_record(text: str, language: str | None) -> None:
    record = eventx.default_pipeline().extract(
        text, language=language, document_date="2022-01-07", id="doc-1"
    )
    assert isinstance(record, eventx.EventRecord)
    assert record.status in STATUSES
    assert record.id == "doc-1"
    if not text.strip():
        assert record.status == "error"
    assert_evidence_sound(record, _json_safe(text))
    assert_valid_record(record)
    record.to_json()  # serialisable: orjson refuses lone surrogates, so none may leak through


@given(st.lists(hostile_texts(max_size=60) | news_texts(max_sentences=2), max_size=6))
def test_extract_many_gives_one_record_per_document_in_order(texts: list[str]) -> None:
    docs = [eventx.Document(id=f"d{i}", text=t) for i, t in enumerate(texts)]
    records = list(eventx.default_pipeline().extract_many(docs))
    assert [r.id for r in records] == [d.id for d in docs]


@settings(max_examples=25)
@given(documents(news_texts() | hostile_texts()))
def test_same_input_gives_byte_identical_json_across_fresh_pipelines(
    document: eventx.Document,
) -> None:
    first = eventx.Pipeline().run(document).to_json()
    again = eventx.Pipeline().run(document).to_json()
    assert first == again
    assert eventx.default_pipeline().run(document).to_json() == first


@given(documents())
def test_json_round_trip(document: eventx.Document) -> None:
    record = eventx.default_pipeline().run(document)
    assert eventx.EventRecord.from_dict(record.to_dict()) == record
    assert eventx.EventRecord.from_dict(orjson.loads(record.to_json())) == record
    assert eventx.EventRecord.from_dict(orjson.loads(record.to_json(indent=True))) == record


@given(any_text)
def test_normalisation_maps_every_character_back_inside_the_original(text: str) -> None:
    norm = normalize(text)
    assert len(norm.text) <= len(text)
    previous = -1
    for j, char in enumerate(norm.text):
        i = norm.to_original(j)
        assert previous < i < len(text)  # strictly increasing: one original char per norm char
        previous = i
        # the normalised character is the normalisation of the original one (case-insensitively:
        # str.lower is context-sensitive for final sigma)
        assert normalize_string(text[i]).casefold() == char.casefold()
    for a in range(0, len(norm.text) + 1, 7):
        for b in range(a, min(a + 20, len(norm.text)) + 1, 5):
            start, end = norm.span_to_original(a, b)
            assert 0 <= start <= end <= len(text)


@given(any_text, st.sampled_from(["ar", "en", "und"]))
def test_tokens_and_sentences_slice_back_to_the_original(text: str, language: str) -> None:
    doc = BuiltinBackend().annotate(text, language)
    last_end = 0
    for index, sentence in enumerate(doc.sentences):
        assert sentence.index == index
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.start >= last_end and sentence.text.strip()
        last_end = sentence.end
        token_end = sentence.start
        for token in sentence.tokens:
            assert text[token.start : token.end] == token.text
            assert token_end <= token.start < token.end <= sentence.end
            token_end = token.end
            assert token.norm == normalize_string(token.text) or token.norm.casefold() == (
                normalize_string(token.text).casefold()
            )


@given(any_text)
def test_evidence_from_span_always_slices_back(text: str) -> None:
    for start in range(0, len(text) + 1, 3):
        end = min(len(text), start + 4)
        evidence = eventx.Evidence.from_span(text, start, end)
        assert text[evidence.start : evidence.end] == evidence.text
        assert evidence.matches(text)


@given(any_text, st.integers(-3, 40), st.integers(-3, 40), st.none() | st.integers(0, 5))
def test_evidence_from_span_is_the_evidence_the_constructor_builds(
    text: str, start: int, end: int, sentence: int | None
) -> None:
    """from_span sets its attributes directly (no validators to run): the same object the
    checked constructor makes, and the same refusal outside the text."""
    if not 0 <= start <= end <= len(text):
        with pytest.raises(ValueError, match="outside a text"):
            eventx.Evidence.from_span(text, start, end, sentence=sentence)
        return
    made = eventx.Evidence.from_span(text, start, end, sentence=sentence, extractor="x")
    built = eventx.Evidence(
        text=text[start:end], start=start, end=end, sentence=sentence, extractor="x"
    )
    assert made == built
    assert hash(made) == hash(built)
    assert repr(made) == repr(built)
