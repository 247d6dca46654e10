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
    "anaphora",
    "command",
    "ended",
    "withdrawn_from",
    "civilian_activities",
    "imposed",
    "not_serving",
    "object_determiners",
    "visit",
    "training",
)


def _terms(table: Mapping[str, Any], key: str) -> list[str]:
    return [str(term) for term in table.get(key, ())]


def _matcher(terms: list[str]) -> eventx.PhraseMatcher[str]:
    return eventx.PhraseMatcher((term, term) for term in terms)


@frozen(kw_only=True)
class Morphology:
    """Number morphology a language makes by rule (``[morphology]`` in the lexicon): the duals
    of listed singulars and the construct state of duals and sound plurals, so the lexicon lists
    a noun once ("مروحية", "مظليين") instead of every form an article may use ("مروحيتين",
    "مظليي الجيش")."""

    dual_suffixes: tuple[str, ...] = ()
    feminine_ending: str = ""  # written as "ت" before a suffix: مروحية -> مروحيتين
    feminine_stem: str = ""
    construct_endings: tuple[str, ...] = ()  # the final ن of these is dropped: مظليين -> مظليي
    min_construct_length: int = 5

    def duals(self, phrase: str) -> list[str]:
        """Dual forms of a singular phrase; every word takes the suffix ("سفينة حربية" ->
        "سفينتين حربيتين")."""
        words = phrase.split()
        forms = []
        for suffix in self.dual_suffixes:
            inflected = []
            for word in words:
                if self.feminine_ending and word.endswith(self.feminine_ending):
                    word = word[: -len(self.feminine_ending)] + self.feminine_stem
                inflected.append(word + suffix)
            forms.append(" ".join(inflected))
        return forms

    def construct(self, term: str) -> str | None:
        """The construct state of a one-word dual or sound plural, else None."""
        if " " in term or term.endswith("*") or len(term) < self.min_construct_length:
            return None
        for ending in self.construct_endings:
            if term.endswith(ending):
                return term[:-1]
        return None

    def expand(self, terms: list[str], singulars: list[str]) -> list[str]:
        """``terms`` plus the duals of ``singulars`` plus construct states, without repeats."""
        found = [*terms]
        for singular in singulars:
            found.extend(self.duals(singular))
        found.extend(c for c in map(self.construct, list(found)) if c is not None)
        return list(dict.fromkeys(found))


def _morphology(table: Mapping[str, Any]) -> Morphology:
    return Morphology(
        dual_suffixes=tuple(_terms(table, "dual_suffixes")),
        feminine_ending=str(table.get("feminine_ending", "")),
        feminine_stem=str(table.get("feminine_stem", "")),
        construct_endings=tuple(_terms(table, "construct_endings")),
    )


def _forces(
    table: Mapping[str, Any], morphology: Morphology
) -> tuple[eventx.PhraseMatcher[str], frozenset[str]]:
    """The force matcher: each ``[forces.<kind>]``'s terms, with the duals of its ``duals_of``
    singulars and the construct states the morphology makes; and the set of dual forms (a dual
    force is a size of two: "مروحيتين")."""
    entries: list[tuple[str, str]] = []
    duals: set[str] = set()
    for kind in sorted(table):
        body = table[kind]
        if isinstance(body, Mapping):
            singulars = _terms(body, "duals_of")
            terms = morphology.expand(_terms(body, "terms"), singulars)
            entries.extend((term, kind) for term in terms)
            for singular in singulars:
                forms = morphology.duals(singular)
                duals.update(forms)
                duals.update(c for c in map(morphology.construct, forms) if c is not None)
    return eventx.PhraseMatcher(entries), frozenset(map(eventx.normalize_string, duals))


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
    # Verbs that place a force already sent ([followup] verbs: "based", "will join", "تتوجه"):
    # read for a destination in the sentence after a deployment, never a deployment themselves.
    followup_verbs: eventx.PhraseMatcher[str]
    # Verbs whose particle comes after their object ([split]: "pulled 2,500 troops out"), value:
    # status; they are triggers only with a force between them and a particle.
    split_verbs: eventx.PhraseMatcher[str]
    # Force terms that name a force only with a qualifier ([qualified]): a modifier, a
    # nationality word or an origin ("US vessels", "قوة عسكرية"; not "قوة دفع").
    qualified: frozenset[str] = frozenset()
    duals: frozenset[str] = frozenset()  # dual force nouns, a size of two ("مروحيتين")
    # Triggers that make a deployment only with a sized force ([sized]): "مشاركة 10 آلاف جندي",
    # "took part" is a deployment; "شاركت الشرطة في الحملة" (the police joined a campaign) is not.
    sized: frozenset[str] = frozenset()
    # Triggers of presence ([present]: "has", "remain", "يتواجد"): a deployment only next to a
    # sized force with a place after it ("The US has 2,500 troops in Iraq").
    present: frozenset[str] = frozenset()
    # Triggers of a posture held somewhere ([posted]: "guarding", "manning", "joined", "عسكرة"):
    # a deployment only with a place just after them ("stood guard in Kabul"), or checkpoints
    # ("manning checkpoints"); "officers manning the phones" is office work.
    posted: frozenset[str] = frozenset()
    # Force terms that name a force only with a size just before them ([counted]): "800 عسكري"
    # are soldiers, "مصدر عسكري" a military source.
    counted: frozenset[str] = frozenset()
    split_particles: frozenset[str] = frozenset()
    # The language drops a pronoun subject ([followup] pro_drop): a sentence that opens with a
    # deployment verb ("وستتمركز في حلب") can be about the force of the sentence before.
    pro_drop: bool = False
    # Object pronouns written on a verb ("أرسلتهم": sent them): the force of the sentence before.
    object_pronouns: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.triggers.size == 0 or self.forces.size == 0


@lru_cache(maxsize=16)
def lexicon(language: str) -> Lexicon:
    """The compiled lexicon of ``language`` (empty matchers for a language without one)."""
    table = eventx.language_data(PACKAGE, "lexicon", language)
    cues = table.get("cues", {})
    purpose = table.get("purpose", {})
    morphology = _morphology(table.get("morphology", {}))
    modifiers = table.get("modifiers", {})
    forces, duals = _forces(table.get("forces", {}), morphology)
    return Lexicon(
        language=language,
        triggers=eventx.matcher_from_table(table.get("triggers", {})),
        forces=forces,
        modifiers=_matcher(
            morphology.expand(_terms(modifiers, "terms"), _terms(modifiers, "duals_of"))
        ),
        actors=_matcher(_terms(table.get("actors", {}), "terms")),
        purpose_start=_matcher(_terms(purpose, "start")),
        purpose_intro=_matcher(_terms(purpose, "intro")),
        purpose_link=_matcher(_terms(purpose, "intro_link")),
        cues=eventx.PhraseMatcher(
            (term, name) for name in CUE_NAMES for term in _terms(cues, name)
        ),
        qualified=frozenset(_terms(table.get("qualified", {}), "terms")),
        duals=duals,
        sized=frozenset(_terms(table.get("sized", {}), "terms")),
        present=frozenset(_terms(table.get("present", {}), "terms")),
        posted=frozenset(_terms(table.get("posted", {}), "terms")),
        counted=frozenset(_terms(table.get("counted", {}), "terms")),
        split_verbs=eventx.matcher_from_table(table.get("split", {}), "verbs"),
        split_particles=frozenset(
            t for body in table.get("split", {}).values() for t in _terms(body, "particles")
        ),
        pro_drop=bool(table.get("followup", {}).get("pro_drop", False)),
        followup_verbs=eventx.PhraseMatcher(
            (term, "moved") for term in _terms(table.get("followup", {}), "verbs")
        ),
        object_pronouns=tuple(
            eventx.normalize_string(t) for t in _terms(table.get("followup", {}), "object_pronouns")
        ),
    )
