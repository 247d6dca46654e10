"""Numbers as news writes them, shared by every plugin that counts (casualties, deployment sizes).

``parse_number("1,200") == 1200``, ``parse_number("٢٦") == 26``, ``parse_number("ستة وعشرين", "ar")
== 26``. ``find_numbers`` locates numbers (digits or words) in an annotated document with their
original offsets. Number words live in ``eventx/data/numbers/<lang>.toml``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache

from attrs import frozen

from eventx.lexicon import language_data
from eventx.nlp.annotation import AnnotatedDocument, Token
from eventx.nlp.normalize import normalize_string
from eventx.record.facts import Quantity

_CONJUNCTION = {"ar": ("و",), "en": ("and",)}


@frozen(kw_only=True)
class NumberWords:
    words: Mapping[str, int]
    multipliers: Mapping[str, int]


@lru_cache(maxsize=16)
def number_words(language: str) -> NumberWords:
    data = language_data("eventx", "data/numbers", language)
    return NumberWords(
        words={normalize_string(k): int(v) for k, v in data.get("words", {}).items()},
        multipliers={normalize_string(k): int(v) for k, v in data.get("multipliers", {}).items()},
    )


def parse_digits(text: str) -> int | None:
    """Digits with thousands separators (``1,200``, ``١٬٢٠٠``, ``4350``); None for decimals."""
    norm = normalize_string(text).replace(",", "").replace(" ", "")
    if norm.isdecimal():  # not isdigit: superscripts such as "¹" are digits int() rejects
        return int(norm)
    return None


@frozen(kw_only=True)
class NumberMatch:
    start: int
    end: int
    text: str
    value: int
    first_token: int
    last_token: int

    @property
    def quantity(self) -> Quantity:
        return Quantity.exact(self.value)


def _word_value(token: Token, words: NumberWords) -> tuple[int, bool] | None:
    """(value, is_multiplier) for a number-word token, trying its clitic-free stems too."""
    for form in token.forms:
        if form in words.words:
            return words.words[form], False
        if form in words.multipliers:
            return words.multipliers[form], True
    return None


def find_numbers(
    doc: AnnotatedDocument, *, start: int = 0, end: int | None = None
) -> Iterator[NumberMatch]:
    """Numbers written in digits or words inside ``[start, end)``, left to right."""
    stop = len(doc.text) if end is None else end
    words = number_words(doc.language)
    conjunctions = _CONJUNCTION.get(doc.language, ())
    tokens = doc.tokens
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.end <= start or token.start < start:
            i += 1
            continue
        if token.start >= stop:
            break
        digits = parse_digits(token.norm) if token.norm[:1].isdigit() else None
        if digits is not None:
            value, j = digits, i
            # "3 million", "5 آلاف"
            if j + 1 < len(tokens):
                scale = _word_value(tokens[j + 1], words)
                if scale is not None and scale[1]:
                    value *= scale[0]
                    j += 1
            yield NumberMatch(
                start=token.start,
                end=tokens[j].end,
                text=doc.text[token.start : tokens[j].end],
                value=value,
                first_token=i,
                last_token=j,
            )
            i = j + 1
            continue
        first = _word_value(token, words)
        if first is None:
            i += 1
            continue
        total, current, j = 0, first[0], i
        # Combine "ستة وعشرين", "twenty six", "three hundred and five", "ثلاثة آلاف".
        k = i + 1
        while k < len(tokens) and tokens[k].end <= stop:
            candidate = tokens[k]
            if candidate.norm in conjunctions and k + 1 < len(tokens):
                if _word_value(tokens[k + 1], words) is None:
                    break
                k += 1
                candidate = tokens[k]
            word_value = _word_value(candidate, words)
            if word_value is None:
                break
            amount, is_multiplier = word_value
            if is_multiplier:
                current = max(current, 1) * amount
                if amount >= 1000:
                    total, current = total + current, 0
            else:
                current += amount
            j = k
            k += 1
        value_total = total + current
        if first[1] and j == i:  # a bare multiplier ("thousand") is not a count by itself
            i += 1
            continue
        yield NumberMatch(
            start=token.start,
            end=tokens[j].end,
            text=doc.text[token.start : tokens[j].end],
            value=value_total,
            first_token=i,
            last_token=j,
        )
        i = j + 1
