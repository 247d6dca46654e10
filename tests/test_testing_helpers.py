"""eventx.testing: the helpers plugin authors rely on must catch what they promise to catch."""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given

import eventx
from eventx.testing import (
    ExtractorPlugin,
    assert_evidence_sound,
    assert_valid_record,
    documents,
    hostile_texts,
    make_document,
    news_texts,
    run_extractor,
    schema_errors,
)

EN = "Police said 3 people were killed in Almaty on Friday."


def first_word(ctx: eventx.ExtractionContext) -> Iterator[eventx.Actor]:
    token = ctx.annotation.tokens[0]
    yield eventx.Actor(
        name=token.text, kind="force", mentions=[ctx.evidence(token.start, token.end)]
    )


def test_run_extractor_with_a_bare_extractor_runs_only_it() -> None:
    record = run_extractor(eventx.Extractor(name="first-word", func=first_word), EN)
    assert [a.name for a in record.actors] == ["Police"]
    assert record.casualties == () and record.dates == ()  # no entry points loaded


def test_run_extractor_with_plugins_and_entry_points() -> None:
    import eventx_dates

    def dated(ctx: eventx.ExtractionContext) -> Iterator[eventx.Extension]:
        for date in ctx.facts("dates"):
            yield eventx.Extension(
                field="seen", value={"value": date.value}, evidence=date.evidence
            )

    extractor = eventx.Extractor(name="dated", func=dated, requires=["dates"])
    record = run_extractor(extractor, EN, document_date="2022-01-07", with_plugins=[eventx_dates])
    assert [e.value["value"] for e in record.extensions["seen"]] == ["2022-01-07"]
    full = run_extractor(ExtractorPlugin(name="empty"), EN, entry_points=True)
    assert full.casualties


def test_run_extractor_accepts_a_document_and_reports_crashes() -> None:
    def crash(ctx: eventx.ExtractionContext) -> list[eventx.Actor]:
        raise KeyError("boom")

    document = make_document(EN, id="d1", language="en", document_date="2022-01-07")
    assert document.document_date is not None and document.document_date.day == 7
    record = run_extractor(eventx.Extractor(name="crash", func=crash), document)
    assert record.id == "d1" and record.status == "partial"
    assert record.diagnostics[0].plugin == "crash"


def test_assert_evidence_sound_catches_a_shifted_span() -> None:
    record = run_extractor(eventx.Extractor(name="first-word", func=first_word), EN)
    assert_evidence_sound(record, EN)
    with pytest.raises(AssertionError, match="does not match"):
        assert_evidence_sound(record, " " + EN)
    with pytest.raises(AssertionError, match="outside"):
        assert_evidence_sound(record, EN[:3])


def test_assert_valid_record_catches_schema_violations() -> None:
    record = run_extractor(eventx.Extractor(name="first-word", func=first_word), EN)
    assert_valid_record(record)
    data = record.to_dict()
    data["actors"][0]["kind"] = "alien"
    assert schema_errors(data) == [
        "actors/0/kind: 'alien' is not one of ['person', 'organization', 'state', 'group', 'force']"
    ]
    with pytest.raises(AssertionError, match="actors/0/kind"):
        assert_valid_record(data)
    bad_country = attrs.evolve(record, country="Kazakhstan")
    with pytest.raises(AssertionError, match="country"):
        assert_valid_record(bad_country)


@given(news_texts("ar"))
def test_arabic_news_texts_are_arabic_and_make_extractors_fire(text: str) -> None:
    assert eventx.detect_language(text) == "ar"
    record = eventx.default_pipeline().extract(text, document_date="2022-01-07")
    assert record.statements or record.casualties or record.locations or record.dates


@given(news_texts("en"))
def test_english_news_texts_are_english(text: str) -> None:
    assert eventx.detect_language(text) == "en"


def test_news_texts_rejects_unknown_languages() -> None:
    with pytest.raises(ValueError, match="Available: ar, en"):
        news_texts("fr")


@given(documents())
def test_documents_strategy_builds_documents(document: eventx.Document) -> None:
    assert isinstance(document, eventx.Document) and document.text and document.id


@given(hostile_texts())
def test_hostile_texts_are_strings(text: str) -> None:
    assert isinstance(text, str)
