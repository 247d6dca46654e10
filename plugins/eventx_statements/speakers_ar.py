"""Arabic speaker phrases: the subject after a speech verb (verb-subject-object order).

The phrase boundary comes from a small grammar of the Arabic noun phrase over lexicon classes,
not from a token window: a title (الرئيس، المتحدث باسم) or organisation head (وزارة، منظمة) opens
it; an indefinite head takes a genitive (وزارة الداخلية، رئيس الوزراء); after a definite word only
adjectives continue it (nisba adjectives like الكازاخستانية, or listed ones like المتحدة); person
names (tokens without the article) follow titles; a complete known name (الولايات المتحدة) is taken
whole. Particles, prepositions, time words and punctuation end it. So ``حذرت الولايات المتحدة
القوات الروسية`` yields ``الولايات المتحدة``, and ``أعلن الرئيس الكازاخستاني قاسم جومارت توكاييف،``
the whole title and name.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import eventx

from eventx_statements.phrase import SpeakerPhrase
from eventx_statements.vocabulary import Vocabulary

_MAX_TOKENS = 12
_MAX_NAME_TOKENS = 4
_NISBA_ENDINGS = ("ي", "يه", "يون", "يين", "يان", "يتان")


def is_word(token: eventx.Token) -> bool:
    return token.norm[:1].isalpha()


def definite(token: eventx.Token) -> bool:
    return token.norm.startswith(("ال", "لل"))


def bare(token: eventx.Token) -> str:
    """The token without its article: the form speaker mentions are compared in."""
    word = token.norm
    if word.startswith("ال") and len(word) > 3:
        return word[2:]
    return word


def nisba(token: eventx.Token) -> bool:
    return len(token.norm) > 4 and token.norm.endswith(_NISBA_ENDINGS)


def in_set(token: eventx.Token, words: frozenset[str]) -> bool:
    return token.norm in words


def is_stop(token: eventx.Token, vocab: Vocabulary) -> bool:
    return any(form in vocab.stop for form in token.forms)


def _known_name_length(
    tokens: Sequence[eventx.Token], i: int, names: Mapping[int, int]
) -> int:
    return names.get(tokens[i].start, 0)


def scan_subject(
    tokens: Sequence[eventx.Token],
    i: int,
    vocab: Vocabulary,
    names: Mapping[int, int],
) -> SpeakerPhrase | None:
    """The speaker phrase starting at ``tokens[i]`` (tokens of one sentence), or None.

    ``names`` maps the start offset of each known complete name in the document to its length
    in tokens.
    """
    n = len(tokens)
    if i >= n or not is_word(tokens[i]):
        return None
    first = tokens[i]
    if first.norm in vocab.statement_nouns or any(s in vocab.statement_nouns for s in first.stems):
        if definite(first) or i + 1 >= n or not is_word(tokens[i + 1]):
            return SpeakerPhrase(kind="statement", tokens=(first,))
        # "بيان الأمانة العامة": the statement of whoever follows.
        return scan_subject(tokens, i + 1, vocab, names)
    if is_stop(first, vocab):
        return None
    phrase: list[eventx.Token] = []
    behalf_from: int | None = None
    behalf_to: int | None = None
    person = False  # a title was seen: person names may follow
    names_run = 0  # consecutive name tokens (no article)
    after_known = False  # the previous words were a complete known name: only adjectives follow
    j = i
    while j < n and len(phrase) < _MAX_TOKENS:
        token = tokens[j]
        if not is_word(token):
            # "قال الجنرال، وولتر سوزا": a comma between a bare title and the name it introduces.
            if (
                token.norm == ","
                and phrase
                and all(t.norm in vocab.titles for t in phrase)
                and j + 1 < n
                and is_word(tokens[j + 1])
                and not definite(tokens[j + 1])
                and not is_stop(tokens[j + 1], vocab)
            ):
                j += 1
                continue
            break
        if is_stop(token, vocab) and token.norm not in vocab.on_behalf_marker:
            break
        known = _known_name_length(tokens, j, names)
        if phrase:
            prev = phrase[-1]
            title = token.norm in vocab.titles
            if after_known:
                ok = (
                    nisba(token)
                    or token.norm in vocab.adjectives
                    or title
                    or person and not definite(token)  # رئيس كازاخستان توكاييف
                )
            elif definite(token):
                ok = (
                    nisba(token)
                    or token.norm in vocab.adjectives
                    or title
                    or known > 0
                    or not definite(prev)
                    and (
                        prev.norm in vocab.titles
                        or prev.norm in vocab.org_heads
                        or prev.norm in vocab.on_behalf_marker
                        or names_run == 0
                    )
                    # a family name with the article closes a name (عمر الرزاز في ...)
                    or names_run > 0
                    and (j + 1 >= n or not is_word(tokens[j + 1]) or is_stop(tokens[j + 1], vocab))
                )
            elif names_run > 0 and token.norm.startswith("و") and token.stems:
                ok = False  # "شهود عيان وأطباء", "روسية عرقيا وترتدي": a coordinated clause
            else:
                ok = (
                    (person or names_run > 0) and names_run < _MAX_NAME_TOKENS
                    or not definite(prev)
                    and (prev.norm in vocab.titles or prev.norm in vocab.org_heads)
                    or prev.norm in vocab.on_behalf_marker
                    or title
                    or token.norm in vocab.name_articles
                )
            if not ok:
                break
        if token.norm in vocab.titles:
            person = True
        if token.norm in vocab.on_behalf_marker and phrase and phrase[-1].norm in vocab.spokesperson:
            behalf_from = len(phrase) + 1
        elif behalf_from is not None and behalf_to is None and token.norm in vocab.titles:
            behalf_to = len(phrase)
        if known > 0:
            phrase.extend(tokens[j : j + known])
            names_run = 0
            after_known = True
            j += known
            continue
        after_known = False
        phrase.append(token)
        if definite(token) or token.norm in vocab.titles or token.norm in vocab.org_heads:
            names_run = 0
        else:
            names_run += 1
        j += 1
    while phrase and (phrase[-1].norm in vocab.on_behalf_marker or is_stop(phrase[-1], vocab)):
        phrase.pop()
    if not phrase:
        return None
    behalf: tuple[eventx.Token, ...] = ()
    if behalf_from is not None and behalf_from < len(phrase):
        behalf = tuple(phrase[behalf_from : behalf_to if behalf_to is not None else len(phrase)])
    if not behalf:
        behalf = apposition_behalf(tokens, i + len(phrase), vocab, names)
    return SpeakerPhrase(kind="name", tokens=tuple(phrase), behalf=behalf)


def apposition_behalf(
    tokens: Sequence[eventx.Token], j: int, vocab: Vocabulary, names: Mapping[int, int]
) -> tuple[eventx.Token, ...]:
    """The organisation in an apposition "، المتحدث باسم الجيش" right after a name, if any."""
    if j + 2 < len(tokens) and tokens[j].norm == "," and tokens[j + 1].norm in vocab.spokesperson:
        inner = scan_subject(tokens, j + 1, vocab, names)
        if inner is not None and inner.behalf:
            return inner.behalf
    return ()


def scan_preceding_subject(
    tokens: Sequence[eventx.Token],
    k: int,
    vocab: Vocabulary,
    names: Mapping[int, int],
) -> SpeakerPhrase | None:
    """A subject before the verb at ``tokens[k]`` (subject-verb order: titles, "توكاييف يعلن").

    Only a phrase that opens its clause (sentence start or after a comma) and ends right at the
    verb counts, so objects and earlier clauses are never taken for speakers.
    """
    start = k
    while start > 0 and tokens[start - 1].norm not in {",", ":", ";", "-"}:
        start -= 1
    if start >= k:
        return None
    found = scan_subject(tokens, start, vocab, names)
    if found is None or found.kind != "name" or found.tokens[-1] is not tokens[k - 1]:
        return None
    return found
