"""Fast questions about many character spans: does anything overlap, cover or sit inside this one?

Extractors often ask, for every match, whether it touches a span already taken. Asked with
``any(...)`` over a list, that is quadratic on long documents; a :class:`SpanSet` answers by
bisection over spans sorted by start, with a running maximum of their ends.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator
from itertools import accumulate


class SpanSet:
    """An immutable set of ``(start, end)`` spans (half-open, as everywhere in eventx)."""

    __slots__ = ("_ends", "_max_end", "_starts")

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._ends = [e for _, e in ordered]
        # _max_end[i] = the largest end among the first i+1 spans: lets a search stop early.
        self._max_end = list(accumulate(self._ends, max))

    def __len__(self) -> int:
        return len(self._starts)

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(zip(self._starts, self._ends, strict=True))

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span shares a character with ``[start, end)``."""
        i = bisect.bisect_left(self._starts, end) - 1  # spans starting before ``end``
        return i >= 0 and self._max_end[i] > start

    def covers(self, offset: int) -> bool:
        """Whether some span contains the character at ``offset``."""
        return self.overlaps(offset, offset + 1)

    def covering(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Spans containing all of ``[start, end)``, nearest start first."""
        i = bisect.bisect_right(self._starts, start) - 1
        while i >= 0 and self._max_end[i] >= end:
            if self._ends[i] >= end:
                yield self._starts[i], self._ends[i]
            i -= 1

    def inside(self, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Spans lying within ``[start, end)``, in order."""
        i = bisect.bisect_left(self._starts, start)
        while i < len(self._starts) and self._starts[i] <= end:
            if self._ends[i] <= end:
                yield self._starts[i], self._ends[i]
            i += 1
