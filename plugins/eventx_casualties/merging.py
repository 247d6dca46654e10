"""Casualty claims across mentions: what counts as the same claim, and which figure is reported.

*Same claim.* News repeats its figure in the title, the lead and the body ("مصرع 26 مجرما مسلحا"
three times). Two claims are one when they have the same kind, the same stated figure (``count``,
or the same ``min``/``max`` for vague amounts), and compatible groups (equal, one containing the
other, or one unknown). The merged claim takes its figure and ``evidence`` from
the best-stated mention (the body over the headline, which drops hedges; in the body a hedged
statement over bare repetitions: "قتل عشرون شخصا على الأقل" over a later "عشرين قتيلا"; then
the earliest), keeps every mention in ``mentions``, and fills group, source and date from whichever mention has them. Following the gold conventions, one claim is one (kind, figure, group):
the same figure from two sources is one claim (the first source is kept), different figures
stay separate claims. Different labels count as compatible across sentences (a title's "رجل
شرطة" is the body's "عنصر أمني") but not within one sentence ("two soldiers and two women").

*Background.* A claim is ``background`` (victims of history the article recalls) when every
mention of it is; one mention in a sentence dated as current news, or undated (a headline),
makes it the article's own.

*Totals* (policy ``"max_lower_bound"``). For each kind the record reports the claim that
guarantees the most victims: the largest lower bound (``min``, else ``count``), ignoring subsets
("including 4 children") and background claims (as the record's ``time`` leaves out background
dates): a kind with background claims only has no total. Claims are never added up, because an article's figures usually
restate or update one toll rather than count separate victims; every claim stays in
``casualties`` for users who need a different policy (implement ``eventx_casualty_totals``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import attrs

import eventx

POLICY = "max_lower_bound"


def _norm(text: str | None) -> str | None:
    if text is None:
        return None
    return " ".join(eventx.normalize_string(text).split()) or None


def _compatible(a: str | None, b: str | None) -> bool:
    na, nb = _norm(a), _norm(b)
    return na is None or nb is None or na == nb or na in nb or nb in na


def _same_figure(a: eventx.Casualty, b: eventx.Casualty) -> bool:
    if a.count is not None or b.count is not None:
        return a.count == b.count
    return (a.min, a.max) == (b.min, b.max)


def same_claim(a: eventx.Casualty, b: eventx.Casualty) -> bool:
    """Whether two casualty facts state the same claim (see the module docstring)."""
    if a.kind != b.kind or a.subset != b.subset or not _same_figure(a, b):
        return False
    if _compatible(a.group, b.group):
        return True
    # A title and a body often label the same victims differently ("رجل شرطة" / "عنصر أمني");
    # inside one sentence, different labels are different people ("two soldiers and two women").
    return a.evidence.sentence != b.evidence.sentence


def headline_end(document: eventx.Document | None) -> int:
    """End offset of the document's headline, 0 if it has none.

    The headline is ``document.title`` when the text starts with it, else a first line with no
    sentence-final punctuation followed by more text (how scraped news is usually laid out).
    """
    if document is None:
        return 0
    text = document.text
    if document.title and text.startswith(document.title):
        return len(document.title)
    line_end = text.find("\n")
    if line_end <= 0:
        return 0
    line = text[:line_end].rstrip()
    if not line or line[-1] in ".!?؟…" or not text[line_end:].strip():
        return 0
    return line_end


def _preference(claim: eventx.Casualty, headline: int) -> tuple[bool, bool, int]:
    # Headlines drop hedges ("19 قتيلا" for "قتل نحو 19 شخصا"): the body's statement wins. A hedge
    # written anywhere in the body is information the bare repetitions leave out, so it wins too.
    in_headline = claim.evidence.end <= headline
    return (in_headline, claim.qualifier in (None, "exact"), claim.evidence.start)


def _merge_cluster(cluster: Sequence[eventx.Casualty], headline: int) -> eventx.Casualty:
    chosen = min(cluster, key=lambda c: _preference(c, headline))
    mentions = {e for c in cluster for e in (c.mentions or (c.evidence,))}

    def first_known(attribute: str) -> str | None:
        for claim in (chosen, *cluster):
            value = getattr(claim, attribute)
            if value:
                return str(value)
        return None

    return attrs.evolve(
        chosen,
        group=first_known("group"),
        source=first_known("source"),
        date=first_known("date"),
        # One mention dated as today's news (or undated: a headline) makes the claim current.
        background=all(c.background for c in cluster),
        mentions=tuple(_in_total_order(mentions, _evidence_span)),
    )


class _Cluster:
    """Mentions of one claim, with what is needed to test a new mention in constant time.

    A mention joins when any member is the same claim (:func:`same_claim`). Members share kind,
    figure and subset flag (the bucket); what remains is "compatible group, or another
    sentence". Once members span two sentences every new mention is in another sentence than
    one of them, so only single-sentence clusters need their groups compared.
    """

    def __init__(self, first: eventx.Casualty) -> None:
        self.members = [first]
        self.sentences = {first.evidence.sentence}

    def accepts(self, fact: eventx.Casualty) -> bool:
        if len(self.sentences) > 1 or fact.evidence.sentence not in self.sentences:
            return True
        return any(_compatible(member.group, fact.group) for member in self.members)

    def add(self, fact: eventx.Casualty) -> None:
        self.members.append(fact)
        if len(self.sentences) < 2:
            self.sentences.add(fact.evidence.sentence)


_T = TypeVar("_T")


def _evidence_span(evidence: eventx.Evidence) -> tuple[int, int]:
    return evidence.start, evidence.end


def _claim_span(claim: eventx.Casualty) -> tuple[int, int]:
    return claim.evidence.start, claim.evidence.end


def _in_total_order(items: Iterable[_T], span: Callable[[_T], tuple[int, int]]) -> list[_T]:
    """``sorted(items, key=lambda x: (*span(x), repr(x)))``, with the repr made only for items
    that share their span (the repr of a whole fact is its costliest part, and ties are rare)."""
    ordered = sorted(items, key=span)
    spans = [span(item) for item in ordered]
    i = 0
    while i < len(ordered):
        j = i + 1
        while j < len(ordered) and spans[j] == spans[i]:
            j += 1
        if j - i > 1:
            ordered[i:j] = sorted(ordered[i:j], key=repr)
        i = j
    return ordered


def _bucket(claim: eventx.Casualty) -> tuple[object, ...]:
    figure = ("count", claim.count) if claim.count is not None else ("range", claim.min, claim.max)
    return (claim.kind, claim.subset, *figure)


def merge_casualties(
    facts: Sequence[eventx.Casualty], document: eventx.Document | None = None
) -> list[eventx.Casualty]:
    """One fact per distinct claim, in order of first mention."""
    # A total order, so the result never depends on the order extractors emitted facts in.
    ordered = _in_total_order(facts, _claim_span)
    clusters: list[_Cluster] = []
    buckets: dict[tuple[object, ...], list[_Cluster]] = {}
    for fact in ordered:
        candidates = buckets.setdefault(_bucket(fact), [])
        for cluster in candidates:
            if cluster.accepts(fact):
                cluster.add(fact)
                break
        else:
            cluster = _Cluster(fact)
            candidates.append(cluster)
            clusters.append(cluster)
    headline = headline_end(document)
    return [_merge_cluster(cluster.members, headline) for cluster in clusters]


def _lower_bound(claim: eventx.Casualty) -> int:
    if claim.min is not None:
        return claim.min
    if claim.count is not None:
        return claim.count
    return -1  # "many were hurt": no figure at all


def casualty_totals(casualties: Sequence[eventx.Casualty]) -> list[eventx.CasualtyTotal]:
    """Per-kind totals under policy ``"max_lower_bound"`` (see the module docstring)."""
    totals: list[eventx.CasualtyTotal] = []
    for kind in eventx.CASUALTY_KINDS:
        claims = [c for c in casualties if c.kind == kind and not c.background]
        if not claims:
            continue
        candidates = [c for c in claims if not c.subset] or claims
        best = max(
            candidates,
            key=lambda c: (
                _lower_bound(c),
                c.count is not None,
                not c.approximate,
                -c.evidence.start,
            ),
        )
        totals.append(
            eventx.CasualtyTotal(
                kind=kind,
                count=best.count,
                min=best.min,
                max=best.max,
                approximate=best.approximate,
                policy=POLICY,
                claims=len(claims),
            )
        )
    return totals
