"""The indexed PhraseMatcher finds exactly what a plain token-by-token scan finds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import eventx
from eventx.lexicon import PhraseMatch, PhraseMatcher, _token_matches, phrase_tokens
from eventx.nlp.annotation import AnnotatedDocument
from eventx.nlp.builtin import BuiltinBackend

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
BACKEND = BuiltinBackend()


def reference_finditer(
    entries: list[tuple[str, Any]], doc: AnnotatedDocument, start: int = 0, end: int | None = None
) -> list[PhraseMatch[Any]]:
    """The specification: walk every token of every sentence, try every phrase, keep the
    leftmost-longest non-overlapping matches."""
    stop = len(doc.text) if end is None else end
    patterns = [(phrase_tokens(p), p, v) for p, v in entries if phrase_tokens(p)]
    found: list[PhraseMatch[Any]] = []
    base = 0
    for sentence in doc.sentences:
        tokens = sentence.tokens
        i = 0
        while i < len(tokens):
            if tokens[i].start < start or tokens[i].end > stop:
                i += 1
                continue
            here = []
            for pattern, phrase, value in patterns:
                n = len(pattern)
                if i + n > len(tokens) or tokens[i + n - 1].end > stop:
                    continue
                if all(_token_matches(p, tokens[i + k]) for k, p in enumerate(pattern)):
                    here.append(
                        PhraseMatch(
                            tokens[i].start,
                            tokens[i + n - 1].end,
                            base + i,
                            base + i + n - 1,
                            phrase,
                            value,
                        )
                    )
            if here:
                best = max(here, key=lambda m: (m.end - m.start, -len(m.phrase)))
                found.append(best)
                i = best.last_token - base + 1
            else:
                i += 1
        base += len(tokens)
    return found


def _same(entries: list[tuple[str, Any]], doc: AnnotatedDocument, **span: int) -> None:
    fast = list(PhraseMatcher(entries).finditer(doc, **span))
    slow = reference_finditer(entries, doc, **span)
    assert [(m.start, m.end, m.value) for m in fast] == [(m.start, m.end, m.value) for m in slow]


def test_bundled_lexicons_on_the_seed() -> None:
    text = (SEEDS / "000_8810d80a09cc04a1.txt").read_text("utf-8")
    doc = BACKEND.annotate(text, "ar")
    for package in ("eventx_casualties", "eventx_deployments", "eventx_statements"):
        table = eventx.language_data(package, "lexicon", "ar")
        entries = [
            (term, section)
            for section, body in sorted(table.items())
            if isinstance(body, dict)
            for term in body.get("terms", ())
        ]
        _same(entries, doc)
        _same(entries, doc, start=len(text) // 3, end=2 * len(text) // 3)


def test_clitics_wildcards_and_multiword_phrases() -> None:
    text = "وأعلنت الوزارة مقتل 5 وبمقتل جنديين، وللقوات الروسية دور. Police killed two; the killing's toll rose."
    for language in ("ar", "en"):
        doc = BACKEND.annotate(text, language)
        entries = [
            ("مقتل", "k"),
            ("القوات الروسية", "f"),
            ("قوات", "f2"),
            ("أعلن*", "cue"),
            ("kill*", "k"),
            ("police killed", "pk"),
            ("toll", "t"),
            ("killing", "kg"),
        ]
        _same(entries, doc)


WORDS = [
    "قتل",
    "مقتل",
    "القوات",
    "قوات",
    "الروسية",
    "و",
    "ب",
    "ال",
    "killed",
    "the",
    "police",
    "2",
    ",",
]


@given(
    st.lists(st.sampled_from(["وال", "بال", "لل", "و", "ف", "", "", ""]), min_size=1, max_size=30),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
    st.lists(
        st.lists(st.sampled_from([*WORDS, "قت*", "kill*"]), min_size=1, max_size=3), max_size=6
    ),
    st.sampled_from(["ar", "en"]),
    st.sampled_from([" ", " ", ". ", "\n", ", "]),
)
def test_matches_equal_the_reference(
    prefixes: list[str], words: list[str], phrases: list[list[str]], language: str, sep: str
) -> None:
    text = sep.join(p + w for p, w in zip(prefixes * 30, words, strict=False))
    doc = BACKEND.annotate(text, language)
    entries = [(" ".join(p), i) for i, p in enumerate(phrases)]
    _same(entries, doc)
    _same(entries, doc, start=len(text) // 4, end=len(text) // 2 + 1)


def test_sentence_windows_use_the_cache_and_agree_with_the_reference() -> None:
    text = (SEEDS / "000_8810d80a09cc04a1.txt").read_text("utf-8")
    doc = BACKEND.annotate(text, "ar")
    table = eventx.language_data("eventx_casualties", "lexicon", "ar")
    entries = [
        (term, section)
        for section, body in sorted(table.items())
        if isinstance(body, dict)
        for term in body.get("terms", ())
    ]
    matcher = PhraseMatcher(entries)
    for sentence in doc.sentences:
        for window in ((sentence.start, sentence.end), (sentence.start, len(text))):
            fast = list(matcher.finditer(doc, start=window[0], end=window[1]))
            slow = reference_finditer(entries, doc, *window)
            assert [(m.start, m.end, m.value) for m in fast] == [
                (m.start, m.end, m.value) for m in slow
            ]
    assert (matcher, "longest") in doc.matcher_cache
