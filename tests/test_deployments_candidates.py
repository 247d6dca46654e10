"""The deployments extractor reads only sentences that can hold a deployment (speed): a force
term and a verb to pair it with, where "has"/"remain"/"took part" need a size in the sentence.
These check the cheap test against what the rules then find, in both languages."""

from __future__ import annotations

import eventx
from eventx_deployments import _candidate_sentences
from eventx_deployments.lexicons import lexicon


def _candidates(text: str, language: str) -> set[int]:
    return _candidate_sentences(eventx.annotate(text, language), lexicon(language))


def _deployments(text: str, language: str) -> list[eventx.Deployment]:
    pipeline = eventx.Pipeline(disable=["eventx_weapons"])
    record = pipeline.run(eventx.Document(id="t", text=text, language=language))
    return list(record.deployments)


def test_presence_needs_a_size_in_the_sentence() -> None:
    text = "The army has a new commander. The US has 2,500 troops in Iraq."
    assert _candidates(text, "en") == {1}
    assert len(_deployments(text, "en")) == 1


def test_plain_trigger_and_split_verb_sentences_are_read() -> None:
    text = (
        "The government deployed police in the capital. "
        "Washington pulled its soldiers out of the region. "
        "The police station was closed."
    )
    assert _candidates(text, "en") == {0, 1}


def test_no_force_term_no_candidate() -> None:
    # "police station" is listed as no force ([forces.none]).
    assert _candidates("Officials sent a letter to the police station.", "en") == set()


def test_arabic_sized_and_dual_forces() -> None:
    text = "تحتفظ الولايات المتحدة بنحو 900 جندي في سوريا. أرسلت فرنسا مروحيتين إلى مالي."
    assert _candidates(text, "ar") == {0, 1}
    assert _deployments(text, "ar")


def test_article_without_candidates_has_no_deployments() -> None:
    text = "The army has a new commander. Troops remain a popular topic in the press."
    assert _candidates(text, "en") == set()
    assert _deployments(text, "en") == []
