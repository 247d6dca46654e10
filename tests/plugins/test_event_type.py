"""The event-type plugin: explainable trigger votes -> ACLED type, PLOVER code, evidence."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import eventx


def _event(pipeline: eventx.Pipeline, text: str, language: str) -> eventx.EventType:
    record = pipeline.extract(eventx.Document(id="t", text=text, language=language))
    assert record.event_type is not None
    for evidence in record.event_type.evidence:
        assert text[evidence.start : evidence.end] == evidence.text
    return record.event_type


@pytest.mark.parametrize(
    ("text", "language", "acled", "plover"),
    [
        (
            "قتل 12 شخصا في غارات جوية شنها التحالف على سوق في الحديدة، وأدى القصف إلى تدمير مبان.",
            "ar",
            "explosions_remote_violence",
            "FIGHT",
        ),
        (
            "انفجرت عبوة ناسفة بدورية للشرطة في الفحيص، ما أدى إلى مقتل شرطي وإصابة ستة آخرين.",
            "ar",
            "explosions_remote_violence",
            "ASSAULT",
        ),
        (
            "تظاهر آلاف المحتجين في بوخارست، وتحولت الاحتجاجات إلى أعمال شغب ورشق المتظاهرون الشرطة بالحجارة.",
            "ar",
            "riots",
            "PROTEST",
        ),
        (
            "قتل 30 جهاديا في اشتباكات مع القوات الفرنسية والمالية قرب الحدود مع النيجر، في معارك استمرت يومين.",
            "ar",
            "battles",
            "FIGHT",
        ),
        (
            "أرسلت الأمم المتحدة 150 جنديا من قوات حفظ السلام إلى ولاية الوحدة، ونشرت تعزيزات في جوبا.",
            "ar",
            "strategic_developments",
            "MOBILIZE",
        ),
        (
            "Thousands of ethnic Albanians marched through Istanbul on Sunday to protest the killings, "
            "and police used tear gas to disperse the demonstrators.",
            "en",
            "protests",
            "PROTEST",
        ),
        (
            "A suicide bomber blew himself up near a NATO convoy, killing six soldiers; the blast "
            "damaged nearby houses.",
            "en",
            "explosions_remote_violence",
            "ASSAULT",
        ),
        (
            "Police arrested 12 people in raids in east London on Monday and detained two more.",
            "en",
            "strategic_developments",
            "COERCE",
        ),
        (
            "A gunman opened fire at a college, killing 19 students in a shooting rampage.",
            "en",
            "violence_against_civilians",
            "ASSAULT",
        ),
        (
            "A magnitude 6.4 earthquake struck the region, and floods cut off several villages.",
            "en",
            "disaster",
            None,
        ),
    ],
)
def test_event_type_rules(
    pipeline: eventx.Pipeline, text: str, language: str, acled: str, plover: str | None
) -> None:
    event = _event(pipeline, text, language)
    assert (event.acled, event.plover) == (acled, plover)
    assert 0 < event.confidence <= 1
    assert event.evidence  # the triggers that decided it


def test_one_clash_does_not_make_a_peaceful_march_a_riot(pipeline: eventx.Pipeline) -> None:
    text = (
        "Protesters marched in Lagos. The demonstration was the largest protest this year. "
        "Organisers said the rally would continue. Brief clashes were reported."
    )
    assert _event(pipeline, text, "en").acled == "protests"


def test_no_triggers_leaves_event_type_null(pipeline: eventx.Pipeline) -> None:
    text = "The committee published its annual report on Tuesday."
    record = pipeline.extract(eventx.Document(id="t", text=text, language="en"))
    assert record.event_type is None


@settings(max_examples=20)
@given(st.text(max_size=80), st.sampled_from(["ar", "en"]))
def test_event_type_always_valid_and_deterministic(text: str, language: str) -> None:
    pipeline = eventx.Pipeline()
    record = pipeline.extract(eventx.Document(id="t", text=text, language=language))
    again = pipeline.extract(eventx.Document(id="t", text=text, language=language))
    if record.event_type is not None:
        assert record.event_type.acled in eventx.ACLED_TYPES
        assert 0.0 <= record.event_type.confidence <= 1.0
        assert record.event_type == again.event_type


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # publishing, spreading, sending: deployment words with everyday senses
        ("نشرت الصحيفة تقريرا عن انتشار الهواتف الذكية، وأرسلت الشركة عروضها إلى العملاء.", "ar"),
        # a sports fixture, an election battle, a film "bomb"
        ("فاز الفريق في المواجهات الثلاث، وتستعد الأحزاب لمعركة انتخابية حامية.", "ar"),
        ("The company won a legal battle over its patent, and shares rallied after the rally.", "en"),
        ("Executives charged that the merger would create an explosion of new jobs.", "en"),
    ],
)
def test_weak_words_alone_claim_no_conflict(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    record = pipeline.extract(eventx.Document(id="t", text=text, language=language))
    assert record.event_type is None


def test_weak_words_vote_with_conflict_evidence(pipeline: eventx.Pipeline) -> None:
    text = "قتل خمسة جنود في معارك عنيفة قرب الحدود."
    event = _event(pipeline, text, "ar")
    assert event.acled == "battles"  # "معارك" is weak, the five killed are the evidence
    assert [e.text for e in event.evidence] == ["معارك"]


def test_clashes_with_rioters_are_a_riot(pipeline: eventx.Pipeline) -> None:
    text = "Rioters looted shops and set fire to cars; clashes with police went on all night."
    assert _event(pipeline, text, "en").acled == "riots"
