"""Finding actors and merging their mentions (rules in docs/plugins/actors.md).

1. Organisations and armed groups from the lexicon (``الأمم المتحدة``, ``CSTO``), canonical
   English names.
2. State bodies (ministries) and forces, with the country of an adjacent demonym: after the
   noun in Arabic (``وزارة الداخلية الكازاخستانية``), before it in English (``Russian forces``).
   Generic ones (``forces``, ``government``) are kept only with a country.
3. Persons: a title, an optional demonym (the person's country), then the name: Arabic words up
   to punctuation or a function word, English capitalised words. Later mentions of the
   family name (``توكاييف``) and of the bare title when one person holds it (``الرئيس``) are
   merged into that person; the title is kept on the actor.
4. States: a country, or a capital standing for it (``اعتبرت روسيا``, ``ودعت موسكو``), named
   without a locative word before it (في, إلى, the ب clitic, in, to): the state acts.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import regex

import eventx

PACKAGE = "eventx_actors"
MAX_NAME_WORDS = 4
_ARABIC_NAME_WORD = regex.compile(r"^\p{Arabic}{2,}$")
_ENGLISH_NAME_WORD = regex.compile(r"^(?:[A-Z][\p{L}'\-]+|[A-Z]\.)$")
_NAME_PARTICLES = ("عبد", "ابو", "بن", "ابن", "ال")  # "عبد الله": the next word may carry ال


class _Actor:
    """An actor being found: its name, kind, country, title and the spans naming it."""

    # A plain class, not attrs with ``field(factory=list)``: mypyc compiles this module, and an
    # attrs class with a factory default fails at import when compiled.
    __slots__ = ("added", "country", "kind", "name", "spans", "title")

    def __init__(
        self,
        name: str,
        kind: str,
        country: str | None,
        title: str | None = None,
        spans: list[tuple[int, int]] | None = None,
        added: set[tuple[int, int]] | None = None,
    ) -> None:
        self.name = name
        self.kind = kind
        self.country = country
        self.title = title
        self.spans: list[tuple[int, int]] = [] if spans is None else spans
        # The spans _add has put in ``spans`` (a membership test in the list would be
        # quadratic). Other paths append without it; a duplicate in ``spans`` changes nothing
        # (they end in a set).
        self.added: set[tuple[int, int]] = set() if added is None else added


@lru_cache(maxsize=4)
def _lexicon(language: str) -> Mapping[str, Any]:
    return eventx.language_data(PACKAGE, "lexicon", language)


@lru_cache(maxsize=4)
def _org_matcher(language: str) -> eventx.PhraseMatcher[tuple[str, str, str | None]]:
    entries: list[tuple[str, tuple[str, str, str | None]]] = []
    for name, body in sorted(_lexicon(language).get("organizations", {}).items()):
        value = (name, str(body.get("kind", "organization")), body.get("country"))
        entries.extend((term, value) for term in body.get("terms", ()))
    return eventx.PhraseMatcher(entries)


@lru_cache(maxsize=8)
def _table_matcher(language: str, section: str) -> eventx.PhraseMatcher[str]:
    table: Mapping[str, str] = _lexicon(language).get(section, {})
    return eventx.PhraseMatcher(sorted(table.items()))


@lru_cache(maxsize=4)
def _title_matcher(language: str) -> eventx.PhraseMatcher[str]:
    """Titles and, as a class, the military and police ranks (``[ranks]``) before a name."""
    lexicon = _lexicon(language)
    entries = list(dict(lexicon.get("titles", {})).items())
    for ranks in dict(lexicon.get("ranks", {})).values():
        entries.extend((str(rank), str(rank)) for rank in ranks)
    return eventx.PhraseMatcher(sorted(entries))


@lru_cache(maxsize=4)
def _not_names(language: str) -> frozenset[str]:
    words = _lexicon(language).get("not_names", {}).get("terms", ())
    return frozenset(eventx.normalize_string(w) for w in words)


@lru_cache(maxsize=4)
def _needs_country(language: str) -> frozenset[str]:
    return frozenset(_lexicon(language).get("needs_country", {}).get("names", ()))


class _CountryWords:
    """Country codes of demonyms and country names by start and by end offset, with both
    offsets sorted (so the lookups next to a match bisect instead of scanning every one)."""

    def __init__(self, doc: eventx.AnnotatedDocument) -> None:
        self.by_start: dict[int, str] = {}
        self.by_end: dict[int, str] = {}
        for mention in eventx.find_place_mentions(doc):
            best = mention.candidates[0]
            if (mention.demonym or best.kind == "country") and best.country_code:
                self.by_start[mention.start] = best.country_code
                self.by_end[mention.end] = best.country_code
        self.starts = sorted(self.by_start)
        self.ends = sorted(self.by_end)

    def last_start_before(self, offset: int, default: int) -> int:
        """The last start before ``offset`` (``default`` if none)."""
        i = bisect.bisect_left(self.starts, offset)
        return self.starts[i - 1] if i else default

    def first_end_after(self, offset: int, default: int) -> int:
        """The first end after ``offset`` (``default`` if none)."""
        i = bisect.bisect_right(self.ends, offset)
        return self.ends[i] if i < len(self.ends) else default


def _adjacent_country(
    doc: eventx.AnnotatedDocument, start: int, end: int, countries: _CountryWords
) -> tuple[str | None, int]:
    """A demonym right after (Arabic) or right before (English) a span: (code, new end).

    "Right after/before" is exactly one space; only the characters next to the span are read.
    """
    text = doc.text
    if doc.language == "ar":
        one_space = text[end : end + 1] == " " and text[end + 1 : end + 2] != " "
        code = countries.by_start.get(end + 1) if one_space else None
        if code is not None:
            return code, countries.first_end_after(end + 1, end)
        return None, end
    if start >= 1 and text[start - 1] == " " and (start < 2 or text[start - 2] != " "):
        return countries.by_end.get(start - 1), end
    return None, end


def _national(english: str, country: str | None) -> str:
    """ "Interior Ministry" + KZ -> "Kazakh Interior Ministry" (or "... of Kazakhstan")."""
    if country is None:
        return english
    adjective = eventx.demonym_of(country)
    if adjective:
        return f"{adjective} {english}"
    return f"{english} of {eventx.country_name(country)}"


def _person_name(doc: eventx.AnnotatedDocument, token_index: int) -> tuple[int, int] | None:
    """The span of the name starting at token ``token_index`` (None if there is none)."""
    tokens = doc.tokens
    language = doc.language
    stop_words = _not_names(language)
    sentence = (
        doc.sentence_index_at(tokens[token_index].start) if token_index < len(tokens) else None
    )
    first = last = None
    for i in range(token_index, min(token_index + MAX_NAME_WORDS, len(tokens))):
        token = tokens[i]
        if doc.sentence_index_at(token.start) != sentence or token.norm in stop_words:
            break
        if language == "ar":
            previous = tokens[i - 1].norm if i > token_index else ""
            if not _ARABIC_NAME_WORD.match(token.text):
                break
            if token.norm.startswith("ال") and previous not in _NAME_PARTICLES:
                break
            if i > token_index and token.norm.startswith("و"):
                break  # a new clause
        elif not _ENGLISH_NAME_WORD.match(token.text):
            break
        if last is not None and token.start - tokens[last].end > 1:
            break  # punctuation or a line break between words ends the name
        first = i if first is None else first
        last = i
    if first is None or last is None:
        return None
    return tokens[first].start, tokens[last].end


def _token_index_at(doc: eventx.AnnotatedDocument, offset: int) -> int | None:
    """Index of the first token starting at or after ``offset`` (None past the end)."""
    index = bisect.bisect_left(doc.token_starts, offset)
    return index if index < len(doc.token_starts) else None


def _add(
    actors: dict[tuple[str, str | None, str], _Actor], actor: _Actor, span: tuple[int, int]
) -> None:
    key = (actor.name, actor.country, actor.kind)
    existing = actors.setdefault(key, actor)
    if span not in existing.added:
        existing.added.add(span)
        existing.spans.append(span)


def _organizations(
    doc: eventx.AnnotatedDocument, actors: dict[tuple[str, str | None, str], _Actor]
) -> list[tuple[int, int]]:
    taken: list[tuple[int, int]] = []
    for match in _org_matcher(doc.language).finditer(doc):
        name, kind, country = match.value
        if doc.language == "en" and not doc.text[match.start : match.end][:1].isupper():
            continue
        _add(actors, _Actor(name=name, kind=kind, country=country), (match.start, match.end))
        taken.append((match.start, match.end))
    return taken


def _bodies_and_forces(
    doc: eventx.AnnotatedDocument,
    actors: dict[tuple[str, str | None, str], _Actor],
    countries: _CountryWords,
    taken: eventx.SpanSet,
) -> None:
    generic = _needs_country(doc.language)
    for section, kind in (("bodies", "organization"), ("forces", "force")):
        for match in _table_matcher(doc.language, section).finditer(doc):
            if taken.overlaps(match.start, match.end):
                continue
            country, end = _adjacent_country(doc, match.start, match.end, countries)
            english = match.value
            if country is None and (kind == "force" or english in generic):
                continue  # bare "police": whose is unknown; other plugins keep the surface word
            start = match.start
            if doc.language == "en" and country is not None:
                start = countries.last_start_before(match.start, start)
            name = _national(english, country)
            _add(actors, _Actor(name=name, kind=kind, country=country), (start, end))


def _persons(
    doc: eventx.AnnotatedDocument,
    actors: dict[tuple[str, str | None, str], _Actor],
    countries: _CountryWords,
    taken: eventx.SpanSet,
) -> list[_Actor]:
    persons: list[_Actor] = []
    by_family_name: dict[str, _Actor] = {}  # the first person found with each family name
    titles: list[tuple[int, int, str]] = []
    for match in _title_matcher(doc.language).finditer(doc):
        titles.append((match.start, match.end, doc.text[match.start : match.end]))
        if taken.covers(match.start):
            continue
        country, name_from = _adjacent_country(doc, match.start, match.end, countries)
        index = _token_index_at(doc, name_from)
        if index is None:
            continue
        span = _person_name(doc, index)
        if span is None or taken.overlaps(span[0], span[1]):
            continue
        name = doc.text[span[0] : span[1]]
        last = eventx.normalize_string(name.split()[-1])
        known = by_family_name.get(last)
        if known is not None:  # "رئيس كازاخستان توكاييف" is the Tokayev already found
            known.spans.append((match.start, span[1]))
            continue
        person = _Actor(
            name=name, kind="person", country=country, title=doc.text[match.start : match.end]
        )
        before = len(actors)
        _add(actors, person, (match.start, span[1]))
        if len(actors) > before:
            persons.append(person)
            by_family_name.setdefault(last, person)
    _merge_later_mentions(doc, persons, titles)
    return persons


def _merge_later_mentions(
    doc: eventx.AnnotatedDocument, persons: Sequence[_Actor], titles: Sequence[tuple[int, int, str]]
) -> None:
    """Family-name mentions (توكاييف, Tokayev) and a bare title held by one person (الرئيس).

    A mention is added unless one of the holder's spans already contains it. Mentions come in
    text order, so a span added here contains a later one only if it reaches past its end: the
    spans the holder had before are asked through a SpanSet, the added ones by their furthest
    end (a scan of every span per mention would be quadratic in a long document).
    """
    family: dict[str, _Actor] = {}
    for person in persons:
        last = eventx.normalize_string(person.name.split()[-1])
        if len(last) > 2:
            family.setdefault(last, person)
    before: dict[int, eventx.SpanSet] = {}  # id(holder) -> its spans before this pass
    reach: dict[int, int] = {}  # id(holder) -> the furthest end of a span added here
    # Only tokens with a form in ``family`` can hold a mention: found in the document's form
    # index (one set intersection), not by testing every token.
    index = doc.form_index
    tokens = doc.tokens
    candidates = sorted({i for form in index.keys() & family.keys() for i in index[form]})
    for i in candidates:
        token = tokens[i]
        holder = next((family[f] for f in token.forms if f in family), None)
        if holder is None:
            continue
        span = (token.start, token.end)
        known = before.get(id(holder))
        if known is None:
            known = before[id(holder)] = eventx.SpanSet(holder.spans)
        contained = reach.get(id(holder), -1) >= span[1] or any(
            True for _ in known.covering(span[0], span[1])
        )
        if not contained:
            holder.spans.append(span)
            reach[id(holder)] = max(reach.get(id(holder), -1), span[1])
    by_title: dict[str, list[_Actor]] = {}
    for person in persons:
        if person.title:
            by_title.setdefault(eventx.normalize_string(person.title), []).append(person)
    before.clear()
    reach.clear()
    for start, end, text in titles:  # in text order, like the tokens above
        holders = by_title.get(eventx.normalize_string(text), [])
        if len(holders) != 1:
            continue
        holder = holders[0]
        known = before.get(id(holder))
        if known is None:
            known = before[id(holder)] = eventx.SpanSet(holder.spans)
        if reach.get(id(holder), -1) <= start and not known.covers(start):
            holder.spans.append((start, end))
            reach[id(holder)] = max(reach.get(id(holder), -1), end)


def _locative(doc: eventx.AnnotatedDocument, start: int) -> bool:
    """Whether a name at ``start`` follows a locative word (في, إلى, in, to) or the ب clitic."""
    words = _word_set(doc.language, "locative")
    before = doc.text[max(0, start - 16) : start].split()
    if before and eventx.normalize_string(before[-1].strip(",.:;\"'()")) in words:
        return True
    token = doc.text[start : start + 24].split(maxsplit=1)
    if doc.language == "ar" and token:
        word = token[0]
        return word[:1] == "ب" and bool(eventx.lookup_places(word[1:], "ar"))
    return False


@lru_cache(maxsize=8)
def _word_set(language: str, section: str) -> frozenset[str]:
    words = _lexicon(language).get(section, {}).get("terms", ())
    return frozenset(eventx.normalize_string(w) for w in words)


def _states(
    doc: eventx.AnnotatedDocument,
    actors: dict[tuple[str, str | None, str], _Actor],
    taken: eventx.SpanSet,
) -> None:
    capitals: dict[str, eventx.Place | None] = {}  # country code -> its capital
    for mention in eventx.find_place_mentions(doc):
        if mention.demonym:
            continue
        best = mention.candidates[0]
        code = best.country_code
        if not code:
            continue
        if best.kind != "country":
            if code not in capitals:
                capitals[code] = eventx.capital_of(code)
            capital = capitals[code]
            if capital is None or capital.geonameid != best.geonameid:
                continue  # neither the country nor its capital, which stands for the state
        # The word before is read last, and only for a country or a capital: these tests have
        # no side effects, and most mentions are other places (the locative test, which may
        # look the word up in the gazetteer again, was most of this loop's time).
        if not taken.covers(mention.start) and not _locative(doc, mention.start):
            _add(
                actors,
                # the state itself, also when its capital stands for it ("ودعت موسكو")
                _Actor(
                    name=eventx.country_name(code) or best.name,
                    kind="state",
                    country=code,
                ),
                (mention.start, mention.end),
            )


def extract_actors(ctx: eventx.ExtractionContext) -> Iterator[eventx.Actor]:
    doc = ctx.annotation
    actors: dict[tuple[str, str | None, str], _Actor] = {}
    countries = _CountryWords(doc)
    taken = eventx.SpanSet(_organizations(doc, actors))
    _bodies_and_forces(doc, actors, countries, taken)
    occupied = eventx.SpanSet(span for actor in actors.values() for span in actor.spans)
    _persons(doc, actors, countries, occupied)
    occupied = eventx.SpanSet(span for actor in actors.values() for span in actor.spans)
    _states(doc, actors, occupied)
    for actor in actors.values():
        spans = sorted(set(actor.spans))
        yield eventx.Actor(
            name=actor.name,
            kind=actor.kind,
            country_code=actor.country,
            mentions=[ctx.evidence(a, b) for a, b in spans],
            title=actor.title,
        )
