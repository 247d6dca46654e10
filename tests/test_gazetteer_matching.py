"""The gazetteer's name matcher (``NameMatcher``) against a plain definition of its output.

The matcher walks token forms with fast paths (a token without stems has one form); these
tests compare it with the plain definition on generated English and Arabic texts: every span
of tokens inside one sentence whose forms, joined by spaces, spell a name key.
"""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

import eventx
from eventx.gazetteer.matching import NameMatcher, key_prefixes
from eventx.nlp.annotation import AnnotatedDocument

#: name key -> is a demonym: one-word names, names inside longer ones, a demonym.
ENGLISH = {
    "new": False,
    "new york": False,
    "new york city": False,
    "york": False,
    "city": False,
    "british": True,
    "port said": False,
    "said": False,
}
#: Arabic keys matched by a stem too (بغداد in وبغداد, الموصل in بالموصل).
ARABIC = {
    "بغداد": False,
    "الموصل": False,
    "مدينة الموصل": False,
    "العراقي": True,
    "دير الزور": False,
    "الزور": False,
}
FILLERS_EN = ["in", "the", "said", "New", "York", "City", "British", "Port", "Said", "troops", "."]
FILLERS_AR = [
    "في",
    "مدينة",
    "الموصل",
    "بالموصل",
    "وبغداد",
    "بغداد",
    "دير",
    "الزور",
    "العراقي",
    "قال",
    ".",
]


def plain_matches(doc: AnnotatedDocument, entries: dict[str, bool]) -> list[tuple[object, ...]]:
    """Every (start, end, first, last, key, value) by brute force, in document order."""
    longest = max(key.count(" ") + 1 for key in entries)
    found: list[tuple[object, ...]] = []
    offset = 0
    tokens = doc.tokens
    for sentence in doc.sentences:
        count = len(sentence.tokens)
        for i in range(offset, offset + count):
            for j in range(i, min(offset + count, i + longest)):
                keys = {
                    " ".join(forms)
                    for forms in itertools.product(*(tokens[k].forms for k in range(i, j + 1)))
                }
                for key in sorted(k for k in keys if k in entries):
                    found.append((tokens[i].start, tokens[j].end, i, j, key, (key, entries[key])))
        offset += count
    return found


def fast_matches(doc: AnnotatedDocument, entries: dict[str, bool]) -> list[tuple[object, ...]]:
    return [tuple(m) for m in NameMatcher(entries, key_prefixes(entries)).finditer(doc)]


@given(st.lists(st.sampled_from(FILLERS_EN), max_size=30))
def test_english_matches_equal_the_plain_definition(words: list[str]) -> None:
    doc = eventx.annotate(" ".join(words), "en")
    assert fast_matches(doc, ENGLISH) == plain_matches(doc, ENGLISH)


@given(st.lists(st.sampled_from(FILLERS_AR), max_size=30))
def test_arabic_matches_equal_the_plain_definition(words: list[str]) -> None:
    doc = eventx.annotate(" ".join(words), "ar")
    assert fast_matches(doc, ARABIC) == plain_matches(doc, ARABIC)


def test_nested_names_are_all_found_and_a_sentence_end_stops_a_name() -> None:
    doc = eventx.annotate("Troops left New York City. York said New. York", "en")
    keys = [m.phrase for m in NameMatcher(ENGLISH).finditer(doc)]
    # "new york city", "new york" and "new" at one start; no "new york" across the full stop
    assert keys == [
        "new",
        "new york",
        "new york city",
        "york",
        "city",
        "york",
        "said",
        "new",
        "york",
    ]


def test_an_arabic_name_is_found_behind_its_clitic() -> None:
    doc = eventx.annotate("قتل جندي بالموصل ووصل وفد إلى بغداد", "ar")
    keys = [m.phrase for m in NameMatcher(ARABIC).finditer(doc)]
    assert keys == ["الموصل", "بغداد"]
