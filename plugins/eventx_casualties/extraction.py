"""Casualty claims from one document: triggers paired with counts, sentence by sentence.

The steps, per sentence:

1. *Triggers* of each kind come from the lexicon (``مقتل``, ``أصيب``, ``arrested``...).
2. *Counts* are the quantities the shared number module finds (digits, words, qualifiers, vague
   amounts), dual nouns (``شقيقين`` -> 2), and one victim for a singular noun right after a
   trigger (``مقتل شخص``) or after an English article (``a soldier was killed``). Numbers that
   are dates, years, ages, distances or money are left out.
3. *Pairing*: each (count, trigger) pair within a few tokens in the same sentence gets a cost
   (distance, plus a penalty for the order the language uses less); pairs are taken cheapest
   first, each count and trigger once. A gap may not cross punctuation, another trigger or
   another count. A count coordinated with a paired one ("two soldiers and an Afghan were
   hurt") shares its trigger; one after ``بينهم``/``including`` is a subset of the figure before.
4. *Negation*: a trigger shortly after ``لم``/``no`` reports no victims: no claim, no number.
5. Each claim gets its group (the counted noun as written; ``آخرين``/``others`` reuse the
   previous group), its source (an "according to" phrase, else a statement in the same
   sentence) and its date (the nearest resolved date).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import eventx

from .claims import ClaimReader
from .counts import Spans, find_counts
from .pairing import is_negated, is_sports_injury, pair, tokens_after_release
from .pieces import Count, Trigger
from .vocabulary import Scan, scan, vocabulary


def scanned_triggers(found: Scan) -> list[Trigger]:
    """The trigger matches of a document's lexicon scan as pairing pieces, in document order."""
    return [
        Trigger(
            kind=m.value.kind,
            role=m.value.role,
            first_token=m.first_token,
            last_token=m.last_token,
            start=m.start,
            end=m.end,
        )
        for m in found.triggers
    ]


def extract_casualties(ctx: eventx.ExtractionContext) -> Iterator[eventx.Casualty]:
    """Every casualty claim in the document, in document order (merging comes later)."""
    vocab = vocabulary(ctx.language)
    doc = ctx.annotation
    if not doc.tokens or vocab.phrases.size == 0:
        return
    found = scan(vocab, doc)
    triggers = scanned_triggers(found)
    date_spans = Spans(
        (d.evidence.start, d.evidence.end) for d in ctx.facts("dates") if d.value is not None
    )
    released = tokens_after_release(found.released)
    # Counts pair only with a trigger of their own sentence: read those sentences' counts.
    sentence_of = [i for i, sentence in enumerate(doc.sentences) for _ in sentence.tokens]
    with_trigger = {sentence_of[t.first_token] for t in triggers}
    counts = [
        c
        for c in find_counts(doc, vocab, found, triggers, date_spans, with_trigger)
        if c.first_token not in released
    ]
    reader = ClaimReader(ctx, vocab, found, date_spans)
    # Bucket everything by sentence once: long documents stay linear.
    by_sentence: dict[int, tuple[list[Trigger], list[Count], list[Any], list[Any]]] = {}

    for trigger in triggers:
        _bucket(by_sentence, sentence_of[trigger.first_token])[0].append(trigger)
    for count in counts:
        _bucket(by_sentence, sentence_of[count.first_token])[1].append(count)
    for match in found.subset:
        _bucket(by_sentence, sentence_of[match.first_token])[2].append(match)
    for match in found.released:
        _bucket(by_sentence, sentence_of[match.first_token])[3].append(match)
    base = 0
    for index, sentence in enumerate(doc.sentences):
        first = base
        base += len(sentence.tokens)
        if index not in by_sentence:
            continue
        s_triggers, s_counts, s_subsets, s_released = by_sentence[index]
        if not s_triggers:
            continue
        negated = [
            t
            for t in s_triggers
            if is_negated(doc, vocab, t, first, s_released)
            or is_sports_injury(doc, vocab, t, first, base)
        ]
        s_triggers = [t for t in s_triggers if t not in negated]
        occupied = {i for t in negated for i in range(t.first_token, t.last_token + 1)}
        for pairing in pair(doc, vocab, s_triggers, s_counts, occupied, s_subsets):
            yield reader.claim(pairing)


def _bucket(
    by_sentence: dict[int, tuple[list[Trigger], list[Count], list[Any], list[Any]]], sentence: int
) -> tuple[list[Trigger], list[Count], list[Any], list[Any]]:
    """The sentence's (triggers, counts, subset matches, released matches), made on first use."""
    return by_sentence.setdefault(sentence, ([], [], [], []))
