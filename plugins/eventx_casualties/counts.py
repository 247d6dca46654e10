"""Counts that may be the number of a claim: quantities, duals and singular victims.

Quantities come from the shared number module; those that count something other than people
(dates, years, ages, distances, money: ``[units]`` in the lexicon) are left out, and so are
figures per period ("8 million people a year": ``[units] per_period``), which are statistics. Dual nouns
(``شقيقين``) count two; a singular victim noun next to a trigger (``مقتل شرطي``) or after an
article (``a soldier was killed``) counts one.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Container, Iterable, Iterator, Sequence
from typing import Any, Protocol

import eventx

from .pieces import Count, Trigger
from .vocabulary import Scan, Vocabulary

# English years written alone ("in 1972") look like counts; a four-digit number in this range is
# taken as a year unless a victim noun follows it.
_YEARS = range(1900, 2101)


class Spans:
    """Character spans (the dates) asked, for every number and token, whether one overlaps
    ``[start, end)``: a bisection instead of a walk over all of them (long texts stay linear)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.spans: tuple[tuple[int, int], ...] = tuple(ordered)
        self._starts = [a for a, _ in ordered]
        # _reach[k]: the furthest end among the first k + 1 spans (by start).
        self._reach = list(itertools.accumulate((b for _, b in ordered), max))

    def __iter__(self) -> Iterator[tuple[int, int]]:
        return iter(self.spans)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether some span ``(a, b)`` has ``start < b and a < end``."""
        k = bisect.bisect_left(self._starts, end)  # the spans starting before ``end``
        return k > 0 and self._reach[k - 1] > start


def overlaps(start: int, end: int, spans: Spans) -> bool:
    return spans.overlaps(start, end)


class TokenSet(Protocol):
    """Token indices: a set, or :class:`_Taken`."""

    def __contains__(self, token: object) -> bool: ...

    def add(self, token: int) -> None: ...


def _every(_token: int) -> bool:
    return True


class _Taken:
    """The token indices a count or a trigger holds, asked token by token.

    A quantity is tested as a count (``is_count``, which reads the words around it) only when
    one of its tokens is asked about: the rules ask about tokens next to victim nouns, duals
    and triggers, and most of an article's numbers are nowhere near one. The answers are those
    of the set of every count's and trigger's tokens.
    """

    def __init__(
        self, held: set[int], covering: dict[int, list[int]], is_count: Callable[[int], bool]
    ) -> None:
        self._held = held
        self._covering = covering  # token index -> the quantities (by index) spanning it
        self._is_count = is_count

    def __contains__(self, token: object) -> bool:
        if token in self._held:
            return True
        return isinstance(token, int) and any(
            self._is_count(n) for n in self._covering.get(token, ())
        )

    def add(self, token: int) -> None:
        self._held.add(token)


class _CountJudge:
    """Whether quantity ``n`` counts people (answered once per quantity, on first demand), and
    whether a token lies in a wanted sentence. (A class, not closures: compiled by mypyc, a
    closure makes a reference cycle per call.)"""

    def __init__(
        self,
        doc: eventx.AnnotatedDocument,
        vocab: Vocabulary,
        lexicon: Scan,
        quantities: list[eventx.QuantityMatch],
        trigger_tokens: set[int],
        date_spans: Spans,
        sentences: Container[int] | None,
    ) -> None:
        self.doc = doc
        self.vocab = vocab
        self.victims_after = {m.first_token: m for m in lexicon.singular}
        self.quantities = quantities
        self.trigger_tokens = trigger_tokens
        self.date_spans = date_spans
        self.sentences = sentences
        self.verdicts: dict[int, bool] = {}

    def is_count(self, n: int) -> bool:
        verdict = self.verdicts.get(n)
        if verdict is None:
            q = self.quantities[n]
            tokens = self.doc.tokens
            verdict = self.verdicts[n] = not (
                overlaps(q.start, q.end, self.date_spans)
                or (q.first_token in self.trigger_tokens and q.qualifier == "unspecified")
                or not _counts_people(self.doc, self.vocab, q, self.victims_after)
                # "no one was killed" reports no victims
                or (q.first_token > 0 and tokens[q.first_token - 1].norm in self.vocab.negation)
            )
        return verdict

    def wanted(self, token: int) -> bool:
        sentences = self.sentences
        return (
            sentences is None
            or bisect.bisect_right(self.doc.sentence_token_offsets, token) - 1 in sentences
        )


def find_counts(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    lexicon: Scan,
    triggers: Sequence[Trigger],
    date_spans: Spans,
    sentences: Container[int] | None = None,
) -> list[Count]:
    """The counts of the document, or of the sentences (indices) in ``sentences``: counts
    pair only with a trigger of their sentence, so the extractor asks for the sentences that
    have one. The counts of a sentence are the same whichever sentences are asked for."""
    trigger_tokens = {i for t in triggers for i in range(t.first_token, t.last_token + 1)}
    quantities = _ranges(doc, vocab, list(eventx.find_quantities(doc)))
    judge = _CountJudge(doc, vocab, lexicon, quantities, trigger_tokens, date_spans, sentences)
    is_count, wanted = judge.is_count, judge.wanted
    found: list[Count] = [
        Count(
            quantity=q.quantity,
            qualifier=q.qualifier,
            first_token=q.first_token,
            last_token=q.last_token,
            start=q.start,
            end=q.end,
            origin="quantity",
        )
        for n, q in enumerate(quantities)
        if wanted(q.first_token) and is_count(n)
    ]
    covering: dict[int, list[int]] = {}
    for n, q in enumerate(quantities):
        for i in range(q.first_token, q.last_token + 1):
            covering.setdefault(i, []).append(n)
    taken = _Taken(set(trigger_tokens), covering, is_count)
    for dual in lexicon.dual:
        if wanted(dual.first_token) and not any(
            i in taken for i in range(dual.first_token, dual.last_token + 1)
        ):
            found.append(fixed_count(dual.first_token, dual.last_token, doc, 2, "dual"))
    found.extend(
        c
        for c in _singulars(doc, vocab, lexicon.singular, triggers, taken, date_spans, wanted)
        if wanted(c.first_token)
    )
    found.sort(key=lambda c: c.first_token)
    return found


def _ranges(
    doc: eventx.AnnotatedDocument, vocab: Vocabulary, quantities: list[eventx.QuantityMatch]
) -> list[eventx.QuantityMatch]:
    """Two exact numbers joined by a range word make one range: "40 to 70 civilian deaths",
    "two or three soldiers", "10 إلى 15 قتيلا" (the number module needs an opener such as
    "between" for "to"; a claim's count says what it means on its own). A hedge on the first
    hedges the range, which says it already: "some 10 to 20 soldiers", "نحو 10 إلى 15"."""
    joiners = vocab.grammar.range_joiners
    if not joiners:
        return quantities
    tokens = doc.tokens
    merged: list[eventx.QuantityMatch] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if (
            nxt is not None
            and q.qualifier in ("exact", "about", "nearly")
            and nxt.qualifier == "exact"
            and nxt.first_token == q.last_token + 2
            and tokens[q.last_token + 1].norm in joiners
            and q.quantity.count is not None
            and nxt.quantity.count is not None
            and q.quantity.count < nxt.quantity.count
        ):
            merged.append(
                eventx.QuantityMatch(
                    start=q.start,
                    end=nxt.end,
                    text=doc.text[q.start : nxt.end],
                    quantity=eventx.Quantity(
                        count=None, min=q.quantity.count, max=nxt.quantity.count, approximate=True
                    ),
                    qualifier="range",
                    first_token=q.first_token,
                    last_token=nxt.last_token,
                    number=q.number,
                )
            )
            i += 2
            continue
        merged.append(q)
        i += 1
    return merged


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


def _definite(token: eventx.Token, prefix: str) -> bool:
    """The token carries the definite article ("الأربع", "بالمئة"; not "ألف", normalised "الف")."""
    return any(
        f.startswith(prefix) and len(f) - len(prefix) > 2 and f[len(prefix) :] in token.forms
        for f in token.forms
    )


def _counts_people(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    q: eventx.QuantityMatch,
    victims_after: dict[int, Any],
) -> bool:
    """False for quantities of years, hours, kilometres, money... and for "how many"."""
    tokens = doc.tokens
    grammar = vocab.grammar
    before = tokens[q.first_token - 1].norm if q.first_token > 0 else ""
    before2 = " ".join(t.norm for t in tokens[max(q.first_token - 2, 0) : q.first_token])
    if before in grammar.question_words:
        return False
    if q.qualifier not in ("vague", "unspecified") and (
        before in vocab.before_units or before2 in vocab.before_units
    ):
        return False
    if (
        grammar.definite_prefix
        and q.qualifier == "exact"
        and not any(ch.isdigit() for ch in tokens[q.first_token].norm)
        and _definite(tokens[q.first_token], grammar.definite_prefix)
    ):
        return False  # "البطولات الأربع", "مجموعة العشرين", "بالمئة": a definite number qualifies a noun
    k = q.last_token + 1
    while k < len(tokens) and tokens[k].norm in {"-", "("}:
        k += 1
    if k < len(tokens):
        after = tokens[k]
        if any(form in vocab.units for form in after.forms):
            return False
        if k + 1 < len(tokens) and f"{after.norm} {tokens[k + 1].norm}" in vocab.units:
            return False  # a unit of two words: "22 في المئة"
        if any(form.split("-")[0] in vocab.units for form in after.forms if "-" in form):
            return False  # "14-year-old"
        if _per_period(tokens, vocab, k):
            return False  # "8 million people a year": a rate, not the victims of an event
    number = q.number
    return not (
        number is not None
        and q.qualifier == "exact"
        and number.value in _YEARS
        and number.text.isdigit()
        and len(number.text) == 4
        and k not in victims_after
    )


# Most words between a figure and the period that makes it a rate ("people die every year").
_RATE_REACH = 5


def _per_period(tokens: Sequence[eventx.Token], vocab: Vocabulary, first: int) -> bool:
    """A period word ("a year", "annually", "سنويا", "كل عام") within a few words after a figure,
    in its clause: the figure is a rate. Not when a word such as "after" or "ago" follows the
    period: "killed 10 people a day after the vote" is a time."""
    if not vocab.per_period:
        return False
    for j in range(first, min(first + _RATE_REACH, len(tokens))):
        norm = tokens[j].norm
        if not norm[:1].isalnum() or norm in vocab.clause_breaks:
            return False
        end = None
        if any(form in vocab.per_period for form in tokens[j].forms):
            end = j + 1
        elif j + 1 < len(tokens) and f"{norm} {tokens[j + 1].norm}" in vocab.per_period:
            end = j + 2
        if end is not None:
            return end >= len(tokens) or tokens[end].norm not in vocab.period_exceptions
    return False


def _singulars(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    victims: Sequence[eventx.PhraseMatch[int]],
    triggers: Sequence[Trigger],
    taken: TokenSet,
    date_spans: Spans,
    wanted: Callable[[int], bool] = _every,
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
            # "مقتل الصحفي أحمد علي": a definite victim noun right after the trigger names one
            # person (the merger folds later mentions of the same person into this claim).
            definite_one = victim.first_token - 1 in trigger_ends and not indefinite
            counted_noun = victim.first_token - 1 in taken and victim.first_token - 1 not in (
                trigger_ends
            )  # "1,200 شخص": the noun a number counts, not one more victim
            if (
                next_to_trigger
                and (indefinite or definite_one)
                and not counted_noun
                and victim.first_token not in taken
            ) or (_list_item(doc, vocab, victim) and victim.first_token not in taken):
                taken.add(victim.first_token)
                yield fixed_count(victim.first_token, victim.last_token, doc, 1, "singular")
        yield from _one_victim_subjects(doc, vocab, triggers, taken)
        return
    victim_by_first = {v.first_token: v for v in victims}
    trigger_starts = {t.first_token for t in triggers}
    cased = _cased(doc.text)
    yield from _singular_subjects(doc, vocab, victims, triggers, taken, cased)
    yield from _named_objects(doc, vocab, victims, triggers, taken, date_spans, cased)
    # only tokens with an article among their forms can start one: found in the form index
    index = doc.form_index
    articles = sorted({i for form in index.keys() & vocab.articles for i in index[form]})
    for i in articles:
        token = tokens[i]
        if token.norm not in vocab.articles or not wanted(i) or i in taken:
            continue  # (a count found here starts at i: of a sentence not asked for, unread)
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


_NAME_WORDS = 4  # longest name read after a victim noun: "journalist Maria del Carmen Lopez"
_MODIFIERS = 2  # words before that noun: "aid worker John Smith", "local journalist Ali Omar"


def _cased(text: str) -> bool:
    """Whether capitals mean something in ``text``: it has both capital and small letters.

    Some feeds write everything in small letters, some wire copy everything in capitals; there
    a name is not told by its first letter, so the rules below read a name only after a victim
    noun ("journalist maria lopez was killed")."""
    return any(ch.isupper() for ch in text) and any(ch.islower() for ch in text)


def _named_objects(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    victims: Sequence[eventx.PhraseMatch[int]],
    triggers: Sequence[Trigger],
    taken: TokenSet,
    date_spans: Spans,
    cased: bool = True,
) -> Iterator[Count]:
    """One victim named after an active verb: "Gunmen killed journalist Maria Lopez", "police
    detained the activist Sara Khan". A victim noun, then a capitalised name that ends its
    phrase (punctuation, a stop word). Without the noun a capitalised object may be a thing
    ("executed Project Alpha") or a group ("killed Hamas fighters"), so it is not read."""
    tokens = doc.tokens
    grammar = vocab.grammar
    victim_at = {v.first_token: v for v in victims}
    trigger_tokens = {i for t in triggers for i in range(t.first_token, t.last_token + 1)}
    for trigger in triggers:
        if trigger.role != "term":
            continue
        k = trigger.last_token + 1
        while k < len(tokens) and tokens[k].norm in grammar.determiners:
            k += 1
        first = k
        # up to two modifiers before the noun: "aid worker", "local journalist"
        while (
            k not in victim_at
            and k - first < _MODIFIERS
            and k < len(tokens)
            and tokens[k].text[:1].islower()
            and tokens[k].norm.isalpha()
            and tokens[k].norm not in vocab.stops
            and k not in trigger_tokens
        ):
            k += 1
        if k not in victim_at or k in taken:
            continue
        k = victim_at[k].last_token + 1
        names = 0
        while k < len(tokens) and names < _NAME_WORDS:
            token = tokens[k]
            if (
                (cased and not token.text[:1].isupper())
                or not token.norm[:1].isalpha()
                or token.norm in vocab.stops  # "... LOPEZ ON MONDAY" in a text in capitals
                or k in taken
                or k in trigger_tokens
                or overlaps(token.start, token.end, date_spans)  # "killed journalist Monday"
            ):
                break
            names += 1
            k += 1
        if not names:
            continue
        after = tokens[k].norm if k < len(tokens) else ""
        if after[:1].isalnum() and after not in vocab.stops and after not in vocab.clause_breaks:
            continue  # "killed journalist Maria Lopez's son", "... Lopez fighters"
        yield fixed_count(first, k - 1, doc, 1, "singular")


def _one_victim_subjects(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    triggers: Sequence[Trigger],
    taken: TokenSet,
) -> Iterator[Count]:
    """ "لقي الصحفي أحمد علي حتفه": the subject between "لقي" and a trigger whose pronoun says one
    person (``one_victim_terms``) is one victim, up to ``_SUBJECT_WORDS`` words of it."""
    grammar = vocab.grammar
    if not grammar.one_victim_terms:
        return
    tokens = doc.tokens
    trigger_tokens = {i for t in triggers for i in range(t.first_token, t.last_token + 1)}
    for trigger in triggers:
        if trigger.role != "term" or grammar.one_victim_terms.isdisjoint(
            tokens[trigger.first_token].forms
        ):
            continue
        for verb in range(trigger.first_token - 2, trigger.first_token - 2 - _SUBJECT_WORDS, -1):
            if verb < 0:
                break
            between = range(verb + 1, trigger.first_token)
            if any(
                k in taken or k in trigger_tokens or not tokens[k].norm[:1].isalpha()
                for k in between
            ):
                break
            if not grammar.one_victim_verbs.isdisjoint(tokens[verb].forms):
                yield fixed_count(verb + 1, trigger.first_token - 1, doc, 1, "singular")
                break


def _list_item(
    doc: eventx.AnnotatedDocument, vocab: Vocabulary, victim: eventx.PhraseMatch[int]
) -> bool:
    """A one-word victim noun with the conjunction prefix that ends its phrase: maybe the last
    item of a list ("قتل أربعة جنود ومدني"); pairing keeps it only when it continues a list.
    It must end the phrase (punctuation, a stop word, another "و" item): "وطالب بفتح تحقيق"
    is the verb "and demanded", not "and a student"."""
    grammar = vocab.grammar
    prefix = grammar.conjunction_prefix
    tokens = doc.tokens
    token = tokens[victim.first_token]
    if not prefix or victim.first_token != victim.last_token or not token.norm.startswith(prefix):
        return False
    bare = token.norm[len(prefix) :]
    definite = bool(grammar.definite_prefix) and bare.startswith(grammar.definite_prefix)
    if bare not in token.forms or definite:
        return False  # "والجندي" names someone; a noun that merely starts with و is no list item
    k = victim.last_token + 1
    if k >= len(tokens):
        return True
    after = tokens[k].norm
    return (
        not after[:1].isalnum()
        or after in vocab.stops
        or after in grammar.conjunctions
        or (after.startswith(prefix) and len(after) > len(prefix))
    )


_SUBJECT_WORDS = 4  # longest subject read before "was killed": "opposition leader Ali Hassan"


def _singular_subjects(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    victims: Sequence[eventx.PhraseMatch[int]],
    triggers: Sequence[Trigger],
    taken: TokenSet,
    cased: bool = True,
) -> Iterator[Count]:
    """One victim named before a singular auxiliary: "Journalist John Smith was killed", "the
    mayor was shot dead". The subject is the capitalised words or victim nouns right before
    ``singular_auxiliaries``; a pronoun ("he was killed") refers to someone counted elsewhere.
    In a text without case (``_cased``) any words may be the name, but a victim noun must be in
    the subject ("journalist maria lopez was killed"; not "the proposal was killed")."""
    grammar = vocab.grammar
    if not grammar.singular_auxiliaries:
        return
    tokens = doc.tokens
    victim_tokens = {i for v in victims for i in range(v.first_token, v.last_token + 1)}
    for trigger in triggers:
        aux = trigger.first_token - 1
        if (
            trigger.role != "term"
            or aux < 1
            or tokens[aux].norm not in grammar.singular_auxiliaries
        ):
            continue
        first = aux
        named = False
        while first - 1 >= 0 and aux - first < _SUBJECT_WORDS:
            k = first - 1
            token = tokens[k]
            if k in taken or not token.norm[:1].isalpha() or token.norm in grammar.pronouns:
                break
            capitalised = token.text[:1].isupper() and k > 0 and tokens[k - 1].norm[:1].isalnum()
            if k in victim_tokens or (cased and capitalised):
                named = True
            elif not cased and token.norm not in vocab.stops:
                pass  # a word of the subject; a victim noun must still be among them
            elif token.norm not in grammar.determiners:
                break
            first = k
        while first < aux and tokens[first].norm in grammar.determiners:
            first += 1
        if named and first < aux:
            yield fixed_count(first, aux - 1, doc, 1, "singular")
