"""The core's merge policy (``eventx.merge.dedupe_in_order``): exact duplicates dropped, the
rest ordered by first evidence, ties in run order. Checked against the plain definition (keep
each fact's first occurrence, then a stable sort) on generated facts, duplicates and
unhashable Extension facts included."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

import eventx
from eventx.merge import dedupe_in_order
from eventx.record.facts import first_offset

TEXT = "Five soldiers were killed in Aleppo on Monday, and 3,000 troops were sent to the border."


def _reference(facts: list[Any]) -> list[Any]:
    seen: set[Any] = set()
    unique = []
    for fact in facts:
        try:
            key: Any = fact
            hash(key)
        except TypeError:
            key = repr(fact)
        if key not in seen:
            seen.add(key)
            unique.append(fact)
    return sorted(unique, key=first_offset)


def _evidence(start: int, end: int) -> eventx.Evidence:
    return eventx.Evidence.from_span(TEXT, start, end, sentence=0, extractor="test")


spans = st.tuples(st.integers(0, 20), st.integers(1, 6)).map(lambda p: (p[0], p[0] + p[1]))
actors = st.builds(
    lambda name, many: eventx.Actor(name=name, mentions=[_evidence(a, b) for a, b in many]),
    st.sampled_from(["army", "police", "Aleppo"]),
    st.lists(spans, min_size=0, max_size=3),
)
extensions = st.builds(
    lambda span, value: eventx.Extension(
        field="weapons", value={"name": value}, evidence=_evidence(*span)
    ),
    spans,
    st.sampled_from(["rifle", "drone"]),
)


@given(st.lists(st.one_of(actors, extensions), max_size=12), st.randoms())
def test_dedupe_in_order_is_first_occurrences_stably_sorted(facts: list[Any], rnd: Any) -> None:
    # repeat some facts (the same object and an equal copy) at random places
    for fact in list(facts):
        if rnd.random() < 0.4:
            again = fact if rnd.random() < 0.5 else attrs.evolve(fact)
            facts.insert(rnd.randrange(len(facts) + 1), again)
    result = dedupe_in_order(facts)
    expected = _reference(facts)
    assert len(result) == len(expected)
    assert all(a is b for a, b in zip(result, expected, strict=True))


def test_equal_facts_at_the_same_offset_are_one_and_distinct_ones_stay_in_run_order() -> None:
    a = eventx.Actor(name="army", mentions=[_evidence(0, 4)])
    b = eventx.Actor(name="police", mentions=[_evidence(0, 4)])
    a_again = eventx.Actor(name="army", mentions=[_evidence(0, 4)])
    later = eventx.Actor(name="army", mentions=[_evidence(10, 14)])
    assert dedupe_in_order([later, a, b, a_again]) == [a, b, later]
