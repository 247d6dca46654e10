"""The bisecting overlap indexes of the deployments and casualties plugins answer exactly what
walking every span answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventx_casualties.counts import Spans
from eventx_deployments.index import _SpanIndex

SPAN = st.tuples(st.integers(0, 50), st.integers(0, 50))


def _walk(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < b and a < end for a, b in spans)


@given(st.lists(SPAN, max_size=12), st.lists(SPAN, max_size=8), st.lists(SPAN, max_size=12))
def test_overlaps_equal_a_walk_over_every_span(
    spans: list[tuple[int, int]], added: list[tuple[int, int]], queries: list[tuple[int, int]]
) -> None:
    fixed = Spans(spans)
    growing = _SpanIndex(spans)
    known = list(spans)
    for start, end in added:  # in any order, also before earlier spans
        growing.add(start, end)
        known.append((start, end))
    for start, end in queries:
        assert fixed.overlaps(start, end) == _walk(spans, start, end)
        assert growing.overlaps(start, end) == _walk(known, start, end)
    assert sorted(fixed) == sorted(spans)


@given(st.lists(SPAN, max_size=12), st.lists(SPAN, max_size=12))
def test_the_places_span_index_equals_a_walk_over_every_span(
    spans: list[tuple[int, int]], queries: list[tuple[int, int]]
) -> None:
    from eventx_places.resolve import _Spans

    index = _Spans(spans)
    for start, end in (sorted(query) for query in queries):  # names: start <= end
        assert index.overlaps(start, end) == _walk(spans, start, end)
        outside = [(a, b) for a, b in spans if not (start <= a and b <= end)]
        assert index.overlaps_outside(start, end) == _walk(outside, start, end)
        assert ((start, end) in index) == ((start, end) in spans)
    assert index.overlaps(0, 51) == _walk(spans, 0, 51)
