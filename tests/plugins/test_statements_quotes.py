"""The quote finder: every quotation mark news uses, balanced or not, nested or not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventx_statements.quotes import find_quotes


def inner_texts(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quotes(text)]


def test_english_curly_quotes() -> None:
    text = "“We will rebuild,” the mayor said. “Nobody is leaving.”"
    assert inner_texts(text) == ["We will rebuild,", "Nobody is leaving."]


def test_guillemets_in_arabic() -> None:
    text = "وقال المتحدث إن «الوضع تحت السيطرة» في المدينة."
    assert inner_texts(text) == ["الوضع تحت السيطرة"]


def test_straight_double_quotes() -> None:
    text = 'The statement said "the attack was cowardly" and "will not go unpunished".'
    assert inner_texts(text) == ["the attack was cowardly", "will not go unpunished"]


def test_german_low_high_quotes() -> None:
    assert inner_texts("Er sagte: „Wir bleiben hier“.") == ["Wir bleiben hier"]


def test_single_quotes_are_not_apostrophes() -> None:
    text = "Britain’s prime minister said ‘enough is enough’ after the attack’s toll rose."
    assert inner_texts(text) == ["enough is enough"]


def test_closing_mark_used_as_opener() -> None:
    # Arabic sites often open with the closing-shaped mark: `:” ... ”`.
    text = "وتابع البيان :” روسيا تؤكد تمسكها بالتزاماتها”."
    assert inner_texts(text) == ["روسيا تؤكد تمسكها بالتزاماتها"]


def test_nested_quotes_stay_inside_the_outer_one() -> None:
    text = "“He told me ‘run’ and I ran,” she said."
    assert inner_texts(text) == ["He told me ‘run’ and I ran,"]


def test_unbalanced_quote_ends_at_the_paragraph() -> None:
    text = "وأضاف: «سنواصل العمل حتى النهاية\nوفي سياق آخر، أعلنت الشرطة."
    assert inner_texts(text) == ["سنواصل العمل حتى النهاية"]


def test_marks_without_words_are_no_quote() -> None:
    assert find_quotes('« »  ""  “ ”') == []


PIECES = [*'ab س"“”„«»‘’‹›\n.,', "``", "''"]


@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join))
def test_quotes_are_ordered_disjoint_and_inside_the_text(text: str) -> None:
    quotes = find_quotes(text)
    previous_end = 0
    for q in quotes:
        assert 0 <= q.start < q.inner_start <= q.inner_end <= q.end <= len(text)
        assert q.start >= previous_end
        previous_end = q.end
        assert any(ch.isalpha() for ch in text[q.inner_start : q.inner_end])


def test_wire_copy_backtick_quotes() -> None:
    text = "Adams said, adding: ``Nationalists want to move towards Irish unity.'' He left."
    assert inner_texts(text) == ["Nationalists want to move towards Irish unity."]


def test_wire_copy_reopened_quotation_closes_the_open_one() -> None:
    text = (
        "``We have not seen the letter. ``We will answer it tomorrow.'' "
        "Another official, the mayor, said the roads were open."
    )
    assert inner_texts(text) == ["We have not seen the letter.", "We will answer it tomorrow."]
