"""Tests for the eventx-weapons example plugin, written with eventx.testing."""

from __future__ import annotations

from typing import Any

import eventx_weapons
import pytest
from hypothesis import given, settings

import eventx
from eventx.testing import (
    assert_evidence_sound,
    assert_valid_record,
    hostile_texts,
    news_texts,
    run_extractor,
)

AR = (
    "ضبطت الشرطة 12 بندقية وثلاث قنابل يدوية، واستخدمت الغاز المسيل للدموع "
    "والرصاص المطاطي لتفريق المحتجين، بينما قصف سلاح الجو مواقع المسلحين بالطائرات المسيرة."
)
EN = (
    "Police seized 12 rifles and 3 hand grenades in Almaty. A think tank said security forces "
    "fired tear gas and rubber bullets, and the army deployed two tanks."
)


def weapons(text: str, language: str) -> list[tuple[str, str, Any]]:
    record = run_extractor(eventx_weapons, text, language=language)
    assert_evidence_sound(record, text)
    assert_valid_record(record)
    return [
        (w.evidence.text, w.value["category"], w.value["count"])
        for w in record.extensions.get("weapons", ())
    ]


def test_arabic_weapons_with_clitics_counts_and_stop_phrases() -> None:
    assert weapons(AR, "ar") == [
        ("بندقية", "small_arms", 12),
        ("قنابل يدوية", "explosives", 3),  # ثلاث: a number word, joined by the conjunction و
        ("الغاز المسيل للدموع", "less_lethal", None),
        ("والرصاص المطاطي", "less_lethal", None),
        # "سلاح الجو" is the air force, not a weapon: a stop-phrase in lexicon/ar.toml
        ("بالطائرات المسيرة", "drones", None),
    ]


def test_english_weapons_with_counts_and_stop_phrases() -> None:
    assert weapons(EN, "en") == [
        ("rifles", "small_arms", 12),
        ("hand grenades", "explosives", 3),
        ("tear gas", "less_lethal", None),
        ("rubber bullets", "less_lethal", None),
        ("tanks", "armoured_vehicles", 2),
    ]  # "think tank" is a stop-phrase


def test_no_weapons_no_extension() -> None:
    record = run_extractor(eventx_weapons, "Parliament met on Tuesday.", language="en")
    assert "weapons" not in record.extensions and record.status == "ok"


def test_unsupported_language_is_skipped() -> None:
    record = run_extractor(eventx_weapons, "La police a saisi 12 fusils.", language="fr")
    assert "weapons" not in record.extensions


def test_evidence_is_stamped_with_the_extractor_name() -> None:
    record = run_extractor(eventx_weapons, EN, language="en")
    assert {w.evidence.extractor for w in record.extensions["weapons"]} == {"weapons"}


def test_the_record_json_carries_the_extension() -> None:
    record = run_extractor(eventx_weapons, EN, language="en")
    data = record.to_dict()
    assert data["extensions"]["weapons"][0] == {
        "field": "weapons",
        "value": {"category": "small_arms", "term": "rifles", "count": 12},
        "evidence": {
            "text": "rifles",
            "start": EN.index("rifles"),
            "end": EN.index("rifles") + len("rifles"),
            "sentence": 0,
            "extractor": "weapons",
        },
    }
    assert eventx.EventRecord.from_dict(data) == record


@pytest.mark.parametrize("language", ["ar", "en"])
def test_lexicons_have_the_same_categories_and_no_empty_terms(language: str) -> None:
    table = eventx.language_data("eventx_weapons", "lexicon", language)
    other = eventx.language_data("eventx_weapons", "lexicon", "en" if language == "ar" else "ar")
    assert set(table) == set(other)
    for section in table.values():
        assert section["terms"] and all(term.strip() for term in section["terms"])
    assert eventx_weapons.weapon_terms(language).size == sum(
        len(s["terms"]) for s in table.values()
    )


def test_installed_plugin_is_discovered_through_its_entry_point() -> None:
    pipeline = eventx.Pipeline()
    info = {p.name: p for p in pipeline.plugins}["eventx_weapons"]
    assert info.status == "loaded" and info.version == eventx_weapons.__version__
    assert info.extractors == ("weapons",)
    assert eventx.Pipeline(disable=["eventx_weapons"]).extract(EN).extensions == {}


@settings(max_examples=40, deadline=None)
@given(news_texts() | hostile_texts())
def test_any_text_gives_a_valid_record_with_sound_evidence(text: str) -> None:
    record = run_extractor(eventx_weapons, text)
    assert record.status in ("ok", "error")  # the plugin never crashes: no "partial"
    clean = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
    assert_evidence_sound(record, clean)
    assert_valid_record(record)
