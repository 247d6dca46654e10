"""The shipped JSON Schema: it accepts every record eventx produces and rejects broken ones."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from hypothesis import given

import eventx
from eventx.demo import expected_path, seed_record, seeds_dir
from eventx.testing import assert_valid_record, news_texts, schema_errors


@pytest.fixture(scope="module")
def seed_dict() -> dict[str, Any]:
    return seed_record().to_dict()


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = eventx.record_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    assert schema["properties"]["schema"]["const"] == eventx.SCHEMA_ID


def test_record_schema_returns_a_copy() -> None:
    eventx.record_schema()["properties"].clear()
    assert "status" in eventx.record_schema()["properties"]


def test_schema_file_ships_inside_the_package() -> None:
    from importlib import resources

    path = resources.files("eventx.record.schema").joinpath("record.schema.json")
    assert json.loads(path.read_text("utf-8"))["$id"] == eventx.record_schema()["$id"]


def test_seed_record_and_golden_file_validate(seed_dict: dict[str, Any]) -> None:
    assert schema_errors(seed_dict) == []
    golden = json.loads(expected_path(seeds_dir()).read_text("utf-8"))
    assert schema_errors(golden) == []


def test_schema_requires_every_contract_field() -> None:
    required = set(eventx.record_schema()["required"])
    contract = {
        "schema", "id", "language", "document_date", "status", "event_type", "country",
        "time", "locations", "actors", "dates", "casualties", "deployments", "statements",
        "diagnostics",
    }  # fmt: skip
    assert contract <= required


def _broken(seed: dict[str, Any], path: list[Any], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(seed)
    target = data
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


_DELETE = object()


@pytest.mark.parametrize(
    ("path", "value", "where"),
    [
        (["status"], "fine", "status"),
        (["schema"], "eventx.record/2", "schema"),
        (["casualties"], _DELETE, "<record>"),
        (["country"], "Kazakhstan", "country"),
        (["document_date"], "07/01/2022", "document_date"),
        (["casualties", 0, "kind"], "dead", "casualties/0/kind"),
        (["casualties", 0, "count"], -3, "casualties/0/count"),
        (["casualties", 0, "evidence", "start"], "40", "casualties/0/evidence/start"),
        (["casualties", 0, "evidence"], _DELETE, "casualties/0"),
        (["locations", 0, "kind"], "planet", "locations/0/kind"),
        (["dates", 0, "value"], "Friday", "dates/0/value"),
        (["dates", 0, "granularity"], "fortnight", "dates/0/granularity"),
        (["deployments", 0, "contributors"], "RU", "deployments/0/contributors"),
        (["statements", 0, "direct"], "yes", "statements/0/direct"),
        (
            ["diagnostics"],
            [{"plugin": "x", "level": "fatal", "message": "m"}],
            "diagnostics/0/level",
        ),
        (["extensions"], {"weapons": [{"field": "weapons", "value": 3}]}, "extensions/weapons/0"),
    ],
)
def test_schema_rejects_broken_records(
    seed_dict: dict[str, Any], path: list[Any], value: Any, where: str
) -> None:
    errors = schema_errors(_broken(seed_dict, path, value))
    assert errors, f"a record with {path} = {value!r} passed the schema"
    assert any(e.startswith(where + ":") for e in errors), errors


def test_schema_allows_added_fields(seed_dict: dict[str, Any]) -> None:
    data = copy.deepcopy(seed_dict)
    data["pipeline_version"] = "9.9"
    data["casualties"][0]["confidence"] = 0.7
    data["casualties"][0]["evidence"]["paragraph"] = 2
    data["locations"][0]["admin3"] = {"name": "Medeu District"}
    data["locations"][0]["admin1"] = {"name": "Almaty", "code": "KZ-75"}
    assert schema_errors(data) == []


def test_schema_checks_location_roles_and_admin_areas(seed_dict: dict[str, Any]) -> None:
    data = copy.deepcopy(seed_dict)
    data["locations"][0]["role"] = "scene"
    data["locations"][1]["admin1"] = "Almaty Region"
    data["locations"][2]["geo_precision"] = 4
    errors = schema_errors(data)
    assert any(e.startswith("locations/0/role:") for e in errors), errors
    assert any(e.startswith("locations/1/admin1:") for e in errors), errors
    assert any(e.startswith("locations/2/geo_precision:") for e in errors), errors


@given(news_texts())
def test_records_from_generated_news_validate(text: str) -> None:
    record = eventx.default_pipeline().extract(text, document_date="2022-01-07")
    assert_valid_record(record)


def test_error_records_validate() -> None:
    assert_valid_record(eventx.error_record("x", "the document text is empty"))
    assert_valid_record(eventx.extract(""))
