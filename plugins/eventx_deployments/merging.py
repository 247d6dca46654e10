"""Merge mentions of one deployment (title, announcement, composition, tasks) into one fact.

Two deployment facts are the same deployment when nothing they state contradicts: force kinds
agree (or one is generic: "units", "forces", "reinforcements"), actors agree (same text, one
inside the other, or the same country), destinations agree (same place or same country), sizes
overlap, and both are withdrawals or neither is. "Texas sends 250 troops" and "Arizona sends
150 troops" differ in actor and size, so they stay two facts.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

import eventx
from eventx_deployments.lexicons import GENERIC_FORCE_KINDS
from eventx_deployments.mentions import Attribute, kinds_compatible


def _norm(text: str | None) -> str:
    return eventx.normalize_string(text or "").strip()


def _actors_agree(a: eventx.Deployment, b: eventx.Deployment) -> bool:
    if a.actor is None or b.actor is None:
        return True
    if a.actor_country and b.actor_country:
        return a.actor_country == b.actor_country
    x, y = _norm(a.actor), _norm(b.actor)
    return x in y or y in x


def _destinations_agree(a: eventx.Deployment, b: eventx.Deployment) -> bool:
    """Only resolved destinations can disagree: an unresolved surface form ("إلى المنطقة")
    may name a place inside a resolved one."""
    if a.destination_country and b.destination_country:
        return a.destination_country == b.destination_country
    return True


def _sizes_agree(a: eventx.Quantity | None, b: eventx.Quantity | None) -> bool:
    if a is None or b is None:
        return True
    lo_a, hi_a = a.min if a.min is not None else 0, a.max if a.max is not None else 1 << 62
    lo_b, hi_b = b.min if b.min is not None else 0, b.max if b.max is not None else 1 << 62
    return lo_a <= hi_b and lo_b <= hi_a


def same_deployment(a: eventx.Deployment, b: eventx.Deployment) -> bool:
    """Whether two facts can describe one deployment (nothing they state contradicts)."""
    return (
        (a.status == "withdrawn") == (b.status == "withdrawn")
        and kinds_compatible(a.force_kind, b.force_kind)
        and _actors_agree(a, b)
        and _destinations_agree(a, b)
        and _sizes_agree(a.size, b.size)
        and (
            not a.contributors
            or not b.contributors
            or bool(set(a.contributors) & set(b.contributors))
        )
    )


def _informativeness(fact: eventx.Deployment) -> int:
    """How much a mention says: the fact's evidence is its most informative mention."""
    return (
        4 * (fact.size is not None)
        + 2 * (fact.destination is not None)
        + (fact.actor is not None)
        + (fact.force_kind not in GENERIC_FORCE_KINDS)
    )


def _first(values: Iterable[str | None]) -> str | None:
    return next((v for v in values if v), None)


def combine(parts: Sequence[eventx.Deployment]) -> eventx.Deployment:
    """One fact from mentions of the same deployment (``parts`` in text order)."""
    if len(parts) == 1 and parts[0].mentions:
        return parts[0]
    # The title line summarises the body: prefer body mentions as the evidence.
    primary = max(
        parts, key=lambda f: (_informativeness(f), f.evidence.sentence != 0, -f.evidence.start)
    )
    specific = [f for f in parts if f.force_kind not in GENERIC_FORCE_KINDS]
    force_from = primary if primary in specific or not specific else specific[0]
    with_actor = sorted(
        (f for f in parts if f.actor), key=lambda f: (f.actor_country is None, f is not primary)
    )
    actor_from = with_actor[0] if with_actor else None
    # A resolved destination (with a country) over an unresolved surface form.
    with_destination = sorted(
        (f for f in parts if f.destination),
        key=lambda f: (f.destination_country is None, f is not primary),
    )
    destination_from = with_destination[0] if with_destination else None
    contributors: list[str] = []
    for fact in parts:
        contributors.extend(c for c in fact.contributors if c not in contributors)
    mentions: dict[tuple[int, int], eventx.Evidence] = {}
    for fact in parts:
        for evidence in (fact.evidence, *fact.mentions):
            mentions.setdefault((evidence.start, evidence.end), evidence)
    return attrs.evolve(
        primary,
        force=force_from.force,
        force_kind=force_from.force_kind,
        actor=actor_from.actor if actor_from else None,
        actor_country=actor_from.actor_country if actor_from else None,
        contributors=contributors,
        destination=destination_from.destination if destination_from else None,
        destination_country=destination_from.destination_country if destination_from else None,
        size=primary.size or next((f.size for f in parts if f.size), None),
        # The evidence's own status: "تعتزم ... إرسال" stays planned even if the title says "نشر".
        status=primary.status,
        purpose=_first(f.purpose for f in parts),
        # Only the evidence's own date: other mentions are often background ("في عام 2016").
        date=primary.date,
        mentions=[mentions[k] for k in sorted(mentions)],
    )


def merge_deployments(facts: Sequence[eventx.Deployment]) -> list[eventx.Deployment]:
    """Group facts of one deployment (greedy, in text order) and combine each group."""
    ordered = sorted(facts, key=lambda f: (f.evidence.start, f.evidence.end))
    groups: list[list[eventx.Deployment]] = []
    merged: list[eventx.Deployment] = []  # the combined fact of each group so far
    for fact in ordered:
        for n in range(len(groups) - 1, -1, -1):  # the most recent compatible group
            if same_deployment(merged[n], fact):
                groups[n].append(fact)
                merged[n] = combine(groups[n])
                break
        else:
            groups.append([fact])
            merged.append(combine([fact]))
    return sorted(merged, key=lambda f: (f.evidence.start, f.evidence.end))


def attach(facts: list[eventx.Deployment], attribute: Attribute) -> list[eventx.Deployment]:
    """Add a composition or tasks sentence to the deployment of the same kind it describes:
    the nearest one before it, else the nearest after it. Unattached attributes are dropped."""
    if attribute.kind in GENERIC_FORCE_KINDS:
        return facts
    same_kind = [n for n, f in enumerate(facts) if f.force_kind == attribute.kind]
    if not same_kind:
        return facts
    before = [n for n in same_kind if facts[n].evidence.start <= attribute.evidence.start]
    n = before[-1] if before else same_kind[0]
    fact = facts[n]
    contributors = list(fact.contributors)
    contributors.extend(c for c in attribute.contributors if c not in contributors)
    mentions = sorted(
        {*fact.mentions, fact.evidence, attribute.evidence}, key=lambda e: (e.start, e.end)
    )
    updated = attrs.evolve(
        fact,
        contributors=contributors,
        purpose=fact.purpose or attribute.purpose,
        mentions=mentions,
    )
    return [*facts[:n], updated, *facts[n + 1 :]]
