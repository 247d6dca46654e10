"""Place names in English text written without capitals (docs/plugins/places.md, *Text without
capitals*).

Lower-cased news archives and normalised feeds ("curfew was imposed in khervada town ... youths
from moravli village ...") give no capital to tell a name from a word. What still marks a name
is a noun of place right after it ("moravli village", "khervada town", "the velbora area",
"sonvali locality", "a, b and c areas"; ``[caseless_cues]`` in ``data/en.toml``): the word
before such a noun is a name when it is no English word ("the village", "a border town",
"the railway station area" name nothing). English words are those of an English
word-frequency list (pyspellchecker's English dictionary, MIT licence) plus a few words of the
field that list lacks or spells the American way (``[caseless_common_words]``). So are names
after a locative preposition, as a list or ending their clause ("in velbora, sonvali and
dosvad"; :func:`caseless_listed_names`).

Gazetteer names are harder still: "man", "most", "rest" and "nancy" are towns. A town is
supported only by other names of its country (:class:`CaselessSupport`), one named like a
common word needs a place cue (:func:`is_common_word`), and one after an initial or a title
is a person (:func:`caseless_word_not_place`). ``benchmarks/caseless.py`` measures all of this
on lower-cased articles the rules were not written from.
"""

from __future__ import annotations

import bisect
import gzip
import heapq
import re
from array import array
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

import regex
from attrs import frozen

import eventx

PACKAGE = "eventx_places"
#: The frequency list holds some 160 000 words: those seen in film subtitles with their
#: counts, and a dictionary's words and well-known names at its floor count of 50
#: ("prepayments", "goldman", "surat"). Any word in it is a word or a name known well enough
#: that the gazetteer has it if it is a place; unknown small places ("moravli") are absent.
#: It is held as a sorted array of 64-bit hashes (1.3 MB, not 13 MB of strings).
_JSON_KEY_RE = re.compile(rb'"((?:[^"\\]|\\.)*)"\s*:')  # stdlib re: 8x faster here
_JSON_ITEM_RE = re.compile(rb'"((?:[^"\\]|\\.)*)"\s*:\s*(\d+)')
#: The most frequent words of the list are everyday words before they are names: a town
#: called "man", "most", "reading" or "split", a region called "middle" or "southwest" (in a
#: translation of its name) is that word in a text without capitals unless something puts it
#: in a place. 10 000 words take in every word of the list seen some 3 000 times or more
#: ("southwest", "hub" is seen 2 100 times); well-known cities people name in films stay
#: below it ("london" 1 100 times, "baghdad" 120).
COMMON_WORDS = 10_000
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


def _word_hash(word: str) -> int:
    # Python's string hash: salted per process, which is all the table needs (it is built
    # and read in one process), and several times faster than a cryptographic digest
    return hash(word)


@lru_cache(maxsize=1)
def _english_word_hashes() -> array[int]:
    """Hashes of every word of the English frequency list and ``[caseless_common_words]``."""
    resource = resources.files("spellchecker").joinpath("resources", "en.json.gz")
    data = gzip.decompress(resource.read_bytes())  # {"word": count, ...}
    # the keys are read straight from the JSON text: decoding it into a dict of 160 000
    # entries would cost a worker some 50 MB at its peak for a table it hashes at once
    hashes = array("q", (_word_hash(key.decode("utf-8")) for key in _JSON_KEY_RE.findall(data)))
    hashes.extend(_word_hash(word) for word in _data_words("caseless_common_words"))
    return array("q", sorted(hashes))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    resource = resources.files("spellchecker").joinpath("resources", "en.json.gz")
    data = gzip.decompress(resource.read_bytes())
    # only the pairs above the list's floor count (50) can rank among the most frequent
    # a generator: only the top words are ever held, not 160 000 pairs
    counted = (
        (int(match[2]), match[1]) for match in _JSON_ITEM_RE.finditer(data) if len(match[2]) > 2
    )
    return frozenset(key.decode("utf-8") for _, key in heapq.nlargest(COMMON_WORDS, counted))


def is_common_word(word: str) -> bool:
    """Whether a lower-case word is among the ``COMMON_WORDS`` most frequent English words
    ("man", "most", "rest", "middle": not "london", "kabul" or "surat"); a possessive is its
    word ("man's")."""
    return word.removesuffix("'s").removesuffix("’s") in _common_words()


def is_english_word(word: str) -> bool:
    """Whether a lower-case word is an English word (or a name well known enough to be in
    the frequency list)."""
    hashes = _english_word_hashes()
    key = _word_hash(word)
    at = bisect.bisect_left(hashes, key)
    return at < len(hashes) and hashes[at] == key


@lru_cache(maxsize=8)
def _data_words(section: str) -> frozenset[str]:
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", "en").get(section, {})
    return frozenset(str(w).lower() for w in data.get("terms", ()))


@lru_cache(maxsize=1)
def _cues() -> tuple[Mapping[tuple[str, ...], tuple[str, bool]], int]:
    """Cue phrases (as token tuples) -> (kind of what they name, plural); the longest's length."""
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", "en").get("caseless_cues", {})
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
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", "en").get("caseless_cues", {})
    return frozenset(tuple(phrase.split()) for phrase in data.get("outside_name", ()))


def is_caseless_name(word: str) -> bool:
    """Whether a lower-case word may be a place name: letters (hyphenated parts allowed), not
    an English word, nor made of English words only."""
    if not _NAME_RE.match(word):
        return False
    # "velbora-kamrej road" (a road between two towns, one a known name) is a name;
    # "cross-border", "riot-hit" are words
    return not all(is_english_word(part) for part in word.split("-"))


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
    that name ("kalvani, pethapur and dosvad areas"); otherwise the name is unresolved, of the
    kind its noun announces (a village or town is a populated place: city).
    """
    tokens = doc.tokens
    table, longest = _cues()
    outside = _descriptive_cues()
    gazetteer = {m.start: m for m in found if not m.demonym}
    demonyms = [(m.start, m.end) for m in found if m.demonym]
    blocked = eventx.SpanSet([*taken, *demonyms])
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
            while (
                j >= 2
                and tokens[j - 1].norm in (",", "and")
                and is_caseless_name(tokens[j - 2].norm)
            ):
                names.append(j - 2)
                j -= 2
        for i in sorted(names):
            token = tokens[i]
            if doc.sentence_index_at(token.start) != sentence or not is_caseless_name(token.norm):
                continue
            if blocked.overlaps(token.start, token.end):
                continue
            # the noun is part of the name as written ("moravli village", "sonvali bazar"),
            # except a noun that only describes ("the velbora area" is Velbora) or a plural one
            end = token.end if plural or cue_words in outside else tokens[last].end
            mention = gazetteer.get(token.start)
            place = None
            if mention is not None and mention.end == token.end:
                place = _supported_place(mention, context)
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


def _supported_place(
    mention: eventx.PlaceMention, context: Mapping[str, int]
) -> eventx.Place | None:
    """The town or region of a gazetteer name in a country the rest of the article names
    (a name does not vouch for itself), or None."""
    own = {p.country_code for p in mention.candidates}
    supported = [
        p
        for p in mention.candidates
        if p.kind in ("city", "region")
        and context.get(p.country_code or "", 0) > (p.country_code in own)
    ]
    return supported[0] if supported else None


#: Prepositions that put what follows in a place ("to", "from" and "at" also take people and
#: firms: "spoke to x", "a call from x", "an analyst at x").
_PLACE_PREPOSITIONS = frozenset({"in", "near", "around", "inside", "outside", "across"})
#: What may end a lone name's phrase: its clause ends.
_CLAUSE_ENDS = frozenset({",", ".", ";", ":", "!", "?"})


def caseless_listed_names(
    doc: eventx.AnnotatedDocument, taken: Sequence[tuple[int, int]]
) -> Iterator[CaselessName]:
    """Names after a locative preposition in a text without capitals: a list of two or more
    words that are no common English words ("in velbora, sonvali and dosvad"), or one such
    word that ends its clause ("stones were thrown near kalvani."). A lone word going on into
    its clause ("in timba falia ...", "in commandoes from ...") is left alone: it may be part
    of a longer name or a misspelt word."""
    tokens = doc.tokens
    blocked = eventx.SpanSet(taken)
    i = 0
    while i < len(tokens) - 1:
        if tokens[i].norm not in _PLACE_PREPOSITIONS or not is_caseless_name(tokens[i + 1].norm):
            i += 1
            continue
        sentence = doc.sentence_index_at(tokens[i].start)
        items = [i + 1]
        k = i + 2
        while k < len(tokens) - 1:
            gap = k
            if tokens[gap].norm == "," and tokens[gap + 1].norm in ("and", "or"):
                gap += 1
            if tokens[gap].norm not in (",", "and", "or") or gap + 1 >= len(tokens):
                break
            following = tokens[gap + 1]
            if (
                not is_caseless_name(following.norm)
                or doc.sentence_index_at(following.start) != sentence
            ):
                break
            items.append(gap + 1)
            k = gap + 2
        last = items[-1]
        ends_clause = last + 1 >= len(tokens) or tokens[last + 1].norm in _CLAUSE_ENDS
        if len(items) >= 2 or ends_clause:
            for index in items:
                token = tokens[index]
                if blocked.overlaps(token.start, token.end):
                    continue
                yield CaselessName(
                    start=token.start, end=token.end, kind="place", place=None, name=token.text
                )
        i = last + 1


#: Words after a plural noun of place that open a list of its members ("several areas
#: including a, b and c", "towns such as a and b").
_EXAMPLE_OPENERS = (("including",), ("such", "as"), ("like",), ("namely",))


def caseless_examples(
    doc: eventx.AnnotatedDocument,
    found: Sequence[eventx.PlaceMention],
    taken: Sequence[tuple[int, int]],
    context: Mapping[str, int],
) -> Iterator[CaselessName]:
    """The members listed after a plural noun of place in a text without capitals ("curfew
    went on in several areas including kalvani, pethapur and dosvad"): each is the
    article's country's town of that name when the gazetteer has one (any size), else an
    unresolved place of the kind the noun announces when it is no English word."""
    tokens = doc.tokens
    table, _longest = _cues()
    plural_kinds = {words[0]: kind for words, (kind, plural) in table.items() if plural}
    gazetteer = {m.start: m for m in found if not m.demonym}
    blocked = eventx.SpanSet(taken)
    for k, token in enumerate(tokens):
        kind = plural_kinds.get(token.norm)
        if kind is None:
            continue
        following = k + 1
        if following < len(tokens) and tokens[following].norm == ",":
            following += 1  # "several areas, including ..."
        opener = next(
            (
                words
                for words in _EXAMPLE_OPENERS
                if tuple(t.norm for t in tokens[following : following + len(words)]) == words
            ),
            None,
        )
        if opener is None:
            continue
        sentence = doc.sentence_index_at(token.start)
        i = following + len(opener)
        while i < len(tokens) and doc.sentence_index_at(tokens[i].start) == sentence:
            item = tokens[i]
            mention = gazetteer.get(item.start)
            if mention is not None and mention.end == item.end:
                place = _supported_place(mention, context)
                if place is not None and not blocked.overlaps(item.start, item.end):
                    yield CaselessName(
                        start=item.start,
                        end=item.end,
                        kind=place.kind,
                        place=place,
                        name=place.name,
                    )
            elif is_caseless_name(item.norm):
                if not blocked.overlaps(item.start, item.end):
                    yield CaselessName(
                        start=item.start, end=item.end, kind=kind, place=None, name=item.text
                    )
            else:
                break  # the list ends at the first word that is no name
            if i + 1 < len(tokens) and tokens[i + 1].norm in (",", "and", "or"):
                i += 2
                if (
                    i < len(tokens)
                    and tokens[i - 1].norm == ","
                    and tokens[i].norm in ("and", "or")
                ):
                    i += 1
            else:
                break


@frozen
class CaselessSupport:
    """Which countries the places of a text without capitals name, per country, so that a
    name is supported by other names only: not by its own repetitions ("one man ... the
    man ... a man" would make Man, Côte d'Ivoire, a place of the article) nor by common
    words that are also places (:func:`is_common_word`: "north", "east" and "centre" are all
    regions of Burkina Faso), nor words that are only small towns (mostly surnames)."""

    total: Counter[str]
    by_name: Mapping[str, Counter[str]]

    @classmethod
    def of(cls, found: Sequence[eventx.PlaceMention], min_population: int) -> CaselessSupport:
        """``min_population``: a word of the English list that is only a town smaller than
        this is no support either ("howard said", "jones told": surnames and small towns)."""
        total: Counter[str] = Counter()
        by_name: dict[str, Counter[str]] = {}
        for mention in found:
            # a country's name is that country ("australia", though towns abroad share it)
            countries = {
                p.country_code for p in mention.candidates if p.kind == "country" and p.country_code
            }
            codes = countries or {p.country_code for p in mention.candidates if p.country_code}
            name = mention.text.lower()
            if len(codes) != 1 or is_common_word(name):
                continue
            if is_english_word(name) and all(
                p.kind == "city" and p.population < min_population for p in mention.candidates
            ):
                continue
            code = codes.pop()
            total[code] += 1
            by_name.setdefault(name, Counter())[code] += 1
        return cls(total, by_name)

    def without(self, mention: eventx.PlaceMention) -> Counter[str]:
        """Countries the article names besides every mention of this name."""
        own = self.by_name.get(mention.text.lower())
        return self.total - own if own else Counter(self.total)


#: Words that make a common noun of the word after them ("at the bath house", "in the
#: middle of", "our mission"): a town named like a common word is bare after its preposition.
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "our", "their",
     "my", "your", "one", "every", "each", "no", "any", "some", "another"}
)  # fmt: skip


def head_noun_of(text: str, start: int, end: int) -> bool:
    """Whether the word at ``start``..``end`` is the head of a noun phrase between a
    determiner and "of" ("the hub of drone operations", "a mission of mercy"): a common noun,
    where a town's name before a noun only describes it ("the godhra municipality")."""
    after = text[end : end + 8].split(maxsplit=1)
    return after_determiner(text, start) and bool(after) and after[0] == "of"


def after_determiner(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows a determiner ("the", "our", "one")."""
    before = text[max(0, start - 16) : start].split()
    return bool(before) and before[-1] in _DETERMINERS


#: A lone initial ("john f. kennedy") before a name makes it a person's.
_INITIAL_RE = regex.compile(r"^\p{Ll}\.$")


def caseless_word_not_place(
    place: eventx.Place, mention: eventx.PlaceMention, text: str, titles: frozenset[str]
) -> bool:
    """Whether a gazetteer name in a text without capitals is a word or a person here, not
    the place: a town or region after an initial or a title ("john f. kennedy", "queen elizabeth"; ``titles`` in lower case, and
    ``[caseless_titles]``);
    an abbreviation that is a common word ("us": a country only as "the us")."""
    before = text[max(0, mention.start - 24) : mention.start].split()
    previous = before[-1] if before else ""
    if place.kind == "country":
        short = len(mention.text) <= 3 and is_common_word(mention.text.lower())
        return short and previous != "the"
    if place.kind not in ("city", "region"):
        return False
    if _INITIAL_RE.match(previous):
        return True
    title = previous.rstrip(".")
    return title in titles or title in _data_words("caseless_titles")
