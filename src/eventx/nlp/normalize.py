"""Normalisation for matching, with a map back to the original character offsets.

Every original character becomes zero or one normalised character, so offsets map back exactly:
deleted characters (Arabic diacritics, tatweel, bidi and zero-width controls) are remembered by
position, and a normalised index ``j`` maps to ``j + (deletions at or before it)`` by bisection.
Evidence therefore always points at the user's own characters, never at normalised text.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from attrs import frozen

# Harakat, shadda, sukun, dagger alef, Quranic marks, and tatweel: invisible to meaning when matching.
_ARABIC_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8\u06ea-\u06ed\u0640"
# Bidi embeddings/overrides/isolates, LRM/RLM/ALM, zero-width joiners and the BOM.
_CONTROLS = "\u200b-\u200f\u202a-\u202e\u2066-\u2069\u061c\ufeff"
#: Deleted characters that belong to the letter before them (diacritics, tatweel), unlike controls.
TRAILING_MARKS = frozenset(
    chr(c)
    for lo, hi in (
        (0x0610, 0x061A),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06DC),
        (0x06DF, 0x06E8),
        (0x06EA, 0x06ED),
        (0x0640, 0x0640),
    )
    for c in range(lo, hi + 1)
)
DELETED_RE = re.compile(f"[{_ARABIC_MARKS}{_CONTROLS}]")

_ONE_TO_ONE: dict[str, str] = {
    # alef with hamza/madda, wasla -> bare alef
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    # ta marbuta -> ha, alef maqsura -> ya, hamza on carriers
    "ة": "ه",
    "ى": "ي",
    "ؤ": "و",
    "ئ": "ي",
    # Persian/Urdu letter variants seen in Arabic web text
    "ک": "ك",
    "ی": "ي",
    "ۀ": "ه",
    # Arabic-Indic and extended (Persian) digits -> ASCII digits
    **{chr(0x0660 + i): str(i) for i in range(10)},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    # Arabic punctuation -> ASCII for simpler patterns
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٫": ".",
    "٬": ",",
    # NUL and other C0 controls become spaces so they split tokens
    **{chr(i): " " for i in range(0, 32) if chr(i) not in "\n\t\r"},
    # typographic quotes/dashes -> ASCII
    "\u00a0": " ",
    "\u2019": "'",
    "\u2018": "'",
    "\u2013": "-",
    "\u2014": "-",
}


@lru_cache(maxsize=1)
def _translation_table() -> dict[int, str]:
    table = {ord(k): v for k, v in _ONE_TO_ONE.items()}
    for code in range(0x41, 0x5B):  # ASCII upper -> lower; other scripts via str.lower below
        table[code] = chr(code + 32)
    return table


def _lower_one_to_one(text: str) -> str:
    """Lowercase without changing length (``str.lower`` can expand, e.g. 'İ')."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def normalize_string(text: str) -> str:
    """Normalise a short string (a lexicon entry, a name) the same way documents are."""
    if len(text) <= _CACHED_LENGTH:
        return _normalize_word(text)
    return _normalize_string(text)


#: Strings up to this length are normalised through a small cache: extractors normalise the
#: same words (names, the words before a place, cue words) thousands of times per document.
_CACHED_LENGTH = 48


def _normalize_string(text: str) -> str:
    return _lower_one_to_one(DELETED_RE.sub("", text).translate(_translation_table()))


_normalize_word = lru_cache(maxsize=8192)(_normalize_string)


@frozen
class NormalizedText:
    """A normalised copy of ``original`` plus what is needed to map offsets back."""

    original: str
    text: str
    # _shift[i] = (original position of the i-th deleted char) - i, non-decreasing.
    _shift: tuple[int, ...]
    # Original positions of the deleted characters, ascending.
    _deleted: tuple[int, ...] = ()

    @property
    def has_deletions(self) -> bool:
        return bool(self._shift)

    @property
    def shifts(self) -> tuple[int, ...]:
        """Non-decreasing: normalised offset ``j`` maps to ``j + (shifts <= j)`` (to_original)."""
        return self._shift

    def to_normalized(self, index: int) -> int:
        """Normalised offset of original offset ``index`` (a deleted character maps forward)."""
        deleted_before = bisect.bisect_left(self._deleted, index)
        return index - deleted_before

    def to_original(self, index: int) -> int:
        """Original offset of normalised offset ``index`` (``index == len(text)`` maps to the end)."""
        if index >= len(self.text):
            return len(self.original)
        return index + bisect.bisect_right(self._shift, index)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` covering normalised ``[start, end)``."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.to_original(start), self.to_original(end - 1) + 1


#: The one-to-one replacements as (character, replacement) pairs, for :func:`_replace_each`.
#: No replacement is itself replaced (tests/test_nlp.py checks), so replacing one character
#: after another gives what one ``str.translate`` over the table does.
_REPLACEMENTS = tuple(_ONE_TO_ONE.items())


def _replace_each(text: str) -> str:
    """``text.translate(_translation_table())`` but for ASCII capitals (left to the lowercasing
    that follows), computed as one ``str.replace`` per character the text holds.

    On a document this is ~12x faster: ``str.translate`` with a dict looks every character of
    non-ASCII text up one by one (1.6 ms of every 100 ms of a run over the pinned dev articles),
    while ``in`` and ``replace`` scan for one character in C. For short strings the ~50 scans
    cost more than a translate, so only whole documents go this way.
    """
    for char, replacement in _REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def normalize(text: str) -> NormalizedText:
    deleted = [m.start() for m in DELETED_RE.finditer(text)]
    stripped = DELETED_RE.sub("", text) if deleted else text
    normalized = _lower_one_to_one(_replace_each(stripped))
    shift = tuple(pos - i for i, pos in enumerate(deleted))
    return NormalizedText(text, normalized, shift, tuple(deleted))
