"""Numbers kept on the document per window answer exactly what a fresh document answers."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import eventx
from eventx.nlp.builtin import BuiltinBackend

BACKEND = BuiltinBackend()
TEXT_AR = "قال مسؤول إن ثلاثة آلاف جندي و 25 شرطيا انتشروا، وقتل أكثر من 100 شخص بين 10 و15 يناير."
TEXT_EN = "Officials said twenty-six people died and at least 1,200 troops, some 300 police, left."


def _answers(doc: eventx.AnnotatedDocument, start: int, end: int) -> tuple[list[object], ...]:
    return (
        list(eventx.find_numbers(doc, start=start, end=end)),
        list(eventx.find_quantities(doc, start=start, end=end)),
        list(eventx.find_numbers(doc)),
        list(eventx.find_quantities(doc)),
    )


@settings(max_examples=60)
@given(
    st.sampled_from([(TEXT_AR, "ar"), (TEXT_EN, "en")]),
    st.lists(st.tuples(st.integers(0, 90), st.integers(0, 90)), min_size=1, max_size=6),
)
def test_cached_windows_equal_fresh_documents(
    sample: tuple[str, str], windows: list[tuple[int, int]]
) -> None:
    text, language = sample
    shared = BACKEND.annotate(text, language)  # asked every window in turn: answers cached
    for start, end in windows:
        fresh = BACKEND.annotate(text, language)
        assert _answers(shared, start, end) == _answers(fresh, start, end)
        assert _answers(shared, start, end) == _answers(shared, start, end)


def test_whole_document_numbers_are_read_once() -> None:
    doc = BACKEND.annotate(TEXT_EN, "en")
    first = list(eventx.find_numbers(doc))
    assert [n.value for n in first] == [26, 1200, 300]
    cached = [
        v for k, v in doc.matcher_cache.items() if isinstance(k, tuple) and "numbers" in str(k[0])
    ]
    assert cached  # the pass is kept on the document ...
    assert list(eventx.find_numbers(doc)) == first  # ... and gives the same answer again
