"""Coordinated subjects: each speaker joined by و / "and" to the subject of a speech verb is a
speaker of the same words (sentences written for the tests)."""

from __future__ import annotations

import pytest
from statements_helpers import speakers, statements

import eventx


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("وقال الجيش والشرطة إن الطرق المؤدية إلى المطار مغلقة.", ["الجيش", "الشرطة"]),
        (
            "وقالت منظمة الصحة العالمية والصليب الأحمر إن المستشفيات تعمل بصعوبة.",
            ["منظمة الصحة العالمية", "الصليب الأحمر"],
        ),
        ("وقالت روسيا وتركيا إن المحادثات ستستأنف الشهر المقبل.", ["روسيا", "تركيا"]),
        ("وأكدت مصادر محلية وشهود أن الاشتباكات توقفت.", ["مصادر محلية", "شهود"]),
        # a known name joined after another in a genitive continues the genitive
        ("وتعهد وزراء خارجية مصر والأردن بمواصلة التنسيق.", ["وزراء خارجية مصر"]),
        # an object after the subject is no second subject
        ("وأدانت الحكومة الهجوم وطالبت بالتحقيق فيه.", ["الحكومة"]),
    ],
)
def test_arabic_coordinated_subjects(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "ar")) == expected


def test_coordinated_speakers_share_the_content(pipeline: eventx.Pipeline) -> None:
    text = "وقالت قوات كردية والمرصد السوري إن آلاف السكان فروا من المدينة."
    found = statements(pipeline, text, "ar")
    assert [s.speaker for s in found] == ["قوات كردية", "المرصد السوري"]
    assert {s.content for s in found} == {"آلاف السكان فروا من المدينة"}
    second = found[1]
    assert second.speaker_evidence is not None
    assert text[second.speaker_evidence.start : second.speaker_evidence.end] == "المرصد السوري"


def test_a_coordinated_unnamed_source_keeps_only_its_adjectives(
    pipeline: eventx.Pipeline,
) -> None:
    text = "وأفاد شهود عيان وأطباء بمدينة الحديدة بسقوط قتلى."
    found = statements(pipeline, text, "ar")
    assert [(s.speaker, s.anonymous) for s in found] == [("شهود عيان", True), ("أطباء", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kurdish forces and the Observatory said residents fled.",
            ["Kurdish forces", "Observatory"],
        ),
        (
            "The Ministry of Defence and the army said the town was retaken.",
            ["Ministry of Defence", "army"],
        ),
        ("Smith and Jones said they would appeal the verdict.", ["Smith", "Jones"]),
        # places joined inside one speaker phrase
        (
            "Residents of Aleppo and Homs said the shelling went on all night.",
            ["Residents of Aleppo and Homs"],
        ),
    ],
)
def test_english_coordinated_subjects(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "en")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after a verb that takes ب, a ب-word is its complement and the subject is carried over
        ("وقالت المحكمة إن القمع مفرط، وطالبت بوقف العنف.", ["المحكمة"]),
        ("ونددت النقابة بالاعتقالات وطالبت بالإفراج عن المعتقلين.", ["النقابة"]),
        # an organisation head or statement noun with its own ب still opens a subject
        ("وصرحت بعثة الاتحاد الأوروبي بأن المراقبين وصلوا.", ["بعثة الاتحاد الأوروبي"]),
        # after قال a ب-word may be a name
        ("وقال بالاك إن الفريق جاهز للمباراة.", ["بالاك"]),
    ],
)
def test_bi_complement_is_no_subject(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "ar")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verbal noun with its complement opens the object; the subject is carried over
        ("وقال الجيش إن الهجوم فشل. وأعلن مقتل ثلاثة مسلحين في الاشتباك.", ["الجيش"]),
        ("وقالت الوزارة إن الوضع هادئ، وأعلنت وقف إطلاق النار.", ["الوزارة"]),
        ("وأعلنت الشرطة فتح تحقيق في الحادث.", ["الشرطة"]),
        ("وأعلنت القوة المشتركة السعي لطرد المسلحين.", ["القوة المشتركة"]),
        # derived verbal nouns by shape: إفعال with its hamza below, not the plural أفعال
        ("وقالت البلدية إن الطرق مغلقة، وأعلنت إغلاق المدارس.", ["البلدية"]),
        ("وقال أطباء في المستشفى إن الجرحى كثر.", ["أطباء"]),
        # the same word as a name, with no complement after it
        ("وقالت فتح إن المفاوضات فشلت.", ["فتح"]),
    ],
)
def test_verbal_noun_objects_are_no_speakers(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "ar")) == expected
