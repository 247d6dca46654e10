"""Quoted spans: every quotation mark news uses, balanced or not, nested or not.

Marks are paired with a stack. Directional marks open or close by their shape (« », „ “, “ ”),
but the press often misuses them (Arabic sites write ``:” ... ”``), so a closing-shaped mark opens
a quote when none is open, and symmetric marks (``"``) close the innermost quote they match.
A single ``’`` is an apostrophe unless a ``‘`` quote is open and no letter follows it. A quote still
open at a line break (news paragraphs are lines) or at the end of the text ends there: unbalanced
quotes keep their words. Only outermost quotes are returned; nested ones are part of them.
"""

from __future__ import annotations

import regex
from attrs import frozen

# `` and '' are the typewriter quotes of wire copy and treebank-style corpora (AP, TimeBank).
_MARKS_RE = regex.compile(r"``|''|[\"“”„«»‘’‹›\n]")
# What each opening mark may be closed by.
_CLOSERS: dict[str, str] = {
    "“": "”“",  # English “ ”, German „ “ is handled below
    "”": "”“",
    "„": "“”",
    "«": "»",
    "»": "«",  # Danish/Swedish style » ... «
    '"': '"”“',
    "‘": "’",
    "‹": "›",
    "``": "''",
}
_OPENERS = frozenset(["“", "„", "«", "‘", "‹", '"', "``"])


def _closers(opener: str) -> tuple[str, ...]:
    """The marks that close ``opener`` (two-character marks count as one)."""
    closers = _CLOSERS.get(opener, "")
    return (closers,) if len(opener) == 2 else tuple(closers)


@frozen
class Quote:
    """A quoted span: ``[start, end)`` includes the marks; ``inner`` excludes them."""

    start: int
    end: int
    inner_start: int
    inner_end: int


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _close(
    text: str, stack: list[tuple[str, int]], quotes: list[Quote], end_inner: int, end: int
) -> None:
    """Close the innermost open quote; an outermost one with a letter inside is kept.
    (A module function, not a closure: compiled, a closure makes a reference cycle per call.)"""
    mark, start = stack.pop()
    if not stack:
        inner_start = start + len(mark)
        body = text[inner_start:end_inner]
        if any(map(str.isalpha, body)):  # (map: no Python frame per character)
            strip_l = len(body) - len(body.lstrip())
            strip_r = len(body) - len(body.rstrip())
            quotes.append(Quote(start, end, inner_start + strip_l, end_inner - strip_r))


def find_quotes(text: str) -> list[Quote]:
    """Outermost quoted spans of ``text`` in order; only spans with at least one letter."""
    quotes: list[Quote] = []
    stack: list[tuple[str, int]] = []

    for match in _MARKS_RE.finditer(text):
        ch = match.group()
        pos = match.start()
        if ch == "\n":
            while stack:  # a paragraph ends every open quote
                _close(text, stack, quotes, pos, pos)
            continue
        before = text[pos - 1] if pos > 0 else " "
        after = text[pos + 1] if pos + 1 < len(text) else " "
        if ch in "’‘" and _is_letter(before) and _is_letter(after):
            continue  # an apostrophe inside a word (don’t, Britain’s)
        if ch == "’" and not any(m == "‘" for m, _ in stack):
            continue  # a possessive or elision apostrophe (the Taliban’ ...)
        if stack and ch in _closers(stack[-1][0]):
            _close(text, stack, quotes, pos, pos + len(ch))
            continue
        if ch == "''":
            continue  # a closing mark with nothing open
        if ch == "``" and stack and stack[-1][0] == "``":
            # Wire copy reopens a quotation at each of its paragraphs without closing the one
            # before; with the paragraph breaks lost, a new `` ends the open quote.
            _close(text, stack, quotes, pos, pos)
        if ch in _OPENERS or ch in ("”", "»", "›"):
            if ch == "‘" and _is_letter(before):
                continue
            stack.append((ch, pos))
    while stack:
        _close(text, stack, quotes, len(text), len(text))
    quotes.sort(key=lambda q: q.start)
    return quotes
