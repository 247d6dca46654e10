"""English speaker phrases: the subject before the verb, after it when inverted, or after "according to".

A speaker phrase is a run of capitalised words (names) and speaker vocabulary (police, spokesman,
officials, ministry ...), joined inside by connectors (of, for, the); an opening determiner ends
it. Capitalised sentence openers (But, However, Friday) are not names. Appositions are read both
ways: "Zabiullah Mujahid, the spokesperson for the Taliban, said" gives the name and links it to
the Taliban.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

import eventx
from eventx_statements.phrase import SpeakerPhrase, pronoun
from eventx_statements.resolution import Speaker
from eventx_statements.vocabulary import Vocabulary

_MAX_TOKENS = 10
_QUOTE_OR_COMMA = frozenset(",\"“”'’‘«»")


_NAME_PARTICLES = ("al-", "el-", "ad-", "as-", "ash-", "abu-", "bin-")


def capitalised(token: eventx.Token) -> bool:
    """A capitalised word, or an Arabic name with its article ("al-Mansouri")."""
    text = token.text
    if text[:1].isupper():
        return True
    for particle in _NAME_PARTICLES:
        if text.startswith(particle) and text[len(particle) : len(particle) + 1].isupper():
            return True
    return False


def _base(token: eventx.Token) -> str:
    """The word without a possessive ending ("ministry's" -> "ministry")."""
    word = token.norm
    return word[:-2] if word.endswith("'s") and len(word) > 2 else word


def _initial_dot(tokens: Sequence[eventx.Token], j: int) -> bool:
    """The dot of an initialism ("U.S.", "U.N."): part of a name, not the end of one."""
    return (
        tokens[j].norm == "."
        and j > 0
        and len(tokens[j - 1].text) == 1
        and tokens[j - 1].text.isupper()
        and tokens[j - 1].end == tokens[j].start
    )


def _content_word(token: eventx.Token, vocab: Vocabulary) -> bool:
    if not token.norm[:1].isalpha():
        return False
    if token.norm in vocab.connectors or token.norm in vocab.determiners:
        return False
    if _base(token) in vocab.vocabulary:
        return True
    return capitalised(token) and token.norm not in vocab.not_names


def _trim(phrase: list[eventx.Token], vocab: Vocabulary) -> list[eventx.Token]:
    """Drop determiners, honorifics and connectors at the edges ("the police" -> "police")."""
    edge = vocab.determiners | vocab.connectors | vocab.honorifics
    while phrase and (phrase[0].norm in edge or not phrase[0].norm[:1].isalpha()):
        phrase = phrase[1:]
    while phrase and (phrase[-1].norm in edge or not phrase[-1].norm[:1].isalpha()):
        phrase = phrase[:-1]
    return phrase


def _behalf(phrase: Sequence[eventx.Token], vocab: Vocabulary) -> tuple[eventx.Token, ...]:
    """The organisation after "spokesman for/of" inside a phrase."""
    for k, token in enumerate(phrase[:-1]):
        if token.norm in vocab.spokesperson and phrase[k + 1].norm in vocab.on_behalf_marker:
            rest = _trim(list(phrase[k + 2 :]), vocab)
            return tuple(rest)
    return ()


_PREPOSITIONS = frozenset(
    ["of", "in", "at", "from", "to", "by", "with", "for", "on", "about", "near"]
)
_MAX_PARENTHESIS = 24
_MAX_GIVEN_NAMES = 3


def _collect_backward(
    tokens: Sequence[eventx.Token], j: int, vocab: Vocabulary
) -> tuple[list[eventx.Token], int]:
    """The phrase ending at ``tokens[j]`` and the index of the token before it."""
    phrase: list[eventx.Token] = []
    while j >= 0 and len(phrase) < _MAX_TOKENS:
        token = tokens[j]
        if (
            _content_word(token, vocab)
            or (phrase and _initial_dot(tokens, j))
            or (
                token.norm in vocab.connectors
                and phrase
                and j > 0
                and (_content_word(tokens[j - 1], vocab) or tokens[j - 1].norm in vocab.connectors)
            )
        ):
            phrase.insert(0, token)
        elif token.norm in vocab.determiners and phrase:
            phrase.insert(0, token)
            j -= 1
            break
        else:
            break
        j -= 1
    return phrase, j


def _adverb(tokens: Sequence[eventx.Token], j: int, vocab: Vocabulary) -> bool:
    """A manner adverb between the subject and the verb ("the party energetically denied"):
    a lower-case -ly word after a name or speaker word ("the family said" has no name before)."""
    word = tokens[j].text
    return (
        len(word) > 4
        and word.endswith("ly")
        and word.islower()
        and j > 0
        and _content_word(tokens[j - 1], vocab)
    )


def _opens_clause(tokens: Sequence[eventx.Token], before: int, vocab: Vocabulary) -> bool:
    """Whether a phrase preceded by ``tokens[before]`` starts its clause (not inside a PP)."""
    if before < 0:
        return True
    word = tokens[before].norm
    if not word[:1].isalnum():
        return True
    return (word in vocab.not_names and word not in _PREPOSITIONS) or word == "and"


def _after_possessor(phrase: list[eventx.Token], vocab: Vocabulary) -> list[eventx.Token]:
    """ "Iraq's Saddam Hussein": the person named after a possessive (two or more capitalised
    words that are no speaker vocabulary follow it); "Britain's foreign minister" stays whole."""
    for k, token in enumerate(phrase[:-2]):
        rest = phrase[k + 1 :]
        if token.norm.endswith("'s") and all(
            capitalised(t) and _base(t) not in vocab.vocabulary for t in rest
        ):
            return rest
    return phrase


def _phrase(phrase: list[eventx.Token], vocab: Vocabulary) -> SpeakerPhrase | None:
    phrase = _trim(phrase, vocab)
    if not phrase:
        return None
    if all(t.norm in vocab.statement_nouns for t in phrase):
        return SpeakerPhrase(kind="statement", tokens=tuple(phrase))
    if phrase[-1].norm in vocab.statement_nouns and phrase[-2].norm.endswith("'s"):
        # "the ministry's statement said": the ministry speaks.
        return SpeakerPhrase(kind="name", tokens=tuple(phrase[:-1]), trim_end=2)
    return SpeakerPhrase(
        kind="name", tokens=tuple(_after_possessor(phrase, vocab)), behalf=_behalf(phrase, vocab)
    )


def scan_backward(
    tokens: Sequence[eventx.Token], k: int, vocab: Vocabulary
) -> SpeakerPhrase | None:
    """The subject ending right before ``tokens[k]`` (the cue), skipping "also", "has" ..."""
    j = k - 1
    while j >= 0 and (tokens[j].norm in vocab.between or _adverb(tokens, j, vocab)):
        j -= 1
    if j < 0:
        return None
    word = tokens[j].norm
    if word in vocab.person_pronouns:
        return pronoun(person=True)
    if word in vocab.group_pronouns:
        return pronoun(person=False)
    if word == ",":
        return _parenthesis(tokens, j, vocab)
    if tokens[j].norm in vocab.statement_nouns and not capitalised(tokens[j]):
        # "a UN report said", "an army statement said": the document's modifiers are its author.
        author, _ = _collect_backward(tokens, j - 1, vocab)
        found = _phrase(author, vocab) if author and not author[-1].norm.endswith("'s") else None
        if found is not None and found.kind == "name":  # (the possessive: read below)
            return found
    phrase, before = _collect_backward(tokens, j, vocab)
    if phrase and _authored_by(tokens, before, vocab):
        # "a report by Human Rights Watch said": the document's author.
        return _phrase(phrase, vocab)
    if phrase and before >= 0 and tokens[before].norm in _PREPOSITIONS:
        # "... who lived in Barking told": a place inside a relative clause, not the subject.
        return _subject_before_comma(tokens, k, vocab)
    found = _phrase(phrase, vocab)
    if found is not None and found.kind == "name" and before >= 1 and tokens[before].norm == "and":
        # "Kurdish forces and the Observatory said": both speak.
        first, start = _collect_backward(tokens, before - 1, vocab)
        opens = _opens_clause(tokens, start, vocab) or _authored_by(tokens, start, vocab)
        partner = _phrase(first, vocab) if opens else None
        if partner is not None and partner.kind == "name" and partner.tokens:
            if (
                len(first) >= 2
                and first[-2].norm in _PREPOSITIONS
                and len(found.tokens) == 1
                and _base(found.tokens[0]) not in vocab.vocabulary
            ):
                # "Residents of Aleppo and Homs said": places joined inside the phrase.
                return _phrase([*first, tokens[before], *phrase], vocab)
            return attrs.evolve(partner, partners=(found,))
    return found


_AUTHOR_PREPOSITIONS = frozenset(["by", "from"])
_AUTHOR_WINDOW = 3  # "a report (issued|released|published) by X"


def _authored_by(tokens: Sequence[eventx.Token], before: int, vocab: Vocabulary) -> bool:
    """Whether ``tokens[before]`` is the "by"/"from" of a statement noun a few words earlier."""
    if before >= 2 and tokens[before].norm == "to" and tokens[before - 1].norm == "attributed":
        before -= 1  # "reports attributed to X said"
    elif before < 1 or tokens[before].norm not in _AUTHOR_PREPOSITIONS:
        return False
    start = max(before - _AUTHOR_WINDOW, 0)
    return any(
        t.norm in vocab.statement_nouns and (not capitalised(t) or start + n == 0)
        for n, t in enumerate(tokens[start:before])
    )


def _subject_before_comma(
    tokens: Sequence[eventx.Token], k: int, vocab: Vocabulary
) -> SpeakerPhrase | None:
    """'Erica Gasparri, a mother of three who lived in Barking told': the clause's subject."""
    comma = next((j for j in range(k - 1, -1, -1) if tokens[j].norm == ","), None)
    if comma is None or k - comma > _MAX_PARENTHESIS:
        return None
    phrase, before = _collect_backward(tokens, comma - 1, vocab)
    if not phrase or not _opens_clause(tokens, before, vocab):
        return None
    return _phrase(phrase, vocab)


def _parenthesis(
    tokens: Sequence[eventx.Token], comma: int, vocab: Vocabulary
) -> SpeakerPhrase | None:
    """A subject, a parenthesis between commas, then the verb.

    "Zabiullah Mujahid, the spokesperson for the Taliban, said" -> the name, for the Taliban;
    "Turkey, worried about civil war, urged" -> Turkey; "an IRA leader at the time, Sean
    MacStiofain, said" -> the name inside the commas.
    """
    j = comma - 1
    while j >= 0 and tokens[j].norm != ",":
        j -= 1
    if j <= 0 or comma - j > _MAX_PARENTHESIS:
        return None
    inside = list(tokens[j + 1 : comma])
    if any(
        not t.norm[:1].isalnum() and not _initial_dot(tokens, j + 1 + n)
        for n, t in enumerate(inside)
    ):
        return None  # quotes or more punctuation (but "the U.N."): not a simple parenthesis
    subject, before = _collect_backward(tokens, j - 1, vocab)
    if subject and _opens_clause(tokens, before, vocab):
        found = _phrase(subject, vocab)
        if found is not None and found.kind == "name":
            behalf = _behalf(_trim(inside, vocab), vocab)
            return SpeakerPhrase(kind="name", tokens=found.tokens, behalf=behalf or found.behalf)
    name = _trim(inside, vocab)
    if name and all(capitalised(t) or t.norm in vocab.connectors for t in name):
        return _phrase(name, vocab)
    return None


def scan_forward(tokens: Sequence[eventx.Token], i: int, vocab: Vocabulary) -> SpeakerPhrase | None:
    """The speaker phrase starting at ``tokens[i]`` ('..." said the police spokesman')."""
    if i >= len(tokens):
        return None
    if tokens[i].norm in vocab.person_pronouns:
        return pronoun(person=True)
    if tokens[i].norm in vocab.group_pronouns:
        return pronoun(person=False)
    phrase: list[eventx.Token] = []
    j = i
    while j < len(tokens) and len(phrase) < _MAX_TOKENS:
        token = tokens[j]
        if (
            _content_word(token, vocab)
            or (phrase and _initial_dot(tokens, j))
            or (token.norm in vocab.determiners and not phrase)
            or (
                token.norm in vocab.connectors
                and phrase
                and j + 1 < len(tokens)
                and (_content_word(tokens[j + 1], vocab) or tokens[j + 1].norm in vocab.determiners)
            )
        ):
            phrase.append(token)
        else:
            break
        j += 1
    # '"...," said the mayor, Anne Hidalgo.': a name in apposition completes a bare title.
    if phrase and j + 1 < len(tokens) and tokens[j].norm == ",":
        end = j + 1
        while end < len(tokens) and capitalised(tokens[end]) and _content_word(tokens[end], vocab):
            end += 1
        closes = end == len(tokens) or not tokens[end].norm[:1].isalnum()
        if end - (j + 1) >= 2 and closes and not any(capitalised(t) for t in phrase[1:]):
            phrase = phrase + list(tokens[j:end])
    phrase = _trim(phrase, vocab)
    if not phrase:
        return None
    if all(t.norm in vocab.statement_nouns for t in phrase):
        return SpeakerPhrase(kind="statement", tokens=tuple(phrase))
    return SpeakerPhrase(
        kind="name", tokens=tuple(_after_possessor(phrase, vocab)), behalf=_behalf(phrase, vocab)
    )


def follows_quote_or_comma(tokens: Sequence[eventx.Token], k: int) -> bool:
    """Whether the cue at ``tokens[k]`` comes right after a quote or a comma (inverted order)."""
    return k > 0 and tokens[k - 1].text in _QUOTE_OR_COMMA


def sentence_subject(
    tokens: Sequence[eventx.Token], k: int, vocab: Vocabulary
) -> SpeakerPhrase | None:
    """The subject opening the sentence of a participle cue at ``tokens[k]``, else a pronoun
    (the speaker is then carried over: '..., he said, adding that ...')."""
    start = 0
    while (
        start < k
        and tokens[start].norm in vocab.not_names
        and tokens[start].norm not in (vocab.person_pronouns | vocab.group_pronouns)
    ):
        start += 1
    found = scan_forward(tokens[:k], start, vocab)
    return found if found is not None else pronoun()


class FullestNames:
    """Name speakers known by a bare surname ("Adams") by their fullest form in the text
    ("Gerry Adams"): the longest run of capitalised name words ending in that surname.

    One per document: the tokens are indexed by text once and each surname is answered once,
    so many speakers in a long document do not each walk every token.
    """

    def __init__(self, doc: eventx.AnnotatedDocument, vocab: Vocabulary) -> None:
        self._doc = doc
        self._vocab = vocab
        self._at: dict[str, list[tuple[int, int]]] | None = None  # text -> (sentence, token)
        self._fullest: dict[str, str] = {}

    def complete(self, speaker: Speaker) -> None:
        if not speaker.person or len(speaker.words) != 1:
            return
        surname = speaker.name
        best = self._fullest.get(surname)
        if best is None:
            best = self._fullest[surname] = self._fullest_form(surname)
        speaker.name = best

    def _fullest_form(self, surname: str) -> str:
        doc, vocab = self._doc, self._vocab
        if self._at is None:
            self._at = {}
            for sentence in doc.sentences:
                for k, token in enumerate(sentence.tokens):
                    self._at.setdefault(token.text, []).append((sentence.index, k))
        best = surname
        for sentence_index, k in self._at.get(surname, ()):
            tokens = doc.sentences[sentence_index].tokens
            j = k
            while (
                j > 0
                and k - j < _MAX_GIVEN_NAMES
                and capitalised(tokens[j - 1])
                and _content_word(tokens[j - 1], vocab)
                and _base(tokens[j - 1]) not in vocab.vocabulary
            ):
                j -= 1
            found = doc.text[tokens[j].start : tokens[k].end]
            if j < k and len(found) > len(best):
                best = found
        return best


def previous_subject(tokens: Sequence[eventx.Token], vocab: Vocabulary) -> SpeakerPhrase | None:
    """The group a sentence is about: its opening name ("The Taliban claimed ..."), or the name
    in apposition to a description opening it ("Northern Ireland's biggest party, the Ulster
    Unionists, is ...")."""
    start = 0
    while start < len(tokens) and tokens[start].norm in vocab.not_names:
        start += 1
    opening = scan_forward(tokens, start, vocab)
    if (
        opening is not None
        and opening.kind == "name"
        and not opening.tokens[-1].norm.endswith("'s")
    ):
        after = next((k for k, t in enumerate(tokens) if t is opening.tokens[-1]), None)
        if after is not None and after + 1 < len(tokens) and tokens[after + 1].norm != ",":
            return opening
    commas = [k for k, t in enumerate(tokens[:_MAX_PARENTHESIS]) if t.norm == ","]
    if len(commas) >= 2:
        inside = _trim(list(tokens[commas[0] + 1 : commas[1]]), vocab)
        if inside and all(capitalised(t) for t in inside):
            return _phrase(inside, vocab)
    return None
