"""PhraseMatcher and the data loaders: lexicon phrases found in real news sentences."""

from __future__ import annotations

import pytest

import eventx
from eventx import PhraseMatcher, language_data, load_data, matcher_from_table
from eventx.nlp import BuiltinBackend

backend = BuiltinBackend()


def found(
    matcher: PhraseMatcher[str], text: str, language: str, **kw: object
) -> list[tuple[str, str]]:
    doc = backend.annotate(text, language)
    return [(text[m.start : m.end], m.value) for m in matcher.finditer(doc, **kw)]  # type: ignore[arg-type]


def test_arabic_phrases_match_through_clitics_and_spelling_variants() -> None:
    matcher = PhraseMatcher([("مقتل", "killed"), ("أصيب", "injured"), ("قوات حفظ السلام", "force")])
    text = "وأعلنت الوزارة عن ومقتل 26 شخصا، فيما اصيب 18 آخرون بعد وصول لقوات حفظ السلام."
    assert found(matcher, text, "ar") == [
        ("ومقتل", "killed"),
        ("اصيب", "injured"),
        ("لقوات حفظ السلام", "force"),
    ]


def test_diacritics_and_tatweel_in_the_text_do_not_prevent_a_match() -> None:
    matcher = PhraseMatcher([("مسلحين", "group")])
    text = "مصرع ستة مُسَلَّحيــن في ألماتي"
    assert found(matcher, text, "ar") == [("مُسَلَّحيــن", "group")]


def test_prefix_wildcard_matches_inflections() -> None:
    matcher = PhraseMatcher([("kill*", "killed"), ("wound*", "injured")])
    text = "Gunmen killed five people and wounded twelve; the killings continued."
    assert found(matcher, text, "en") == [
        ("killed", "killed"),
        ("wounded", "injured"),
        ("killings", "killed"),
    ]


def test_leftmost_longest_match_wins() -> None:
    matcher = PhraseMatcher(
        [("security forces", "force"), ("security", "topic"), ("forces", "force-short")]
    )
    text = "Security forces were deployed for security reasons."
    assert found(matcher, text, "en") == [("Security forces", "force"), ("security", "topic")]
    all_matches = found(matcher, text, "en", longest=False)
    assert ("Security", "topic") in all_matches and ("Security forces", "force") in all_matches


def test_matches_never_cross_a_sentence_boundary() -> None:
    matcher = PhraseMatcher([("police officers", "force")])
    assert found(matcher, "They called the police. Officers came.", "en") == []
    assert found(matcher, "They called the police officers.", "en") == [
        ("police officers", "force")
    ]


def test_window_limits_matches() -> None:
    matcher = PhraseMatcher([("protest*", "protest")])
    text = "Protesters gathered. The protest grew. Protests spread."
    start = text.index("The")
    end = text.index("Protests spread")
    assert found(matcher, text, "en", start=start, end=end) == [("protest", "protest")]


def test_matcher_from_table_uses_section_names_as_values() -> None:
    table = {"killed": {"terms": ["مقتل", "مصرع"]}, "injured": {"terms": ["إصابة", "جرحى"]}}
    matcher = matcher_from_table(table)
    assert matcher.size == 4
    text = "مصرع 26 مسلحا وإصابة 18 آخرين وسقوط جرحى"
    assert found(matcher, text, "ar") == [
        ("مصرع", "killed"),
        ("وإصابة", "injured"),
        ("جرحى", "injured"),
    ]


def test_empty_phrases_are_ignored() -> None:
    assert PhraseMatcher([("", "x"), ("  ", "y")]).size == 0


def test_bundled_lexicons_load_as_data() -> None:
    table = language_data("eventx_casualties", "lexicon", "ar")
    assert table, "the casualties plugin ships an Arabic lexicon"
    assert language_data("eventx_casualties", "lexicon", "xx") == {}
    assert load_data("eventx", "data/numbers/en.toml")["words"]["twelve"] == 12
    assert load_data("eventx", "data/numbers/en.toml") is load_data(
        "eventx", "data/numbers/en.toml"
    )


def test_missing_data_file_names_the_package() -> None:
    with pytest.raises(FileNotFoundError, match="eventx_casualties"):
        load_data("eventx_casualties", "lexicon/nope.toml")


def test_numbers_in_words_and_digits() -> None:
    assert eventx.parse_digits("١٬٢٠٠") == 1200
    assert eventx.parse_digits("1,200") == 1200
    assert eventx.parse_digits("8.4") is None
