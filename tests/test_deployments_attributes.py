"""The deployments extractor reads a sentence that names a force but sends none (composition,
tasks: an ``Attribute``) only when one of its forces is of a kind some deployment of the
article has: attach_all drops every other attribute. Records must be the same as reading every
such sentence (the plain path), in both languages."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import eventx
import eventx_deployments

ENGLISH = (
    "The United States deployed 3,000 troops to Poland on Monday.",
    "The troops include units from Britain and Canada.",
    "The soldiers will train local forces and guard the border.",
    "Police arrested two men in the capital.",
    "France sent two warships to the eastern Mediterranean.",
    "The warships carry helicopters from Italy.",
    "Germany will send fighter jets to Lithuania.",
    "The jets will patrol the airspace with aircraft from Spain.",
    "Residents said police officers from Jordan were seen in the town.",
)
ARABIC = (
    "أرسلت روسيا 500 جندي إلى سوريا يوم الاثنين.",
    "وتضم القوات وحدات من الشيشان وبيلاروس.",
    "ونشرت الحكومة قوات الشرطة في العاصمة.",
    "وتتمثل مهام القوة في حماية المنشآت الحيوية.",
    "أرسلت فرنسا سفينتين حربيتين إلى شرق المتوسط.",
    "وتحمل السفن مروحيات من إيطاليا.",
    "وقال ضابط في الجيش إن الجنود من مصر سيصلون غدا.",
)


def _deployments(pipeline: eventx.Pipeline, text: str, language: str) -> tuple[object, ...]:
    record = pipeline.run(eventx.Document(id="t", text=text, language=language))
    return record.deployments


@pytest.fixture(scope="module")
def pipeline() -> eventx.Pipeline:
    return eventx.Pipeline(disable=["eventx_weapons"])


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    language=st.sampled_from(["en", "ar"]),
    picks=st.lists(st.integers(min_value=0, max_value=99), min_size=1, max_size=6),
)
def test_gated_attributes_equal_reading_every_force_sentence(
    pipeline: eventx.Pipeline,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    picks: list[int],
) -> None:
    pool = ENGLISH if language == "en" else ARABIC
    text = " ".join(pool[k % len(pool)] for k in picks)
    gated = _deployments(pipeline, text, language)
    with monkeypatch.context() as patch:
        patch.setattr(eventx_deployments, "_may_attach", lambda *_: True)
        plain = _deployments(pipeline, text, language)
    assert gated == plain


def test_composition_sentence_still_joins_its_deployment(pipeline: eventx.Pipeline) -> None:
    text = ENGLISH[0] + " " + ENGLISH[1]
    (deployment,) = _deployments(pipeline, text, "en")
    assert {"GB", "CA"} <= set(deployment.contributors)  # type: ignore[attr-defined]
