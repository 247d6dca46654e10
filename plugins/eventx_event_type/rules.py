"""Event-type rules: trigger votes + record facts -> one ACLED type with a PLOVER code.

1. Every trigger match votes ``weight`` for its group's ACLED type; in the lead (the first
   ``LEAD_SENTENCES`` sentences: title and opening) the vote counts ``LEAD_FACTOR`` times.
   A group with ``requires`` votes for its type only if that required type has votes of its
   own, else for ``otherwise`` (clashes + protesters = riots; clashes alone = battles).
2. Record facts vote too: each deployment and each arrest claim ``FACT_VOTE`` for
   strategic_developments (at most ``FACT_VOTE_CAP`` each).
3. A demonstration with violence is a riot: when riots has at least ``RIOT_SHARE`` of the
   protest votes, the protest votes are added to riots (one "clashes" in a long report of a
   peaceful march does not make it a riot).
4. The type with the most votes wins (ties: ``PRIORITY`` order); no votes -> ``other``.
   Confidence = winner's share of all votes. Evidence = the winner's strongest triggers.
   PLOVER = the code of the group that gave the winner most of its votes.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any

import eventx

PACKAGE = "eventx_event_type"
FIELD = "event_triggers"
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
            if value is not None and value not in eventx.ACLED_TYPES:
                raise ValueError(f"{PACKAGE}/lexicon/{language}.toml [groups.{name}]: {value!r}")
    return groups


@lru_cache(maxsize=4)
def _matcher(language: str) -> eventx.PhraseMatcher[str]:
    return eventx.matcher_from_table(_groups(language))


def find_triggers(ctx: eventx.ExtractionContext) -> Iterator[eventx.Extension]:
    """One Extension per trigger match: group, ACLED type, PLOVER code, weighted vote."""
    groups = _groups(ctx.language)
    for match in _matcher(ctx.language).finditer(ctx.annotation):
        group = groups[match.value]
        evidence = ctx.evidence(match.start, match.end)
        lead = evidence.sentence is not None and evidence.sentence < LEAD_SENTENCES
        weight = float(group.get("weight", 1.0)) * (LEAD_FACTOR if lead else 1.0)
        value: dict[str, Any] = {
            "group": match.value,
            "acled": group["acled"],
            "plover": group.get("plover"),
            "weight": weight,
        }
        for key in ("requires", "otherwise"):
            if group.get(key):
                value[key] = group[key]
        yield eventx.Extension(field=FIELD, value=value, evidence=evidence)


def _votes(
    record: eventx.EventRecord,
) -> tuple[dict[str, float], dict[str, list[eventx.Extension]], dict[str, dict[str, float]]]:
    triggers = record.extensions.get(FIELD, ())
    votes: dict[str, float] = defaultdict(float)
    for trigger in triggers:
        if not trigger.value.get("requires"):
            votes[trigger.value["acled"]] += float(trigger.value["weight"])
    direct = dict(votes)
    used: dict[str, list[eventx.Extension]] = defaultdict(list)
    by_plover: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for trigger in triggers:
        value = trigger.value
        acled = str(value["acled"])
        if value.get("requires"):
            acled = (
                acled if direct.get(str(value["requires"]), 0.0) > 0 else str(value["otherwise"])
            )
            votes[acled] += float(value["weight"])
        used[acled].append(trigger)
        if value.get("plover"):
            by_plover[acled][str(value["plover"])] += float(value["weight"])
    deployments = min(len(record.deployments), FACT_VOTE_CAP)
    arrests = min(sum(1 for c in record.casualties if c.kind == "arrested"), FACT_VOTE_CAP)
    if deployments or arrests:
        votes["strategic_developments"] += FACT_VOTE * (deployments + arrests)
    protest, riot = votes.get("protests", 0.0), votes.get("riots", 0.0)
    if protest > 0 and riot >= RIOT_SHARE * protest:
        votes["riots"] += protest
    return dict(votes), used, by_plover


def decide_event_type(record: eventx.EventRecord) -> eventx.EventType:
    votes, used, by_plover = _votes(record)
    positive = {k: v for k, v in votes.items() if v > 0}
    if not positive:
        return eventx.EventType(acled="other", plover=None, confidence=0.0)
    winner = min(positive, key=lambda t: (-positive[t], PRIORITY.index(t)))
    total = sum(positive.values())
    plover_votes = by_plover.get(winner, {})
    plover = (
        min(plover_votes, key=lambda code: (-plover_votes[code], code))
        if plover_votes
        else PLOVER_DEFAULT.get(winner)
    )
    strongest = sorted(
        used.get(winner, ()), key=lambda t: (-float(t.value["weight"]), t.evidence.start)
    )[:MAX_EVIDENCE]
    evidence = sorted((t.evidence for t in strongest), key=lambda e: e.start)
    return eventx.EventType(
        acled=winner,
        plover=plover,
        confidence=round(positive[winner] / total, 2),
        evidence=evidence,
    )
