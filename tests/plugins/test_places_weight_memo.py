"""The country vote's per-document weight memo (plugins/eventx_places/country.py).

The vote and the primary place read each mention's weight up to three times per document; the
memo keeps the weights of the document read last. Its invariant: a remembered weight is always
the weight computed afresh, whichever documents were read before, in whatever order.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import eventx
from eventx_places import country

TEXTS = (
    (
        "ar",
        "قتل 12 شخصا في انفجار بمدينة حلب شمالي سوريا.\n"
        "وقالت وزارة الداخلية في دمشق إن الهجوم استهدف سوقا شعبية.",
    ),
    (
        "en",
        "BAGHDAD (Reuters) - A car bomb killed five people in Mosul on Sunday.\n"
        "Officials in Baghdad said the attack hit a market near the old city.",
    ),
    (
        "en",
        "Protesters gathered in Kyiv and Lviv on Friday, while Russia said it would respond.",
    ),
)


def _record(pipeline: eventx.Pipeline, language: str, text: str) -> eventx.EventRecord:
    return pipeline.extract(eventx.Document(id="memo", text=text, language=language))


@settings(max_examples=15, deadline=None)
@given(order=st.lists(st.integers(min_value=0, max_value=len(TEXTS) - 1), min_size=2, max_size=6))
def test_remembered_weights_are_the_computed_ones(order: list[int]) -> None:
    pipeline = eventx.Pipeline(disable=["eventx_weapons"])
    for index in order:
        language, text = TEXTS[index]
        # an equal text in a new string object: the memo is keyed by identity, never by value
        text = "".join(list(text))
        record = _record(pipeline, language, text)
        for location in record.locations:
            for mention in location.mentions:
                remembered = country._mention_weight(location.kind, mention, text, language)
                assert remembered == country._compute_weight(location.kind, mention, text, language)


def test_records_do_not_depend_on_the_document_read_before() -> None:
    pipeline = eventx.Pipeline(disable=["eventx_weapons"])
    alone = [_record(pipeline, language, text) for language, text in TEXTS]
    for (language, text), expected in zip(TEXTS, alone, strict=True):
        for other_language, other in TEXTS:
            _record(pipeline, other_language, other)
            again = _record(pipeline, language, text)
            assert again.country == expected.country
            assert again.primary_location == expected.primary_location
            assert again.locations == expected.locations
