"""Language knowledge as data: load per-language TOML files and match their phrases in documents.

A phrase is matched token by token against each token's normalised forms (the token itself and,
for Arabic, its proclitic-free stems), so ``مقتل`` also finds ``ومقتل`` and ``بمقتل``, and
``أصيب`` matches ``اصيب``. A phrase token ending in ``*`` matches any token starting with it
(``kill*`` finds killed, killing). Offsets in matches are into the original text.
"""

from __future__ import annotations

import bisect
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any, Generic, TypeVar

import regex
from attrs import frozen

from eventx.nlp.annotation import AnnotatedDocument, Token
from eventx.nlp.normalize import normalize_string

T = TypeVar("T")
_PHRASE_TOKEN_RE = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['\-][\p{L}\p{M}]+)*\*?|[^\s\w]")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Normalised tokens of a lexicon phrase, tokenised the way documents are."""
    return tuple(_PHRASE_TOKEN_RE.findall(normalize_string(phrase)))


@lru_cache(maxsize=256)
def _load_toml(package: str, resource: str) -> Mapping[str, Any]:
    path = resources.files(package).joinpath(resource)
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise FileNotFoundError(f"no data file {resource!r} in package {package!r}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{package}/{resource} is not valid TOML: {exc}") from exc


def load_data(package: str, resource: str) -> Mapping[str, Any]:
    """Load a TOML data file shipped inside ``package`` (cached per process).

    Plugins keep their lexicons next to their code, e.g.
    ``load_data("eventx_casualties", "lexicon/ar.toml")``.
    """
    return _load_toml(package, resource)


def language_data(package: str, directory: str, language: str) -> Mapping[str, Any]:
    """``directory/<language>.toml`` from ``package``, or an empty mapping if that language has none."""
    try:
        return load_data(package, f"{directory}/{language}.toml")
    except FileNotFoundError:
        return {}


@frozen
class PhraseMatch(Generic[T]):
    """One lexicon phrase found in a document."""

    start: int  # original character offsets
    end: int
    first_token: int  # indices into AnnotatedDocument.tokens
    last_token: int
    phrase: str
    value: T


def _token_matches(pattern: str, token: Token) -> bool:
    if pattern.endswith("*"):
        prefix = pattern[:-1]
        return any(form.startswith(prefix) for form in token.forms)
    return pattern in token.forms


class PhraseMatcher(Generic[T]):
    """Finds lexicon phrases (each with a value) in annotated documents.

    Build it once (e.g. under ``functools.lru_cache``) and reuse it: the first search per
    language compiles a prefilter regex.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        # Each entry keeps its position in ``entries``: among equally long matches the earlier
        # entry wins, whichever token form (norm, stem, wildcard) found it.
        self._by_first: dict[str, list[tuple[int, tuple[str, ...], str, T]]] = defaultdict(list)
        self._wildcard_first: list[tuple[int, tuple[str, ...], str, T]] = []
        self.size = 0
        for phrase, value in entries:
            tokens = phrase_tokens(phrase)
            if not tokens:
                continue
            entry = (self.size, tokens, phrase, value)
            self.size += 1
            if tokens[0].endswith("*"):
                self._wildcard_first.append(entry)
            else:
                self._by_first[tokens[0]].append(entry)
        self._literal_firsts = frozenset(self._by_first)
        self._other_firsts = tuple(sorted({e[1][0] for e in self._wildcard_first}))

    def _candidates(self, token: Token) -> Iterator[tuple[tuple[str, ...], str, T]]:
        """Entries whose first token matches ``token``, in entry order."""
        found: dict[int, tuple[int, tuple[str, ...], str, T]] = {}
        for form in token.forms:
            for entry in self._by_first.get(form, ()):
                found[entry[0]] = entry
        for entry in self._wildcard_first:
            if _token_matches(entry[1][0], token):
                found[entry[0]] = entry
        for order in sorted(found):
            _, tokens, phrase, value = found[order]
            yield tokens, phrase, value

    def _all_first_token_hits(self, doc: AnnotatedDocument) -> list[int]:
        """Sorted indices (into ``doc.tokens``) of every token that may start one of our phrases.

        Looked up in the document's form index, so it costs about the lexicon's size plus its
        hits rather than the document's length, and it is cached on the document: extractors
        often search sentence by sentence, and each search then only bisects this list.
        """
        cache = doc.matcher_cache
        hits: list[int] | None = cache.get(self)
        if hits is not None:
            return hits
        index = doc.form_index
        found: set[int] = set()
        # Walk the smaller side: a gazetteer has ~10^5 first words, a short article ~10^2 forms.
        if len(index) < len(self._literal_firsts):
            for form, at in index.items():
                if form in self._literal_firsts:
                    found.update(at)
        else:
            for first in self._literal_firsts:
                positions = index.get(first)
                if positions:
                    found.update(positions)
        for first in self._other_firsts:
            for form in doc.forms_with_prefix(first[:-1]):
                found.update(index[form])
        hits = sorted(found)
        cache[self] = hits
        return hits

    def _first_token_hits(self, doc: AnnotatedDocument, start: int, stop: int) -> list[int]:
        """Indices of tokens that may start a phrase inside ``[start, stop)``, ascending."""
        if not self.size:
            return []
        hits = self._all_first_token_hits(doc)
        if start or stop < len(doc.text):
            starts = doc.token_starts
            low = bisect.bisect_left(hits, bisect.bisect_left(starts, start))
            high = bisect.bisect_left(hits, bisect.bisect_left(starts, stop))
            return hits[low:high]
        return hits

    def finditer(
        self,
        doc: AnnotatedDocument,
        *,
        start: int = 0,
        end: int | None = None,
        longest: bool = True,
    ) -> Iterator[PhraseMatch[T]]:
        """Matches inside ``[start, end)``; with ``longest``, leftmost-longest and non-overlapping.

        Matches never cross a sentence boundary.
        """
        stop = len(doc.text) if end is None else end
        if longest and _window_is_sentence_aligned(doc, start, stop):
            # Sentences are scanned independently, so a window of whole sentences holds exactly
            # the whole document's matches inside it: scan once per document, then bisect.
            key = (self, "longest")
            cached = doc.matcher_cache.get(key)
            if cached is None:
                cached = list(self._scan(doc, 0, len(doc.text), longest=True))
                doc.matcher_cache[key] = cached
            low = bisect.bisect_left(cached, start, key=lambda m: m.start)
            for match in cached[low:]:
                if match.start >= stop:
                    break
                if match.end <= stop:
                    yield match
            return
        yield from self._scan(doc, start, stop, longest=longest)

    def _scan(
        self, doc: AnnotatedDocument, start: int, stop: int, *, longest: bool
    ) -> Iterator[PhraseMatch[T]]:
        tokens = doc.tokens
        offsets = doc.sentence_token_offsets
        sentences = doc.sentences
        resume = 0  # with ``longest``, the first token index a new match may start at
        for i in self._first_token_hits(doc, start, stop):
            if i < resume:
                continue
            token = tokens[i]
            if token.start < start or token.end > stop:
                continue
            sentence_index = bisect.bisect_right(offsets, i) - 1
            sentence_end = offsets[sentence_index] + len(sentences[sentence_index].tokens)
            found: list[PhraseMatch[T]] = []
            for pattern, phrase, value in self._candidates(token):
                n = len(pattern)
                if i + n > sentence_end or tokens[i + n - 1].end > stop:
                    continue
                if all(_token_matches(p, tokens[i + k]) for k, p in enumerate(pattern[1:], 1)):
                    found.append(
                        PhraseMatch(
                            tokens[i].start, tokens[i + n - 1].end, i, i + n - 1, phrase, value
                        )
                    )
            if not found:
                continue
            if longest:
                best = max(found, key=lambda m: (m.end - m.start, -len(m.phrase)))
                yield best
                resume = best.last_token + 1
            else:
                yield from sorted(found, key=lambda m: (m.end, m.phrase))


def _window_is_sentence_aligned(doc: AnnotatedDocument, start: int, stop: int) -> bool:
    """Whether ``[start, stop)`` takes every sentence it touches whole (token-wise)."""
    starts = doc.token_starts
    if not starts:
        return True
    offsets = doc.sentence_token_offsets
    first = bisect.bisect_left(starts, start)  # first token starting inside the window
    if first < len(starts) and first not in _sentence_firsts(doc, offsets):
        return False
    after = bisect.bisect_left(starts, stop)  # first token starting at or after the end
    tokens = doc.tokens
    last = after - 1
    if last >= first and tokens[last].end > stop:
        return False  # the window cuts its last token
    return after >= len(starts) or after in _sentence_firsts(doc, offsets)


def _sentence_firsts(doc: AnnotatedDocument, offsets: list[int]) -> frozenset[int]:
    key = "sentence_firsts"
    found: frozenset[int] | None = doc.matcher_cache.get(key)
    if found is None:
        found = frozenset(offsets)
        doc.matcher_cache[key] = found
    return found


def matcher_from_table(table: Mapping[str, Any], key: str = "terms") -> PhraseMatcher[str]:
    """A matcher whose values are the table's section names.

    ``{"killed": {"terms": ["مقتل", "مصرع"]}, "injured": {"terms": ["جرحى"]}}`` finds مقتل with
    value ``"killed"``.
    """
    entries: list[tuple[str, str]] = []
    for section in sorted(table):
        body = table[section]
        if isinstance(body, Mapping):
            for term in body.get(key, ()):
                entries.append((str(term), section))
    return PhraseMatcher(entries)
