"""Place names in English text written without capitals (docs/plugins/places.md, *Text without
capitals*).

Lower-cased news archives and normalised feeds ("curfew was imposed in khervada town ... youths
from moravli village ...") give no capital to tell a name from a word. What still marks a name
is a noun of place right after it ("moravli village", "khervada town", "the velbora area",
"sonvali locality", "a, b and c areas"; ``[caseless_cues]`` in ``data/en.toml``): the word
before such a noun is a name when it is no common English word ("the village", "a border
town", "the railway station area" name nothing). Common words are told by their frequency in
an English word-frequency list (pyspellchecker's English dictionary, counts from film
subtitles, MIT licence; ``COMMON_WORD_MIN_COUNT``) plus a few words of the field that list
lacks or spells the American way (``[caseless_common_words]``).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import orjson
import regex
from attrs import frozen

import eventx

PACKAGE = "eventx_places"
#: A word seen at least this often in the frequency list (film subtitles, some 10^8 words) is
#: a common word, not a name: "railway" (about 9 000), "hilly" (400), "locality" (230) are
#: words; unknown small places (made-up "moravli", "velbora") are absent, and the few names that
#: reach the list at all (towns the gazetteer knows anyway) count 50-120.
COMMON_WORD_MIN_COUNT = 100
#: A name is letters, maybe joined by hyphens ("velbora-kamrej road"), of at least 3 letters.
_NAME_RE = regex.compile(r"^\p{Ll}{3,}(?:-\p{Ll}{3,})*$")


@frozen(kw_only=True)
class CaselessName:
    """A place name found by the noun after it: a gazetteer place (``place``) or unresolved."""

    start: int
    end: int
    kind: str
    place: eventx.Place | None
    name: str


@lru_cache(maxsize=1)
def common_english_words() -> frozenset[str]:
    """English words frequent enough to be words rather than names (lower case)."""
    resource = resources.files("spellchecker").joinpath("resources", "en.json.gz")
    counts: Mapping[str, int] = orjson.loads(gzip.decompress(resource.read_bytes()))
    common = {word for word, count in counts.items() if count >= COMMON_WORD_MIN_COUNT}
    return frozenset(common | _data_words("caseless_common_words"))


@lru_cache(maxsize=8)
def _data_words(section: str) -> frozenset[str]:
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", "en").get(section, {})
    return frozenset(str(w).lower() for w in data.get("terms", ()))


@lru_cache(maxsize=1)
def _cues() -> tuple[Mapping[tuple[str, ...], tuple[str, bool]], int]:
    """Cue phrases (as token tuples) -> (kind of what they name, plural); the longest's length."""
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", "en").get(
        "caseless_cues", {}
    )
    table: dict[tuple[str, ...], tuple[str, bool]] = {}
    for kind in ("city", "region", "place"):
        for phrase in data.get(kind, ()):
            table[tuple(phrase.split())] = (kind, False)
        for phrase in data.get(f"{kind}_plural", ()):
            table[tuple(phrase.split())] = (kind, True)
    return table, max((len(k) for k in table), default=0)


@lru_cache(maxsize=1)
def _descriptive_cues() -> frozenset[tuple[str, ...]]:
    """Cue nouns that describe a place without being part of its name ("area")."""
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", "en").get(
        "caseless_cues", {}
    )
    return frozenset(tuple(phrase.split()) for phrase in data.get("outside_name", ()))


def is_caseless_name(word: str) -> bool:
    """Whether a lower-case word may be a place name: letters (hyphenated parts allowed), none
    of its parts a common English word."""
    if not _NAME_RE.match(word):
        return False
    common = common_english_words()
    return not any(part in common for part in word.split("-"))


def caseless_cue_names(
    doc: eventx.AnnotatedDocument,
    found: Sequence[eventx.PlaceMention],
    taken: Sequence[tuple[int, int]],
    context: Mapping[str, int],
) -> Iterator[CaselessName]:
    """Names before a noun of place in a text without capitals ("moravli village").

    ``taken``: spans already reported as places (a known town before "town" is that town:
    "surat town"). A gazetteer name the plain rules did not believe (a town under
    ``MIN_POPULATION_LOWERCASE``) is that town when a country the article names has one of
    that name ("kalvani, pethapur and dosvad areas"); otherwise the name is unresolved, of the kind
    its noun announces (a village or town is a populated place: city).
    """
    tokens = doc.tokens
    table, longest = _cues()
    outside = _descriptive_cues()
    gazetteer = {m.start: m for m in found if not m.demonym}
    demonyms = [(m.start, m.end) for m in found if m.demonym]
    blocked = list(taken) + demonyms
    for k in range(1, len(tokens)):
        cue = None
        for size in range(min(longest, len(tokens) - k), 0, -1):
            cue = table.get(tuple(t.norm for t in tokens[k : k + size]))
            if cue is not None:
                last = k + size - 1
                break
        if cue is None:
            continue
        kind, plural = cue
        cue_words = tuple(t.norm for t in tokens[k : last + 1])
        sentence = doc.sentence_index_at(tokens[k].start)
        names = [k - 1]
        if plural:  # "kalvani, tembhla and dosvad areas": every name of the list
            j = k - 1
            while j >= 2 and tokens[j - 1].norm in (",", "and") and is_caseless_name(
                tokens[j - 2].norm
            ):
                names.append(j - 2)
                j -= 2
        for i in sorted(names):
            token = tokens[i]
            if doc.sentence_index_at(token.start) != sentence or not is_caseless_name(token.norm):
                continue
            if any(start < token.end and token.start < end for start, end in blocked):
                continue
            # the noun is part of the name as written ("moravli village", "sonvali bazar"), except
            # a noun that only describes ("the velbora area" is Velbora) and a plural one
            end = token.end if plural or cue_words in outside else tokens[last].end
            mention = gazetteer.get(token.start)
            place = None
            if mention is not None and mention.end == token.end:
                # support from the rest of the article: a name does not vouch for itself
                own = {p.country_code for p in mention.candidates}
                supported = [
                    p
                    for p in mention.candidates
                    if p.kind in ("city", "region")
                    and context.get(p.country_code or "", 0) > (p.country_code in own)
                ]
                place = supported[0] if supported else None
            if place is not None:
                yield CaselessName(
                    start=token.start, end=token.end, kind=place.kind, place=place, name=place.name
                )
            else:
                yield CaselessName(
                    start=token.start,
                    end=end,
                    kind=kind,
                    place=None,
                    name=doc.text[token.start : end],
                )
