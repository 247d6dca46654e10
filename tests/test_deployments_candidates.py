"""The deployments extractor reads only sentences that can hold a deployment (speed): a force
term and a verb to pair it with, where "has"/"remain"/"took part" need a size in the sentence.
These check the cheap test against what the rules then find, in both languages."""

from __future__ import annotations

import eventx
from eventx_deployments import _candidate_sentences
from eventx_deployments.index import _CueTables
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


def _whole_scan(doc: eventx.AnnotatedDocument, language: str) -> dict[str, dict[int, object]]:
    """The cue table ``starting`` as one scan of the whole document fills it."""
    starting: dict[str, dict[int, object]] = {}
    for match in lexicon(language).cues.finditer(doc, longest=False):
        table = starting.setdefault(match.value, {})
        old = table.get(match.first_token)
        if old is None or old.last_token < match.last_token:  # type: ignore[attr-defined]
            table[match.first_token] = match
    return starting


def test_cue_tables_filled_by_sentence_answer_as_one_document_scan() -> None:
    texts = {
        "en": "The army sent troops and police to the border. Officials said the force of 500 "
        "soldiers will arrive by Monday. Aid reached the town.",
        "ar": "أرسل الجيش قوات من الشرطة إلى الحدود. وقال مسؤولون إن القوة ستصل إلى المدينة.",
    }
    for language, text in texts.items():
        doc = eventx.annotate(text, language)
        expected = _whole_scan(doc, language)
        sentence_of = [s.index for s in doc.sentences for _ in s.tokens]
        lazy = _CueTables(doc, lexicon(language).cues, sentence_of)
        # Lookups token by token, from the last sentence back: each answer is the whole scan's.
        for i in reversed(range(len(doc.tokens))):
            for name, table in lazy.starting.items():
                assert table.get(i) == expected.get(name, {}).get(i)
                assert (i in table) == (i in expected.get(name, {}))
        assert lazy.starting["destination"]  # a table read whole is the whole document's
        fresh = _CueTables(doc, lexicon(language).cues, sentence_of)
        for name, table in fresh.starting.items():
            assert list(table.items()) == list(expected.get(name, {}).items())
