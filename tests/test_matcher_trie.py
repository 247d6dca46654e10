"""The phrase trie behind PhraseMatcher returns what trying every phrase at every token returns,
for all matches (``longest=False``), in the same order, with the same phrase and value."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from eventx.lexicon import PhraseMatch, PhraseMatcher, _token_matches, phrase_tokens
from eventx.nlp.annotation import AnnotatedDocument
from eventx.nlp.builtin import BuiltinBackend

BACKEND = BuiltinBackend()


def every_match(
    entries: list[tuple[str, Any]], doc: AnnotatedDocument, start: int, stop: int
) -> list[PhraseMatch[Any]]:
    """The specification of ``longest=False``: at each token, every phrase matching there inside
    the window and the sentence, ordered by end then phrase (entry order among equals)."""
    patterns = [(phrase_tokens(p), p, v) for p, v in entries if phrase_tokens(p)]
    found: list[PhraseMatch[Any]] = []
    base = 0
    for sentence in doc.sentences:
        tokens = sentence.tokens
        for i, token in enumerate(tokens):
            if token.start < start or token.end > stop:
                continue
            here = []
            for pattern, phrase, value in patterns:
                n = len(pattern)
                if i + n > len(tokens) or tokens[i + n - 1].end > stop:
                    continue
                if all(_token_matches(p, tokens[i + k]) for k, p in enumerate(pattern)):
                    here.append(
                        PhraseMatch(
                            token.start, tokens[i + n - 1].end, base + i, base + i + n - 1,
                            phrase, value,
                        )
                    )  # fmt: skip
            found.extend(sorted(here, key=lambda m: (m.end, m.phrase)))
        base += len(tokens)
    return found


def test_overlapping_phrases_sharing_words_and_wildcards() -> None:
    text = "Police said new troops were sent to New York and New Delhi; the killing stopped."
    doc = BACKEND.annotate(text, "en")
    entries: list[tuple[str, Any]] = [
        ("new", "a"),
        ("new york", "b"),
        ("New York", "c"),  # same tokens as "new york" after normalisation: both are found
        ("new *", "d"),
        ("kill*", "e"),
        ("the kill*", "f"),
        ("*", "g"),
    ]
    fast = list(PhraseMatcher(entries).finditer(doc, longest=False))
    assert fast == every_match(entries, doc, 0, len(text))
    assert {m.value for m in fast if text[m.start : m.end] == "New York"} == {"b", "c", "d"}


WORDS = ["قتل", "مقتل", "القوات", "قوات", "الروسية", "و", "new", "york", "killed", "the", "2"]


@settings(max_examples=150)
@given(
    st.lists(st.sampled_from(["وال", "بال", "و", "", ""]), min_size=1, max_size=20),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=20),
    st.lists(
        # nested wildcards ("ki*", "kill*"; "قت*", "قتل*"): one form, several root children
        st.lists(
            st.sampled_from([*WORDS, "قت*", "قتل*", "kill*", "ki*", "ال*"]), min_size=1, max_size=3
        ),
        max_size=8,
    ),
    st.sampled_from(["ar", "en"]),
    st.sampled_from([" ", ". ", "\n"]),
    st.integers(0, 60),
    st.integers(0, 200),
)
def test_all_matches_equal_the_reference(
    prefixes: list[str],
    words: list[str],
    phrases: list[list[str]],
    language: str,
    sep: str,
    start: int,
    width: int,
) -> None:
    text = sep.join(p + w for p, w in zip(prefixes * 20, words, strict=False))
    doc = BACKEND.annotate(text, language)
    entries: list[tuple[str, Any]] = [(" ".join(p), i % 3) for i, p in enumerate(phrases)]
    matcher = PhraseMatcher(entries)
    for window in ((0, len(text)), (start, start + width)):
        fast = list(matcher.finditer(doc, start=window[0], end=window[1], longest=False))
        assert fast == every_match(entries, doc, *window)
