"""The casualty lexicons are data: every language file loads and covers every kind."""

from __future__ import annotations

import pytest

import eventx
from eventx.nlp.builtin import BuiltinBackend
from eventx_casualties.vocabulary import scan, vocabulary


@pytest.mark.parametrize("language", ["ar", "en"])
def test_lexicon_covers_every_kind(language: str) -> None:
    table = eventx.language_data("eventx_casualties", "lexicon", language)
    assert set(table["kinds"]) == set(eventx.CASUALTY_KINDS)
    for kind, body in table["kinds"].items():
        assert body["terms"], f"{language}: {kind} has no trigger terms"
    vocab = vocabulary(language)
    assert vocab.phrases.size > 100
    assert vocab.grammar.max_before > 0 and vocab.grammar.max_after > 0
    assert vocab is vocabulary(language)  # compiled once per process


def test_grammar_differs_by_language() -> None:
    assert vocabulary("ar").grammar.trigger_first
    assert not vocabulary("en").grammar.trigger_first
    assert vocabulary("en").grammar.bridge is not None
    assert vocabulary("ar").grammar.bridge is None


def test_language_without_lexicon_yields_nothing(pipeline: eventx.Pipeline) -> None:
    assert vocabulary("xx").phrases.size == 0
    record = pipeline.extract("Zwölf Menschen wurden getötet.", language="de")
    assert record.casualties == ()


def test_scan_finds_each_category_once() -> None:
    doc = BuiltinBackend().annotate("قتل 15 شخصا بينهم طفلان حسب الشرطة، وأصيب 3 آخرون.", "ar")
    found = scan(vocabulary("ar"), doc)
    assert [m.value.kind for m in found.triggers] == ["killed", "injured"]
    assert [m.phrase for m in found.subset] == ["بينهم"]
    assert [m.phrase for m in found.according_to] == ["حسب"]
    assert [m.value for m in found.dual] == [2]
    assert [m.phrase for m in found.others] == ["آخرون"]
