"""Numbers and quantities as news writes them, shared by every plugin that counts.

Two levels:

* :func:`find_numbers` finds exact numbers, written in digits (``1,200``, ``١٬٢٠٠``, ``4350``,
  ``1.76 مليون``) or words (``ستة وعشرين``, ``ثمانية عشر``, ``مئة وأربعة وستين``, ``ثلاثة آلاف``,
  ``twenty-six``, ``a dozen``), each a :class:`NumberMatch` with its original offsets.
* :func:`find_quantities` adds what surrounds them: qualifiers (``أكثر من 100`` -> min 101,
  ``at least 22`` -> min 22, ``نحو 50`` -> 45..55 approximate), ranges (``بين 10 و15``), vague
  amounts (``عشرات`` -> 20..99, ``hundreds`` -> 200..999) and unspecified ones (``عدد من``,
  ``several``), each a :class:`QuantityMatch` carrying a :class:`~eventx.Quantity`.

Every word, qualifier and vague amount lives in ``eventx/data/numbers/<lang>.toml``; this module
holds only the grammar of combining them. Data is compiled once per process per language.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

from attrs import frozen

from eventx.lexicon import PhraseMatch, PhraseMatcher, common_forms, language_data
from eventx.nlp.annotation import AnnotatedDocument, Token
from eventx.nlp.normalize import normalize_string
from eventx.record.facts import Quantity

_CONJUNCTION = {"ar": ("و",), "en": ("and",)}
#: Qualifier names a :class:`QuantityMatch` may carry (documented in docs/plugins/casualties.md).
QUALIFIERS: tuple[str, ...] = (
    "exact",
    "more_than",
    "at_least",
    "about",
    "up_to",
    "less_than",
    "nearly",
    "range",
    "vague",
    "unspecified",
)
_POSTFIX_REACH = (
    3  # word tokens a postfix qualifier may follow the number by ("20 people at least")
)


@frozen(kw_only=True)
class NumberWords:
    """One language's number vocabulary, compiled from its data file."""

    words: Mapping[str, int]
    multipliers: Mapping[str, int]
    not_numbers: frozenset[str]
    known: frozenset[str]  # every form in words, multipliers and not_numbers
    # Every multi-word expression (categories "phrase", "vague", "unspecified", "qualifier",
    # "postfix", "opener") in one matcher, so a document is scanned once: see _scan().
    expressions: PhraseMatcher[tuple[str, object]]
    range_joiners: frozenset[str]


def _qualifier_entries(
    table: Mapping[str, Sequence[str]], category: str
) -> list[tuple[str, tuple[str, object]]]:
    return [
        (str(phrase), (category, name))
        for name in sorted(table)
        if name in QUALIFIERS
        for phrase in table[name]
    ]


@lru_cache(maxsize=16)
def number_words(language: str) -> NumberWords:
    """The compiled number vocabulary of ``language`` (empty for languages without a data file)."""
    data = language_data("eventx", "data/numbers", language)
    expressions: list[tuple[str, tuple[str, object]]] = []
    expressions += [(k, ("phrase", int(v))) for k, v in sorted(data.get("phrases", {}).items())]
    for phrase, bounds in sorted(data.get("vague", {}).items()):
        low, high = (int(b) for b in bounds)
        expressions.append((phrase, ("vague", (low, high))))
    expressions += [
        (t, ("unspecified", "unspecified")) for t in data.get("unspecified", {}).get("terms", ())
    ]
    expressions += _qualifier_entries(data.get("qualifiers", {}), "qualifier")
    expressions += _qualifier_entries(data.get("postfix", {}), "postfix")
    ranges = data.get("ranges", {})
    expressions += [(t, ("opener", "range")) for t in ranges.get("openers", ())]
    word_values = {normalize_string(k): int(v) for k, v in data.get("words", {}).items()}
    scales = {normalize_string(k): int(v) for k, v in data.get("multipliers", {}).items()}
    not_numbers = frozenset(
        normalize_string(w) for w in data.get("not_numbers", {}).get("forms", ())
    )
    return NumberWords(
        words=word_values,
        multipliers=scales,
        not_numbers=not_numbers,
        known=frozenset(word_values) | frozenset(scales) | not_numbers,
        expressions=PhraseMatcher(expressions),
        range_joiners=frozenset(normalize_string(j) for j in ranges.get("joiners", ())),
    )


def _scan(
    doc: AnnotatedDocument, words: NumberWords, start: int, end: int
) -> dict[str, list[PhraseMatch[Any]]]:
    """Expressions by category, leftmost-longest and non-overlapping within each category (the
    same result as one matcher per category, in one pass over the document)."""
    by_category: dict[str, list[PhraseMatch[Any]]] = {}
    for match in words.expressions.finditer(doc, start=start, end=end, longest=False):
        category, payload = match.value
        by_category.setdefault(category, []).append(
            PhraseMatch(
                match.start, match.end, match.first_token, match.last_token, match.phrase, payload
            )
        )
    selected: dict[str, list[PhraseMatch[Any]]] = {}
    for category, found in by_category.items():
        found.sort(key=lambda m: (m.first_token, -(m.end - m.start), len(m.phrase)))
        kept: list[PhraseMatch[Any]] = []
        for match in found:
            if not kept or match.first_token > kept[-1].last_token:
                kept.append(match)
        selected[category] = kept
    return selected


#: The longest digit run read as a number (a count or size in news has far fewer digits).
MAX_DIGITS = 30


def parse_digits(text: str) -> int | None:
    """Digits with thousands separators (``1,200``, ``١٬٢٠٠``, ``4350``); None for decimals."""
    norm = normalize_string(text).replace(",", "").replace(" ", "")
    # not isdigit(): "²" is a digit int() refuses. Beyond MAX_DIGITS a digit run is an ID or
    # noise, never a count, and Python refuses to convert very long ones (int max str digits).
    if norm.isdecimal() and len(norm) <= MAX_DIGITS:
        return int(norm)
    return None


def _parse_decimal(norm: str) -> tuple[int, int] | None:
    """``"1.76"`` -> (176, 100): an exact fraction, so ``1.76 million`` is exactly 1,760,000."""
    whole, dot, frac = norm.partition(".")
    whole = whole.replace(",", "")
    if not dot or not whole.isdecimal() or not frac.isdecimal():
        return None
    if len(whole) + len(frac) > MAX_DIGITS:
        return None
    scale = 10 ** len(frac)
    return int(whole) * scale + int(frac), scale


def qualify(n: int, qualifier: str) -> Quantity:
    """The :class:`Quantity` a qualified number stands for (the documented conventions).

    ``exact`` N..N; ``more_than`` N+1..open, approximate; ``at_least`` N..open, not approximate;
    ``about`` floor(0.9N)..ceil(1.1N), approximate; ``nearly`` floor(0.9N)..N, approximate;
    ``up_to`` open..N, approximate; ``less_than`` open..N-1, approximate. ``count`` is N throughout.
    """
    if qualifier == "exact":
        return Quantity.exact(n)
    if qualifier == "more_than":
        return Quantity(count=n, min=n + 1, max=None, approximate=True)
    if qualifier == "at_least":
        return Quantity(count=n, min=n, max=None, approximate=False)
    if qualifier == "about":
        return Quantity(count=n, min=(9 * n) // 10, max=-((-11 * n) // 10), approximate=True)
    if qualifier == "nearly":
        return Quantity(count=n, min=(9 * n) // 10, max=n, approximate=True)
    if qualifier == "up_to":
        return Quantity(count=n, min=None, max=n, approximate=True)
    if qualifier == "less_than":
        return Quantity(count=n, min=None, max=max(n - 1, 0), approximate=True)
    raise ValueError(f"unknown qualifier {qualifier!r}. Available: {', '.join(QUALIFIERS)}")


@frozen(kw_only=True)
class NumberMatch:
    """An exact number in the text: ``value`` parsed from ``text`` at ``[start, end)``."""

    start: int
    end: int
    text: str
    value: int
    first_token: int
    last_token: int

    @property
    def quantity(self) -> Quantity:
        return Quantity.exact(self.value)


@frozen(kw_only=True)
class QuantityMatch:
    """A quantity with its qualifier: ``text`` at ``[start, end)`` covers qualifier and number.

    ``number`` is the exact number inside it (None for vague and unspecified amounts);
    ``qualifier`` is one of :data:`QUALIFIERS`.
    """

    start: int
    end: int
    text: str
    quantity: Quantity
    qualifier: str
    first_token: int
    last_token: int
    number: NumberMatch | None = None

    @property
    def value(self) -> int | None:
        return self.quantity.count


def _lookup(form: str, words: NumberWords, scale_first: bool) -> tuple[int, bool] | None:
    if scale_first and form in words.multipliers:
        return words.multipliers[form], True
    if form in words.words:
        return words.words[form], False
    if form in words.multipliers:
        return words.multipliers[form], True
    return None


def _word_values(
    token: Token, words: NumberWords, *, scale_first: bool = False
) -> list[tuple[int, bool]] | None:
    """The number words in one token: ``twenty-six`` -> [(20, False), (6, False)].

    ``ألف`` is both "a thousand" and the scale in "عشرين ألف": ``scale_first`` picks the scale
    reading once a number has started.
    """
    forms = token.forms
    if words.known.isdisjoint(forms) and "-" not in token.norm:
        return None  # the common case, decided with one set operation
    if any(form in words.not_numbers for form in forms):
        return None
    for form in forms:
        found = _lookup(form, words, scale_first)
        if found is not None:
            return [found]
    if "-" in token.norm:
        parts = [_lookup(p, words, scale_first) for p in token.norm.split("-")]
        if parts and all(p is not None for p in parts):
            return [p for p in parts if p is not None]
    return None


class _WordNumber:
    """Accumulates number words left to right, refusing combinations news never writes.

    ``ستة وعشرين`` (units and tens), ``ثمانية عشر`` (teens), ``مئة وأربعة`` (hundreds then less),
    ``ثلاثة آلاف`` (scale), ``twenty six``; but not ``عشرة وخمسة`` (two separate numbers in a
    list) nor ``five six``.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self.total = 0  # completed thousands/millions
        self.group = 0  # the part below the last scale word
        self.last: int | None = None
        self.started = False

    @property
    def value(self) -> int:
        return self.total + self.group

    def copy(self) -> _WordNumber:
        """An independent copy (explicit: ``copy.copy`` cannot rebuild a compiled class)."""
        twin = _WordNumber(self.language)
        twin.total, twin.group, twin.last, twin.started = (
            self.total,
            self.group,
            self.last,
            self.started,
        )
        return twin

    def add(self, amount: int, is_multiplier: bool, joined_by_conjunction: bool) -> bool:
        """Take one word; False (and no change) if it cannot continue this number."""
        if not self.started:
            if is_multiplier and amount != 12:  # a bare "thousand" is not a count by itself
                return False
            self.started = True
            if amount >= 1000:
                self.total, self.group = amount, 0
            else:
                self.group = amount
            self.last = amount
            return True
        if is_multiplier and not joined_by_conjunction:
            if amount == 100 or amount == 12:
                if not 1 <= self.group <= 9:
                    return False
                self.group *= amount
            else:
                if self.group == 0 or self.group >= 1000:
                    return False
                self.total += self.group * amount
                self.group = 0
            self.last = amount
            return True
        if is_multiplier:
            return False
        last = self.last or 0
        if joined_by_conjunction:
            units_then_tens = 1 <= last <= 9 and amount in range(20, 100, 10)
            after_round = self.group >= 100 and self.group % 100 == 0 and amount < 100
            after_scale = self.group == 0 and self.total > 0 and amount < 1000
            after_hundreds = self.group >= 100 and amount < self.group % 100 + 100 and last < 10
            if not (units_then_tens or after_round or after_scale or after_hundreds):
                return False
            if units_then_tens and self.language == "en":
                return False  # English writes "twenty-six", never "six and twenty" in news
        else:
            teen = 1 <= last <= 9 and amount == 10 and self.group % 100 == last
            tens_units = self.language == "en" and last in range(20, 100, 10) and 1 <= amount <= 9
            after_scale = self.group == 0 and self.total > 0 and amount < 1000
            if not (teen or tens_units or after_scale):
                return False
        self.group += amount
        self.last = amount
        return True


def find_numbers(
    doc: AnnotatedDocument, *, start: int = 0, end: int | None = None
) -> Iterator[NumberMatch]:
    """Exact numbers written in digits or words inside ``[start, end)``, left to right."""
    stop = len(doc.text) if end is None else end
    yield from _numbers_in(doc, start, stop)


# Extractors ask for the same windows again and again (several plugins read every number of the
# whole document), so each window's results are kept on the document. They depend only on the
# document and the window, and are never mutated, so a cached answer is the answer.
_EXPRESSIONS_KEY = "eventx.numbers.expressions"
_NUMBERS_KEY = "eventx.numbers.numbers"
_QUANTITIES_KEY = "eventx.numbers.quantities"


def _expressions_in(
    doc: AnnotatedDocument, start: int, stop: int
) -> dict[str, list[PhraseMatch[Any]]]:
    """:func:`_scan` of ``[start, stop)``, computed once per document and window."""
    key = (_EXPRESSIONS_KEY, start, stop)
    found: dict[str, list[PhraseMatch[Any]]] | None = doc.matcher_cache.get(key)
    if found is None:
        found = _scan(doc, number_words(doc.language), start, stop)
        doc.matcher_cache[key] = found
    return found


def _numbers_in(doc: AnnotatedDocument, start: int, stop: int) -> list[NumberMatch]:
    """The numbers of ``[start, stop)``, computed once per document and window."""
    key = (_NUMBERS_KEY, start, stop)
    found: list[NumberMatch] | None = doc.matcher_cache.get(key)
    if found is None:
        words = number_words(doc.language)
        phrases = _expressions_in(doc, start, stop).get("phrase", [])
        found = list(_numbers(doc, start, stop, words, phrases))
        doc.matcher_cache[key] = found
    return found


def _numbers(
    doc: AnnotatedDocument,
    start: int,
    stop: int,
    words: NumberWords,
    phrase_matches: Sequence[PhraseMatch[int]],
) -> Iterator[NumberMatch]:
    conjunctions = _CONJUNCTION.get(doc.language, ())
    tokens = doc.tokens
    phrases = {m.first_token: m for m in phrase_matches}
    # Only some tokens can start a number: a number phrase, digits, a number word (or a
    # hyphenated word). They are found in the document's form index (set operations, cached
    # per document), and the loop below jumps from one to the next instead of visiting
    # every token; what it does at each is unchanged.
    starts = doc.token_starts
    # Start at the first token inside the window: callers search sentence by sentence.
    i = bisect.bisect_left(starts, start)
    every = _number_candidates(doc, words)
    after = bisect.bisect_left(starts, stop)  # tokens from here start at or after ``stop``
    window = every[bisect.bisect_left(every, i) : bisect.bisect_left(every, after)]
    candidates = sorted({*window, *phrases})
    k = 0
    while True:
        # A token that is no candidate would only be stepped over (i += 1): jump to the next.
        k = bisect.bisect_left(candidates, i, k)
        if k == len(candidates):
            break
        i = candidates[k]
        token = tokens[i]
        if token.start < start:
            i += 1
            continue
        if token.end > stop:
            break
        if i in phrases:
            phrase = phrases[i]
            yield NumberMatch(
                start=phrase.start,
                end=phrase.end,
                text=doc.text[phrase.start : phrase.end],
                value=phrase.value,
                first_token=i,
                last_token=phrase.last_token,
            )
            i = phrase.last_token + 1
            continue
        if token.norm[:1].isdecimal():
            match = _digits_at(doc, i, stop, words)
            if match is not None:
                yield match
                i = match.last_token + 1
            else:
                i += 1
            continue
        if "-" not in token.norm and words.known.isdisjoint((token.norm, *token.stems)):
            i += 1  # no number word (what _word_values decides first), checked inline: hot loop
            continue
        match = _words_at(doc, i, stop, words, conjunctions)
        if match is None:
            i += 1
            continue
        yield match
        i = match.last_token + 1


def _number_candidates(doc: AnnotatedDocument, words: NumberWords) -> list[int]:
    """Sorted indices of the tokens :func:`_numbers` may read a number at (besides phrase
    starts): digits first, a hyphen, or a form among the number words. Cached per document."""
    key = (_NUMBERS_KEY, "candidates", words.known)
    found: list[int] | None = doc.matcher_cache.get(key)
    if found is None:
        index = doc.form_index
        forms = [f for f in index if f[:1].isdecimal() or "-" in f]
        forms.extend(common_forms(index, words.known))
        found = sorted({i for form in forms for i in index[form]})
        doc.matcher_cache[key] = found
    return found


def _scale_after(tokens: Sequence[Token], j: int, stop: int, words: NumberWords) -> int | None:
    if j + 1 < len(tokens) and tokens[j + 1].end <= stop:
        values = _word_values(tokens[j + 1], words, scale_first=True)
        if values and len(values) == 1 and values[0][1] and values[0][0] >= 1000:
            return values[0][0]
    return None


def _digits_after_scale(
    tokens: Sequence[Token], j: int, stop: int, scale: int
) -> tuple[int, int] | None:
    """A smaller digit group joined to a scaled number by و/and: (its value, its token)."""
    k = j + 1
    if k + 1 < len(tokens) and tokens[k].norm in ("و", "and") and tokens[k + 1].end <= stop:
        value = parse_digits(tokens[k + 1].norm)
        if value is not None and value < scale:
            return value, k + 1
    return None


def _digits_at(doc: AnnotatedDocument, i: int, stop: int, words: NumberWords) -> NumberMatch | None:
    tokens = doc.tokens
    token = tokens[i]
    value = parse_digits(token.norm)
    scale = _scale_after(tokens, i, stop, words)
    j = i
    if value is None:
        # A decimal is a count only with a scale word: "1.76 million", "2.5 مليون".
        fraction = _parse_decimal(token.norm)
        if fraction is None or scale is None:
            return None
        numerator, denominator = fraction
        value, j = numerator * scale // denominator, i + 1
    elif scale is not None:
        value, j = value * scale, i + 1
        rest = _digits_after_scale(tokens, j, stop, scale)
        if rest is not None:  # "3 آلاف و500", "2 million and 300"
            value, j = value + rest[0], rest[1]
    return NumberMatch(
        start=token.start,
        end=tokens[j].end,
        text=doc.text[token.start : tokens[j].end],
        value=value,
        first_token=i,
        last_token=j,
    )


def _words_at(
    doc: AnnotatedDocument,
    i: int,
    stop: int,
    words: NumberWords,
    conjunctions: tuple[str, ...],
) -> NumberMatch | None:
    tokens = doc.tokens
    first = _word_values(tokens[i], words)
    if first is None:
        return None
    number = _WordNumber(doc.language)
    for amount, is_multiplier in first:
        if not number.add(amount, is_multiplier, joined_by_conjunction=False):
            return None
    j = i
    k = i + 1
    while k < len(tokens) and tokens[k].end <= stop:
        candidate = tokens[k]
        joined = False
        if candidate.norm in conjunctions and k + 1 < len(tokens):
            # "and" as its own token: "three hundred and five", "مئة و 15"
            joined, k = True, k + 1
            candidate = tokens[k]
        elif doc.language == "ar" and _starts_with_conjunction(candidate, words):
            joined = True  # "وعشرين": the conjunction is written on the word
        values = _word_values(candidate, words, scale_first=True)
        if values is None:
            break
        trial = number.copy()  # "and twenty-one" adds two words, or neither
        if not all(
            trial.add(amount, is_multiplier, joined_by_conjunction=joined and n == 0)
            for n, (amount, is_multiplier) in enumerate(values)
        ):
            break
        number = trial
        j = k
        k += 1
    return NumberMatch(
        start=tokens[i].start,
        end=tokens[j].end,
        text=doc.text[tokens[i].start : tokens[j].end],
        value=number.value,
        first_token=i,
        last_token=j,
    )


def _starts_with_conjunction(token: Token, words: NumberWords) -> bool:
    """Whether an Arabic number word carries the conjunction و (``وعشرين``), not ``واحد``."""
    return (
        token.norm.startswith("و")
        and token.norm not in words.words
        and (token.norm[1:] in words.words or token.norm[1:] in words.multipliers)
    )


def find_quantities(
    doc: AnnotatedDocument, *, start: int = 0, end: int | None = None
) -> Iterator[QuantityMatch]:
    """Quantities inside ``[start, end)``, left to right: numbers with their qualifiers and
    ranges, vague amounts (``عشرات``, ``hundreds``) and unspecified ones (``عدد من``).

    Computed once per document and window: several extractors ask for the same document's
    quantities (casualties and deployments both read the whole document's).
    """
    stop = len(doc.text) if end is None else end
    key = (_QUANTITIES_KEY, start, stop)
    found: list[QuantityMatch] | None = doc.matcher_cache.get(key)
    if found is None:
        found = _find_quantities(doc, start, stop)
        doc.matcher_cache[key] = found
    return iter(found)


def _find_quantities(doc: AnnotatedDocument, start: int, stop: int) -> list[QuantityMatch]:
    words = number_words(doc.language)
    tokens = doc.tokens
    expressions = _expressions_in(doc, start, stop)
    numbers = _numbers_in(doc, start, stop)
    # A vague expression that contains a number is read as a whole: "several hundred", "a few
    # dozen". A number that contains a vague word stays a number: "ثلاثة آلاف".
    vague_spans = expressions.get("vague", [])
    vague_firsts = [span.first_token for span in vague_spans]
    numbers = [n for n in numbers if not _inside_longer(n, vague_spans, vague_firsts)]
    qualifiers = {m.last_token: m for m in expressions.get("qualifier", ())}
    postfixes = {m.first_token: m for m in expressions.get("postfix", ())}
    openers = {m.last_token: m for m in expressions.get("opener", ())}
    by_first = {n.first_token: n for n in numbers}
    found: list[QuantityMatch] = []
    used_numbers: set[int] = set()
    for number in numbers:
        if number.first_token in used_numbers:
            continue
        ranged = _range_at(doc, number, by_first, openers, words)
        if ranged is not None:
            found.append(ranged)
            used_numbers.add(number.first_token)
            if ranged.last_token in {n.last_token for n in numbers}:
                used_numbers.update(
                    n.first_token for n in numbers if n.last_token == ranged.last_token
                )
            continue
        used_numbers.add(number.first_token)
        found.append(_qualified(doc, number, qualifiers, postfixes, tokens))
    covered = {t for q in found for t in range(q.first_token, q.last_token + 1)}
    for vague in expressions.get("vague", ()):
        if covered.intersection(range(vague.first_token, vague.last_token + 1)):
            continue  # "ثلاثة آلاف" is a number, not the vague "آلاف"
        low, high = vague.value
        found.append(
            QuantityMatch(
                start=vague.start,
                end=vague.end,
                text=doc.text[vague.start : vague.end],
                quantity=Quantity(count=None, min=low, max=high, approximate=True),
                qualifier="vague",
                first_token=vague.first_token,
                last_token=vague.last_token,
            )
        )
        covered.update(range(vague.first_token, vague.last_token + 1))
    for loose in expressions.get("unspecified", ()):
        if covered.intersection(range(loose.first_token, loose.last_token + 1)):
            continue
        if loose.last_token + 1 in by_first:
            continue  # "a number of 12" never happens; "several" before a number is not vague
        found.append(
            QuantityMatch(
                start=loose.start,
                end=loose.end,
                text=doc.text[loose.start : loose.end],
                quantity=Quantity(count=None, min=None, max=None, approximate=True),
                qualifier="unspecified",
                first_token=loose.first_token,
                last_token=loose.last_token,
            )
        )
    found.sort(key=lambda q: (q.start, q.end))
    return found


def _inside_longer(
    number: NumberMatch, spans: Sequence[PhraseMatch[Any]], firsts: Sequence[int]
) -> bool:
    """Whether a longer span contains ``number``. ``spans`` are non-overlapping and in order
    (``firsts``: their first tokens), so only the last one starting at or before the number can:
    a bisection, not a walk over every span per number."""
    k = bisect.bisect_right(firsts, number.first_token) - 1
    if k < 0:
        return False
    s = spans[k]
    return number.last_token <= s.last_token and (s.first_token, s.last_token) != (
        number.first_token,
        number.last_token,
    )


def _qualified(
    doc: AnnotatedDocument,
    number: NumberMatch,
    qualifiers: Mapping[int, PhraseMatch[str]],
    postfixes: Mapping[int, PhraseMatch[str]],
    tokens: Sequence[Token],
) -> QuantityMatch:
    first, last = number.first_token, number.last_token
    qualifier = "exact"
    before = qualifiers.get(first - 1)
    if before is not None:
        qualifier = before.value
        first = before.first_token
    else:
        # Postfix qualifiers may follow the counted noun: "عشرون شخصا على الأقل", "50 or so".
        k = last + 1
        sentence = doc.sentence_index_at(number.start)  # once, not once per token read
        while k < len(tokens) and k <= last + 1 + _POSTFIX_REACH:
            if doc.sentence_index_at(tokens[k].start) != sentence:
                break
            after = postfixes.get(k)
            if after is not None:
                qualifier = after.value
                break
            if not tokens[k].norm[:1].isalpha():
                break
            k += 1
    start = tokens[first].start
    return QuantityMatch(
        start=start,
        end=number.end,
        text=doc.text[start : number.end],
        quantity=qualify(number.value, qualifier),
        qualifier=qualifier,
        first_token=first,
        last_token=last,
        number=number,
    )


def _range_at(
    doc: AnnotatedDocument,
    number: NumberMatch,
    by_first: Mapping[int, NumberMatch],
    openers: Mapping[int, PhraseMatch[str]],
    words: NumberWords,
) -> QuantityMatch | None:
    """``بين 10 و15``, ``between 10 and 15``, ``10-15``: a range when the second is larger."""
    tokens = doc.tokens
    k = number.last_token + 1
    if k >= len(tokens):
        return None
    joiner = tokens[k].norm
    second: NumberMatch | None = None
    if joiner in words.range_joiners:
        second = by_first.get(k + 1)
    elif doc.language == "ar" and joiner.startswith("و"):
        second = None  # "و15" is tokenised as "و" + "15"; a fused "وعشرين" is part of one number
    if second is None or second.value <= number.value:
        return None
    opener = openers.get(number.first_token - 1)
    if opener is None and joiner not in {"-"}:
        return None  # "10 and 15" alone is a list, not a range
    first = opener.first_token if opener is not None else number.first_token
    start = tokens[first].start
    return QuantityMatch(
        start=start,
        end=second.end,
        text=doc.text[start : second.end],
        quantity=Quantity(count=None, min=number.value, max=second.value, approximate=True),
        qualifier="range",
        first_token=first,
        last_token=second.last_token,
        number=number,
    )


def parse_number(text: str, language: str) -> int | None:
    """The value of a number written alone (``"1,200"``, ``"ستة وعشرين"``, ``"twenty-six"``)."""
    from eventx.nlp.builtin import BuiltinBackend

    doc = BuiltinBackend().annotate(text, language)
    found = list(find_numbers(doc))
    if len(found) != 1 or found[0].first_token != 0 or found[0].last_token != len(doc.tokens) - 1:
        return None
    return found[0].value


def parse_quantity(text: str, language: str) -> Quantity | None:
    """The :class:`Quantity` of a quantity expression written alone (``"أكثر من 100"``)."""
    from eventx.nlp.builtin import BuiltinBackend

    doc = BuiltinBackend().annotate(text, language)
    found = list(find_quantities(doc))
    if len(found) != 1:
        return None
    return found[0].quantity
