"""The built-in rule-based backend: nothing to download, always available, fast.

It tokenises and splits the *normalised* text (so diacritics and bidi marks never split a word)
and maps every span back to the original offsets.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from eventx.nlp.annotation import AnnotatedDocument, Sentence, Token
from eventx.nlp.normalize import TRAILING_MARKS, NormalizedText, normalize

# Numbers keep their separators ("1,200", "1.76"); words keep inner apostrophes and hyphens.
_TOKEN_RE = regex.compile(
    r"(?P<num>\d+(?:[.,]\d+)*)"
    r"|(?P<word>[\p{L}\p{M}]+(?:['\-][\p{L}\p{M}]+)*)"
    r"|(?P<punct>\S)"
)
# The same tokens, each with the whitespace before it (group 1), for ``findall``: a token's
# offsets follow from the lengths of what came before, so the hot loop reads plain strings
# instead of calling span(), group() and lastindex on a match object per token. Every
# non-space character starts a token, so only whitespace lies between tokens.
_SPACED_TOKEN_RE = regex.compile(
    r"(\s*+)(?:(\d+(?:[.,]\d+)*)|([\p{L}\p{M}]+(?:['\-][\p{L}\p{M}]+)*)|(\S))"
)
# A sentence ends at terminal punctuation (with any closing quotes/brackets) before whitespace,
# and always at a line break: Arabic news puts titles and paragraphs on their own lines.
# A match may only start at the first mark of a run, and possessive quantifiers never give
# back: without both, a long run of dots costs quadratic time (100k dots took minutes).
_BOUNDARY_RE = regex.compile(r"(?<![.!?…])[.!?…]++[\"'”»)\]]*+(?=\s)|\n+")
_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "sgt",
        "capt",
        "maj",
        "cpl",
        "st",
        "mt",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "no",
        "vs",
        "etc",
        "inc",
        "ltd",
        "co",
        "corp",
        "gov",
        "sen",
        "rep",
        "rev",
        "prof",
        "jr",
        "sr",
        "u.s",
        "u.n",
        "u.k",
        "e.g",
        "i.e",
        "a.m",
        "p.m",
        "fig",
        "est",
        "approx",
        "dept",
        "univ",
    ]
)

_CONJUNCTIONS = ("", "و", "ف")
_PREPOSITIONS = ("", "ب", "ل", "ك")


@lru_cache(maxsize=65536)
def arabic_stems(word: str) -> tuple[str, ...]:
    """Normalised forms of ``word`` with proclitics removed (conjunction, preposition, article).

    ``وبالقوات`` -> (``بالقوات``, ``القوات``, ``قوات``, ``بقوات``...); stems shorter than two letters
    are not offered, so short words are not reduced to noise.
    """
    found: list[str] = []
    for conj in _CONJUNCTIONS:
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        for prep in _PREPOSITIONS:
            if prep and not rest.startswith(prep):
                continue
            base = rest[len(prep) :]
            candidates = [base]
            if base.startswith("ال"):
                candidates.append(base[2:])
            if prep == "ل" and base.startswith("ل"):  # لل = ل + ال with the alef dropped
                candidates.append(base[1:])
            for candidate in candidates:
                if len(candidate) >= 2 and candidate != word and candidate not in found:
                    found.append(candidate)
    return tuple(found)


def english_stems(word: str) -> tuple[str, ...]:
    if word.endswith("'s") and len(word) > 3:
        return (word[:-2],)
    return ()


def _is_abbreviation(norm: str, end: int) -> bool:
    """Whether the '.' at ``norm[end]`` closes an abbreviation or an initial, not a sentence."""
    if norm[end] != ".":
        return False
    start = end
    while start > 0 and (norm[start - 1].isalpha() or norm[start - 1] == "."):
        start -= 1
    word = norm[start:end]
    if len(word) == 1 and word.isalpha():
        return True  # an initial: "J. Smith", "U.S." is handled by the list
    return word in _ABBREVIATIONS


def split_sentences(norm: str) -> list[tuple[int, int]]:
    """Sentence spans over the normalised text (whitespace trimmed, empty ones dropped)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY_RE.finditer(norm):
        if match.group().startswith(".") and _is_abbreviation(norm, match.start()):
            continue
        end = match.end()
        spans.append((start, end))
        start = end
    spans.append((start, len(norm)))
    trimmed: list[tuple[int, int]] = []
    for a, b in spans:
        while a < b and norm[a].isspace():
            a += 1
        while b > a and norm[b - 1].isspace():
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed


class BuiltinBackend:
    """Sentence splitting, tokenisation and Arabic clitic stems, with no models."""

    name = "builtin"

    def annotate(self, text: str, language: str) -> AnnotatedDocument:
        normalized = normalize(text)
        return annotate_normalized(normalized, language, backend=self.name)


#: Tokens are built with tuple's own constructor: a NamedTuple's generated ``__new__`` is a
#: Python call per token, the largest cost of annotating once the regexes have run.
_new_tuple = tuple.__new__


def annotate_normalized(
    normalized: NormalizedText, language: str, *, backend: str = "builtin"
) -> AnnotatedDocument:
    norm = normalized.text
    original = normalized.original
    stems = arabic_stems if language == "ar" else english_stems
    english = stems is english_stems
    sentences: list[Sentence] = []
    # Offsets map back with a bisection per boundary; without deletions they are the identity.
    identity = not normalized.has_deletions
    length = len(original)
    # to_original without a bisection per token: tokens come in text order, so one pointer
    # into the shifts advances through the document (k = how many shifts are <= the offset).
    shifts = normalized.shifts
    n_shifts = len(shifts)
    k = 0
    findall = _SPACED_TOKEN_RE.findall
    new_tuple = _new_tuple
    token_type = Token
    no_stems: tuple[str, ...] = ()
    # The document's form index (AnnotatedDocument.form_index), filled in the same pass: every
    # lexicon search reads it, and building it afterwards walked every token a second time.
    forms: dict[str, list[int]] = {}
    forms_get = forms.get
    position = 0  # index of the next token in the whole document
    every_token: list[Token] = []
    for index, (a, b) in enumerate(split_sentences(norm)):
        tokens: list[Token] = []
        append = tokens.append
        m_end = a
        for space, number, letters, mark in findall(norm, a, b):
            word = number or letters or mark
            m_start = m_end + len(space)
            m_end = m_start + len(word)
            if identity:
                start, end = m_start, m_end
            else:
                while k < n_shifts and shifts[k] <= m_start:
                    k += 1
                start = m_start + k
                last = m_end - 1
                while k < n_shifts and shifts[k] <= last:
                    k += 1
                end = last + k + 1
                # A word's last letter may carry diacritics (وزارةُ, خطاباً): they belong to it.
                while end < length and original[end] in TRAILING_MARKS:
                    end += 1
            if not letters:
                word_stems = no_stems
            elif english:  # english_stems inlined: a call per token is most of its cost
                word_stems = (word[:-2],) if word.endswith("'s") and len(word) > 3 else no_stems
            else:
                word_stems = stems(word)
            at = forms_get(word)
            if at is None:
                forms[word] = [position]
            else:
                at.append(position)
            for stem in word_stems:
                at = forms_get(stem)
                if at is None:
                    forms[stem] = [position]
                else:
                    at.append(position)
            position += 1
            # Token(text, start, end, norm, stems) with the optional layers None.
            append(
                new_tuple(
                    token_type,
                    (
                        original[start:end],
                        start,
                        end,
                        word,
                        word_stems,
                        None,
                        None,
                        None,
                        None,
                        None,
                    ),
                )
            )
        every_token.extend(tokens)
        start, end = normalized.span_to_original(a, b)
        if tokens:  # the sentence covers its last token's trailing marks too
            end = max(end, tokens[-1].end)
        sentences.append(
            Sentence(
                index=index,
                start=start,
                end=end,
                text=original[start:end],
                tokens=tuple(tokens),
            )
        )
    document = AnnotatedDocument(
        text=original,
        language=language,
        sentences=tuple(sentences),
        backend=backend,
        normalized_text=normalized,
    )
    document.set_indexes(tuple(every_token), forms)
    return document
