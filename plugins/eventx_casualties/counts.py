"""Counts that may be the number of a claim: quantities, duals and singular victims.

Quantities come from the shared number module; those that count something other than people
(dates, years, ages, distances, money: ``[units]`` in the lexicon) are left out. Dual nouns
(``شقيقين``) count two; a singular victim noun next to a trigger (``مقتل شرطي``) or after an
article (``a soldier was killed``) counts one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import eventx

from .pieces import Count, Trigger
from .vocabulary import Scan, Vocabulary

# English years written alone ("in 1972") look like counts; a four-digit number in this range is
# taken as a year unless a victim noun follows it.
_YEARS = range(1900, 2101)


def overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def find_counts(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    lexicon: Scan,
    triggers: Sequence[Trigger],
    date_spans: Sequence[tuple[int, int]],
) -> list[Count]:
    tokens = doc.tokens
    trigger_tokens = {i for t in triggers for i in range(t.first_token, t.last_token + 1)}
    victims_after = {m.first_token: m for m in lexicon.singular}
    found: list[Count] = []
    for q in eventx.find_quantities(doc):
        if overlaps(q.start, q.end, date_spans):
            continue
        if q.first_token in trigger_tokens and q.qualifier == "unspecified":
            continue
        if not _counts_people(doc, vocab, q, victims_after):
            continue
        if q.first_token > 0 and tokens[q.first_token - 1].norm in vocab.negation:
            continue  # "no one was killed" reports no victims
        found.append(
            Count(
                quantity=q.quantity,
                qualifier=q.qualifier,
                first_token=q.first_token,
                last_token=q.last_token,
                start=q.start,
                end=q.end,
                origin="quantity",
            )
        )
    taken = {i for c in found for i in range(c.first_token, c.last_token + 1)} | trigger_tokens
    for dual in lexicon.dual:
        if not taken.intersection(range(dual.first_token, dual.last_token + 1)):
            found.append(fixed_count(dual.first_token, dual.last_token, doc, 2, "dual"))
    found.extend(_singulars(doc, vocab, lexicon.singular, triggers, taken))
    found.sort(key=lambda c: c.first_token)
    return found


def fixed_count(first: int, last: int, doc: eventx.AnnotatedDocument, n: int, origin: str) -> Count:
    tokens = doc.tokens
    return Count(
        quantity=eventx.Quantity.exact(n),
        qualifier="exact",
        first_token=first,
        last_token=last,
        start=tokens[first].start,
        end=tokens[last].end,
        origin=origin,
    )


def _counts_people(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    q: eventx.QuantityMatch,
    victims_after: dict[int, Any],
) -> bool:
    """False for quantities of years, hours, kilometres, money... and for "how many"."""
    tokens = doc.tokens
    before = tokens[q.first_token - 1].norm if q.first_token > 0 else ""
    before2 = " ".join(t.norm for t in tokens[max(q.first_token - 2, 0) : q.first_token])
    if before in vocab.grammar.question_words:
        return False
    if q.qualifier not in ("vague", "unspecified") and (
        before in vocab.before_units or before2 in vocab.before_units
    ):
        return False
    k = q.last_token + 1
    while k < len(tokens) and tokens[k].norm in {"-", "("}:
        k += 1
    if k < len(tokens):
        after = tokens[k]
        if any(form in vocab.units for form in after.forms):
            return False
        if any(form.split("-")[0] in vocab.units for form in after.forms if "-" in form):
            return False  # "14-year-old"
    number = q.number
    return not (
        number is not None
        and q.qualifier == "exact"
        and number.value in _YEARS
        and number.text.isdigit()
        and len(number.text) == 4
        and k not in victims_after
    )


def _singulars(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    victims: Sequence[eventx.PhraseMatch[int]],
    triggers: Sequence[Trigger],
    taken: set[int],
) -> Iterator[Count]:
    """One victim: "مقتل شخص" (a bare noun right after a trigger), "a soldier", "an Afghan hurt"."""
    tokens = doc.tokens
    grammar = vocab.grammar
    if not vocab.articles:  # "مقتل شرطي": a bare singular noun next to a trigger
        trigger_ends = {t.last_token for t in triggers if t.role == "term"}
        trigger_starts = {t.first_token for t in triggers if t.role == "term"}
        for victim in victims:
            token = tokens[victim.first_token]
            indefinite = not grammar.definite_prefix or not any(
                f.startswith(grammar.definite_prefix) for f in (token.norm, *token.stems[:1])
            )
            next_to_trigger = (
                victim.first_token - 1 in trigger_ends  # "مقتل شرطي"
                or victim.last_token + 1 in trigger_starts  # "لقي جندي مصرعه"
            )
            counted_noun = victim.first_token - 1 in taken and victim.first_token - 1 not in (
                trigger_ends
            )  # "1,200 شخص": the noun a number counts, not one more victim
            if (
                next_to_trigger
                and indefinite
                and not counted_noun
                and victim.first_token not in taken
            ):
                yield fixed_count(victim.first_token, victim.last_token, doc, 1, "singular")
        return
    victim_by_first = {v.first_token: v for v in victims}
    trigger_starts = {t.first_token for t in triggers}
    for i, token in enumerate(tokens):
        if token.norm not in vocab.articles or i in taken:
            continue
        sentence = doc.sentence_index_at(token.start)
        for k in range(i + 1, min(i + 5, len(tokens))):
            if doc.sentence_index_at(tokens[k].start) != sentence or k in taken:
                break
            if k in victim_by_first:
                yield fixed_count(i, victim_by_first[k].last_token, doc, 1, "singular")
                break
            capitalised = tokens[k].text[:1].isupper()
            if k == i + 1 and capitalised and k + 1 in trigger_starts:
                yield fixed_count(i, k, doc, 1, "singular")  # "an Afghan injured"
                break
            if (
                not tokens[k].norm[:1].isalpha()
                and tokens[k].norm != "-"
                and not tokens[k].norm.isdigit()
            ):
                break
