"""The casualties extractor reads counts only in sentences that have a trigger (a count pairs
only with a trigger of its own sentence), and tests a number as a count only when a rule asks
about its tokens. The counts of a sentence must not depend on which sentences are asked for:
checked against reading every sentence, on generated articles in both languages."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import eventx
from eventx_casualties.counts import Spans, find_counts
from eventx_casualties.extraction import scanned_triggers
from eventx_casualties.vocabulary import scan, vocabulary

ENGLISH = (
    "Two soldiers were killed and 14 civilians injured on Monday.",
    "A journalist was shot dead in the city.",
    "The 2,000 residents of the town fled in 1998.",
    "Police arrested 30 people, including a student.",
    "The bridge is 400 metres long and cost $3 million.",
    "An Afghan was wounded near the border, a spokesman said.",
    "No one was hurt.",
    "Some 40 to 70 people died, the ministry said 12 hours later.",
)
ARABIC = (
    "قتل ثلاثة جنود وأصيب 12 مدنيا في القصف.",
    "ولقي شرطي مصرعه قرب الحدود.",
    "ويبلغ عدد سكان البلدة 5000 نسمة منذ عام 1990.",
    "واعتقلت الشرطة 20 شخصا بينهم امرأة.",
    "وأصيب شقيقين في الحادث.",
    "وتبلغ مساحة المدينة 300 كيلومتر مربع.",
    "ولم يصب أحد بأذى.",
)


@settings(max_examples=60, deadline=None)
@given(
    language=st.sampled_from(["en", "ar"]),
    picks=st.lists(st.integers(min_value=0, max_value=99), min_size=1, max_size=7),
    asked=st.sets(st.integers(min_value=0, max_value=7)),
)
def test_counts_of_asked_sentences_equal_reading_every_sentence(
    language: str, picks: list[int], asked: set[int]
) -> None:
    pool = ENGLISH if language == "en" else ARABIC
    doc = eventx.annotate(" ".join(pool[k % len(pool)] for k in picks), language)
    vocab = vocabulary(language)
    found = scan(vocab, doc)
    triggers = scanned_triggers(found)
    no_dates = Spans(())
    sentence_of = [i for i, s in enumerate(doc.sentences) for _ in s.tokens]
    every = find_counts(doc, vocab, found, triggers, no_dates)
    some = find_counts(doc, vocab, found, triggers, no_dates, asked)
    assert some == [c for c in every if sentence_of[c.first_token] in asked]


def test_only_the_asked_sentences_counts_are_read() -> None:
    # The residents of the first sentence are a number but no victims: no trigger there.
    for language, text, expected in (
        ("ar", ARABIC[2] + " " + ARABIC[3], [20]),
        ("en", ENGLISH[2] + " " + ENGLISH[0], [2, 14]),
    ):
        doc = eventx.annotate(text, language)
        vocab = vocabulary(language)
        found = scan(vocab, doc)
        counts = find_counts(doc, vocab, found, scanned_triggers(found), Spans(()), {1})
        assert [c.quantity.count for c in counts] == expected
