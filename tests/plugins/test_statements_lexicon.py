"""The statements lexicons load, are normalised, and cover the cues the issue names."""

from __future__ import annotations

import pytest

from eventx_statements.vocabulary import CueInfo, norm, vocabulary


def _cue_forms(language: str) -> dict[str, CueInfo]:
    return dict(vocabulary(language).cue_table)


@pytest.mark.parametrize(
    "cue",
    [
        "قال",
        "أعلن",
        "أكد",
        "أضاف",
        "أشار",
        "أفادت",
        "ذكر",
        "اعتبر",
        "دعا",
        "حذر",
        "أعرب",
        "تابع",
        "نقل",
        "حسب",
        "بحسب",
        "وفقا",
    ],
)
def test_arabic_cues_from_the_issue_are_listed(cue: str) -> None:
    assert norm(cue) in _cue_forms("ar")


@pytest.mark.parametrize(
    "cue", ["said", "told", "announced", "stated", "warned", "called on", "according to", "added"]
)
def test_english_cues_from_the_issue_are_listed(cue: str) -> None:
    assert norm(cue) in _cue_forms("en")


def test_arabic_gender_and_aspect_are_read_from_the_data() -> None:
    cues = _cue_forms("ar")
    assert cues[norm("قالت")].gender == "feminine"
    assert cues[norm("قال")].gender == "masculine"
    assert cues[norm("تقول")].imperfect and cues[norm("يقول")].imperfect
    assert not cues[norm("تابعت")].imperfect  # a perfect that happens to start with ت
    assert cues[norm("أضاف")].kind == "continuation"
    assert cues[norm("حسب")].kind == "source"


def test_names_and_patterns_are_normalised() -> None:
    vocab = vocabulary("ar")
    assert vocab.names[norm("الأمم المتحدة")] == "United Nations"
    assert norm("الكازاخستاني") in vocab.demonyms
    assert vocab.short_forms[norm("الخارجية")] == norm("وزارة الخارجية")


def test_unknown_language_falls_back_to_english() -> None:
    assert vocabulary("xx").language == "en"
    assert vocabulary("xx") is vocabulary("xx")  # compiled once per process
