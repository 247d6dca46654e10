"""The annotated document every backend produces and every extractor reads.

Offsets are always into the original document text. ``norm`` fields are for matching only.
Optional linguistic layers (lemma, POS, head, NER) are None when the backend does not provide them.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import Any, NamedTuple

import attrs
from attrs import frozen

from eventx.nlp.normalize import NormalizedText, normalize


class Token(NamedTuple):
    """One token: original text and offsets, the normalised form for matching, optional layers.

    A NamedTuple (immutable) because documents hold hundreds of thousands of tokens and
    construction cost is on every document's hot path.
    """

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
    _tokens: tuple[Token, ...] | None = attrs.field(init=False, default=None)
    _token_starts: list[int] | None = attrs.field(init=False, default=None)
    _sentence_token_offsets: list[int] | None = attrs.field(init=False, default=None)
    _form_index: dict[str, list[int]] | None = attrs.field(init=False, default=None)
    _sorted_forms: list[str] | None = attrs.field(init=False, default=None)
    _matcher_cache: dict[object, Any] = attrs.field(init=False, factory=dict)

    def __attrs_post_init__(self) -> None:
        self._starts = [s.start for s in self.sentences]

    @property
    def token_starts(self) -> list[int]:
        """Start offsets of all tokens, ascending (for bisecting an offset to a token index)."""
        if self._token_starts is None:
            self._token_starts = [t.start for t in self.tokens]
        return self._token_starts

    @property
    def form_index(self) -> dict[str, list[int]]:
        """Every token form (``norm`` and ``stems``) -> indices of the tokens having it.

        Built once per document and shared by every lexicon search.
        """
        if self._form_index is None:
            # A hot loop (every token of every document): no new list per lookup.
            index: dict[str, list[int]] = {}
            get = index.get
            for i, token in enumerate(self.tokens):
                norm = token.norm
                at = get(norm)
                if at is None:
                    index[norm] = [i]
                else:
                    at.append(i)
                for stem in token.stems:
                    at = get(stem)
                    if at is None:
                        index[stem] = [i]
                    else:
                        at.append(i)
            self._form_index = index
        return self._form_index

    def set_indexes(self, tokens: tuple[Token, ...], form_index: dict[str, list[int]]) -> None:
        """Hand over :attr:`tokens` and :attr:`form_index` as a backend built them while
        tokenising. They must be exactly what the properties would build: every sentence's
        tokens in order, and each form -> the indices of the tokens having it, ascending."""
        self._tokens = tokens
        self._form_index = form_index

    @property
    def matcher_cache(self) -> dict[object, Any]:
        """Per-document scratch space for lexicon matchers (keyed by the matcher object)."""
        return self._matcher_cache

    @property
    def sorted_forms(self) -> list[str]:
        """The keys of :attr:`form_index`, sorted (for finding the forms with a prefix)."""
        if self._sorted_forms is None:
            self._sorted_forms = sorted(self.form_index)
        return self._sorted_forms

    def forms_with_prefix(self, prefix: str) -> list[str]:
        """The document's token forms starting with ``prefix`` (for wildcard lexicon entries)."""
        forms = self.sorted_forms
        found: list[str] = []
        for i in range(bisect.bisect_left(forms, prefix), len(forms)):
            if not forms[i].startswith(prefix):
                break
            found.append(forms[i])
        return found

    @property
    def sentence_token_offsets(self) -> list[int]:
        """Index in :attr:`tokens` of each sentence's first token."""
        if self._sentence_token_offsets is None:
            offsets, total = [], 0
            for sentence in self.sentences:
                offsets.append(total)
                total += len(sentence.tokens)
            self._sentence_token_offsets = offsets
        return self._sentence_token_offsets

    @property
    def normalized(self) -> NormalizedText:
        if self.normalized_text is None:
            self.normalized_text = normalize(self.text)
        return self.normalized_text

    @property
    def tokens(self) -> tuple[Token, ...]:
        if self._tokens is None:
            self._tokens = tuple(t for s in self.sentences for t in s.tokens)
        return self._tokens

    def sentence_index_at(self, offset: int) -> int | None:
        """Index of the sentence containing ``offset`` (or the one before a gap)."""
        if not self.sentences:
            return None
        i = bisect.bisect_right(self._starts, offset) - 1
        return i if i > 0 else 0  # (not max(): a call, on one of the hottest paths)

    def sentence_at(self, offset: int) -> Sentence | None:
        i = self.sentence_index_at(offset)
        return None if i is None else self.sentences[i]

    def tokens_between(self, start: int, end: int) -> Iterator[Token]:
        """Tokens overlapping ``[start, end)``.

        Found by bisection, so asking about a short span of a long sentence costs the span's
        tokens, not the sentence's.
        """
        if not self.sentences:
            return
        tokens = self.tokens
        i = bisect.bisect_left(self.token_starts, start)
        while i > 0 and tokens[i - 1].end > start:
            i -= 1
        for j in range(i, len(tokens)):
            token = tokens[j]
            if token.start >= end:
                break
            if token.end > start:
                yield token
