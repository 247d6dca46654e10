"""Per-document lookups the extractor shares across sentences: cue positions, places, numbers.

Everything here is computed once per document (one pass of each matcher), so finding the cue
before a trigger or the place after it is a dictionary or list lookup, never a rescan.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeVar

from attrs import frozen

import eventx
from eventx_deployments.countries import CountryMention, country_mentions, is_place_name
from eventx_deployments.lexicons import CUE_NAMES, Lexicon

# Arabic proclitic prepositions: "لروسيا" (of Russia), "بجنوب السودان" (in South Sudan).
_ARABIC_PREPOSITION_PREFIXES = ("ل", "ب", "ول", "وب", "فل", "فب")


@frozen(kw_only=True)
class PlaceMention:
    """One mention of a place the places plugin found, located on tokens."""

    first: int  # token indices into AnnotatedDocument.tokens
    last: int
    start: int
    end: int
    name: str
    country_code: str | None
    kind: str


@frozen(kw_only=True)
class ActorMention:
    first: int
    last: int
    start: int
    end: int
    text: str
    country_code: str | None
    is_state: bool


_Mention = TypeVar("_Mention", PlaceMention, ActorMention)


class DocumentIndex:
    """Token-level lookups over one annotated document for one language's lexicon."""

    def __init__(self, ctx: eventx.ExtractionContext, lexicon: Lexicon) -> None:
        self.ctx = ctx
        self.doc = ctx.annotation
        self.lexicon = lexicon
        self.language = ctx.language
        self.tokens = self.doc.tokens
        self._starts = self.doc.token_starts  # read only (bisected): shared, not copied
        self.sentence_of: list[int] = []
        self.sentence_range: list[tuple[int, int]] = []  # [first, end) token indices
        for sentence in self.doc.sentences:
            first = len(self.sentence_of)
            self.sentence_of.extend([sentence.index] * len(sentence.tokens))
            self.sentence_range.append((first, len(self.sentence_of)))
        # Cue positions by list name: filled a sentence at a time, when a token of it is first
        # asked about (see _CueTables).
        cues = _CueTables(self.doc, lexicon.cues, self.sentence_of)
        self.cue_ending: dict[str, Mapping[int, eventx.PhraseMatch[str]]] = cues.ending
        self.cue_starting: dict[str, Mapping[int, eventx.PhraseMatch[str]]] = cues.starting
        modifiers = list(lexicon.modifiers.finditer(self.doc))
        self.modifier_starting = {m.first_token: m for m in modifiers}
        self.modifier_ending = {m.last_token: m for m in modifiers}
        # Sizes: numbers with their qualifiers and vague amounts; "عدد من" (unspecified) says
        # nothing about how many.
        quantities = [q for q in eventx.find_quantities(self.doc) if q.qualifier != "unspecified"]
        self.quantities_ending = {q.last_token: q for q in quantities}
        self.quantities_starting = {q.first_token: q for q in quantities}
        # The rest (countries, places, actors, dates, purposes) is read only when a sentence's
        # rules get that far: most candidate sentences of an article without a deployment stop
        # at their force phrases, so it is computed on first use (the properties below), once.
        # Plain attributes filled on first read, not a functools cached property: a class compiled
        # with mypyc has no instance __dict__, where such a property keeps its value.
        self._countries: list[CountryMention] | None = None
        self._nationality: dict[int, str] | None = None
        self._places: list[PlaceMention] | None = None
        self._purpose_starts: set[int] | None = None
        self._date_spans: list[tuple[int, int]] | None = None
        self._actors: list[ActorMention] | None = None
        self._main_country: PlaceMention | None = None
        self._main_country_read = False  # (None is an answer: no country mentioned)
        self._places_by_sentence: dict[int, list[PlaceMention]] | None = None
        self._actors_by_sentence: dict[int, list[ActorMention]] | None = None

    @property
    def countries(self) -> list[CountryMention]:
        if self._countries is None:
            self._countries = country_mentions(self.doc)
        return self._countries

    @property
    def nationality(self) -> dict[int, str]:
        """Token index -> ISO code of the country name or nationality word it is part of."""
        if self._nationality is None:
            found: dict[int, str] = {}
            for country in self.countries:
                for i in range(self.token_at(country.start), self.token_at(country.end - 1) + 1):
                    found[i] = country.code
            self._nationality = found
        return self._nationality

    @property
    def places(self) -> list[PlaceMention]:
        if self._places is None:
            self._places = self._find_places(self.ctx.facts("locations"), self.countries)
        return self._places

    @property
    def purpose_starts(self) -> set[int]:
        if self._purpose_starts is None:
            self._purpose_starts = {
                m.first_token for m in self.lexicon.purpose_start.finditer(self.doc)
            }
        return self._purpose_starts

    @property
    def date_spans(self) -> list[tuple[int, int]]:
        """(start, end) of each date expression the dates extractor found, sorted."""
        if self._date_spans is None:
            self._date_spans = sorted(
                (d.evidence.start, d.evidence.end)
                for d in self.ctx.facts("dates")
                if isinstance(d, eventx.DateFact)
            )
        return self._date_spans

    @property
    def actors(self) -> list[ActorMention]:
        if self._actors is None:
            self._actors = self._find_actors()
        return self._actors

    @property
    def main_country(self) -> PlaceMention | None:
        if not self._main_country_read:
            self._main_country = self._find_main_country(self.ctx.facts("locations"))
            self._main_country_read = True
        return self._main_country

    # Each sentence reads its own places and actors: grouped once, not filtered per sentence.
    @property
    def places_by_sentence(self) -> dict[int, list[PlaceMention]]:
        if self._places_by_sentence is None:
            self._places_by_sentence = self._by_sentence(self.places)
        return self._places_by_sentence

    @property
    def actors_by_sentence(self) -> dict[int, list[ActorMention]]:
        if self._actors_by_sentence is None:
            self._actors_by_sentence = self._by_sentence(self.actors)
        return self._actors_by_sentence

    def _by_sentence(self, mentions: Sequence[_Mention]) -> dict[int, list[_Mention]]:
        """Mentions grouped by the sentence of their first token, in their order."""
        grouped: dict[int, list[_Mention]] = {}
        for mention in mentions:
            if 0 <= mention.first < len(self.sentence_of):
                grouped.setdefault(self.sentence_of[mention.first], []).append(mention)
        return grouped

    # --- tokens -----------------------------------------------------------------------------

    def token_at(self, offset: int) -> int:
        """Index of the token containing (or the last one starting before) ``offset``."""
        return max(bisect.bisect_right(self._starts, offset) - 1, 0)

    def in_date(self, offset: int) -> bool:
        """Whether ``offset`` falls inside a date expression the dates extractor found."""
        spans = self.date_spans
        i = bisect.bisect_right(spans, (offset, 1 << 62)) - 1
        return i >= 0 and spans[i][0] <= offset < spans[i][1]

    def is_punctuation(self, i: int) -> bool:
        norm = self.tokens[i].norm
        return not any(ch.isalnum() for ch in norm)

    def has_cue_before(self, name: str, i: int, window: int, floor: int) -> bool:
        """A ``name`` cue ends within ``window`` tokens before token ``i`` (not before ``floor``)."""
        ending = self.cue_ending[name]
        return any(j in ending for j in range(max(i - window, floor), i))

    def cue_between(self, name: str, first: int, end: int) -> list[eventx.PhraseMatch[str]]:
        """``name`` cues starting in token range ``[first, end)``."""
        starting = self.cue_starting[name]
        return [starting[j] for j in range(first, end) if j in starting]

    def adjective_country(self, i: int) -> str | None:
        """Country code of token ``i`` when it is a nationality word ("الروسية", "British")."""
        return self.nationality.get(i)

    def is_prepositional(self, first: int) -> bool:
        """Whether the phrase starting at token ``first`` follows a preposition ("إلى", "to")."""
        if first > 0 and (first - 1) in self.cue_ending["destination"]:
            return True
        token = self.tokens[first]
        if self.language == "ar" and token.stems:
            for prefix in _ARABIC_PREPOSITION_PREFIXES:
                rest = token.norm[len(prefix) :]
                # "لروسيا" is ل + روسيا; "لبنان" starts with ل but "بنان" is no name.
                if token.norm.startswith(prefix) and rest in token.stems:
                    return is_place_name(rest, self.language)
        return False

    # --- places and actors ------------------------------------------------------------------

    def _find_places(
        self, locations: Iterable[eventx.Location], countries: Iterable[CountryMention]
    ) -> list[PlaceMention]:
        """Places from the places plugin, plus country names it did not report (a places
        extractor may be disabled or narrower than the gazetteer)."""
        found: list[PlaceMention] = []
        for location in locations:
            for mention in location.mentions:
                if mention.end <= mention.start:
                    continue
                found.append(
                    PlaceMention(
                        first=self.token_at(mention.start),
                        last=self.token_at(mention.end - 1),
                        start=mention.start,
                        end=mention.end,
                        name=location.name,
                        country_code=location.country_code,
                        kind=location.kind,
                    )
                )
        taken = _SpanIndex((p.start, p.end) for p in found)
        for country in countries:
            if country.demonym or taken.overlaps(country.start, country.end):
                continue
            taken.add(country.start, country.end)
            found.append(
                PlaceMention(
                    first=self.token_at(country.start), last=self.token_at(country.end - 1),
                    start=country.start, end=country.end, name=country.name,
                    country_code=country.code, kind="country",
                )
            )  # fmt: skip
        found.sort(key=_span_of)
        return found

    def _find_main_country(self, locations: Iterable[eventx.Location]) -> PlaceMention | None:
        """The most mentioned country of the article (for "across the country")."""
        counts: Counter[str] = Counter()
        names: dict[str, str] = {}
        for location in locations:
            if location.country_code:
                counts[location.country_code] += max(len(location.mentions), 1)
                if location.kind == "country":
                    names.setdefault(location.country_code, location.name)
        if not counts:
            return None
        code = min(counts.items(), key=_most_then_first)[0]
        return PlaceMention(
            first=0, last=0, start=0, end=0, name=names.get(code, code), country_code=code,
            kind="country",
        )  # fmt: skip

    def _find_actors(self) -> list[ActorMention]:
        """Who can send forces: lexicon organisations, Actor facts, and states named as places."""
        found: list[ActorMention] = []
        for match in self.lexicon.actors.finditer(self.doc):
            first, last = match.first_token, match.last_token
            code = None
            # The nationality word qualifying the actor: after it in Arabic ("الجيش الإسرائيلي"),
            # before it in English ("Israeli army").
            neighbour = last + 1 if self.language == "ar" else first - 1
            if 0 <= neighbour < len(self.tokens) and self._same_sentence(neighbour, first):
                code = self.adjective_country(neighbour)
                if code is not None:
                    first, last = min(first, neighbour), max(last, neighbour)
            start, end = self.tokens[first].start, self.tokens[last].end
            found.append(
                ActorMention(
                    first=first, last=last, start=start, end=end, text=self.doc.text[start:end],
                    country_code=code, is_state=False,
                )
            )  # fmt: skip
        for actor in self.ctx.facts("actors"):
            if not isinstance(actor, eventx.Actor) or actor.kind == "person":
                continue
            for mention in actor.mentions:
                if mention.end <= mention.start:
                    continue
                found.append(
                    ActorMention(
                        first=self.token_at(mention.start), last=self.token_at(mention.end - 1),
                        start=mention.start, end=mention.end, text=actor.name,
                        country_code=actor.country_code, is_state=actor.kind == "state",
                    )
                )  # fmt: skip
        for place in self.places:
            if place.kind == "country" and place.country_code:
                found.append(
                    ActorMention(
                        first=place.first, last=place.last, start=place.start, end=place.end,
                        text=place.name, country_code=place.country_code, is_state=True,
                    )
                )  # fmt: skip
        # Overlapping candidates: keep the longest (an Actor fact over the lexicon word inside it).
        found.sort(key=_start_then_longest)
        kept: list[ActorMention] = []
        for actor in found:
            if kept and actor.start < kept[-1].end:
                continue
            kept.append(actor)
        return kept

    def _same_sentence(self, i: int, j: int) -> bool:
        return self.sentence_of[i] == self.sentence_of[j]


# Sort keys (module functions, not lambdas: a nested function in a function compiled with mypyc
# allocates an environment object per call).
def _span_of(place: PlaceMention) -> tuple[int, int]:
    return place.start, place.end


def _start_then_longest(actor: ActorMention) -> tuple[int, int]:
    return actor.start, -(actor.end - actor.start)


def _most_then_first(item: tuple[str, int]) -> tuple[int, str]:
    """A country code and its count: the most counted first, then the first code."""
    return -item[1], item[0]


class _SpanIndex:
    """Character spans, asked whether any overlaps ``[start, end)`` (a bisection, so a long
    document with many places stays linear).

    The spans given at construction and the spans added later are kept apart, each sorted by
    start with the furthest end reached so far: the caller adds spans in text order while the
    initial spans cover the whole document, so keeping one list would re-sort it on almost every
    add (quadratic in a long document). A span added out of order rebuilds the added part only.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self._base = _SortedSpans(sorted(spans))
        self._added = _SortedSpans([])

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(a, b)`` has ``start < b and a < end``."""
        return self._base.overlaps(start, end) or self._added.overlaps(start, end)

    def add(self, start: int, end: int) -> None:
        self._added.add(start, end)


class _SortedSpans:
    """Spans sorted by start, with the furthest end among each prefix."""

    def __init__(self, ordered: list[tuple[int, int]]) -> None:
        self._rebuild(ordered)

    def _rebuild(self, ordered: list[tuple[int, int]]) -> None:
        self._spans = ordered
        self._starts = [a for a, _ in ordered]
        # _reach[k]: the furthest end among the first k + 1 spans.
        self._reach = list(itertools.accumulate((b for _, b in ordered), max))

    def overlaps(self, start: int, end: int) -> bool:
        k = bisect.bisect_left(self._starts, end)  # the spans starting before ``end``
        return k > 0 and self._reach[k - 1] > start

    def add(self, start: int, end: int) -> None:
        if not self._starts or start >= self._starts[-1]:
            self._spans.append((start, end))
            self._starts.append(start)
            self._reach.append(max(end, self._reach[-1]) if self._reach else end)
            return
        self._rebuild(sorted([*self._spans, (start, end)]))


class _CueTables:
    """For each cue list, its matches by first token (``starting``) and by last token
    (``ending``); overlapping matches are all read (a token can be both a joiner and a
    composition word), the longest per list at each position kept.

    The cue lists hold the commonest words ("and", "of", "to", "و", "من"), so one scan of the
    whole document cost more than the rest of the index; the extractor reads only a few
    sentences. A lookup of a token index fills the tables for that token's sentence (matches
    never cross a sentence boundary, so that sentence alone decides the answer); anything that
    reads a table whole (iteration, length) fills them for the whole document, in the order one
    document scan gives.

    The tables hold their filler, and the filler holds only the tables' plain dicts, not the
    tables: no reference cycle, so a document's index (and the document it holds) is freed as
    soon as the extractor is done with it rather than by the next garbage collection.
    """

    def __init__(
        self,
        doc: eventx.AnnotatedDocument,
        matcher: eventx.PhraseMatcher[str],
        sentence_of: Sequence[int],
    ) -> None:
        self._doc = doc
        self._matcher = matcher
        self._sentence_of = sentence_of
        self._read: set[int] = set()  # sentences whose matches are in the tables
        self._whole = False
        self._starting: dict[str, dict[int, eventx.PhraseMatch[str]]] = {
            name: {} for name in CUE_NAMES
        }
        self._ending: dict[str, dict[int, eventx.PhraseMatch[str]]] = {
            name: {} for name in CUE_NAMES
        }

    @property
    def starting(self) -> dict[str, Mapping[int, eventx.PhraseMatch[str]]]:
        """Each cue list's matches by first token (a new view of the same tables per call)."""
        return {name: _LazyTable(self, data) for name, data in self._starting.items()}

    @property
    def ending(self) -> dict[str, Mapping[int, eventx.PhraseMatch[str]]]:
        """Each cue list's matches by last token (a new view of the same tables per call)."""
        return {name: _LazyTable(self, data) for name, data in self._ending.items()}

    def read_token(self, key: object) -> None:
        if self._whole or not isinstance(key, int) or not 0 <= key < len(self._sentence_of):
            return
        sentence = self._sentence_of[key]
        if sentence in self._read:
            return
        self._read.add(sentence)
        span = self._doc.sentences[sentence]
        self._add(self._matcher.finditer(self._doc, start=span.start, end=span.end, longest=False))

    def read_all(self) -> None:
        if self._whole:
            return
        self._whole = True
        for table in (*self._starting.values(), *self._ending.values()):
            table.clear()
        self._add(self._matcher.finditer(self._doc, longest=False))

    def _add(self, matches: Iterable[eventx.PhraseMatch[str]]) -> None:
        for match in matches:
            starting, ending = self._starting[match.value], self._ending[match.value]
            old = starting.get(match.first_token)
            if old is None or old.last_token < match.last_token:
                starting[match.first_token] = match
            old = ending.get(match.last_token)
            if old is None or old.first_token > match.first_token:
                ending[match.last_token] = match


class _LazyTable(Mapping[int, "eventx.PhraseMatch[str]"]):
    """One cue list's table (token index -> match), filled by its :class:`_CueTables` as it
    is read (see there)."""

    __slots__ = ("_data", "_owner", "_read", "_sentence_of")

    def __init__(self, owner: _CueTables, data: dict[int, eventx.PhraseMatch[str]]) -> None:
        self._owner = owner
        self._data = data
        # The owner's own set and list (not copies): a lookup in a sentence already read needs
        # no call to the owner.
        self._read = owner._read
        self._sentence_of = owner._sentence_of

    # The test of a sentence already read is written out in each lookup: a call per lookup
    # was most of their cost.
    def __contains__(self, key: object) -> bool:
        sentence_of = self._sentence_of
        if (
            isinstance(key, int)
            and 0 <= key < len(sentence_of)
            and sentence_of[key] not in self._read
        ):
            self._owner.read_token(key)
        return key in self._data

    def __getitem__(self, key: int) -> eventx.PhraseMatch[str]:
        sentence_of = self._sentence_of
        if (
            isinstance(key, int)
            and 0 <= key < len(sentence_of)
            and sentence_of[key] not in self._read
        ):
            self._owner.read_token(key)
        return self._data[key]

    def get(self, key: Any, default: Any = None) -> Any:
        sentence_of = self._sentence_of
        if (
            isinstance(key, int)
            and 0 <= key < len(sentence_of)
            and sentence_of[key] not in self._read
        ):
            self._owner.read_token(key)
        return self._data.get(key, default)

    def __iter__(self) -> Iterator[int]:
        self._owner.read_all()
        return iter(self._data)

    def __len__(self) -> int:
        self._owner.read_all()
        return len(self._data)

    def __repr__(self) -> str:
        self._owner.read_all()
        return repr(self._data)
