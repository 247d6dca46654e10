"""Reported speech through a source with a verb ("بحسب ما ذكرته وكالة ...", "حسبما أفادت"),
statements carried by nouns (report, statement) and organisations, agencies and media as
speakers (sentences written for the tests)."""

from __future__ import annotations

import pytest
from statements_helpers import speakers, statements

import eventx


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "وقتل ثلاثة جنود في الكمين، بحسب ما ذكرت وكالة الأنباء الرسمية.",
            "وكالة الأنباء الرسمية",
            "وقتل ثلاثة جنود في الكمين",
        ),
        (
            "وأغلقت الطرق المؤدية إلى العاصمة حسبما أفادت وزارة الداخلية.",
            "وزارة الداخلية",
            "وأغلقت الطرق المؤدية إلى العاصمة",
        ),
        (
            "واعتقل عشرون متظاهرا، بحسب ما أعلنته الشرطة المحلية.",
            "الشرطة المحلية",
            "واعتقل عشرون متظاهرا",
        ),
        # a relay verb with عن: the original speaker; without عن: the relayer
        (
            "وانسحبت القوات من البلدة، وفق ما نقلته قناة محلية عن مصدر عسكري.",
            "مصدر عسكري",
            "وانسحبت القوات من البلدة",
        ),
        (
            "ونقل المصابون إلى المستشفى، بحسب ما نقلته صحيفة النهار شبه الرسمية.",
            "صحيفة النهار",
            "ونقل المصابون إلى المستشفى",
        ),
    ],
)
def test_source_with_a_speech_verb(
    pipeline: eventx.Pipeline, text: str, speaker: str, content: str
) -> None:
    [s] = statements(pipeline, text, "ar")
    assert s.speaker == speaker
    assert s.content == content
    assert s.direct is False


def test_source_conjunction_without_a_speech_verb_is_no_statement(
    pipeline: eventx.Pipeline,
) -> None:
    # "حسبما" introduces "as ... requires", not a source, when no speech verb follows.
    assert statements(pipeline, "وسيعود الوفد إلى البلاد حسبما يقتضي الأمر.", "ar") == []


def test_plain_source_before_its_clause_keeps_the_clause_after(
    pipeline: eventx.Pipeline,
) -> None:
    text = "وبحسب الدفاع المدني، قتل خمسة أشخاص في القصف."
    [s] = statements(pipeline, text, "ar")
    assert s.speaker == "الدفاع المدني"
    assert s.content == "قتل خمسة أشخاص في القصف"


def test_speaker_list_unchanged_for_a_verb_after_source(pipeline: eventx.Pipeline) -> None:
    # The verb inside the source is not a second statement.
    text = "وقتل خمسة أشخاص بحسب ما قاله شهود عيان لوكالة الأنباء."
    assert speakers(statements(pipeline, text, "ar")) == ["شهود عيان"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statement noun speaks for its author: genitive, ل, من, صادر عن
        ("وذكر بيان لوزارة الدفاع أن القوات سيطرت على الجسر.", ["وزارة الدفاع"]),
        ("وقال بيان صادر عن الرئاسة إن الرئيس سيزور المدينة.", ["الرئاسة"]),
        ("وأكدت رسالة من الحركة أنها ستشارك في المفاوضات.", ["الحركة"]),
        ("وقال تقرير للأمم المتحدة إن الوضع الإنساني يتدهور.", ["للأمم المتحدة"]),
        # جاء في / ورد في a document: its author; with no document, no statement
        ("وجاء في بيان لوزارة الصحة أن المستشفيات امتلأت.", ["وزارة الصحة"]),
        ("وورد في تقرير للمرصد أن القصف استمر طوال الليل.", ["للمرصد"]),
        ("وجاء في المرتبة الثانية الفريق الضيف.", []),
        # issuing a statement is speaking; issuing orders or a verdict is not
        ("وأصدرت وزارة الخارجية بيانا جاء فيه أن السفارة ستغلق.", ["وزارة الخارجية"]),
        ("وأصدر قائد الجيش أوامره بإغلاق الطرق.", []),
        ("وأصدرت المحكمة حكما بالسجن على المتهمين.", []),
        ("ومن المتوقع أن تصدر الوزارة بيانا خلال اليوم.", []),
        # a document with no nameable author is no statement (not the previous speaker's)
        (
            "وقال المحافظ إن الطرق مغلقة. وذكر تقرير نشرته صحيفة محلية أن المدينة سقطت.",
            ["المحافظ"],
        ),
    ],
)
def test_documents_speak_for_their_authors(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    found = statements(pipeline, text, "ar")
    assert speakers(found) == expected
    if expected and "المحافظ" not in expected:
        assert len(found) == 1  # the verb inside the document phrase is no second statement


def test_document_content_follows_its_complementiser(pipeline: eventx.Pipeline) -> None:
    text = "وجاء في تقرير للأمم المتحدة صدر الجمعة أن آلاف الأسر نزحت من القرى."
    [s] = statements(pipeline, text, "ar")
    assert s.content == "آلاف الأسر نزحت من القرى"
    assert s.speaker_en == "United Nations"


def test_the_definite_statement_continues_the_previous_speaker(pipeline: eventx.Pipeline) -> None:
    text = "وقالت الشرطة إن المتهم فر من السجن. وجاء في البيان أن البحث عنه مستمر."
    found = statements(pipeline, text, "ar")
    assert [s.speaker for s in found] == ["الشرطة", "الشرطة"]
    assert found[1].content == "البحث عنه مستمر"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A UN report said civilians were killed in the shelling.", ["UN"]),
        ("An army statement said the town was retaken on Sunday.", ["army"]),
        (
            "A report by Amnesty International said the detainees were beaten.",
            ["Amnesty International"],
        ),
        ("A statement released by the Pentagon said two soldiers died.", ["Pentagon"]),
        ("A warning from the FBI said the devices could be hidden in bags.", ["FBI"]),
        # the statement continues the speaker before it; an authorless report names no one
        (
            "The ministry said the border was closed. The statement said it would reopen soon.",
            ["ministry"],
        ),
        ("The report said the ceasefire had collapsed.", []),
    ],
)
def test_english_documents_speak_for_their_authors(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "en")) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Reports attributed to the Italian defence ministry said two ships had left port.",
            ["Italian defence ministry"],
        ),
        (
            "A joint warning from the FBI and the Coast Guard said the boats were unsafe.",
            ["FBI", "Coast Guard"],
        ),
    ],
)
def test_english_document_authors_after_attributed_to_and_in_coordination(
    pipeline: eventx.Pipeline, text: str, expected: list[str]
) -> None:
    assert speakers(statements(pipeline, text, "en")) == expected
