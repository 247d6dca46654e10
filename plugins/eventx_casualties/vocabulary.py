"""The casualty lexicon of one language, compiled once per process from ``lexicon/<lang>.toml``."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any

from attrs import frozen

import eventx

#: Trigger roles: ``term`` (a verb or event noun), ``counted`` (a noun naming the victims, counted
#: directly: "30 قتيلا"), ``dual`` (a count of two by itself: "قتيلان").
ROLES = ("term", "counted", "dual")


@frozen
class TriggerInfo:
    kind: str
    role: str


@frozen(kw_only=True)
class Vocabulary:
    triggers: eventx.PhraseMatcher[TriggerInfo]
    trigger_words: frozenset[str]  # every word of every trigger phrase, normalised
    singular_victims: eventx.PhraseMatcher[int]
    dual_victims: eventx.PhraseMatcher[int]
    articles: frozenset[str]
    others: eventx.PhraseMatcher[str]
    subset: eventx.PhraseMatcher[str]
    negation: frozenset[str]
    according_to: eventx.PhraseMatcher[str]
    stops: frozenset[str]
    released: eventx.PhraseMatcher[str]
    speech: eventx.PhraseMatcher[str]
    speaker_first: bool  # English "police said": the speaker comes before the verb
    units: frozenset[str]
    before_units: frozenset[str]


def _words(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(eventx.normalize_string(str(v)) for v in values)


def _matcher(terms: Iterable[Any], value: str = "") -> eventx.PhraseMatcher[str]:
    return eventx.PhraseMatcher((str(t), value or str(t)) for t in terms)


def _section(data: Mapping[str, Any], name: str) -> Mapping[str, Any]:
    section = data.get(name, {})
    return section if isinstance(section, Mapping) else {}


def _duals(victims: Mapping[str, Any], language: str) -> set[str]:
    """Nominative duals of one-word Arabic singulars: شرطي -> شرطيان, امرأة -> امرأتان."""
    if language != "ar":
        return set()
    duals: set[str] = set()
    for noun in victims.get("singular", ()):
        word = eventx.normalize_string(str(noun))
        if " " in word:
            continue
        stem = word[:-1] + "ت" if word.endswith("ه") else word
        duals.add(stem + "ان")
    return duals - {eventx.normalize_string(str(w)) for w in victims.get("not_duals", ())}


@lru_cache(maxsize=16)
def vocabulary(language: str) -> Vocabulary:
    """The compiled lexicon of ``language``; an empty one for languages without a file."""
    data = eventx.language_data("eventx_casualties", "lexicon", language)
    entries: list[tuple[str, TriggerInfo]] = []
    kinds = _section(data, "kinds")
    for kind in sorted(kinds):
        if kind not in eventx.CASUALTY_KINDS:
            raise ValueError(
                f"eventx_casualties/lexicon/{language}.toml names an unknown kind {kind!r}. "
                f"Available: {', '.join(eventx.CASUALTY_KINDS)}"
            )
        body = kinds[kind]
        for role, key in (("term", "terms"), ("counted", "counted"), ("dual", "dual")):
            entries.extend((str(t), TriggerInfo(kind, role)) for t in body.get(key, ()))
    victims = _section(data, "victims")
    units = _section(data, "units")
    return Vocabulary(
        triggers=eventx.PhraseMatcher(entries),
        trigger_words=frozenset(
            w for term, _ in entries for w in eventx.normalize_string(term).split()
        ),
        singular_victims=eventx.PhraseMatcher((str(t), 1) for t in victims.get("singular", ())),
        dual_victims=eventx.PhraseMatcher(
            (t, 2) for t in sorted({*map(str, victims.get("dual", ())), *_duals(victims, language)})
        ),
        articles=_words(victims.get("articles", ())),
        others=_matcher(_section(data, "others").get("terms", ())),
        subset=_matcher(_section(data, "subset").get("terms", ())),
        negation=_words(_section(data, "negation").get("terms", ())),
        according_to=_matcher(_section(data, "according_to").get("terms", ())),
        stops=_words(_section(data, "stops").get("terms", ())),
        released=_matcher(_section(data, "released").get("terms", ())),
        speech=_matcher(_section(data, "speech").get("terms", ())),
        speaker_first=bool(_section(data, "speech").get("speaker_first", False)),
        units=_words(units.get("terms", ())),
        before_units=_words(units.get("before_units", ())),
    )
