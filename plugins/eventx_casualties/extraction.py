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

import bisect
from collections.abc import Iterator, Sequence
from typing import Any

from attrs import frozen

import eventx

from .vocabulary import Vocabulary, vocabulary

_MAX_BEFORE = {"ar": 3, "en": 6}  # tokens between a count and a trigger after it
_MAX_AFTER = {"ar": 4, "en": 3}  # tokens between a trigger and a count after it
_GROUP_TOKENS = 4
_SOURCE_TOKENS = 5
_NEGATION_REACH = 3
# Words that may stand between an English trigger and the count after it: "a death toll of 11",
# "the toll rose to 30". Anything else ("killed with two others") breaks the pair.
_EN_BRIDGE = frozenset(
    [
        "of",
        "to",
        "at",
        "rose",
        "reached",
        "stood",
        "climbed",
        "risen",
        "is",
        "was",
        "has",
        "had",
        "now",
        "stands",
        "jumped",
        "hit",
        "the",
    ]
)
_ARTICLES = frozenset(["the", "a", "an"])
_PARTITIVE = frozenset(["من", "of"])
_PRONOUNS = frozenset(["he", "she", "they", "it", "we", "i", "you", "who"])
_QUOTES = frozenset("\"'“”«»‘’„")
_AUXILIARIES = frozenset(["was", "were", "is", "are", "has", "have", "had", "been", "be"])
_NOT_QUANTITY_BEFORE = frozenset(["how", "كم"])
# "لا يزال 5 مفقودين" means "5 are still missing": لا here is not a negation.
_STILL = frozenset(["يزال", "تزال", "زال", "يزالون", "زالت"])
# English years written alone ("in 1972") look like counts; a four-digit number in this range is
# taken as a year unless a victim noun follows it.
_YEARS = range(1900, 2101)


@frozen(kw_only=True)
class Count:
    """Something that can be the number in a claim."""

    quantity: eventx.Quantity
    qualifier: str
    first_token: int
    last_token: int
    start: int
    end: int
    origin: str  # "quantity", "dual", "singular"


@frozen(kw_only=True)
class Trigger:
    kind: str
    role: str
    first_token: int
    last_token: int
    start: int
    end: int


@frozen(kw_only=True)
class Pairing:
    count: Count
    kind: str
    trigger: Trigger | None
    subset: bool = False


def extract_casualties(ctx: eventx.ExtractionContext) -> Iterator[eventx.Casualty]:
    """Every casualty claim in the document, in document order (merging comes later)."""
    vocab = vocabulary(ctx.language)
    doc = ctx.annotation
    if not doc.tokens or vocab.triggers.size == 0:
        return
    triggers = [
        Trigger(
            kind=m.value.kind,
            role=m.value.role,
            first_token=m.first_token,
            last_token=m.last_token,
            start=m.start,
            end=m.end,
        )
        for m in vocab.triggers.finditer(doc)
    ]
    date_spans = [
        (d.evidence.start, d.evidence.end) for d in ctx.facts("dates") if d.value is not None
    ]
    counts = _counts(doc, vocab, triggers, date_spans)
    reader = _ClaimReader(ctx, vocab, date_spans)
    released = list(vocab.released.finditer(doc))
    base = 0
    for sentence in doc.sentences:
        first, last = base, base + len(sentence.tokens) - 1
        base += len(sentence.tokens)
        s_triggers = [t for t in triggers if first <= t.first_token <= last]
        if not s_triggers:
            continue
        s_counts = [c for c in counts if first <= c.first_token <= last]
        negated = [t for t in s_triggers if _is_negated(doc, vocab, t, first, released)]
        s_triggers = [t for t in s_triggers if t not in negated]
        occupied = {i for t in negated for i in range(t.first_token, t.last_token + 1)}
        for pairing in _pair(doc, vocab, s_triggers, s_counts, first, last, occupied):
            yield reader.claim(pairing)


# --- counts -------------------------------------------------------------------------------------


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def _counts(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    triggers: Sequence[Trigger],
    date_spans: Sequence[tuple[int, int]],
) -> list[Count]:
    tokens = doc.tokens
    trigger_tokens = {i for t in triggers for i in range(t.first_token, t.last_token + 1)}
    victims_after = {m.first_token: m for m in vocab.singular_victims.finditer(doc)}
    found: list[Count] = []
    for q in eventx.find_quantities(doc):
        if _overlaps(q.start, q.end, date_spans):
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
    for dual in vocab.dual_victims.finditer(doc):
        if not taken.intersection(range(dual.first_token, dual.last_token + 1)):
            found.append(_fixed(dual.first_token, dual.last_token, doc, 2, "dual"))
    found.extend(_singulars(doc, vocab, triggers, taken))
    found.sort(key=lambda c: c.first_token)
    return found


def _fixed(first: int, last: int, doc: eventx.AnnotatedDocument, n: int, origin: str) -> Count:
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
    if before in _NOT_QUANTITY_BEFORE:
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
    triggers: Sequence[Trigger],
    taken: set[int],
) -> Iterator[Count]:
    """One victim: "مقتل شخص" (a bare noun right after a trigger), "a soldier", "an Afghan hurt"."""
    tokens = doc.tokens
    victims = list(vocab.singular_victims.finditer(doc))
    if doc.language == "ar":
        trigger_ends = {t.last_token for t in triggers if t.role == "term"}
        trigger_starts = {t.first_token for t in triggers if t.role == "term"}
        for victim in victims:
            token = tokens[victim.first_token]
            indefinite = not any(f.startswith("ال") for f in (token.norm, *token.stems[:1]))
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
                yield _fixed(victim.first_token, victim.last_token, doc, 1, "singular")
        return
    if not vocab.articles:
        return
    victim_by_first = {v.first_token: v for v in victims}
    trigger_starts = {t.first_token for t in triggers}
    for i, token in enumerate(tokens):
        if token.norm not in vocab.articles or token.norm == "one" or i in taken:
            continue
        sentence = doc.sentence_index_at(token.start)
        for k in range(i + 1, min(i + 5, len(tokens))):
            if doc.sentence_index_at(tokens[k].start) != sentence or k in taken:
                break
            if k in victim_by_first:
                yield _fixed(i, victim_by_first[k].last_token, doc, 1, "singular")
                break
            capitalised = tokens[k].text[:1].isupper()
            if k == i + 1 and capitalised and k + 1 in trigger_starts:
                yield _fixed(i, k, doc, 1, "singular")  # "an Afghan injured"
                break
            if (
                not tokens[k].norm[:1].isalpha()
                and tokens[k].norm != "-"
                and not tokens[k].norm.isdigit()
            ):
                break


# --- pairing ------------------------------------------------------------------------------------


def _is_quote_or_dash(token: eventx.Token) -> bool:
    return token.norm in _QUOTES or token.norm == "-"


def _gap_blocked(
    doc: eventx.AnnotatedDocument,
    lo: int,
    hi: int,
    occupied: set[int],
) -> bool:
    """Whether tokens ``lo..hi-1`` cross punctuation, another trigger or another count."""
    for k in range(lo, hi):
        token = doc.tokens[k]
        if k in occupied:
            return True
        if not token.norm[:1].isalnum() and not _is_quote_or_dash(token):
            return True
    return False


def _pair(
    doc: eventx.AnnotatedDocument,
    vocab: Vocabulary,
    triggers: Sequence[Trigger],
    counts: Sequence[Count],
    first: int,
    last: int,
    blocked: set[int],
) -> list[Pairing]:
    language = doc.language
    max_before = _MAX_BEFORE.get(language, 4)
    max_after = _MAX_AFTER.get(language, 4)
    # Dual triggers ("قتيلان") are claims by themselves.
    pairings = [
        Pairing(count=_fixed(t.first_token, t.last_token, doc, 2, "dual"), kind=t.kind, trigger=t)
        for t in triggers
        if t.role == "dual"
    ]
    triggers = [t for t in triggers if t.role != "dual"]
    trigger_tokens = {i: t for t in triggers for i in range(t.first_token, t.last_token + 1)}
    count_tokens = {i: c for c in counts for i in range(c.first_token, c.last_token + 1)}
    occupied = set(trigger_tokens) | set(count_tokens) | blocked
    prefer_after = language != "en"  # Arabic: verb or event noun first ("مقتل 30")
    options: list[tuple[float, int, int, Count, Trigger]] = []
    for count in counts:
        for ti, trigger in enumerate(triggers):
            if count.last_token < trigger.first_token:  # count, then trigger
                gap = trigger.first_token - count.last_token - 1
                if gap > max_before:
                    continue
                lo, hi = count.last_token + 1, trigger.first_token
                cost = gap + (0.5 if prefer_after else 0.0)
                if trigger.role == "counted" and gap == 0:
                    cost = -1.0  # "30 قتيلا", "خمسة جرحى", "130 injured": the noun is counted
            elif count.first_token > trigger.last_token:  # trigger, then count
                gap = count.first_token - trigger.last_token - 1
                if gap > max_after:
                    continue
                lo, hi = trigger.last_token + 1, count.first_token
                if language == "en" and any(
                    doc.tokens[k].norm not in _EN_BRIDGE for k in range(lo, hi)
                ):
                    continue
                cost = gap + (0.0 if prefer_after else 0.5)
                if trigger.role == "counted":
                    if language == "en":
                        continue  # "missing several opportunities": "dead"/"missing" come after
                    cost += 1.0  # "جرحى" rarely takes the number after it
            else:
                continue
            if _gap_blocked(doc, lo, hi, occupied):
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
    subset_ends = {
        m.last_token
        for m in vocab.subset.finditer(doc, start=doc.tokens[first].start, end=doc.tokens[last].end)
    }
    subset_starts = {
        m.first_token
        for m in vocab.subset.finditer(doc, start=doc.tokens[first].start, end=doc.tokens[last].end)
    }
    previous: Pairing | None = None
    ordered = sorted(counts, key=lambda c: c.first_token)
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
        coordinated = _coordinated_with(doc, count, ordered[index + 1 :], paired, trigger_tokens)
        if coordinated is not None:
            pairing = Pairing(count=count, kind=coordinated.kind, trigger=coordinated.trigger)
            pairings.append(pairing)
            previous = pairing
    return pairings


def _coordinated_with(
    doc: eventx.AnnotatedDocument,
    count: Count,
    later: Sequence[Count],
    paired: dict[int, Pairing],
    trigger_tokens: dict[int, Trigger],
) -> Pairing | None:
    """The pairing of the next count when "X and Y were killed" joins this one to it."""
    if not later or later[0].first_token not in paired:
        return None
    nxt = later[0]
    gap = range(count.last_token + 1, nxt.first_token)
    if len(gap) > 4:
        return None
    conjunction = False
    for k in gap:
        token = doc.tokens[k]
        if k in trigger_tokens or not (token.norm[:1].isalpha() or _is_quote_or_dash(token)):
            return None
        if token.norm in ("and", "و") or (doc.language == "ar" and token.norm.startswith("و")):
            conjunction = True
    if doc.language == "ar" and doc.tokens[nxt.first_token].norm.startswith("و"):
        conjunction = True  # "أربعة من قوات الدرك واثنان"
    return paired[nxt.first_token] if conjunction else None


def _is_negated(
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
    if any(
        first <= m.last_token < trigger.first_token and trigger.first_token - m.last_token <= 3
        for m in released
    ):
        return True  # "الإفراج عن 20 معتقلا", "released 20 detainees": no longer held
    for k in range(
        trigger.first_token - 1, max(first, trigger.first_token - _NEGATION_REACH) - 1, -1
    ):
        token = tokens[k]
        if not token.norm[:1].isalnum():
            return False
        if token.norm in vocab.negation:
            after = tokens[k + 1].forms if k + 1 < len(tokens) else ()
            return not any(form in _STILL for form in after)
    return False


# --- claims -------------------------------------------------------------------------------------


class _ClaimReader:
    """Turns pairings into :class:`eventx.Casualty` facts: group, source, date, evidence."""

    def __init__(
        self,
        ctx: eventx.ExtractionContext,
        vocab: Vocabulary,
        date_spans: Sequence[tuple[int, int]],
    ) -> None:
        self.ctx = ctx
        self.date_spans = date_spans
        self.date_words = frozenset(eventx.normalize_string(ctx.text[a:b]) for a, b in date_spans)
        self.vocab = vocab
        self.doc = ctx.annotation
        self.others = {m.first_token: m for m in vocab.others.finditer(self.doc)}
        self.according = list(vocab.according_to.finditer(self.doc))
        self.speech = list(vocab.speech.finditer(self.doc))
        self.trigger_tokens = {
            i
            for m in vocab.triggers.finditer(self.doc)
            for i in range(m.first_token, m.last_token + 1)
        }
        self.last_group: str | None = None
        self.token_starts = [t.start for t in self.doc.tokens]

    def claim(self, pairing: Pairing) -> eventx.Casualty:
        count = pairing.count
        group_span = self._group_span(pairing)
        group: str | None = None
        if group_span is not None:
            group = self.ctx.text[group_span[0] : group_span[1]].strip("\"'“”«» ")
        if group is None and self._says_others(count):
            group = self.last_group  # "وإصابة 18 آخرين": the same people as the figure before
        elif group is not None:
            self.last_group = group
        spans = [(count.start, count.end)]
        if pairing.trigger is not None:
            spans.append((pairing.trigger.start, pairing.trigger.end))
        if group_span is not None:
            spans.append(group_span)
        start = min(s for s, _ in spans)
        end = self._extend(start, max(e for _, e in spans))
        date = self.ctx.nearest_date(start, end)
        quantity = count.quantity
        return eventx.Casualty(
            kind=pairing.kind,
            count=quantity.count,
            min=quantity.min,
            max=quantity.max,
            approximate=quantity.approximate,
            group=group or None,
            source=self._source(start, end),
            date=date.value if date is not None else None,
            evidence=self.ctx.evidence(start, end),
            qualifier=count.qualifier,
            subset=pairing.subset,
        )

    def _extend(self, start: int, end: int) -> int:
        """Evidence end, taking in a following "آخرين"/"others" and a quote closing inside it."""
        tokens = self.doc.tokens
        k = bisect.bisect_left(self.token_starts, end)
        sentence = self.doc.sentence_index_at(start)
        while k < len(tokens) and self.doc.sentence_index_at(tokens[k].start) == sentence:
            token = tokens[k]
            opened = sum(self.ctx.text[start:end].count(q) for q in "“«")
            closed = sum(self.ctx.text[start:end].count(q) for q in "”»")
            if k in self.others or (token.norm in "”»" and opened > closed):
                end = token.end
                k += 1
                continue
            break
        return end

    def _says_others(self, count: Count) -> bool:
        tokens = self.doc.tokens
        if count.last_token + 1 in self.others:
            return True
        before = count.first_token - 1
        return self.doc.language == "en" and before >= 0 and tokens[before].norm in ("another",)

    def _group_span(self, pairing: Pairing) -> tuple[int, int] | None:
        """The victims' label as the text writes it: the words after the count."""
        count = pairing.count
        tokens = self.doc.tokens
        if count.origin in ("dual", "singular"):
            first = count.first_token
            if self.doc.language == "en" and tokens[first].norm in self.vocab.articles:
                first += 1
            if first > count.last_token:
                return None
            return tokens[first].start, tokens[count.last_token].end
        if count.origin == "negation":
            return None
        sentence = self.doc.sentence_index_at(count.start)
        words: list[eventx.Token] = []
        k = count.last_token + 1
        if k + 1 < len(tokens) and tokens[k].norm in _PARTITIVE:
            k += 1  # "ثلاثة من رجال الشرطة", "four of the soldiers": the group follows "من"/"of"
            if tokens[k].norm in _ARTICLES:
                k += 1
        while k < len(tokens) and len(words) < _GROUP_TOKENS:
            token = tokens[k]
            if self.doc.sentence_index_at(token.start) != sentence:
                break
            if token.norm in _QUOTES and not words:
                k += 1
                continue
            if k in self.others and not words:
                k += 1  # "two other Americans": the group is "Americans"
                continue
            if not token.norm[:1].isalpha() or k in self.trigger_tokens:
                break
            if _overlaps(token.start, token.end, self.date_spans):
                break
            if any(form in self.vocab.stops for form in (token.norm,)):
                break
            if self.doc.language == "ar" and words and token.norm.startswith("و"):
                break  # "والدرك": the next item of a list
            if self.doc.language == "ar" and words and len(words) >= 2:
                break
            words.append(token)
            k += 1
        if not words:
            return None
        return words[0].start, words[-1].end

    def _source(self, start: int, end: int) -> str | None:
        """Who claims the figure, from the same sentence: an "according to" phrase, else the
        speaker of a statement (statements plugin), else the name next to a speech verb."""
        sentence = self.doc.sentence_index_at(start)
        best: tuple[int, str] | None = None
        for marker in self.according:
            if self.doc.sentence_index_at(marker.start) != sentence:
                continue
            name = self._name_after(marker.last_token + 1, sentence)
            if name is None:
                continue
            distance = start - marker.end if marker.end <= start else marker.start - end
            if best is None or abs(distance) < best[0]:
                best = (abs(distance), name)
        if best is not None:
            return best[1]
        speakers: list[tuple[int, str]] = []
        for statement in self.ctx.facts("statements"):
            evidence = getattr(statement, "evidence", None)
            speaker = getattr(statement, "speaker", None)
            if evidence is None or not speaker:
                continue
            if self.doc.sentence_index_at(evidence.start) != sentence:
                continue
            name = self._trim(str(speaker))
            if name is not None:
                speakers.append((abs(evidence.start - start), name))
        near_verb = self._speech_source(start, sentence)
        if speakers:
            speaker = min(speakers)[1]
            # A statement's speaker may be clipped ("Human Rights" for "Syrian Observatory for
            # Human Rights"): the fuller name next to the speech verb wins when it contains it.
            if near_verb is not None and speaker in near_verb:
                return near_verb
            return speaker
        return near_verb

    def _speech_source(self, start: int, sentence: int | None) -> str | None:
        tokens = self.doc.tokens
        found: list[tuple[int, str]] = []
        for cue in self.speech:
            if self.doc.sentence_index_at(cue.start) != sentence:
                continue
            if self.vocab.speaker_first:  # "..., police said"
                k = cue.first_token - 1
                words: list[eventx.Token] = []
                while k >= 0 and len(words) < _SOURCE_TOKENS + 1:
                    token = tokens[k]
                    if self.doc.sentence_index_at(token.start) != sentence:
                        break
                    if not token.norm[:1].isalpha() or k in self.trigger_tokens:
                        break
                    words.insert(0, token)
                    k -= 1
                while words and (words[0].norm in self.vocab.stops or words[0].norm in _ARTICLES):
                    words.pop(0)
                if words and words[0].norm not in _PRONOUNS:
                    found.append(
                        (abs(cue.start - start), self.ctx.text[words[0].start : words[-1].end])
                    )
            elif cue.end <= start:  # "أعلنت وزارة الداخلية مقتل..."
                after = self._name_after(cue.last_token + 1, sentence)
                if after is not None:
                    found.append((start - cue.end, after))
        return min(found)[1] if found else None

    def _trim(self, name: str) -> str | None:
        """A statement's speaker without what runs on around it.

        Speakers may run into the clause before ("Sunday, officials") or the content after
        ("وزارة الداخلية مقتل", "الأمم المتحدة أن"): keep the part next to the speech verb and
        cut at function words, dates, triggers and numbers.
        """
        segments = [seg.split() for seg in name.replace("،", ",").replace(";", ",").split(",")]
        words = segments[-1] if self.vocab.speaker_first else segments[0]

        def ends_name(word: str) -> bool:
            norm = eventx.normalize_string(word).strip("\"'“”«»()")
            return (
                norm in self.vocab.stops
                or norm in self.date_words
                or norm in self.vocab.trigger_words
                or norm[:1].isdecimal()
            )

        if self.vocab.speaker_first:
            while words and (ends_name(words[0]) or words[0].lower() in _ARTICLES):
                words = words[1:]
            if words and words[0].lower() in _PRONOUNS:
                return None
        kept: list[str] = []
        for word in words:
            if ends_name(word):
                break
            kept.append(word)
        return " ".join(kept) or None

    def _name_after(self, k: int, sentence: int | None) -> str | None:
        tokens = self.doc.tokens
        words: list[eventx.Token] = []
        while k < len(tokens) and len(words) < _SOURCE_TOKENS:
            token = tokens[k]
            if self.doc.sentence_index_at(token.start) != sentence:
                break
            if not words and token.norm in _ARTICLES:
                k += 1  # "according to the health ministry"
                continue
            if not token.norm[:1].isalpha() or token.norm in self.vocab.stops:
                break
            if k in self.trigger_tokens or _overlaps(token.start, token.end, self.date_spans):
                break
            words.append(token)
            k += 1
        if not words:
            return None
        return self.ctx.text[words[0].start : words[-1].end]
