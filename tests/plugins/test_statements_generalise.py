"""Statements on unseen news: more cue verbs in every conjugation, names without titles,
media as speakers, wire-copy quotes, and verbs that only look like speech (sentences written for
the tests)."""

from __future__ import annotations

import pytest
from statements_helpers import speakers, statements

import eventx


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وحث وزير الخارجية الأطراف على ضبط النفس.", ["وزير الخارجية"]),
        ("وحثت الأمم المتحدة الطرفين على وقف القتال.", ["الأمم المتحدة"]),
        ("وغردت الناشطة سارة محمود بأن الشرطة اعتقلت زملاءها.", ["الناشطة سارة محمود"]),
        ("واستنكرت وزارة الخارجية الهجوم على السفارة.", ["وزارة الخارجية"]),
        ("وناشد الصليب الأحمر الأطراف السماح بدخول المساعدات.", ["الصليب الأحمر"]),
        ("وتوعد قائد الجيش المهاجمين بالملاحقة.", ["قائد الجيش"]),
        ("واعترفت الشرطة بأن عناصرها أطلقوا النار.", ["الشرطة"]),
        ("وطلب الرئيس من البرلمان إقرار الميزانية.", ["الرئيس"]),
        ("وطلب عدم نشر اسمه لأنه غير مخول بالحديث.", []),
        ("وقتل مسلح يدعى سامي عمر في الاشتباك.", []),
        # a verb form that is as often a noun counts only with و/ف, as a clause opener
        ("طلب المساعدة من الجيران أمر طبيعي.", []),
        # "went on [doing]" is no speech
        ("واصل الجيش قصفه المكثف على البلدة.", []),
        # a conjunction before the verb is no subject
        ("وصلت التعزيزات إلى المدينة حسبما أفاد مراسل الوكالة.", ["مراسل الوكالة"]),
        # a casualty toll is no speaker
        ("وبحسب حصيلة رسمية قتل خمسة أشخاص.", []),
        # an object right after the verb (a possessive noun, a verbal noun): the subject is
        # implicit, so the previous speaker goes on
        (
            "وقال الجيش إنه سيطر على المدينة. وأعلن انتهاء العمليات العسكرية فيها.",
            ["الجيش"],
        ),
        ("قالت الحركة إن عناصرها انسحبوا، وأعلنت مسؤوليتها عن الهجوم.", ["الحركة"]),
        ("وقالت الشرطة إن الوضع هادئ. ونفت تواجد أي مسلحين في الحي.", ["الشرطة"]),
        # a title with a possessive pronoun still introduces a name
        (
            "وقال أمينها العام خوان بيريز إن المنظمة ستراقب الانتخابات.",
            ["أمينها العام خوان بيريز"],
        ),
        # a profession, a description, then the name
        (
            "وقال الخبير في شؤون الجماعات المسلحة كريم ناصر لموقع إخباري إن التنظيم ضعف.",
            ["الخبير في شؤون الجماعات المسلحة كريم ناصر"],
        ),
        # a new clause after the title is no description leading to a name
        (
            'وأضاف الضابط وهو برتبة مقدم وطلب عدم نشر اسمه "الوضع خطير".',
            ["الضابط"],
        ),
        # the addressee between the verb and its subject
        ("وقال لوكالة فرانس برس مصدر أمني إن الهجوم فشل.", ["مصدر أمني"]),
        # (a member of an organisation speaks for it, as "ضابط في الجيش" does)
        ("وقال لرويترز مسؤول في الوزارة إن الهجوم فشل.", ["الوزارة"]),
        ("وقال لوكالة سبوتنيك قائد الشرطة إن الطريق مفتوح.", ["قائد الشرطة"]),
        # a group named in quotes after a plural head
        ('وقالت فصائل "لواء الفتح" إنها صدت الهجوم.', ['فصائل "لواء الفتح"']),
    ],
)
def test_arabic_cues(pipeline: eventx.Pipeline, text: str, expected: list[str]) -> None:
    assert speakers(statements(pipeline, text, "ar")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The NUJ flatly denied any role in the strike.", ["NUJ"]),
        (
            "Prince Faisal bin Salman, the governor of the province, said the road was open.",
            ["Prince Faisal bin Salman"],
        ),
        (
            "Maria Lopez, the U.N. envoy to Haiti, warned that the talks could fail.",
            ["Maria Lopez"],
        ),
        (
            "The Lagos Herald newspaper, which is owned by the state, said ten people died.",
            ["Lagos Herald newspaper"],
        ),
        (
            "Replied Foreign Ministry spokesman Tom Reed, ``We have not read the letter.''",
            ["Foreign Ministry spokesman Tom Reed"],
        ),
        ("The minister stressed that the border would stay closed.", ["minister"]),
        ("Opposition leader Ana Ruiz called the vote a fraud.", ["Opposition leader Ana Ruiz"]),
        ("The ministry firmly denied the report.", ["ministry"]),
    ],
)
def test_english_cues(pipeline: eventx.Pipeline, text: str, expected: list[str]) -> None:
    assert speakers(statements(pipeline, text, "en")) == expected
