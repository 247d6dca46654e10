"""The annotated document every backend produces and every extractor reads.

Offsets are always into the original document text. ``norm`` fields are for matching only.
Optional linguistic layers (lemma, POS, head, NER) are None when the backend does not provide them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cached_property

import attrs
from attrs import frozen

from eventx.nlp.normalize import NormalizedText, normalize


@frozen(kw_only=True)
class Token:
    """One token: original text and offsets, the normalised form for matching, optional layers."""

    text: str
    start: int
    end: int
    norm: str
    # Normalised forms with Arabic proclitics (و ف ب ل ك ال) removed, longest first; empty if none.
    stems: tuple[str, ...] = ()
    lemma: str | None = None
    pos: str | None = None
    head: int | None = None  # index of the head token within the sentence, -1 for the root
    deprel: str | None = None
    ner: str | None = None

    @property
    def forms(self) -> tuple[str, ...]:
        """Every form a lexicon entry may match: the normalised token and its stems."""
        return (self.norm, *self.stems)


@frozen(kw_only=True)
class Sentence:
    """One sentence: its index, original offsets and text, and its tokens."""

    index: int
    start: int
    end: int
    text: str
    tokens: tuple[Token, ...] = ()


@attrs.define(kw_only=True, eq=False)
class AnnotatedDocument:
    """Sentences and tokens of one text, with a normalised view for matching."""

    text: str
    language: str
    sentences: tuple[Sentence, ...]
    backend: str = "builtin"
    # Pass the normalised view when the backend already computed it; made lazily otherwise.
    normalized_text: NormalizedText | None = None
    _starts: list[int] = attrs.field(init=False, factory=list)

    def __attrs_post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    @property
    def normalized(self) -> NormalizedText:
        if self.normalized_text is None:
            self.normalized_text = normalize(self.text)
        return self.normalized_text

    @cached_property
    def tokens(self) -> tuple[Token, ...]:
        return tuple(t for s in self.sentences for t in s.tokens)

    def sentence_index_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (or the one before a gap)."""
        if not self.sentences:
            return None
        i = bisect.bisect_right(self._starts, offset) - 1
        return max(i, 0)

    def sentence_at(self, offset: int) -> Sentence | None:
        i = self.sentence_index_at(offset)
        return None if i is None else self.sentences[i]

    def tokens_between(self, start: int, end: int) -> Iterator[Token]:
        """Tokens overlapping ``[start, end)``."""
        first = self.sentence_index_at(start)
        if first is None:
            return
        for sentence in self.sentences[first:]:
            if sentence.start >= end:
                break
            for token in sentence.tokens:
                if token.end > start and token.start < end:
                    yield token
