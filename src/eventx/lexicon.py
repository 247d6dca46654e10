"""Language knowledge as data: load per-language TOML files and match their phrases in documents.

A phrase is matched token by token against each token's normalised forms (the token itself and,
for Arabic, its proclitic-free stems), so ``مقتل`` also finds ``ومقتل`` and ``بمقتل``, and
``أصيب`` matches ``اصيب``. A phrase token ending in ``*`` matches any token starting with it
(``kill*`` finds killed, killing). Offsets in matches are into the original text.
"""

from __future__ import annotations

import bisect
import operator
import tomllib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any, Generic, NamedTuple, TypeVar

import regex
from mypy_extensions import mypyc_attr

from eventx.nlp.annotation import AnnotatedDocument, Token
from eventx.nlp.normalize import normalize_string
from eventx.record.frozen_mapping import FrozenMapping

T = TypeVar("T")
_PHRASE_TOKEN_RE = regex.compile(r"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['\-][\p{L}\p{M}]+)*\*?|[^\s\w]")


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """Normalised tokens of a lexicon phrase, tokenised the way documents are."""
    return tuple(_PHRASE_TOKEN_RE.findall(normalize_string(phrase)))


def _frozen(value: Any) -> Any:
    """A read-only deep copy of parsed TOML: tables become FrozenMapping, arrays tuples."""
    if isinstance(value, dict):
        return FrozenMapping({key: _frozen(item) for key, item in value.items()})
    if isinstance(value, list):
        return tuple(_frozen(item) for item in value)
    return value


@lru_cache(maxsize=256)
def _load_toml(package: str, resource: str) -> Mapping[str, Any]:
    # Frozen because the cached object is shared by every caller in the process: one
    # pipeline mutating its lexicon must not change every other pipeline's.
    path = resources.files(package).joinpath(resource)
    try:
        with path.open("rb") as handle:
            frozen: Mapping[str, Any] = _frozen(tomllib.load(handle))
            return frozen
    except FileNotFoundError:
        raise FileNotFoundError(f"no data file {resource!r} in package {package!r}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{package}/{resource} is not valid TOML: {exc}") from exc


def load_data(package: str, resource: str) -> Mapping[str, Any]:
    """Load a TOML data file shipped inside ``package`` (cached per process, read-only:
    tables are read-only mappings and arrays are tuples, so no caller can change another's data).

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


class PhraseMatch(NamedTuple, Generic[T]):
    """One lexicon phrase found in a document (immutable).

    A NamedTuple, like :class:`~eventx.nlp.annotation.Token`: every search builds one per
    match, and a tuple is built in one step where a frozen attrs class sets each attribute
    through ``object.__setattr__`` (that was ~3% of a run).
    """

    start: int  # original character offsets
    end: int
    first_token: int  # indices into AnnotatedDocument.tokens
    last_token: int
    phrase: str
    value: T


#: PhraseMatch(start, end, first_token, last_token, phrase, value) built with tuple's own
#: constructor in the hot loops (the NamedTuple's generated ``__new__`` is a Python call).
_new_tuple = tuple.__new__


def _token_matches(pattern: str, token: Token) -> bool:
    if pattern.endswith("*"):
        prefix = pattern[:-1]
        return any(form.startswith(prefix) for form in token.forms)
    return pattern in token.forms


# Compiled with mypyc (setup.py): plugins may still subclass it.
@mypyc_attr(allow_interpreted_subclasses=True)
class PhraseMatcher(Generic[T]):
    """Finds lexicon phrases (each with a value) in annotated documents.

    Build it once (e.g. under ``functools.lru_cache``) and reuse it: the first search per
    language compiles a prefilter regex.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        # Each entry keeps its position in ``entries``: among equally long matches the earlier
        # entry wins, whichever token form (norm, stem, wildcard) found it.
        self._trie = _TrieNode()
        literal_firsts: set[str] = set()
        wildcard_firsts: set[str] = set()
        self.size = 0
        for phrase, value in entries:
            tokens = phrase_tokens(phrase)
            if not tokens:
                continue
            node = self._trie
            for pattern in tokens:
                node = node.child(pattern)
            node.add_entry(self.size, phrase, value)
            self.size += 1
            (wildcard_firsts if tokens[0].endswith("*") else literal_firsts).add(tokens[0])
        self._literal_firsts = frozenset(literal_firsts)
        self._other_firsts = tuple(sorted(wildcard_firsts))

    def _all_first_token_hits(self, doc: AnnotatedDocument) -> list[int]:
        """Sorted indices (into ``doc.tokens``) of every token that may start one of our phrases.

        Looked up in the document's form index, so it costs about the lexicon's size plus its
        hits rather than the document's length, and it is cached on the document: extractors
        often search sentence by sentence, and each search then only bisects this list.
        """
        return self._first_steps(doc)[0]

    def _first_steps(
        self, doc: AnnotatedDocument
    ) -> tuple[list[int], dict[str, list[_TrieNode]]]:
        """The first-token hits, and for each document form that starts with a wildcard's
        prefix, the root's children for those wildcards (cached per document).

        Found from the form index: each first word's index list, and each wildcard's prefix
        bisected in the document's sorted forms. A walk's first step then looks its token's
        forms up there instead of trying every prefix length of every form against the
        root's wildcards (some lexicons start dozens of phrases with a wildcard).
        """
        cache = doc.matcher_cache
        found: tuple[list[int], dict[str, list[_TrieNode]]] | None = cache.get(self)
        if found is not None:
            return found
        index = doc.form_index
        # The index lists of every form that may start a phrase: each ascending and without
        # repeats, so a single one is already the answer (usual for small lexicons).
        lists = [index[form] for form in common_forms(index, self._literal_firsts)]
        wildcard_steps: dict[str, list[_TrieNode]] = {}
        wildcard = self._trie.wildcard_index
        if wildcard is not None:
            forms = doc.sorted_forms
            for first in self._other_firsts:
                prefix = first[:-1]
                child = wildcard[prefix]
                for k in range(bisect.bisect_left(forms, prefix), len(forms)):
                    form = forms[k]
                    if not form.startswith(prefix):
                        break
                    lists.append(index[form])
                    wildcard_steps.setdefault(form, []).append(child)
        hits = list(lists[0]) if len(lists) == 1 else sorted(set().union(*lists))
        found = hits, wildcard_steps
        cache[self] = found
        return found

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
        length = len(doc.text)
        stop = length if end is None else end
        # The whole text takes every sentence whole; only a narrower window needs the check.
        if longest and (
            (start <= 0 and stop >= length) or _window_is_sentence_aligned(doc, start, stop)
        ):
            # Sentences are scanned independently, so a window of whole sentences holds exactly
            # the whole document's matches inside it: scan once per document, then bisect.
            key = (self, "longest")
            cached = doc.matcher_cache.get(key)
            if cached is None:
                cached = list(self._scan(doc, 0, len(doc.text), longest=True))
                doc.matcher_cache[key] = cached
            # Read in place from the first match at or after ``start``: a copy of the rest of
            # the list per window would make sentence-by-sentence searches quadratic.
            for k in range(bisect.bisect_left(cached, start, key=_match_start), len(cached)):
                match = cached[k]
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
        sentence_ends = _sentence_ends(doc)
        complete_at = self._complete_at
        wildcard_steps = self._first_steps(doc)[1] if self.size else {}
        resume = 0  # with ``longest``, the first token index a new match may start at
        for i in self._first_token_hits(doc, start, stop):
            if i < resume:
                continue
            token = tokens[i]
            if token.start < start or token.end > stop:
                continue
            complete = complete_at(tokens, i, sentence_ends[i], stop, wildcard_steps)
            if not complete:
                continue
            if longest:
                # The longest match, then the shortest phrase, then the earliest entry: one
                # PhraseMatch is built, not one per entry ending here.
                best = complete[0]
                best_key = (tokens[best[1]].end, -len(best[2]))
                for candidate in complete[1:]:
                    key = (tokens[candidate[1]].end, -len(candidate[2]))
                    if key > best_key:
                        best, best_key = candidate, key
                _, last, phrase, value = best
                yield _new_tuple(
                    PhraseMatch, (token.start, tokens[last].end, i, last, phrase, value)
                )
                resume = last + 1
            else:
                found = [
                    _new_tuple(PhraseMatch, (token.start, tokens[last].end, i, last, phrase, value))
                    for _, last, phrase, value in complete
                ]
                if len(found) > 1:
                    found.sort(key=_end_then_phrase)
                yield from found

    def _complete_at(
        self,
        tokens: Sequence[Token],
        i: int,
        sentence_end: int,
        stop: int,
        wildcard_steps: dict[str, list[_TrieNode]],
    ) -> list[tuple[int, int, str, T]]:
        """Every entry matching tokens ``i, i+1, ...`` before ``sentence_end`` and whose last
        token ends by ``stop``, in entry order, as (entry order, last token, phrase, value).
        ``wildcard_steps``: the root's wildcard children per form (see :meth:`_first_steps`).

        Walks the phrase trie, so the cost follows the tokens matched, not the number of
        phrases sharing a first word (a gazetteer has hundreds starting with "new" or "سان").
        """
        # The hot loop of every lexicon search: plain loops and locals, no generators.
        complete: list[tuple[int, int, str, T]] = []
        # The first step, from the root: its literal children, then its wildcard ones.
        token = tokens[i]
        norm, stems = token.norm, token.stems
        following: list[_TrieNode] = []
        literal = self._trie.literal
        if literal is not None:
            child = literal.get(norm)
            if child is not None:
                following.append(child)
            for stem in stems:
                child = literal.get(stem)
                if child is not None and child not in following:
                    following.append(child)
        if wildcard_steps:
            for form in (norm, *stems):
                nodes = wildcard_steps.get(form)
                if nodes is not None:
                    for child in nodes:
                        if child not in following:
                            following.append(child)
        j = i
        while True:
            token = tokens[j]
            ends_in_window = token.end <= stop
            # Only nodes with children go on: a walk whose nodes are all leaves (most phrases
            # are one word) stops here instead of reading one more token to learn that.
            level: list[_TrieNode] = []
            for node in following:
                entries = node.entries
                if entries is not None and ends_in_window:
                    for order, phrase, value in entries:
                        complete.append((order, j, phrase, value))
                if node.literal is not None or node.wildcard_index is not None:
                    level.append(node)
            j += 1
            if not level or j >= sentence_end:
                break
            token = tokens[j]
            norm, stems = token.norm, token.stems
            following = []
            for node in level:
                literal = node.literal
                if literal is not None:
                    child = literal.get(norm)
                    if child is not None:
                        following.append(child)
                    for stem in stems:
                        child = literal.get(stem)
                        if child is not None and child not in following:
                            following.append(child)
                wildcard = node.wildcard_index
                if wildcard is not None:
                    # Every prefix of each form that is a wildcard's prefix: a few dict lookups
                    # (one per distinct prefix length), not a startswith per wildcard (a root
                    # may hold dozens).
                    lengths = node.wildcard_lengths
                    for form in (norm, *stems):
                        size = len(form)
                        for length in lengths:
                            if length > size:
                                break
                            child = wildcard.get(form[:length])
                            if child is not None and child not in following:
                                following.append(child)
            if not following:
                break
        if len(complete) > 1:
            complete.sort(key=_entry_order)
        return complete


def common_forms(index: Mapping[str, Any], forms: frozenset[str]) -> Iterable[str]:
    """The keys of ``index`` (a document's form index) that are in ``forms``: one set
    intersection in C that walks the smaller side (a gazetteer has ~10^5 first words, an
    article ~10^3 forms). ``dict.keys() & frozenset`` would always walk the frozenset."""
    if len(forms) < len(index):
        return index.keys() & forms
    return forms.intersection(index)


#: A match's start offset (its first field), for bisecting a list of matches.
_match_start = operator.itemgetter(0)


def _entry_order(found: tuple[int, int, str, Any]) -> int:
    return found[0]


def _end_then_phrase(match: PhraseMatch[Any]) -> tuple[int, str]:
    return match.end, match.phrase


def _sentence_ends(doc: AnnotatedDocument) -> list[int]:
    """For each token, the index after its sentence's last token (cached on the document)."""
    key = "sentence_ends"
    found: list[int] | None = doc.matcher_cache.get(key)
    if found is None:
        found = []
        total = 0
        for sentence in doc.sentences:
            total += len(sentence.tokens)
            found.extend([total] * len(sentence.tokens))
        doc.matcher_cache[key] = found
    return found


class _TrieNode:
    """Phrases sharing their first tokens share a path; ``entries`` end here.

    Empty parts stay None: a gazetteer trie has ~10^5 nodes, most of them leaves.
    """

    __slots__ = ("entries", "literal", "wildcard", "wildcard_index", "wildcard_lengths")

    def __init__(self) -> None:
        self.literal: dict[str, _TrieNode] | None = None
        self.wildcard: list[tuple[str, _TrieNode]] | None = None  # (prefix, node) for ``word*``
        # the same as a mapping, with the distinct prefix lengths ascending (for lookups)
        self.wildcard_index: dict[str, _TrieNode] | None = None
        self.wildcard_lengths: tuple[int, ...] = ()
        self.entries: list[tuple[int, str, Any]] | None = None  # (entry order, phrase, value)

    def add_entry(self, order: int, phrase: str, value: Any) -> None:
        if self.entries is None:
            self.entries = []
        self.entries.append((order, phrase, value))

    def child(self, pattern: str) -> _TrieNode:
        if pattern.endswith("*"):
            prefix = pattern[:-1]
            if self.wildcard is None:
                self.wildcard = []
            for known, node in self.wildcard:
                if known == prefix:
                    return node
            node = _TrieNode()
            self.wildcard.append((prefix, node))
            self.wildcard_index = dict(self.wildcard)
            self.wildcard_lengths = tuple(sorted({len(known) for known in self.wildcard_index}))
            return node
        if self.literal is None:
            self.literal = {}
        found = self.literal.get(pattern)
        if found is None:
            found = self.literal[pattern] = _TrieNode()
        return found


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
