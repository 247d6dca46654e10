"""The statements lexicon of one language, loaded once per process and normalised for matching.

Everything language-specific lives in ``lexicon/<language>.toml``; this module only turns it into
sets, matchers and lookup tables keyed by normalised forms (see docs/plugins/statements.md).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, Literal

from attrs import frozen

import eventx

CueKind = Literal["speech", "continuation", "source", "relay", "participle", "document", "issue"]
Gender = Literal["masculine", "feminine", "unknown"]


@frozen
class CueInfo:
    """What a matched cue is: its kind and the grammatical gender of its subject (Arabic)."""

    kind: CueKind
    gender: Gender
    # Arabic imperfect (يقول، تقول): without a subject after it, it usually describes a noun
    # before it ("حركة احتجاجية تطالب بـ") rather than continuing a speaker.
    imperfect: bool = False


def norm(text: str) -> str:
    """The normalised form the lexicon and the documents are compared in."""
    return " ".join(eventx.normalize_string(text).split())


def _norm_set(values: Iterable[Any]) -> frozenset[str]:
    return frozenset(norm(str(v)) for v in values)


def _norm_map(table: Mapping[str, Any]) -> dict[str, str]:
    return {norm(k): str(v) for k, v in table.items()}


@frozen
class Vocabulary:
    """Normalised lexicon of one language."""

    language: str
    cues: eventx.PhraseMatcher[CueInfo]
    cue_table: dict[str, CueInfo]  # normalised cue phrase -> what it is
    relay_preposition: frozenset[str]
    inverted: frozenset[str]  # cues that may precede their subject ('"...," said X')
    homographs: frozenset[str]  # Arabic cue forms that are also nouns: only with و/ف attached
    stop: frozenset[str]
    skip: frozenset[str]
    bi_verbs: frozenset[str]  # Arabic verbs whose complement takes ب (طالب بـ)
    object_nouns: frozenset[str]  # Arabic verbal nouns that open an object (أعلن مقتل)
    anonymous: frozenset[str]  # head words of unnamed sources, without the article
    member_marker: frozenset[str]
    titles: frozenset[str]
    spokesperson: frozenset[str]
    on_behalf_marker: frozenset[str]
    org_heads: frozenset[str]
    adjectives: frozenset[str]
    statement_nouns: frozenset[str]
    author_markers: tuple[tuple[str, ...], ...]  # "صادر عن": the author of a statement follows
    name_articles: frozenset[str]
    name_joiners: frozenset[str]
    partitives: frozenset[str]
    short_forms: dict[str, str]
    subordinate: frozenset[str]
    names: dict[str, str]  # normalised complete name -> English name
    name_matcher: eventx.PhraseMatcher[str]
    demonyms: dict[str, str]
    org_patterns: dict[str, str]
    # English only: phrase vocabulary and pronouns.
    vocabulary: frozenset[str]
    connectors: frozenset[str]
    not_names: frozenset[str]
    between: frozenset[str]
    determiners: frozenset[str]
    honorifics: frozenset[str]
    person_pronouns: frozenset[str]
    group_pronouns: frozenset[str]

    @property
    def max_name_tokens(self) -> int:
        return max((len(n.split()) for n in self.names), default=1)


def _cue_entries(cues: Mapping[str, Any]) -> list[tuple[str, CueInfo]]:
    entries: list[tuple[str, CueInfo]] = []
    kinds: tuple[CueKind, ...] = (
        "speech",
        "continuation",
        "source",
        "relay",
        "participle",
        "document",
        "issue",
    )
    for kind in kinds:
        section = cues.get(kind, {})
        masculine = {norm(str(t)) for t in section.get("masculine", ())}
        for gender in ("masculine", "feminine"):
            for term in section.get(gender, ()):
                word = norm(str(term))
                imperfect = word.startswith("ي") or (
                    word.startswith("ت") and "ي" + word[1:] in masculine
                )
                entries.append((str(term), CueInfo(kind, gender, imperfect)))
        for term in section.get("terms", ()):
            entries.append((str(term), CueInfo(kind, "unknown")))
    return entries


@lru_cache(maxsize=16)
def vocabulary(language: str) -> Vocabulary:
    """The lexicon of ``language`` (English's when the language has none of its own)."""
    data = eventx.language_data("eventx_statements", "lexicon", language)
    if not data:
        language = "en"
        data = eventx.language_data("eventx_statements", "lexicon", language)
    cues = data.get("cues", {})
    speaker = data.get("speaker", {})
    anaphora = data.get("anaphora", {})
    names = _norm_map(data.get("names", {}))
    relay = cues.get("relay", {}).get("relay_preposition", "")
    cue_entries = _cue_entries(cues)
    return Vocabulary(
        language=language,
        cues=eventx.PhraseMatcher(cue_entries),
        cue_table={norm(phrase): info for phrase, info in cue_entries},
        relay_preposition=_norm_set([relay] if relay else []),
        inverted=_norm_set(cues.get("inverted", {}).get("terms", ())),
        homographs=_norm_set(cues.get("homographs", {}).get("terms", ())),
        stop=_norm_set(speaker.get("stop", ())),
        skip=_norm_set(speaker.get("skip", ())),
        bi_verbs=_norm_set(speaker.get("bi_verbs", ())),
        object_nouns=_norm_set(speaker.get("object_nouns", ())),
        anonymous=frozenset(
            w[2:] if language == "ar" and w.startswith("ال") else w
            for w in _norm_set(speaker.get("anonymous", ()))
        ),
        member_marker=_norm_set(speaker.get("member_marker", ())),
        titles=_norm_set(speaker.get("titles", ())),
        spokesperson=_norm_set(speaker.get("spokesperson", ())),
        on_behalf_marker=_norm_set(speaker.get("on_behalf_marker", ())),
        org_heads=_norm_set(speaker.get("org_heads", ())),
        adjectives=_norm_set(speaker.get("adjectives", ())),
        statement_nouns=_norm_set(speaker.get("statement_nouns", ())),
        author_markers=tuple(
            sorted(
                {tuple(norm(str(m)).split()) for m in speaker.get("author_markers", ())},
                key=lambda m: (-len(m), m),  # the longest marker first
            )
        ),
        name_articles=_norm_set(speaker.get("name_articles", ())),
        name_joiners=_norm_set(speaker.get("name_joiners", ())),
        partitives=_norm_set(speaker.get("partitives", ())),
        short_forms={k: norm(v) for k, v in _norm_map(anaphora.get("short_forms", {})).items()},
        subordinate=_norm_set(anaphora.get("subordinate", ())),
        names=names,
        name_matcher=eventx.PhraseMatcher((k, v) for k, v in names.items()),
        demonyms=_norm_map(data.get("demonyms", {})),
        org_patterns=_norm_map(data.get("org_patterns", {})),
        vocabulary=_norm_set(speaker.get("vocabulary", ())),
        connectors=_norm_set(speaker.get("connectors", ())),
        not_names=_norm_set(speaker.get("not_names", ())),
        between=_norm_set(speaker.get("between", ())),
        determiners=_norm_set(speaker.get("determiners", ())),
        honorifics=_norm_set(speaker.get("honorifics", ())),
        person_pronouns=_norm_set(speaker.get("person_pronouns", ())),
        group_pronouns=_norm_set(speaker.get("group_pronouns", ())),
    )
