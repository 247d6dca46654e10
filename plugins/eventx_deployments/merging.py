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


class _Group:
    """Facts of one deployment so far, with what :func:`combine` would pick from them kept up to
    date fact by fact: comparing a new fact with the group then costs the same whatever the
    group's size (recombining every part per fact was quadratic in a long document)."""

    def __init__(self, fact: eventx.Deployment) -> None:
        self.parts = [fact]
        self.primary = fact
        self.first_specific = fact if fact.force_kind not in GENERIC_FORCE_KINDS else None
        self.first_actor = fact if fact.actor else None
        self.first_actor_with_country = (
            fact if fact.actor and fact.actor_country is not None else None
        )
        self.first_destination = fact if fact.destination else None
        self.first_destination_with_country = (
            fact if fact.destination and fact.destination_country is not None else None
        )
        self.first_size = fact.size if fact.size else None
        self.contributors: list[str] = []
        self._contributor_set: set[str] = set()
        self._add_contributors(fact)
        self.view = self._view()

    def add(self, fact: eventx.Deployment) -> None:
        self.parts.append(fact)
        if _primary_key(fact) > _primary_key(self.primary):  # max() keeps the first maximum
            self.primary = fact
        if self.first_specific is None and fact.force_kind not in GENERIC_FORCE_KINDS:
            self.first_specific = fact
        if self.first_actor is None and fact.actor:
            self.first_actor = fact
        if self.first_actor_with_country is None and fact.actor and fact.actor_country is not None:
            self.first_actor_with_country = fact
        if self.first_destination is None and fact.destination:
            self.first_destination = fact
        if (
            self.first_destination_with_country is None
            and fact.destination
            and fact.destination_country is not None
        ):
            self.first_destination_with_country = fact
        if self.first_size is None and fact.size:
            self.first_size = fact.size
        self._add_contributors(fact)
        self.view = self._view()

    def _add_contributors(self, fact: eventx.Deployment) -> None:
        for contributor in fact.contributors:
            if contributor not in self._contributor_set:
                self._contributor_set.add(contributor)
                self.contributors.append(contributor)

    def _view(self) -> eventx.Deployment:
        """The fields :func:`same_deployment` compares, as :func:`combine` sets them."""
        primary = self.primary
        specific = primary.force_kind not in GENERIC_FORCE_KINDS
        force_from = primary if specific or self.first_specific is None else self.first_specific
        # combine() sorts by (country is None, is not primary) and takes the first.
        if primary.actor and primary.actor_country is not None:
            actor_from: eventx.Deployment | None = primary
        elif self.first_actor_with_country is not None:
            actor_from = self.first_actor_with_country
        else:
            actor_from = primary if primary.actor else self.first_actor
        if primary.destination and primary.destination_country is not None:
            destination_from: eventx.Deployment | None = primary
        elif self.first_destination_with_country is not None:
            destination_from = self.first_destination_with_country
        else:
            destination_from = primary if primary.destination else self.first_destination
        return attrs.evolve(
            primary,
            force_kind=force_from.force_kind,
            actor=actor_from.actor if actor_from else None,
            actor_country=actor_from.actor_country if actor_from else None,
            contributors=list(self.contributors),
            destination_country=(
                destination_from.destination_country if destination_from else None
            ),
            size=primary.size or self.first_size,
        )


def _primary_key(fact: eventx.Deployment) -> tuple[int, bool, int]:
    return (_informativeness(fact), fact.evidence.sentence != 0, -fact.evidence.start)


def merge_deployments(facts: Sequence[eventx.Deployment]) -> list[eventx.Deployment]:
    """Group facts of one deployment (greedy, in text order) and combine each group."""
    ordered = sorted(facts, key=lambda f: (f.evidence.start, f.evidence.end))
    groups: list[_Group] = []
    for fact in ordered:
        for n in range(len(groups) - 1, -1, -1):  # the most recent compatible group
            if same_deployment(groups[n].view, fact):
                groups[n].add(fact)
                break
        else:
            groups.append(_Group(fact))
    merged = [combine(group.parts) for group in groups]
    return sorted(merged, key=lambda f: (f.evidence.start, f.evidence.end))


def attach(facts: list[eventx.Deployment], attribute: Attribute) -> list[eventx.Deployment]:
    """Add a composition or tasks sentence to the deployment of the same kind it describes:
    the nearest one before it, else the nearest after it. Unattached attributes are dropped."""
    return attach_all(facts, [attribute])


def attach_all(
    facts: list[eventx.Deployment], attributes: Sequence[Attribute]
) -> list[eventx.Deployment]:
    """:func:`attach` each attribute in turn, updating each deployment once (attaching one by
    one re-sorted a deployment's growing mentions per attribute: quadratic in a long document).
    Which deployment an attribute joins depends only on force kinds and evidence, which
    attaching does not change."""
    targets: dict[int, list[Attribute]] = {}
    for attribute in attributes:
        if attribute.kind in GENERIC_FORCE_KINDS:
            continue
        same_kind = [n for n, f in enumerate(facts) if f.force_kind == attribute.kind]
        if not same_kind:
            continue
        before = [n for n in same_kind if facts[n].evidence.start <= attribute.evidence.start]
        targets.setdefault(before[-1] if before else same_kind[0], []).append(attribute)
    if not targets:
        return facts
    updated = list(facts)
    for n, attached in targets.items():
        fact = facts[n]
        contributors = list(fact.contributors)
        seen = set(contributors)
        purpose = fact.purpose
        evidence = {*fact.mentions, fact.evidence}
        for attribute in attached:
            for contributor in attribute.contributors:
                if contributor not in seen:
                    seen.add(contributor)
                    contributors.append(contributor)
            purpose = purpose or attribute.purpose
            evidence.add(attribute.evidence)
        updated[n] = attrs.evolve(
            fact,
            contributors=contributors,
            purpose=purpose,
            mentions=sorted(evidence, key=lambda e: (e.start, e.end)),
        )
    return updated
