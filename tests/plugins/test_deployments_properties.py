"""Deployments: invariants on any input (hypothesis), the merge rules, and the lexicon data."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

import eventx
from eventx_deployments import eventx_merge_facts
from eventx_deployments.lexicons import GENERIC_FORCE_KINDS, STATUSES, lexicon
from eventx_deployments.mentions import KIND_PRIORITY, NOT_A_FORCE
from eventx_deployments.merging import merge_deployments, same_deployment

AR_WORDS = [
    "أرسلت", "إرسال", "نشر", "ونشرت", "انتشار", "سحب", "انسحاب", "وصول", "استنفار", "حالة",
    "التأهب", "قوات", "حفظ", "السلام", "الحرس", "الوطني", "جندي", "جنديا", "الشرطة", "نقطة",
    "تفتيش", "إقامة", "سبعين", "نحو", "3000", "150", "ألف", "إلى", "من", "و", "روسيا",
    "كازاخستان", "الولايات", "المتحدة", "لحماية", "المدنيين", "تضم", "وحدات", "لن", "،", ".",
    "\n", "“", "”", "الجمعة", "أمس", "بهدف", "المهام", "الرئيسية", "في",
    "وستتمركز", "وهي", "أرسلتهم", "بقيادة", "فرنسا", "من قبل",
]  # fmt: skip
EN_WORDS = [
    "sent", "deployed", "withdrew", "arrived", "troops", "police", "riot", "National", "Guard",
    "peacekeepers", "checkpoints", "set", "up", "about", "3,000", "250", "more", "than", "to",
    "from", "Russia", "Kazakhstan", "United", "States", "and", ",", ".", "\n", "not", "on",
    "high", "alert", "Friday", "to protect", "including", "the", "army", "moved", "in",
    "They", "stationed", "by", "led by", "includes", "France", "were",
]  # fmt: skip


def sentences(words: list[str]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(words), max_size=40).map(" ".join)


def check_record(record: eventx.EventRecord, text: str) -> None:
    for fact in record.deployments:
        assert fact.force
        assert fact.evidence in fact.mentions
        for evidence in (fact.evidence, *fact.mentions):
            assert text[evidence.start : evidence.end] == evidence.text
        assert fact.status is None or fact.status in STATUSES
        if fact.size is not None and fact.size.min is not None and fact.size.max is not None:
            assert fact.size.min <= fact.size.max


@given(sentences(AR_WORDS))
def test_arabic_word_salad_yields_valid_facts(text: str) -> None:
    pipeline = _pipeline()
    record = pipeline.extract(text, language="ar", document_date="2022-01-07")
    assert not [d for d in record.diagnostics if d.plugin == "deployments"]
    check_record(record, text)


@given(sentences(EN_WORDS))
def test_english_word_salad_yields_valid_facts(text: str) -> None:
    pipeline = _pipeline()
    record = pipeline.extract(text, language="en", document_date="2022-01-07")
    assert not [d for d in record.diagnostics if d.plugin == "deployments"]
    check_record(record, text)


@given(st.text(max_size=200), st.sampled_from(["ar", "en", "fr"]))
def test_any_text_any_language_never_crashes(text: str, language: str) -> None:
    record = _pipeline().extract(text, language=language)
    assert not [d for d in record.diagnostics if d.plugin == "deployments"]


@given(sentences(AR_WORDS))
def test_output_is_deterministic(text: str) -> None:
    first = _pipeline().extract(text, language="ar", document_date="2022-01-07")
    second = _pipeline().extract(text, language="ar", document_date="2022-01-07")
    assert first.to_json() == second.to_json()


@given(sentences(EN_WORDS))
def test_merging_is_idempotent(text: str) -> None:
    record = _pipeline().extract(text, language="en", document_date="2022-01-07")
    facts = list(record.deployments)
    assert merge_deployments(facts) == facts


_PIPELINE: list[eventx.Pipeline] = []


def _pipeline() -> eventx.Pipeline:
    # One pipeline for every hypothesis example (building one loads every plugin).
    if not _PIPELINE:
        _PIPELINE.append(eventx.Pipeline())
    return _PIPELINE[0]


# --- merge rules on hand-built facts ------------------------------------------------------------

TEXT = "Texas sends 250 troops to the border. Arizona sends 150 troops to the border."


def fact(start: int, end: int, **fields: object) -> eventx.Deployment:
    evidence = eventx.Evidence.from_span(TEXT, start, end)
    values: dict[str, object] = {"force": "troops", "force_kind": "army", "status": "deployed"}
    values.update(fields)
    return eventx.Deployment(evidence=evidence, **values)  # type: ignore[arg-type]


def test_different_actors_and_sizes_stay_apart() -> None:
    texas = fact(0, 22, actor="Texas", size=eventx.Quantity.exact(250))
    arizona = fact(38, 60, actor="Arizona", size=eventx.Quantity.exact(150))
    assert not same_deployment(texas, arizona)
    assert merge_deployments([texas, arizona]) == [
        attrs.evolve(texas, mentions=[texas.evidence]),
        attrs.evolve(arizona, mentions=[arizona.evidence]),
    ]


def test_sizes_alone_keep_deployments_apart() -> None:
    a = fact(0, 22, size=eventx.Quantity.exact(250))
    b = fact(38, 60, size=eventx.Quantity.exact(150))
    assert len(merge_deployments([a, b])) == 2


def test_compatible_mentions_merge_into_the_most_informative() -> None:
    title = fact(0, 11, force="forces", force_kind="forces")
    body = fact(
        38,
        60,
        actor="Arizona",
        destination="Kazakhstan",
        destination_country="KZ",
        size=eventx.Quantity.exact(150),
        contributors=["US"],
    )
    (merged,) = merge_deployments([title, body])
    assert merged.evidence == body.evidence
    assert merged.force == "troops"  # the specific kind wins over the generic "forces"
    assert merged.mentions == (title.evidence, body.evidence)
    assert merged.size == eventx.Quantity.exact(150)


def test_withdrawal_is_not_merged_with_deployment() -> None:
    sent = fact(0, 22)
    withdrawn = fact(38, 60, status="withdrawn")
    assert len(merge_deployments([sent, withdrawn])) == 2


def test_disjoint_contributors_stay_apart() -> None:
    british = fact(0, 22, force="carrier", force_kind="naval", contributors=["GB"])
    american = fact(38, 60, force="presence", force_kind="reinforcements", contributors=["US"])
    assert len(merge_deployments([british, american])) == 2


def test_merge_hook_only_handles_deployments() -> None:
    dated = eventx.DateFact(value="2022", evidence=eventx.Evidence.from_span(TEXT, 0, 5))
    assert eventx_merge_facts("dates", [dated]) is None
    merged = eventx_merge_facts("deployments", [fact(0, 22), fact(0, 22)])
    assert merged is not None and len(merged) == 1


# --- lexicon data -------------------------------------------------------------------------------


def test_lexicons_load_for_both_languages_and_use_known_kinds() -> None:
    for language in ("ar", "en"):
        lex = lexicon(language)
        assert not lex.empty
        table = eventx.language_data("eventx_deployments", "lexicon", language)
        assert set(table["triggers"]) <= set(STATUSES)
        for kind in table["forces"]:
            assert kind == NOT_A_FORCE or kind in KIND_PRIORITY
    assert set(KIND_PRIORITY) >= GENERIC_FORCE_KINDS
    assert lexicon("xx").empty  # no lexicon: the extractor does nothing
