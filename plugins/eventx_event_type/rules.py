"""Event-type rules: trigger votes + record facts -> one ACLED type with a PLOVER code.

1. Every trigger match votes ``weight`` for its group's ACLED type; in the lead (the first
   ``LEAD_SENTENCES`` sentences: title and opening) the vote counts ``LEAD_FACTOR`` times.
   A group with ``requires`` (one type or a list) votes for its type only if a required type has
   votes of its own, else for ``otherwise`` (clashes + protesters or rioters = riots; clashes
   alone = battles).
   Terms listed as ``weak`` have everyday senses besides conflict ("نشر" publishes, "مواجهات"
   are also sports fixtures, "battle", "rally"): they vote only when the document has conflict
   evidence of its own — a trigger that is not weak (disasters aside), a victim claim (killed,
   injured, kidnapped, missing) or a deployment. Without it, vocabulary alone claims nothing.
2. Record facts vote too: each deployment and each arrest claim ``FACT_VOTE`` for
   strategic_developments (at most ``FACT_VOTE_CAP`` each).
3. A demonstration with violence is a riot: when riots has at least ``RIOT_SHARE`` of the
   protest votes, the protest votes are added to riots (one "clashes" in a long report of a
   peaceful march does not make it a riot).
4. The type with the most votes wins (ties: ``PRIORITY`` order); no votes -> None (the
   hook defers and ``event_type`` stays null: no evidence, no guess).
   Confidence = winner's share of all votes. Evidence = the winner's strongest triggers.
   PLOVER = the code of the group that gave the winner most of its votes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from typing import Any, NamedTuple

import eventx

PACKAGE = "eventx_event_type"
EXTRACTOR = "event_type"
LEAD_SENTENCES = 3
LEAD_FACTOR = 2.0
FACT_VOTE = 1.0
FACT_VOTE_CAP = 3
MAX_EVIDENCE = 5
RIOT_SHARE = 0.3
PRIORITY: tuple[str, ...] = (
    "explosions_remote_violence",
    "battles",
    "violence_against_civilians",
    "riots",
    "protests",
    "strategic_developments",
    "disaster",
    "other",
)
PLOVER_DEFAULT: Mapping[str, str | None] = {
    "battles": "FIGHT",
    "explosions_remote_violence": "ASSAULT",
    "violence_against_civilians": "ASSAULT",
    "protests": "PROTEST",
    "riots": "PROTEST",
    "strategic_developments": "MOBILIZE",
    "disaster": None,
    "other": None,
}


@lru_cache(maxsize=4)
def _groups(language: str) -> Mapping[str, Mapping[str, Any]]:
    groups: Mapping[str, Mapping[str, Any]] = eventx.language_data(
        PACKAGE, "lexicon", language
    ).get("groups", {})
    for name, group in groups.items():
        for key in ("acled", "otherwise", "requires"):
            value = group.get(key)
            values = value if isinstance(value, list | tuple) else [value]
            if any(v is not None and v not in eventx.ACLED_TYPES for v in values):
                raise ValueError(f"{PACKAGE}/lexicon/{language}.toml [groups.{name}]: {value!r}")
    return groups


@lru_cache(maxsize=4)
def _matcher(language: str) -> eventx.PhraseMatcher[tuple[str, bool]]:
    """Every group's terms (value: group, False) and weak terms (value: group, True)."""
    groups = _groups(language)
    return eventx.PhraseMatcher(
        (str(term), (name, weak))
        for name in sorted(groups)
        for key, weak in (("terms", False), ("weak", True))
        for term in groups[name].get(key, ())
    )


#: Victim claims that are conflict evidence (an arrest or a displacement alone is not: fraud
#: arrests and evacuations make the business and weather news).
VICTIM_KINDS = frozenset({"killed", "injured", "kidnapped", "missing"})


class Trigger(NamedTuple):
    """One trigger match and the vote it casts (immutable; a NamedTuple because every trigger
    word of every document makes one, and a frozen attrs class sets each attribute through a
    call). It keeps its span, not an :class:`eventx.Evidence`: only the few triggers that
    decide the type become evidence (:func:`evidence_of`), and a news article has dozens."""

    group: str
    acled: str
    plover: str | None
    weight: float
    requires: tuple[str, ...]
    otherwise: str | None
    start: int
    end: int
    sentence: int | None
    weak: bool = False  # votes only with conflict evidence in the document


def evidence_of(trigger: Trigger, text: str) -> eventx.Evidence:
    """The evidence of ``trigger`` in the document ``text`` it was found in."""
    return eventx.Evidence.from_span(
        text, trigger.start, trigger.end, sentence=trigger.sentence, extractor=EXTRACTOR
    )


def find_triggers(
    document: eventx.Document,
    language: str,
    annotation: eventx.AnnotatedDocument | None = None,
) -> list[Trigger]:
    """Every trigger match of the document, with its weighted vote.

    Pass the pipeline's annotation when there is one (the policy hook receives it); tokenising
    the text again is the fallback for direct callers.
    """
    votes = _group_votes(language)
    if annotation is None or annotation.language != language:
        annotation = eventx.annotate(document.text, language)
    found: list[Trigger] = []
    for match in _matcher(language).finditer(annotation):
        name, weak = match.value
        acled, plover, weight, requires, otherwise = votes[name]
        sentence = annotation.sentence_index_at(match.start)
        lead = sentence is not None and sentence < LEAD_SENTENCES
        found.append(
            Trigger(
                group=name,
                weak=weak,
                acled=acled,
                plover=plover,
                weight=weight * (LEAD_FACTOR if lead else 1.0),
                requires=requires,
                otherwise=otherwise,
                start=match.start,
                end=match.end,
                sentence=sentence,
            )
        )
    return found


@lru_cache(maxsize=4)
def _group_votes(
    language: str,
) -> Mapping[str, tuple[str, str | None, float, tuple[str, ...], str | None]]:
    """Each group's (acled, plover, weight, requires, otherwise), read from the lexicon once
    (every trigger of every document read them from the lexicon's frozen mapping again)."""
    return {
        name: (
            str(group["acled"]),
            group.get("plover"),
            float(group.get("weight", 1.0)),
            _listed(group.get("requires")),
            group.get("otherwise"),
        )
        for name, group in _groups(language).items()
    }


def _listed(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list | tuple) else (str(value),)


def _conflict_evidence(record: eventx.EventRecord, triggers: list[Trigger]) -> bool:
    """Whether the document shows conflict beyond ambiguous words: a trigger that is not weak
    (disasters aside), a victim claim or a deployment."""
    return (
        any(not t.weak and t.acled != "disaster" for t in triggers)
        or any(c.kind in VICTIM_KINDS for c in record.casualties)
        or bool(record.deployments)
    )


def _votes(
    record: eventx.EventRecord, triggers: list[Trigger]
) -> tuple[dict[str, float], dict[str, list[Trigger]], dict[str, dict[str, float]]]:
    if not _conflict_evidence(record, triggers):
        triggers = [t for t in triggers if not t.weak]
    votes: dict[str, float] = defaultdict(float)
    for trigger in triggers:
        if not trigger.requires:
            votes[trigger.acled] += trigger.weight
    direct = dict(votes)
    used: dict[str, list[Trigger]] = defaultdict(list)
    by_plover: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for trigger in triggers:
        acled = trigger.acled
        if trigger.requires:
            if all(direct.get(r, 0.0) <= 0 for r in trigger.requires) and trigger.otherwise:
                acled = trigger.otherwise
            votes[acled] += trigger.weight
        used[acled].append(trigger)
        if trigger.plover:
            by_plover[acled][trigger.plover] += trigger.weight
    deployments = min(len(record.deployments), FACT_VOTE_CAP)
    arrests = min(sum(1 for c in record.casualties if c.kind == "arrested"), FACT_VOTE_CAP)
    if deployments or arrests:
        votes["strategic_developments"] += FACT_VOTE * (deployments + arrests)
    protest, riot = votes.get("protests", 0.0), votes.get("riots", 0.0)
    if protest > 0 and riot >= RIOT_SHARE * protest:
        votes["riots"] += protest
    return dict(votes), used, by_plover


def decide_event_type(
    record: eventx.EventRecord,
    document: eventx.Document,
    annotation: eventx.AnnotatedDocument | None = None,
) -> eventx.EventType | None:
    language = record.language or document.language or "en"
    votes, used, by_plover = _votes(record, find_triggers(document, language, annotation))
    positive = {k: round(v, 2) for k, v in sorted(votes.items()) if v > 0}
    if not positive:
        return None  # nothing to go on: defer (the record's event_type stays null)
    winner = min(positive, key=lambda t: (-positive[t], PRIORITY.index(t)))
    total = sum(positive.values())
    plover_votes = by_plover.get(winner, {})
    plover = (
        min(plover_votes, key=lambda code: (-plover_votes[code], code))
        if plover_votes
        else PLOVER_DEFAULT.get(winner)
    )
    strongest = sorted(used.get(winner, ()), key=lambda t: (-t.weight, t.start))
    evidence = [
        evidence_of(t, document.text)
        for t in sorted(strongest[:MAX_EVIDENCE], key=lambda t: t.start)
    ]
    return eventx.EventType(
        acled=winner,
        plover=plover,
        confidence=round(positive[winner] / total, 2),
        evidence=evidence,
        votes=positive,
    )
