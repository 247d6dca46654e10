"""Plugin output is checked where it enters the record (issue 16.3) and odd document fields
are handled by the pipeline (issue 16.10). Every record stays valid against the schema."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import jsonschema
import pytest

import eventx
from eventx import hookimpl
from eventx.plugins.validate import MAX_SAFE_INTEGER, json_problem, schema_problem

AR = "أعلنت وزارة الداخلية الكازاخستانية الجمعة مصرع 26 مسلحا وإصابة 18 آخرين في ألماتي."
EN = "Police said 26 people were killed and 18 injured in Almaty, Kazakhstan, on Friday."
DATE = "2022-01-07"


def assert_schema_valid(record: eventx.EventRecord) -> None:
    data = record.to_dict()
    jsonschema.validate(data, eventx.record_schema())
    assert record.to_json()  # serialisable (orjson refuses what JSON cannot hold)


class Odd:
    """Something that is not a JSON value."""


BAD_VALUES = {
    "a set": {"tags": {"a", "b"}},
    "an object": {"thing": Odd()},
    "2**70": {"n": 2**70},
    "-2**60": {"n": -(2**60)},
    "NaN": {"x": float("nan")},
    "a lone surrogate": {"s": "\ud800"},
    "a non-string key": {1: "one"},
}


@pytest.mark.parametrize("label", list(BAD_VALUES))
def test_an_invalid_extension_value_costs_only_that_extension(label: str) -> None:
    def extensions(ctx: eventx.ExtractionContext) -> list[eventx.Extension]:
        evidence = ctx.evidence(0, 5)
        return [
            eventx.Extension(field="bad", value=BAD_VALUES[label], evidence=evidence),
            eventx.Extension(field="good", value={"n": MAX_SAFE_INTEGER}, evidence=evidence),
        ]

    from eventx.testing import run_extractor

    record = run_extractor(eventx.Extractor(name="ext", func=extensions), EN)
    assert list(record.extensions) == ["good"]
    assert record.status == "partial"
    assert any(d.plugin == "ext" and "Extension" in d.message for d in record.diagnostics)
    assert_schema_valid(record)


def test_a_casualty_count_beyond_json_safe_range_is_dropped_with_a_warning() -> None:
    text = "20000000000000000000 refugees were displaced, and 26 people were killed."

    def counts(ctx: eventx.ExtractionContext) -> list[eventx.Casualty]:
        huge = eventx.Casualty(kind="displaced", count=2 * 10**19, evidence=ctx.evidence(0, 20))
        at = text.index("26")
        fine = eventx.Casualty(kind="killed", count=26, evidence=ctx.evidence(at, at + 2))
        return [huge, fine]

    from eventx.testing import run_extractor

    record = run_extractor(eventx.Extractor(name="counts", func=counts), text)
    assert [c.count for c in record.casualties] == [26]
    assert any("2**53" in d.message for d in record.diagnostics if d.plugin == "counts")
    assert_schema_valid(record)


HOOK_ANSWERS: list[tuple[str, Any]] = [
    ("eventx_merge_facts", 42),
    ("eventx_merge_facts", "KZ"),
    ("eventx_merge_facts", [object()]),
    ("eventx_casualty_totals", {"killed": 26}),
    ("eventx_decide_event_type", "riots"),
    ("eventx_decide_country", {"code": "RU"}),
    ("eventx_decide_country", "Kazakhstan"),
    ("eventx_decide_country", "ru"),
    ("eventx_decide_time", "yesterday"),
    ("eventx_decide_time", eventx.TimeSpan(start="soon", end="later")),
]


@pytest.mark.parametrize(("hook", "answer"), HOOK_ANSWERS)
def test_an_invalid_hook_answer_is_ignored_and_the_next_implementation_decides(
    hook: str, answer: Any
) -> None:
    def bad(**_: Any) -> Any:
        return answer

    plugin = type(
        "Bad", (), {"name": "bad-answer", hook: hookimpl(tryfirst=True)(staticmethod(bad))}
    )()
    baseline = eventx.Pipeline().extract(AR, document_date=DATE)
    record = eventx.Pipeline(plugins=[plugin]).extract(AR, document_date=DATE)
    assert record.status == "partial"
    assert any(d.plugin == "bad-answer" and hook in d.message for d in record.diagnostics)
    assert record.country == baseline.country == "KZ"
    assert record.casualties == baseline.casualties
    assert record.casualty_totals == baseline.casualty_totals
    assert record.time == baseline.time
    assert_schema_valid(record)


def test_a_merge_answer_with_facts_of_another_field_is_ignored() -> None:
    class Swap:
        name = "swap"

        @hookimpl(tryfirst=True)
        def eventx_merge_facts(self, field: str, facts: Sequence[Any]) -> Any:
            return [eventx.Actor(name="x")] if field == "locations" else None

    record = eventx.Pipeline(plugins=[Swap()]).extract(AR, document_date=DATE)
    assert record.locations and all(isinstance(x, eventx.Location) for x in record.locations)
    assert record.status == "partial"


def test_the_validator_agrees_with_jsonschema_on_real_records() -> None:
    schema = eventx.record_schema()
    for text in (AR, EN):
        data = eventx.extract(text, document_date=DATE).to_dict()
        assert schema_problem(data, schema) is None
        jsonschema.validate(data, schema)
        broken = {**data, "country": "kz"}
        assert schema_problem(broken, schema) is not None
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(broken, schema)
    assert json_problem({"a": [1, 2.5, None, True, "x"]}) is None
    assert json_problem(MAX_SAFE_INTEGER + 1) is not None


# --- document fields (issue 16.10) ---------------------------------------------------------------


@pytest.mark.parametrize("language", [["ar"], 5, "not a code!", {"ar": 1}])
def test_a_language_that_is_not_a_code_is_not_copied_into_the_record(language: Any) -> None:
    record = eventx.Pipeline().run(eventx.Document(text=AR, language=language, document_date=DATE))
    assert record.language == "ar"  # detected instead
    assert record.casualties
    assert any("not a language code" in d.message for d in record.diagnostics)
    assert_schema_valid(record)


def test_a_language_code_is_normalised_to_its_primary_subtag() -> None:
    record = eventx.extract(AR, language="AR-eg", document_date=DATE)
    assert record.language == "ar" and record.status == "ok" and record.casualties


def test_an_unknown_language_code_crashes_no_extractor() -> None:
    record = eventx.extract(EN, language="xx", document_date=DATE)
    assert record.status == "partial" and record.language == "xx"
    assert [d.level for d in record.diagnostics] == ["warning"]
    assert "not supported" in record.diagnostics[0].message
    assert_schema_valid(record)


@pytest.mark.parametrize("date", ["0001-01-01", "0050-06-01", "9999-12-31", "9950-01-01"])
def test_document_dates_near_the_ends_of_the_calendar_do_not_overflow(date: str) -> None:
    text = "Police said 5 people were killed on Friday. Last year 3 died; next month more may."
    record = eventx.extract(text, document_date=date)
    assert record.document_date == date
    assert record.status == "partial"
    assert not [d for d in record.diagnostics if d.level == "error"]
    assert any("relative dates were not resolved" in d.message for d in record.diagnostics)
    assert record.casualties
    assert_schema_valid(record)


@pytest.mark.parametrize("title", [5, ["a title"], b"bytes"])
def test_a_title_that_is_not_a_string_is_ignored_with_a_warning(title: Any) -> None:
    record = eventx.Pipeline().run(eventx.Document(text=EN, title=title, document_date=DATE))
    assert not [d for d in record.diagnostics if d.level == "error"]
    assert any("title" in d.message for d in record.diagnostics)
    assert record.casualties


@pytest.mark.parametrize("value", [None, b"Police said 5 were killed.", 5])
def test_extract_of_something_that_is_not_text_raises_type_error(value: Any) -> None:
    with pytest.raises(TypeError, match=r"takes a str or an eventx\.Document"):
        eventx.extract(value)


@pytest.mark.parametrize("value", [None, b"Police said 5 were killed.", 5])
def test_a_document_whose_text_is_not_a_string_gives_an_error_record(value: Any) -> None:
    record = eventx.Pipeline().run(eventx.Document(id="d1", text=value))
    assert record.status == "error" and record.id == "d1"
    assert "not a str" in record.diagnostics[0].message
    assert_schema_valid(record)


def test_an_id_with_a_lone_surrogate_or_of_another_type_still_serialises() -> None:
    record = eventx.Pipeline().run(eventx.Document(id="a\ud800b", text=EN))
    assert record.id == "a\ufffdb"
    assert_schema_valid(record)
    record = eventx.Pipeline().run(eventx.Document(id=7, text=EN))  # type: ignore[arg-type]
    assert record.id == "7"
    assert_schema_valid(record)
