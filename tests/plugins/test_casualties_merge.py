"""Casualty claims across mentions (eventx_merge_facts) and per-kind totals (policy)."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import eventx
from eventx_casualties import POLICY, casualty_totals, merge_casualties
from eventx_casualties.merging import headline_end, same_claim

TEXT = "x" * 400


def claim(kind: str, count: int | None, start: int, **extra: Any) -> eventx.Casualty:
    low = extra.pop("min", count)
    high = extra.pop("max", count)
    sentence = extra.pop("sentence", 0)
    evidence = eventx.Evidence.from_span(TEXT, start, start + 5, sentence=sentence)
    return eventx.Casualty(kind=kind, count=count, min=low, max=high, evidence=evidence, **extra)


def test_title_and_body_repeating_a_figure_are_one_claim(pipeline: eventx.Pipeline) -> None:
    text = (
        "مقتل 8 جنود في هجوم على قاعدة عسكرية\n\n"
        "أعلن الجيش مقتل 8 جنود في هجوم شنه مسلحون على قاعدة عسكرية فجر الجمعة.\n"
        "وقال المتحدث باسم الجيش إن 8 جنود قتلوا وأصيب 5 آخرون."
    )
    record = pipeline.extract(text, language="ar", document_date="2023-03-10")
    assert [(c.kind, c.count) for c in record.casualties] == [("killed", 8), ("injured", 5)]
    killed = record.casualties[0]
    assert len(killed.mentions) == 3
    assert killed.evidence.sentence != 0  # the body's statement, not the headline's
    assert all(text[e.start : e.end] == e.text for e in killed.mentions)


def test_different_figures_from_different_sources_stay_separate(
    pipeline: eventx.Pipeline,
) -> None:
    text = (
        "Police said 14 people were killed in the clashes. "
        "Medics at the city hospital said 20 people were killed."
    )
    record = pipeline.extract(text, language="en", document_date="2023-03-10")
    assert [(c.kind, c.count) for c in record.casualties] == [("killed", 14), ("killed", 20)]
    (total,) = record.casualty_totals
    assert (total.kind, total.count, total.claims, total.policy) == ("killed", 20, 2, POLICY)


def test_headline_hedge_is_dropped_in_favour_of_the_body() -> None:
    headline = claim("killed", 19, 0)
    body = claim("killed", 19, 100, min=17, max=21, approximate=True, qualifier="about")
    document = eventx.Document(id="d", text="19 قتيلا في هجوم\n\nقتل نحو 19 شخصا.", language="ar")
    assert headline_end(document) == len("19 قتيلا في هجوم")
    (merged,) = merge_casualties([headline, body], document)
    assert (merged.count, merged.min, merged.max, merged.approximate) == (19, 17, 21, True)
    assert len(merged.mentions) == 2


def test_groups_decide_within_a_sentence_but_not_across() -> None:
    soldiers = claim("killed", 2, 0, group="soldiers", sentence=1)
    women = claim("killed", 2, 20, group="women", sentence=1)
    assert not same_claim(soldiers, women)
    title = claim("killed", 1, 0, group="رجل شرطة", sentence=0)
    body = claim("killed", 1, 50, group="عنصر أمني", sentence=2)
    assert same_claim(title, body)
    assert not same_claim(claim("killed", 2, 0), claim("injured", 2, 9))
    assert not same_claim(claim("killed", 4, 0), claim("killed", 4, 9, subset=True))


def test_merge_fills_missing_fields_from_any_mention() -> None:
    first = claim("arrested", 9, 0, sentence=0)
    second = claim("arrested", 9, 60, source="وزارة الداخلية", date="2023-01-02", sentence=3)
    (merged,) = merge_casualties([second, first])
    assert merged.source == "وزارة الداخلية"
    assert merged.date == "2023-01-02"


def test_totals_policy_is_the_largest_lower_bound_without_subsets() -> None:
    claims = [
        claim("killed", 20, 0, max=None, qualifier="at_least"),
        claim("killed", 30, 10),
        claim("killed", 45, 20, subset=True),
        claim("injured", None, 30, min=20, max=99, approximate=True, qualifier="vague"),
        claim("injured", 18, 40),
        claim("arrested", None, 50, min=None, max=None, approximate=True),
    ]
    totals = {t.kind: t for t in casualty_totals(claims)}
    assert (totals["killed"].count, totals["killed"].claims) == (30, 3)
    assert (totals["injured"].count, totals["injured"].min) == (None, 20)
    assert totals["arrested"].count is None
    assert {t.policy for t in totals.values()} == {POLICY}


def test_background_claims_have_no_total_and_one_current_mention_makes_a_claim_current() -> None:
    recalled = claim("killed", 130, 0, background=True, sentence=0)
    assert casualty_totals([recalled]) == []
    totals = casualty_totals([recalled, claim("killed", 4, 100, sentence=1)])
    assert [(t.count, t.claims) for t in totals] == [(4, 1)]
    # The headline states the figure undated; a later sentence dates it in the past.
    merged = merge_casualties(
        [claim("killed", 7, 0, sentence=0), claim("killed", 7, 200, sentence=2, background=True)]
    )
    assert [(m.count, m.background) for m in merged] == [(7, False)]
    both = merge_casualties([recalled, claim("killed", 130, 200, sentence=2, background=True)])
    assert [(m.count, m.background) for m in both] == [(130, True)]


_CLAIMS = st.builds(
    # Sentences of 80 characters, so the same span is always in the same sentence.
    lambda kind, count, start: claim(kind, count, start, sentence=start // 80),
    st.sampled_from(["killed", "injured", "arrested"]),
    st.integers(min_value=0, max_value=50),
    st.integers(min_value=0, max_value=380),
)


@given(st.lists(_CLAIMS, max_size=12))
def test_merge_properties(facts: list[eventx.Casualty]) -> None:
    merged = merge_casualties(facts)
    assert merge_casualties(list(reversed(facts))) == merged  # order-independent
    assert merge_casualties(merged) == merged  # idempotent
    for fact in facts:  # every mention lands in exactly one claim of its kind and figure
        holders = [
            m
            for m in merged
            if (m.kind, m.count) == (fact.kind, fact.count) and fact.evidence in m.mentions
        ]
        assert len(holders) == 1
    figures = {(f.kind, f.count) for f in facts}
    assert {(m.kind, m.count) for m in merged} == figures
    totals = casualty_totals(merged)
    assert [t.kind for t in totals] == [
        k for k in eventx.CASUALTY_KINDS if k in {f.kind for f in facts}
    ]


# --- the dev set --------------------------------------------------------------------------------


def test_record_schema_knows_the_casualty_fields() -> None:
    from eventx.record.schema import record_schema

    casualty = record_schema()["$defs"]["casualty"]["properties"]
    assert casualty["qualifier"]["enum"] == [*eventx.QUALIFIERS, None]
    assert casualty["subset"] == {"type": "boolean"}
    assert casualty["background"] == {"type": "boolean"}


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 2), st.sampled_from(["casualties", "x", ""])),
        max_size=12,
    )
)
def test_claims_and_mentions_are_in_one_total_order(spans: list[tuple[int, int, str]]) -> None:
    """Merged claims and their mentions are ordered by span, ties by their repr (so the result
    never depends on the order extractors emitted them in); the repr is made only for ties."""
    from eventx_casualties.merging import _evidence_span, _in_total_order

    text = "x" * 8
    evidence = [
        eventx.Evidence.from_span(text, start, start + width, extractor=name)
        for start, width, name in spans
    ]
    expected = sorted(evidence, key=lambda e: (e.start, e.end, repr(e)))
    assert _in_total_order(evidence, _evidence_span) == expected
    assert _in_total_order(reversed(evidence), _evidence_span) == expected
