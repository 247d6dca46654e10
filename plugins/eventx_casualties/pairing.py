"""Pairing counts with triggers inside one sentence, and when a trigger reports no victims.

Each (count, trigger) pair within a few tokens gets a cost: the distance, plus a penalty for the
order the language uses less (``[grammar] trigger_first``), and a bonus for a count right before
a counted noun ("30 قتيلا"). Pairs are taken cheapest first, each count and trigger once. A gap
may not cross punctuation, a new clause, another trigger or another count. A count coordinated
with a paired one shares its trigger; one after ``بينهم``/``including`` is a subset.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import eventx

from .counts import fixed_count
from .pieces import Count, Pairing, Trigger
from .vocabulary import Grammar, Vocabulary

_NEGATION_REACH = 3  # tokens between a negation and the trigger it negates
_ILLNESS_AFTER = 5  # a disease this close after a trigger makes it illness ("إصابة 1764 منهن بسرطان")
_ILLNESS_BEFORE = 3  # ... or this close before it ("the disease killed 300")
_TOLL_REACH = 8  # words between a toll and its figure: "the toll in the province stood at 27"
_LIST_LABEL = 3  # words labelling one item of a list of counts ("35 مسلحا و5 جنود")
_FIGURATIVE_REACH = 2  # the object of a figurative use: "أسرت [المغنية] قلوب", "killed the deal"
_QUOTES = frozenset("\"'“”«»‘’„")


def _prefixed(norm: str, grammar: Grammar) -> bool:
    """Whether a word carries the conjunction prefix ("واثنان"), so it starts a list item."""
    prefix = grammar.conjunction_prefix
    return bool(prefix) and norm.startswith(prefix) and len(norm) > len(prefix)


_DASHES = frozenset({"-", "–", "—"})
# Commas between the items of a list: "four soldiers, two police officers and a civilian".
_COMMAS = frozenset({",", "،"})


def _is_quote_or_dash(token: eventx.Token) -> bool:
    return token.norm in _QUOTES or token.norm in _DASHES


_INLINE_ASIDE = 4  # words of a breakdown written without commas: "بينهم امرأة", "including two children"


def _asides(
    doc: eventx.AnnotatedDocument,
    grammar: Grammar,
    subsets: Sequence[eventx.PhraseMatch[str]],
    trigger_starts: set[int],
) -> set[int]:
    """Tokens of breakdowns inside a claim: comma-enclosed ("At least three people, including a
    child, died") or written straight before the trigger ("لقي أربعة أشخاص بينهم امرأة مصرعهم",
    "Five people including two children were killed").

    Pairing reads across them (the breakdown is a subset claim of its own). One without commas
    ends at a conjunction: "بمقتل 18 شخصا بينهم طفل ووقوع عشرات الجرحى" goes on to a new claim.
    """
    tokens = doc.tokens
    aside: set[int] = set()
    for marker in subsets:
        opening = marker.first_token - 1
        if opening >= 0 and tokens[opening].norm in _COMMAS:
            for k in range(marker.last_token + 1, min(marker.last_token + 8, len(tokens))):
                if tokens[k].norm in _COMMAS:
                    aside.update(range(opening, k + 1))
                    break
                if not tokens[k].norm[:1].isalnum():
                    break
            continue
        end = min(marker.last_token + 1 + _INLINE_ASIDE, len(tokens))
        for k in range(marker.last_token + 1, end):
            if k in trigger_starts:
                if k > marker.last_token + 1:
                    aside.update(range(marker.first_token, k))
                break
            norm = tokens[k].norm
            if not norm[:1].isalnum() or norm in grammar.conjunctions or _prefixed(norm, grammar):
                break
    return aside


def _gap_blocked(
    doc: eventx.AnnotatedDocument,
    lo: int,
    hi: int,
    occupied: set[int],
    clause_breaks: frozenset[str],
    aside: set[int],
) -> bool:
    """Whether tokens ``lo..hi-1`` cross punctuation, a new clause, another trigger or count
    (asides excepted)."""
    for k in range(lo, hi):
        if k in aside:
            continue
        token = doc.tokens[k]
        if k in occupied or any(form in clause_breaks for form in token.forms):
            return True
        if not token.norm[:1].isalnum() and not _is_quote_or_dash(token):
            return True
    return False


def _toll_figure(
    doc: eventx.AnnotatedDocument, grammar: Grammar, trigger: Trigger, count: Count
) -> bool:
    """A toll and its figure: "the death toll from the attack rose to 31", "ارتفعت حصيلة القتلى
    في الهجوم إلى 45". A toll word in the trigger and a link word ("to", "at", "إلى", "بلغت")
    right before the count let the count stand further away (``_TOLL_REACH``), whatever words
    are between (the clause may not end). The toll word may stand right before the trigger: "حصيلة
    قتلى الفيضانات ... إلى 120"."""
    if not grammar.toll_words or count.first_token == 0:
        return False
    opening = max(trigger.first_token - 1, 0)
    words = (doc.tokens[k].norm for k in range(opening, trigger.last_token + 1))
    if grammar.toll_words.isdisjoint(words):
        return False
    before, first = doc.tokens[count.first_token - 1], doc.tokens[count.first_token]
    # the link may be read into the quantity: "has gone up to 50" is the quantity "up to 50"
    return not grammar.toll_links.isdisjoint((*before.forms, first.norm))


def _apposition_end(
    doc: eventx.AnnotatedDocument, grammar: Grammar, count: Count, lo: int, hi: int
) -> set[int]:
    """The comma closing an apposition that is the victim: "Ali Hassan, a local journalist, was
    killed" — a singular victim opened by a comma, then one comma and only auxiliaries before
    the trigger. The comma may be crossed ({its token}), nothing else."""
    tokens = doc.tokens
    if count.origin != "singular" or count.first_token == 0 or hi <= lo:
        return set()
    if tokens[count.first_token - 1].norm not in _COMMAS:
        return set()
    commas = [k for k in range(lo, hi) if tokens[k].norm in _COMMAS]
    if len(commas) != 1 or any(
        tokens[k].norm not in grammar.auxiliaries for k in range(commas[0] + 1, hi)
    ):
        return set()
    return {commas[0]}


# Kinds that harm people: a verb of these right before a count says what happened to them,
# whatever noun of status (prisoners, hostages, refugees) labels them after it.
_HARM = frozenset({"killed", "injured"})


def _harm_over_status(trigger: Trigger, count: Count, trigger_tokens: dict[int, Trigger]) -> bool:
    """Whether a killing or wounding trigger right before the count outranks the counted noun
    after it: "Shelling killed 26 refugees", "قتل 26 أسيرا", "wounded 5 detainees"."""
    if trigger.role != "term" or trigger.kind not in _HARM:
        return False
    noun = trigger_tokens.get(count.last_token + 1)
    return noun is not None and noun.role == "counted" and noun.kind != trigger.kind


def _active_verb(
    doc: eventx.AnnotatedDocument, vocab: Vocabulary, trigger: Trigger, lo: int, hi: int
) -> bool:
    """Whether an article noun before ``trigger`` is its subject rather than its victim.

    Only for languages with auxiliaries (English): "a soldier was killed", "an Afghan injured."
    and "a man killed in the blast" are victims; "a bomber killed 14" and "a gunman killed
    himself" are agents (the trigger takes an object).
    """
    grammar = vocab.grammar
    if not grammar.auxiliaries:
        return False
    if any(doc.tokens[k].norm in grammar.auxiliaries for k in range(lo, hi)):
        return False
    after = trigger.last_token + 1
    if after >= len(doc.tokens):
        return False
    token = doc.tokens[after]
    return token.norm[:1].isalnum() and token.norm not in vocab.stops


def pair(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    triggers: Sequence[Trigger],
    counts: Sequence[Count],
    blocked: set[int],
    subsets: Sequence[eventx.PhraseMatch[str]],
) -> list[Pairing]:
    grammar = vocab.grammar
    # Dual triggers ("قتيلان") are claims by themselves.
    pairings = [
        Pairing(
            count=fixed_count(t.first_token, t.last_token, doc, 2, "dual"), kind=t.kind, trigger=t
        )
        for t in triggers
        if t.role == "dual"
    ]
    triggers = [t for t in triggers if t.role != "dual"]
    trigger_tokens = {i: t for t in triggers for i in range(t.first_token, t.last_token + 1)}
    count_tokens = {i: c for c in counts for i in range(c.first_token, c.last_token + 1)}
    occupied = set(trigger_tokens) | set(count_tokens) | blocked
    prefer_after = grammar.trigger_first  # Arabic: verb or event noun first ("مقتل 30")
    aside = _asides(doc, grammar, subsets, {t.first_token for t in triggers})
    options: list[tuple[float, int, int, Count, Trigger]] = []
    # Only triggers within reach of a count can pair with it: looked up by bisection, so a long
    # sentence with many counts and triggers does not try every pair (quadratic).
    by_first = sorted((t.first_token, ti) for ti, t in enumerate(triggers))
    by_last = sorted((t.last_token, ti) for ti, t in enumerate(triggers))
    for count in counts:
        if count.first_token in aside:
            continue  # a breakdown inside an aside is a subset, never paired by itself
        after_count = count.last_token + 1  # a trigger after the count starts in reach
        low = bisect.bisect_left(by_first, (after_count, -1))
        # asides do not count towards the reach: "Five people, including two children, were killed"
        high = bisect.bisect_left(by_first, (after_count + grammar.max_before + len(aside) + 1, -1))
        near = {ti for _, ti in by_first[low:high]}
        before_count = count.first_token - 1  # a trigger before the count ends in reach
        # a toll's figure may stand further from it ("the toll ... rose to 31")
        reach = max(grammar.max_after, _TOLL_REACH) if grammar.toll_words else grammar.max_after
        low = bisect.bisect_left(by_last, (before_count - reach, -1))
        high = bisect.bisect_left(by_last, (before_count + 1, -1))
        near.update(ti for _, ti in by_last[low:high])
        for ti in sorted(near):
            trigger = triggers[ti]
            if count.last_token < trigger.first_token:  # count, then trigger
                gap = trigger.first_token - count.last_token - 1
                gap -= sum(1 for k in range(count.last_token + 1, trigger.first_token) if k in aside)
                if gap > grammar.max_before:
                    continue
                lo, hi = count.last_token + 1, trigger.first_token
                cost = gap + (0.5 if prefer_after else 0.0)
                if trigger.role == "counted" and gap == 0:
                    cost = -1.0  # "30 قتيلا", "خمسة جرحى", "130 injured": the noun is counted
                if count.origin == "singular" and _active_verb(doc, vocab, trigger, lo, hi):
                    continue  # "A suicide bomber killed 14": the agent, not a victim
            elif count.first_token > trigger.last_token:  # trigger, then count
                gap = count.first_token - trigger.last_token - 1
                lo, hi = trigger.last_token + 1, count.first_token
                toll = _toll_figure(doc, grammar, trigger, count)
                if gap > (_TOLL_REACH if toll else grammar.max_after):
                    continue
                if (
                    not toll
                    and grammar.bridge is not None
                    and any(doc.tokens[k].norm not in grammar.bridge for k in range(lo, hi))
                ):
                    continue
                cost = (gap if not toll else 0.5) + (0.0 if prefer_after else 0.5)
                if not toll and _harm_over_status(trigger, count, trigger_tokens):
                    # "killed 26 prisoners", "أعدم التنظيم 26 رهينة": they died, not 26 arrested
                    cost = -2.0 + 0.1 * gap
                if trigger.role == "counted":
                    if not grammar.counted_takes_count_after:
                        continue  # "missing several opportunities": "dead"/"missing" come after
                    cost += 1.0  # "جرحى" rarely takes the number after it
            else:
                continue
            closing = _apposition_end(doc, grammar, count, lo, hi)
            if _gap_blocked(doc, lo, hi, occupied, vocab.clause_breaks, aside | closing):
                continue
            options.append((cost, count.first_token, ti, count, trigger))
    options.sort(key=lambda o: (o[0], o[1], o[2]))
    used_counts: set[int] = set()
    used_triggers: set[int] = set()
    paired: dict[int, Pairing] = {}
    for _cost, count_first, ti, count, trigger in options:
        if count_first in used_counts or ti in used_triggers:
            continue
        used_counts.add(count_first)
        used_triggers.add(ti)
        paired[count_first] = Pairing(count=count, kind=trigger.kind, trigger=trigger)
    subset_ends = {m.last_token for m in subsets}
    subset_starts = {m.first_token for m in subsets}
    previous: Pairing | None = None
    ordered = sorted(counts, key=lambda c: c.first_token)
    # "Four soldiers, two police officers and a civilian were killed": each item takes the
    # trigger of the item after it, so the list is read from its end.
    listed: dict[int, Pairing] = {}
    for index in range(len(ordered) - 1, -1, -1):
        count = ordered[index]
        if count.first_token in paired:
            continue
        # (each reads only the next count: a slice of one, not a copy of every later count per
        # count, which made a long list of counts quadratic)
        joined = _coordinated_with(
            doc, grammar, count, ordered[index + 1 : index + 2], paired, listed, trigger_tokens
        )
        if joined is not None:
            listed[count.first_token] = joined
    for index, count in enumerate(ordered):
        is_subset = count.first_token - 1 in subset_ends or count.last_token + 1 in subset_starts
        if count.first_token in paired:
            pairing = paired[count.first_token]
            if is_subset and previous is not None:
                pairing = Pairing(
                    count=count, kind=pairing.kind, trigger=pairing.trigger, subset=True
                )
            pairings.append(pairing)
            previous = pairing
            continue
        if is_subset and previous is not None and count.quantity.count != 0:
            pairing = Pairing(count=count, kind=previous.kind, trigger=None, subset=True)
            pairings.append(pairing)
            continue
        coordinated = listed.get(count.first_token) or _coordinated_after(
            doc, grammar, count, ordered[index + 1 : index + 2], previous, trigger_tokens
        )
        if coordinated is not None:
            pairing = Pairing(count=count, kind=coordinated.kind, trigger=coordinated.trigger)
            pairings.append(pairing)
            previous = pairing
    return _breakdowns(doc, grammar, pairings)


def _breakdowns(
    doc: eventx.AnnotatedDocument, grammar: Grammar, pairings: list[Pairing]
) -> list[Pairing]:
    """A list after a comma that adds up to the figure before it is a breakdown of it: "arrested
    12 people, seven women and five men" (7 + 5 = 12) — the items become subsets."""
    ordered = sorted(pairings, key=lambda p: p.count.first_token)
    breakdown: set[int] = set()
    for index, head in enumerate(ordered):
        total = head.count.quantity.count
        if head.subset or head.trigger is None or not total or head.count.qualifier != "exact":
            continue
        items: list[Pairing] = []
        for later in range(index + 1, len(ordered)):  # no copy of the rest per head: linear
            item = ordered[later]
            if item.trigger is not head.trigger or item.subset:
                break
            items.append(item)
        if len(items) < 2:
            continue
        label = list(range(head.count.last_token + 1, items[0].count.first_token))
        conjunction, comma = _separated(doc, grammar, label, items[0].count)
        if not comma or conjunction:
            continue
        if sum(item.count.quantity.count or 0 for item in items) == total:
            breakdown.update(item.count.first_token for item in items)
    if not breakdown:
        return pairings
    return [
        Pairing(count=p.count, kind=p.kind, trigger=p.trigger, subset=True)
        if p.count.first_token in breakdown
        else p
        for p in pairings
    ]


def _coordinated_with(
    doc: eventx.AnnotatedDocument,
    grammar: Grammar,
    count: Count,
    later: Sequence[Count],  # the next count, if any (only the first is read)
    paired: dict[int, Pairing],
    listed: dict[int, Pairing],
    trigger_tokens: dict[int, Trigger],
) -> Pairing | None:
    """The pairing of the next count when "X and Y were killed" joins this one to it.

    A comma joins too when the next item is itself joined to a later one, so the list ends with
    a conjunction ("X, Y and Z were killed"); "Of 30 people, 5 were killed" is no list.
    """
    if not later:
        return None
    nxt = later[0]
    target = paired.get(nxt.first_token) or listed.get(nxt.first_token)
    if target is None:
        return None
    gap = range(count.last_token + 1, nxt.first_token)
    if len(gap) > 4:
        return None
    conjunction = comma = False
    for k in gap:
        token = doc.tokens[k]
        if token.norm in _COMMAS and k > count.last_token + 1:
            comma = True
            continue
        if k in trigger_tokens or not (token.norm[:1].isalpha() or _is_quote_or_dash(token)):
            return None
        if token.norm in grammar.conjunctions or _prefixed(token.norm, grammar):
            conjunction = True
    if _prefixed(doc.tokens[nxt.first_token].norm, grammar):
        conjunction = True  # "أربعة من قوات الدرك واثنان"
    if conjunction or (comma and nxt.first_token in listed):
        return target
    return None


def _separated(
    doc: eventx.AnnotatedDocument, grammar: Grammar, label: list[int], count: Count
) -> tuple[bool, bool]:
    """Strip the separator before ``count`` off the end of ``label`` (the words between two
    items of a list): (a conjunction was there, a comma was there). The conjunction may be
    written on the count: "واثنان" (not "واحدة", one), "وشرطيان", "ومدني"."""
    first = doc.tokens[count.first_token]
    conjunction = comma = False
    if _prefixed(first.norm, grammar) and (
        count.origin in ("dual", "singular")
        or eventx.parse_number(first.text[len(grammar.conjunction_prefix) :], doc.language)
        is not None
    ):
        conjunction = True
    elif label and doc.tokens[label[-1]].norm in grammar.conjunctions:
        label.pop()
        conjunction = True
    if label and doc.tokens[label[-1]].norm in _COMMAS:
        label.pop()
        comma = True
    return conjunction, comma


def _coordinated_after(
    doc: eventx.AnnotatedDocument,
    grammar: Grammar,
    count: Count,
    later: Sequence[Count],  # the next count, if any (only the first is read)
    previous: Pairing | None,
    trigger_tokens: dict[int, Trigger],
) -> Pairing | None:
    """The pairing of the count before when a list continues it: "قتل 35 مسلحا و5 جنود",
    "killing 35 guerrillas and 5 soldiers" — the previous count's label, then a conjunction,
    then this count (at most ``_LIST_LABEL`` words of label). A comma instead of the conjunction
    joins when a conjunction joins the next item ("killed four soldiers, two police officers and
    a civilian")."""
    if previous is None or previous.trigger is None or previous.subset:
        return None
    if previous.trigger.last_token > previous.count.first_token:
        return None  # "35 guerrillas were killed and 5 ...": a later verb may take the 5
    label = list(range(previous.count.last_token + 1, count.first_token))
    conjunction, comma = _separated(doc, grammar, label, count)
    if not conjunction and not (comma and later and _list_goes_on(doc, grammar, count, later[0])):
        return None
    if len(label) > _LIST_LABEL:
        return None
    for k in label:
        token = doc.tokens[k]
        if k in trigger_tokens or not token.norm[:1].isalpha() or token.norm in grammar.conjunctions:
            return None
    return previous


def _list_goes_on(
    doc: eventx.AnnotatedDocument, grammar: Grammar, count: Count, nxt: Count
) -> bool:
    """Whether ``nxt`` is the next item of a list after ``count``: a short label, then a
    conjunction (or a comma, the list going on)."""
    label = list(range(count.last_token + 1, nxt.first_token))
    conjunction, comma = _separated(doc, grammar, label, nxt)
    short = len(label) <= _LIST_LABEL
    return (conjunction or comma) and short and all(doc.tokens[k].norm[:1].isalpha() for k in label)


def after_release(token: int, released: Sequence[eventx.PhraseMatch[str]]) -> bool:
    """Whether ``token`` follows a "released"/"أفرج عن" phrase closely (within 3 tokens)."""
    return any(m.last_token < token <= m.last_token + 3 for m in released)


def tokens_after_release(released: Sequence[eventx.PhraseMatch[str]]) -> frozenset[int]:
    """The tokens :func:`after_release` is true of (a set: a long text asks about many)."""
    return frozenset(m.last_token + k for m in released for k in (1, 2, 3))


def _figurative(tokens: Sequence[eventx.Token], vocab: Vocabulary, trigger: Trigger) -> bool:
    """Whether the trigger's object is a thing, not a person: hearts, attention, a deal, a
    business ("تصفية النشاط", "killed the deal"). The object is the first word after the trigger
    (determiners skipped); in Arabic verb-subject-object order it may be the second when the
    first is a definite subject ("أسرت المغنية قلوب"). In a head-final language the word must end
    its noun phrase ("killed the company director" is about a person)."""
    grammar = vocab.grammar
    seen = 0
    for k in range(trigger.last_token + 1, len(tokens)):
        token = tokens[k]
        if token.norm in grammar.determiners:
            continue
        if not token.norm[:1].isalpha() or seen >= _FIGURATIVE_REACH:
            return False
        if not vocab.figurative.isdisjoint(token.forms):
            if grammar.head_final and k + 1 < len(tokens):
                following = tokens[k + 1].norm
                return not following[:1].isalpha() or following in vocab.stops
            return True
        if grammar.head_final or not (
            grammar.definite_prefix and token.norm.startswith(grammar.definite_prefix)
        ):
            return False
        seen += 1
    return False


_IRREALIS_WORDS = 3  # longest attempt/threat phrase: "in a bid to"


def _irrealis(
    tokens: Sequence[eventx.Token], vocab: Vocabulary, trigger: Trigger, first: int
) -> bool:
    """Whether an attempt, a threat or a plan (``[irrealis]``) ends right before the trigger,
    or ``gap`` words before it ("حاول المسلحون قتل"): the victims are intended, not counted."""
    if not vocab.irrealis:
        return False
    for gap in range(vocab.irrealis_gap + 1):
        end = trigger.first_token - gap  # the phrase ends before token ``end``
        if end <= first or any(
            not tokens[k].norm[:1].isalnum() for k in range(end, trigger.first_token)
        ):
            return False
        if not vocab.irrealis.isdisjoint(tokens[end - 1].forms):
            return True
        for size in range(2, _IRREALIS_WORDS + 1):
            start = end - size
            if start < first:
                break
            if " ".join(tokens[k].norm for k in range(start, end)) in vocab.irrealis:
                return True
    return False


def is_sports_injury(
    doc: eventx.AnnotatedDocument, vocab: Vocabulary, trigger: Trigger, first: int, end: int
) -> bool:
    """An injury in a match or in training ("Two players were hurt in training", "إصابة 5
    لاعبين قبل المباراة"): a ``[sport]`` word within the illness window of the trigger, in its
    sentence (tokens ``[first, end)``), and no violent or accidental cause named in the sentence
    ("fans injured in clashes after the match" stays a casualty)."""
    if trigger.kind != "injured" or not vocab.sport:
        return False
    tokens = doc.tokens
    window = [
        *range(trigger.last_token + 1, min(trigger.last_token + 1 + _ILLNESS_AFTER, end)),
        *range(max(first, trigger.first_token - _ILLNESS_BEFORE), trigger.first_token),
    ]
    if all(vocab.sport.isdisjoint(tokens[k].forms) for k in window):
        return False
    return all(vocab.sport_causes.isdisjoint(tokens[k].forms) for k in range(first, end))


def is_negated(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    trigger: Trigger,
    first: int,
    released: Sequence[eventx.PhraseMatch[str]],
) -> bool:
    """ "لم يسفر عن سقوط قتلى", "no one was injured": the trigger reports no victims.

    Documented choice: a negated trigger yields no claim (rather than an explicit zero), and it
    takes no number, so "no one was killed; 3 were hurt" does not become 3 killed.
    """
    tokens = doc.tokens
    if first <= trigger.first_token and after_release(trigger.first_token, released):
        return True  # "الإفراج عن 20 معتقلا", "released 20 detainees": no longer held
    illness = [
        *range(trigger.last_token + 1, min(trigger.last_token + 1 + _ILLNESS_AFTER, len(tokens))),
        *range(max(first, trigger.first_token - _ILLNESS_BEFORE), trigger.first_token),
    ]
    if any(not vocab.illness.isdisjoint(tokens[k].forms) for k in illness):
        return True  # "تسجيل 500 إصابة جديدة بفيروس كورونا": infections, not injuries
    if _figurative(tokens, vocab, trigger):
        return True  # "أسرت قلوب الملايين", "لتصفية النشاط", "killed the deal"
    if _irrealis(tokens, vocab, trigger, first):
        return True  # "threatened to kill 10 hostages", "حاول المسلحون قتل 5 جنود"
    for k in range(
        trigger.first_token - 1, max(first, trigger.first_token - _NEGATION_REACH) - 1, -1
    ):
        token = tokens[k]
        if not token.norm[:1].isalnum():
            return False
        if token.norm in vocab.negation:
            after = tokens[k + 1].forms if k + 1 < len(tokens) else ()
            return vocab.grammar.negation_exceptions.isdisjoint(after)
    return False
