"""SpanSet answers exactly what a scan over every span answers."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventx import SpanSet

spans_strategy = st.lists(
    st.tuples(st.integers(0, 60), st.integers(0, 12)).map(lambda p: (p[0], p[0] + p[1])),
    max_size=25,
)


@given(spans_strategy, st.integers(0, 70), st.integers(0, 12))
def test_span_set_agrees_with_a_scan(spans: list[tuple[int, int]], start: int, width: int) -> None:
    end = start + width
    index = SpanSet(spans)
    assert index.overlaps(start, end) == any(a < end and start < b for a, b in spans)
    assert index.covers(start) == any(a <= start < b for a, b in spans)
    assert sorted(index.covering(start, end)) == sorted(
        (a, b) for a, b in spans if a <= start and end <= b
    )
    assert list(index.inside(start, end)) == sorted(
        (a, b) for a, b in spans if start <= a and b <= end
    )


def test_a_realistic_case() -> None:
    taken = SpanSet([(10, 20), (30, 45), (12, 14)])
    assert taken.overlaps(19, 25) and not taken.overlaps(20, 30)
    assert taken.covers(44) and not taken.covers(45)
    assert list(taken.covering(12, 14)) == [(12, 14), (10, 20)]
    assert list(taken.inside(0, 25)) == [(10, 20), (12, 14)]
