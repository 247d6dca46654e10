"""The country of the event (``record.country``): an explainable vote over place mentions.

Each mention of a resolved place votes for its country with weight

* 1 for a country name, 1.5 for a region, city or named place (a town pins the scene; a
  country is often named only as an actor: "Russia said ...");
* +1 when it follows a locative preposition or clitic ("في ألماتي", "بألماتي", "in Almaty");
* +1 in the title or first sentence (the lead says where the news happened);
* a mention in a dateline ("BAGHDAD (Reuters) -") weighs only ``REPEAT_WEIGHT``: it says where
  the report was filed, which is often not where the news happened.

A place votes with its best mention plus a quarter of each further mention, so several
distinct places in one country outweigh one country name repeated (boilerplate, actors).
The country with the largest total wins; ties go to the earliest mention. Places without a
country (seas, cross-border regions) do not vote; with no votes the country is null.
"""

from __future__ import annotations

from collections.abc import Sequence

import eventx
from eventx_places.resolve import is_locative
from eventx_places.roles import in_dateline

KIND_WEIGHT = {"country": 1.0, "region": 1.5, "city": 1.5, "place": 1.5}
LOCATIVE_BONUS = 1.0
LEAD_BONUS = 1.0
REPEAT_WEIGHT = 0.25


#: The mention weights of the document read last, keyed by the identity of its text: the
#: country vote runs twice per document (in the extractor and in the country hook) and the
#: primary place reads the same weights a third time; each weight is computed once. A weight is a
#: pure function of the text, the mention's span and sentence, its place's kind and the language,
#: so a remembered weight is always the one that would be computed. Only one document is kept
#: (a new text replaces it), and the pair is replaced whole, so threads cannot mix documents.
_WeightKey = tuple[str, int, int, int | None, str]
_last_weights: tuple[str, dict[_WeightKey, float]] | None = None


def _document_weights(text: str) -> dict[_WeightKey, float]:
    """The weight memo of ``text`` (a fresh one when another document was read last)."""
    global _last_weights
    last = _last_weights
    if last is not None and last[0] is text:
        return last[1]
    weights: dict[_WeightKey, float] = {}
    _last_weights = (text, weights)
    return weights


def _mention_weight(kind: str, mention: eventx.Evidence, text: str, language: str) -> float:
    weights = _document_weights(text)
    key = (kind, mention.start, mention.end, mention.sentence, language)
    weight = weights.get(key)
    if weight is None:
        weight = weights[key] = _compute_weight(kind, mention, text, language)
    return weight


def _compute_weight(kind: str, mention: eventx.Evidence, text: str, language: str) -> float:
    if in_dateline(text, mention.start, mention.end):
        return REPEAT_WEIGHT  # where the report was filed, not where the news happened
    weight = KIND_WEIGHT.get(kind, 1.0)
    if is_locative(text, mention.start, language):
        weight += LOCATIVE_BONUS
    if mention.sentence is not None and mention.sentence <= 1:
        weight += LEAD_BONUS
    return weight


def country_votes(
    locations: Sequence[eventx.Location], text: str, language: str
) -> dict[str, float]:
    """The weighted votes of every located mention, by ISO alpha-2 code."""
    votes: dict[str, float] = {}
    for location in locations:
        code = location.country_code
        if not code:
            continue
        weights = sorted(
            (_mention_weight(location.kind, m, text, language) for m in location.mentions),
            reverse=True,
        )
        if weights:
            votes[code] = votes.get(code, 0.0) + weights[0] + REPEAT_WEIGHT * sum(weights[1:])
    return votes


def main_country(locations: Sequence[eventx.Location], text: str, language: str) -> str | None:
    """The country with the most votes (ties: earliest mention), None without votes."""
    votes = country_votes(locations, text, language)
    if not votes:
        return None
    first: dict[str, int] = {}
    for location in locations:
        if location.country_code:
            offset = min((m.start for m in location.mentions), default=1 << 62)
            first[location.country_code] = min(first.get(location.country_code, offset), offset)
    return min(votes, key=lambda code: (-votes[code], first.get(code, 1 << 62), code))


def decide_country(record: eventx.EventRecord, document: eventx.Document) -> str | None:
    language = record.language or document.language or "en"
    return main_country(record.locations, document.text, language)


#: Most specific first; among equals the place with the heaviest votes (locative, lead).
PRIMARY_KINDS = ("city", "place", "region", "country")


def primary_location(record: eventx.EventRecord, document: eventx.Document) -> str | None:
    """The primary event place: the most specific event place in the event's country.

    A city before a named site (a site's coordinates are rarely known; ACLED codes the town),
    a region, then the country; among places of one kind the one with the most weight
    (locative mentions and the lead count, as for the country vote), then one with
    coordinates before one without (of two places the text weighs alike, an analyst maps the
    one that can be mapped; an unresolved town the text stresses more still wins), then the
    earliest.
    """
    language = record.language or document.language or "en"
    events = [
        loc
        for loc in record.locations
        if loc.role == "event" and (record.country is None or loc.country_code == record.country)
    ]
    if not events:
        return None

    # (rank, position): the first of the best, as min(events, key=rank) would take
    ranked = [(_rank(loc, document.text, language), n) for n, loc in enumerate(events)]
    return events[min(ranked)[1]].name


def _rank(location: eventx.Location, text: str, language: str) -> tuple[int, float, bool, int]:
    """Sort key of :func:`primary_location` (smaller is better)."""
    weights = [_mention_weight(location.kind, m, text, language) for m in location.mentions]
    first = min((m.start for m in location.mentions), default=1 << 62)
    kind = PRIMARY_KINDS.index(location.kind) if location.kind in PRIMARY_KINDS else 9
    weight = max(weights, default=0.0) + REPEAT_WEIGHT * (len(weights) - 1)
    return (kind, -weight, location.lat is None, first)
