"""English place rules (docs/plugins/places.md): names no gazetteer knows, and scenes.

* **Addresses**: reports write a small town with the region or the bigger place it lies in:
  "in Valdivia, Usulutan Department", "in Las Piedras, north of San Salvador". The
  capitalised name after a locative preposition, followed by a comma and a known first-level
  region that ends the clause, or by a compass phrase and a known town or region, is a town
  there, even when GeoNames lists no town of that name (its cities5000 data stops at 5 000
  people): :func:`addressed_towns`.
* **Unknown names after a locative preposition**, named so twice ("stationed in Kolvaro at
  the time"): :func:`names_after_locatives`.
* **Scenes** beyond a preposition (roles): lists, attack verbs' objects, examples of places
  just named, a country before a noun of conflict: :func:`scene_mention`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache

import regex
from attrs import frozen

import eventx

#: A locative preposition, a capitalised name of up to four words, a comma, maybe a compass
#: phrase ("north of", "southwest of the").
_ADDRESS_RE = regex.compile(
    r"\b(?:[Ii]n|near|at|outside)\s+(?P<name>(?:[A-Z][a-z]+\s){0,3}[A-Z][a-z]+),\s+"
    r"(?P<compass>(?:north|south|east|west|northeast|northwest|southeast|southwest)"
    r"(?:ern)?\s+of\s+(?:the\s+)?)?"
)
#: After the region: the end of its clause (so "in Congress, Texas officials" is no address).
_CLAUSE_END_RE = regex.compile(r"\s*(?:[.,;:)]|$)")
#: Capitalised words that open a phrase but are no town's name.
_NOT_TOWN_WORDS = frozenset(
    {"The", "A", "An", "This", "That", "These", "Those", "His", "Her", "Their", "Its", "Our",
     "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)  # fmt: skip


@frozen(kw_only=True)
class AddressedTown:
    """A town the text places in a known region or near a known place."""

    start: int
    end: int
    within: eventx.Place


@lru_cache(maxsize=1)
def _month_names() -> frozenset[str]:
    """English month names from the dates plugin's lexicon (the one list of them)."""
    months = eventx.language_data("eventx_dates", "lexicon", "en").get("months", {})
    return frozenset(
        str(word)
        for number, names in months.items()
        if str(number).isdigit()
        for name in names
        for word in str(name).split()
    )


def addressed_towns(
    text: str,
    known: Iterable[tuple[int, int, eventx.Place]],
    taken: Iterable[tuple[int, int]],
) -> Iterator[AddressedTown]:
    """Towns no gazetteer knows, written with their address ("in Valdivia, Usulutan
    Department.", "in Las Piedras, north of San Salvador").

    ``known``: the resolved places (start, end, place); ``taken``: spans already reported,
    which the name may not overlap (a known town is itself).
    """
    places = {start: (end, place) for start, end, place in known}
    spans = eventx.SpanSet(taken)
    months = _month_names()
    for found in _ADDRESS_RE.finditer(text, timeout=1.0):
        entry = places.get(found.end())
        if entry is None:
            continue
        end, place = entry
        if found.group("compass"):
            if place.kind not in ("city", "region"):
                continue
        elif place.kind != "region" or not place.country_code or place.admin2_code:
            continue  # a first-level region of a country ("Usulutan Department", "Vermont")
        elif not _CLAUSE_END_RE.match(text, end):
            continue
        start, name_end = found.span("name")
        words = text[start:name_end].split()
        if words[0] in _NOT_TOWN_WORDS or any(w in months for w in words):
            continue
        if "\n" in text[start:name_end]:
            continue  # a name does not run over a line break
        if spans.overlaps(start, name_end):
            continue
        yield AddressedTown(start=start, end=name_end, within=place)


# --- scenes: where an English text puts an event, beyond a locative preposition -----------

#: The names before this one in a coordinated list ("Pakistan, Somalia and Yemen": Yemen's
#: list opens at Pakistan): capitalised names joined by commas, "and", "or".
_LIST_BEFORE_RE = regex.compile(
    r"(?:[A-Z][\w'’.-]*(?:\s(?:of\s|the\s)?[A-Z][\w'’.-]*){0,3}(?:,\s|,?\s(?:and|or)\s))+$"
)
#: "in active battlefields including Afghanistan", "across the region, such as Iraq": an
#: example of a place just named after a locative preposition.
_EXAMPLE_OF_PLACE_RE = regex.compile(
    r"\b(?:in|across|to|at)\s(?:[\w'’-]+\s){0,4}?[\w'’-]+,?\s(?:including|such\sas|especially"
    r"|notably|namely)\s$"
)
#: How far back the list and example rules read (characters).
_REACH = 160


@lru_cache(maxsize=1)
def _scene_words() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs whose object is the scene of an attack (``[scene_verbs]``: "targeted",
    "bombed") and nouns after a country that name an event there (``[scene_nouns]``:
    "the Ukraine crisis")."""
    data = eventx.language_data("eventx_places", "data", "en")
    verbs = frozenset(str(w).lower() for w in data.get("scene_verbs", {}).get("terms", ()))
    nouns = frozenset(str(w).lower() for w in data.get("scene_nouns", {}).get("terms", ()))
    return verbs, nouns


def list_opening(text: str, start: int) -> int:
    """Where the coordinated list of names that the name at ``start`` ends opens (``start``
    itself when it is no list's later item)."""
    window_start = max(0, start - _REACH)
    found = _LIST_BEFORE_RE.search(text[window_start:start], timeout=1.0)
    return window_start + found.start() if found else start


def scene_mention(text: str, start: int, end: int) -> bool:
    """Whether an English mention names where an event happens by more than a preposition:
    the object of an attack verb ("strikes targeted Pakistan, Somalia and Yemen"), an example
    of places just named ("in active battlefields including Afghanistan"), or a country
    before a noun of conflict ("the Ukraine crisis", "the Sudan war"). A later item of a list
    is read at the list's opening."""
    verbs, nouns = _scene_words()
    opening = list_opening(text, start)
    before = text[max(0, opening - 40) : opening].split()
    if before and before[-1].lower().strip(",.;:\"'“”()") in verbs:
        return True
    if _EXAMPLE_OF_PLACE_RE.search(text[max(0, opening - 80) : opening], timeout=1.0):
        return True
    after = text[end : end + 24].split()
    return bool(after) and after[0].lower().strip(",.;:\"'“”()") in nouns


# --- unknown names after a locative preposition -------------------------------------------

#: A capitalised single word after a locative preposition inside a sentence ("installations
#: in Uraba."), not a possessive, that ends its phrase: punctuation or a function word follows
#: ("in Uraba at dawn"), not a noun it modifies ("in Eid prayers", "in Holi celebrations").
_LOCATIVE_NAME_RE = regex.compile(
    r"\b(?:in|near|outside|inside|around)\s(?P<name>[A-Z][a-z]{2,})\b(?!['’]s\b)"
    r"(?=\s*[.,;:)]|\s(?:at|on|in|near|and|or|since|after|before|when|where|which|until"
    r"|during|from|to|late|early|last|this|overnight)\b)"
)
#: A name needs this many such mentions: one alone may be a party, a feast or a parliament
#: ("infighting in Likud,", "in Rada.").
MIN_LOCATIVE_MENTIONS = 2


def names_after_locatives(
    text: str, taken: Iterable[tuple[int, int]], is_word: Callable[[str], bool]
) -> Iterator[tuple[int, int]]:
    """Capitalised words after a locative preposition that are neither an English word nor a
    name well known enough to be in the English word list (``is_word``, lower case), nor in
    the gazetteer: names of places it lacks ("troops stationed in Uraba."), when the article
    so names them at least ``MIN_LOCATIVE_MENTIONS`` times. Spans already taken by other rules
    are skipped."""
    spans = eventx.SpanSet(taken)
    found: dict[str, list[tuple[int, int]]] = {}
    for match in _LOCATIVE_NAME_RE.finditer(text, timeout=1.0):
        start, end = match.span("name")
        word = match.group("name")
        if spans.overlaps(start, end):
            continue
        found.setdefault(word, []).append((start, end))
    for word, mentions in found.items():
        if len(mentions) < MIN_LOCATIVE_MENTIONS:
            continue
        if is_word(word.lower()) or eventx.lookup_places(word, "en"):
            continue
        yield from mentions
