"""The deployments lexicons (lexicon/<language>.toml), compiled into matchers once per process."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from attrs import frozen

import eventx

PACKAGE = "eventx_deployments"

#: Statuses a deployment can have, from least to most advanced ("withdrawn" stands apart).
STATUSES: tuple[str, ...] = ("planned", "announced", "on_alert", "deployed", "arrived", "withdrawn")

#: Force kinds that do not say what the force is made of ("units", "forces"): a mention of such a
#: force can be the same deployment as a mention of a specific kind (peacekeepers, police, ...).
GENERIC_FORCE_KINDS: frozenset[str] = frozenset(
    {"forces", "units", "personnel", "reinforcements", "security"}
)

# Cue lists of the [cues] table, each compiled into its own matcher.
CUE_NAMES: tuple[str, ...] = (
    "joiners",
    "planned",
    "announced",
    "done",
    "negation",
    "composition",
    "destination",
    "whole_country",
    "blockers",
    "directional",
    "agent",
)


def _terms(table: Mapping[str, Any], key: str) -> list[str]:
    return [str(term) for term in table.get(key, ())]


def _matcher(terms: list[str]) -> eventx.PhraseMatcher[str]:
    return eventx.PhraseMatcher((term, term) for term in terms)


@frozen
class Lexicon:
    """Every matcher the extractor needs for one language."""

    language: str
    triggers: eventx.PhraseMatcher[str]  # value: status
    forces: eventx.PhraseMatcher[str]  # value: force kind
    modifiers: eventx.PhraseMatcher[str]
    actors: eventx.PhraseMatcher[str]
    purpose_start: eventx.PhraseMatcher[str]
    purpose_intro: eventx.PhraseMatcher[str]
    purpose_link: eventx.PhraseMatcher[str]
    cues: eventx.PhraseMatcher[str]  # every [cues] list in one matcher; value: the list's name

    @property
    def empty(self) -> bool:
        return self.triggers.size == 0 or self.forces.size == 0


@lru_cache(maxsize=16)
def lexicon(language: str) -> Lexicon:
    """The compiled lexicon of ``language`` (empty matchers for a language without one)."""
    table = eventx.language_data(PACKAGE, "lexicon", language)
    cues = table.get("cues", {})
    purpose = table.get("purpose", {})
    return Lexicon(
        language=language,
        triggers=eventx.matcher_from_table(table.get("triggers", {})),
        forces=eventx.matcher_from_table(table.get("forces", {})),
        modifiers=_matcher(_terms(table.get("modifiers", {}), "terms")),
        actors=_matcher(_terms(table.get("actors", {}), "terms")),
        purpose_start=_matcher(_terms(purpose, "start")),
        purpose_intro=_matcher(_terms(purpose, "intro")),
        purpose_link=_matcher(_terms(purpose, "intro_link")),
        cues=eventx.PhraseMatcher(
            (term, name) for name in CUE_NAMES for term in _terms(cues, name)
        ),
    )
