"""People named without a title: foreign names written in Arabic (also those ending in ـيه,
which look like a possessive), an apposition after the name, and English names with no title
(sentences written for the tests)."""

from __future__ import annotations

import pytest
from statements_helpers import speakers, statements

import eventx


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وأكد خوسيه باليه أن الحكومة فقدت السيطرة على العاصمة.", ["خوسيه باليه"]),
        ("وقال بيير دوبوا إن المفاوضات ستستأنف الأسبوع المقبل.", ["بيير دوبوا"]),
        ("وقالت أندريا شولتز إن اللاجئين وصلوا إلى الحدود.", ["أندريا شولتز"]),
        # an apposition after a bare name describes the speaker, who is the name
        (
            "وقال كيفن ميلر المدير التنفيذي للشركة إن العمال سيعودون.",
            ["كيفن ميلر"],
        ),
        # a spokesperson after the name still speaks for the body
        (
            "وقال يوهان برانت المتحدث باسم الوزارة للصحفيين إن القضية لا تؤثر على العلاقات.",
            ["الوزارة"],
        ),
        # a possessive object after the verb is still no speaker
        ("وأعلنت الجماعة مسؤوليتها عن الهجوم.", ["الجماعة"]),
    ],
)
def test_arabic_names_without_titles(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "ar")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria Gonzalez said the water had been cut for three days.", ["Maria Gonzalez"]),
        (
            "Tomasz Nowak, who runs a bakery near the square, said the shop was looted.",
            ["Tomasz Nowak"],
        ),
        ('"We heard two blasts," said Ahmed Karimi.', ["Ahmed Karimi"]),
    ],
)
def test_english_names_without_titles(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "en")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a person named after their country's possessive
        ("Chile's Michelle Bachelet said the inquiry would be independent.", ["Michelle Bachelet"]),
        # a title after the possessive keeps the whole phrase
        ("Britain's foreign minister said the talks had failed.", ["Britain's foreign minister"]),
    ],
)
def test_english_possessor_before_a_name(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "en")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated speech verb reports no words
        ("ولم يعلن أحد مسؤوليته عن التفجير.", []),
        ("ولم تكشف الشرطة هوية المشتبه به، لكنها قالت إنه اعتقل.", ["الشرطة"]),
        # a scientist is a profession that introduces a named person
        (
            "وقال عالم الاجتماع أوسكار فارغاس إن الحكومة فقدت شعبيتها.",
            ["عالم الاجتماع أوسكار فارغاس"],
        ),
    ],
)
def test_negation_and_professions(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "ar")) == expected
