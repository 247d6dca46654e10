"""Finding gazetteer names in a document: a dictionary walk over token forms, no trie to build.

The name index already maps every name key (normalised tokens joined by spaces) to its places;
a second set holds every token prefix of those keys. A name starting at token ``i`` is found by
extending ``i``'s forms one token at a time while the text so far is a known prefix, so a cold
process pays for the prefix set (a fraction of a second) instead of compiling a phrase trie of
10^5 names (seconds).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from eventx.lexicon import PhraseMatch, _new_tuple, _sentence_ends, common_forms
from eventx.nlp.annotation import AnnotatedDocument

Value = tuple[str, bool]  # (name key, is a demonym)


def key_prefixes(keys: Iterable[str]) -> frozenset[str]:
    """Every token prefix of every key: "new york city" -> new, new york, new york city."""
    prefixes: set[str] = set()
    for key in keys:
        if " " not in key:
            prefixes.add(key)
            continue
        words = key.split(" ")
        for n in range(1, len(words) + 1):
            prefixes.add(" ".join(words[:n]))
    return frozenset(prefixes)


class NameMatcher:
    """Every occurrence of the given name keys in a document, matched token form by form.

    Like :class:`eventx.PhraseMatcher` with ``longest=False``: all matches, overlapping ones
    included, never across a sentence boundary; a token matches a key token when any of its
    forms (the normalised token and its Arabic stems) equals it.
    """

    def __init__(self, entries: Mapping[str, bool], prefixes: frozenset[str] | None = None) -> None:
        """``entries``: name key -> whether it is a demonym; ``prefixes`` as
        :func:`key_prefixes` gives them (computed when not given)."""
        self._entries = entries
        self._prefixes = key_prefixes(entries) if prefixes is None else prefixes

    def __len__(self) -> int:
        return len(self._entries)

    def finditer(self, doc: AnnotatedDocument) -> Iterator[PhraseMatch[Value]]:
        """Matches in document order (by start, then by end)."""
        prefixes, entries = self._prefixes, self._entries
        tokens = doc.tokens
        sentence_ends = _sentence_ends(doc)
        # Only tokens with a form that starts some name can start a match: found in the
        # document's form index with one set intersection, instead of testing every token.
        index = doc.form_index
        starts = sorted({i for form in common_forms(index, prefixes) for i in index[form]})
        get = entries.get
        for i in starts:
            token = tokens[i]
            # The forms are read field by field (``Token.forms`` builds a tuple per call); a
            # token without stems has one form, the one that made it a start.
            stems = token.stems
            frontier = [f for f in (token.norm, *stems) if f in prefixes] if stems else [token.norm]
            end = sentence_ends[i]
            j = i
            last = token
            while True:
                if len(frontier) > 1:  # (lists, not sets: most frontiers hold one form)
                    frontier = sorted(set(frontier))
                for key in frontier:
                    demonym = get(key)
                    if demonym is not None:
                        yield _new_tuple(
                            PhraseMatch, (token.start, last.end, i, j, key, (key, demonym))
                        )
                j += 1
                if j >= end:
                    break
                last = tokens[j]
                stems = last.stems
                if stems:
                    forms = (last.norm, *stems)
                    frontier = [
                        extended
                        for known in frontier
                        for form in forms
                        if (extended := f"{known} {form}") in prefixes
                    ]
                else:
                    norm = last.norm
                    frontier = [
                        extended
                        for known in frontier
                        if (extended := f"{known} {norm}") in prefixes
                    ]
                if not frontier:
                    break
