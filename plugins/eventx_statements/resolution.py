"""One name per speaker: link every mention to a speaker entity and name it by its fullest form.

A mention joins an earlier speaker when (in this order):
1. it is the same words (normalised, article dropped);
2. it is a listed short form of a speaker's head (``الخارجية`` -> ``وزارة الخارجية ...``);
3. it is a body speaking for the organisation named before it (``الأمانة العامة``);
4. its words are a subset of the speaker's, sharing the head word (``الرئيس`` in ``الرئيس
   الكازاخستاني قاسم جومارت توكاييف``) or ending it as a name (``توكاييف``, "Adams"), or the other way
   round (then the longer mention becomes the speaker's name);
5. both name the same known actor (``روسيا`` and ``موسكو``: Russia).
The latest matching speaker wins, so ``الرئيس`` is the president named last.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import attrgetter

import eventx
from eventx_statements.vocabulary import Vocabulary

_FEMININE_ENDINGS = ("ه", "ات", "ا")
_MAX_ANONYMOUS_WORDS = 3
_LAST_OFFSET = attrgetter("last_offset")  # (a lambda in a compiled method allocates per call)


class Speaker:
    """A speaker entity of one document (compared by identity)."""

    # A plain class, not attrs with ``field(factory=list)``: mypyc compiles this module, and an
    # attrs class with a factory default fails at import when compiled.
    __slots__ = (
        "aliases",
        "anonymous",
        "english",
        "feminine",
        "indefinite",
        "last_offset",
        "last_sentence",
        "name",
        "names_only",
        "person",
        "words",
    )

    def __init__(
        self,
        *,
        name: str,
        words: tuple[str, ...],
        names_only: bool,
        indefinite: bool = False,
        anonymous: bool = False,
        english: str | None = None,
        aliases: list[tuple[str, ...]] | None = None,
        person: bool = False,
        feminine: bool = False,
        last_sentence: int = 0,
        last_offset: int = 0,
    ) -> None:
        self.name = name  # the fullest surface form seen
        self.words = words  # normalised words of ``name`` (article and honorifics dropped)
        self.names_only = names_only  # every word is a proper name (no article / capitalised)
        # First named without the article ("مصدر قريب"): a later "المصدر ..." refers back to it.
        self.indefinite = indefinite
        self.anonymous = anonymous  # an unnamed source ("مصدر أمني", "officials")
        self.english = english
        # Other names it goes by: a spokesperson's name for the organisation they speak for.
        self.aliases: list[tuple[str, ...]] = [] if aliases is None else aliases
        self.person = person
        self.feminine = feminine
        self.last_sentence = last_sentence
        self.last_offset = last_offset

    def __repr__(self) -> str:
        return f"Speaker(name={self.name!r}, words={self.words!r}, english={self.english!r})"


def mention_words(tokens: Sequence[eventx.Token], vocab: Vocabulary) -> tuple[str, ...]:
    words: list[str] = []
    for token in tokens:
        word = token.norm
        if not word[:1].isalnum() or word in vocab.honorifics or word in vocab.determiners:
            continue
        if vocab.language == "ar" and word.startswith("ال") and len(word) > 3:
            word = word[2:]
        elif vocab.language != "ar" and word.endswith("'s"):
            word = word[:-2]
        words.append(word)
    return tuple(words)


def _is_suffix(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    return len(short) < len(long) and long[-len(short) :] == short


def _related(short: tuple[str, ...], short_names: bool, long: tuple[str, ...]) -> bool:
    """Whether mention words ``short`` may name the speaker with words ``long``."""
    if not short or not set(short) <= set(long):
        return False
    return short[0] == long[0] or (short_names and _is_suffix(short, long))


class SpeakerIndex:
    """The speakers of one document, in the order they were first mentioned."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.speakers: list[Speaker] = []

    def _latest(self, candidates: list[Speaker]) -> Speaker | None:
        return max(candidates, key=_LAST_OFFSET, default=None)

    def find(
        self,
        tokens: Sequence[eventx.Token],
        *,
        english: str | None,
        person: bool,
        words: tuple[str, ...] | None = None,
    ) -> tuple[Speaker | None, bool]:
        """The known speaker a mention names (None if new), and whether the mention is fuller.

        ``words``: the mention's :func:`mention_words`, when the caller has them already.
        """
        vocab = self.vocab
        if words is None:
            words = mention_words(tokens, vocab)
        names_only = self._names_only(tokens)
        exact = [s for s in self.speakers if s.words == words]
        if exact:
            return self._latest(exact), False
        key = " ".join(t.norm for t in tokens)
        expansion = vocab.short_forms.get(key)
        if expansion is not None:
            wanted = tuple(w[2:] if w.startswith("ال") else w for w in expansion.split())
            found = self._latest([s for s in self.speakers if s.words[: len(wanted)] == wanted])
            if found is not None:
                return found, False
        elif key in vocab.subordinate:
            found = self._latest([s for s in self.speakers if not s.person])
            if found is not None:
                return found, False
        found = self._latest(
            [
                s
                for s in self.speakers
                if any(_related(words, names_only, w) for w in (s.words, *s.aliases))
            ]
        )
        if found is not None:
            return found, False
        found = self._latest([s for s in self.speakers if _related(s.words, s.names_only, words)])
        if found is not None:
            return found, True
        if person and words and tokens and self._name_word(tokens[-1]):
            # Two titles for one name ("رئيس كازاخستان توكاييف", "الرئيس ... توكاييف").
            found = self._latest(
                [s for s in self.speakers if s.person and s.words and s.words[-1] == words[-1]]
            )
            if found is not None:
                return found, False
        if english is not None:
            found = self._latest([s for s in self.speakers if s.english == english])
            if found is not None:
                return found, False
        if vocab.language == "ar" and tokens and tokens[0].norm.startswith("ال") and words:
            # Definite anaphora: "المصدر المطلع" is the "مصدر قريب" introduced before.
            found = self._latest(
                [s for s in self.speakers if s.indefinite and s.words[:1] == words[:1]]
            )
            if found is not None:
                return found, False
        return None, False

    def _anonymous(self, tokens: Sequence[eventx.Token], words: tuple[str, ...]) -> bool:
        """An unnamed source: its head word is listed and no word of it is a proper name."""
        if not words:
            return False
        if self.vocab.language == "ar":
            # "مصدر أمني", "شهود عيان", "مسؤول محلي"; a longer phrase names someone
            # ("المسؤول الأمريكي جون كيربي").
            return words[0] in self.vocab.anonymous and len(words) <= _MAX_ANONYMOUS_WORDS
        capitalised = [
            t for t in tokens if t.text[:1].isupper() and t.norm not in self.vocab.vocabulary
        ]
        return words[-1] in self.vocab.anonymous and len(capitalised) <= 1

    def _name_word(self, token: eventx.Token) -> bool:
        if self.vocab.language == "ar":
            return not token.norm.startswith("ال") and token.norm not in self.vocab.titles
        return token.text[:1].isupper() and token.norm not in self.vocab.vocabulary

    def resolve(
        self,
        text: str,
        tokens: Sequence[eventx.Token],
        *,
        english: str | None,
        person: bool,
        sentence: int,
    ) -> Speaker:
        """The speaker a mention names, creating it if it is new."""
        words = mention_words(tokens, self.vocab)
        found, fuller = self.find(tokens, english=english, person=person, words=words)
        if found is None:
            names_only = self._names_only(tokens)
            found = Speaker(
                name=text,
                words=words,
                names_only=names_only,
                english=english,
                person=person,
                feminine=self._feminine(tokens, words, english),
                anonymous=self._anonymous(tokens, words),
                indefinite=bool(tokens)
                and self.vocab.language == "ar"
                and not tokens[0].norm.startswith("ال")
                and not names_only,
            )
            self.speakers.append(found)
        elif fuller and len(" ".join(words)) > len(" ".join(found.words)):
            found.name, found.words = text, words
            found.names_only = self._names_only(tokens)
            found.person = found.person or person
        if found.english is None:
            found.english = english
        found.last_sentence = sentence
        found.last_offset = tokens[0].start if tokens else found.last_offset
        return found

    def add_alias(self, speaker: Speaker, tokens: Sequence[eventx.Token]) -> None:
        """Let later mentions of ``tokens`` (a spokesperson's name) resolve to ``speaker``."""
        words = mention_words(tokens, self.vocab)
        if words and words not in speaker.aliases:
            speaker.aliases.append(words)

    def touch(self, speaker: Speaker, sentence: int, offset: int) -> None:
        speaker.last_sentence = sentence
        speaker.last_offset = offset

    def _names_only(self, tokens: Sequence[eventx.Token]) -> bool:
        vocab = self.vocab
        content = [t for t in tokens if t.norm[:1].isalnum()]
        if not content:
            return False
        if vocab.language == "ar":
            return all(
                not t.norm.startswith("ال")
                and t.norm not in vocab.titles
                and t.norm not in vocab.org_heads
                for t in content
            )
        return all(t.text[:1].isupper() and t.norm not in vocab.vocabulary for t in content)

    def feminine_of(self, tokens: Sequence[eventx.Token], words: tuple[str, ...]) -> bool:
        """Whether a phrase is grammatically feminine (a known name counts as a place)."""
        english = self.vocab.names.get(" ".join(t.norm for t in tokens))
        return self._feminine(tokens, words, english)

    def _feminine(
        self, tokens: Sequence[eventx.Token], words: tuple[str, ...], english: str | None
    ) -> bool:
        """Arabic grammatical gender of a speaker, for verb agreement (قالت الوزارة)."""
        if self.vocab.language != "ar" or not words:
            return False
        head = tokens[0].norm if tokens else ""
        if head in self.vocab.titles:
            return head.endswith("ه")
        if words[0].endswith(_FEMININE_ENDINGS):
            return True
        # Known states and cities are feminine; organisations take their head's gender.
        return english is not None and head not in self.vocab.org_heads

    def carry(
        self,
        *,
        sentence: int,
        gender: str,
        person: bool | None,
        previous: Speaker | None,
        continuation: bool,
        window: int = 3,
    ) -> Speaker | None:
        """The speaker an implicit subject ("وأضاف", "he said") refers back to, or None."""
        recent = [s for s in self.speakers if sentence - s.last_sentence <= window]
        if (
            previous is not None
            and previous in recent
            and (continuation or self._agrees(previous, gender, person))
        ):
            return previous
        return self._latest([s for s in recent if self._agrees(s, gender, person)])

    def _agrees(self, speaker: Speaker, gender: str, person: bool | None) -> bool:
        if gender == "feminine" and not speaker.feminine:
            return False
        if gender == "masculine" and speaker.feminine:
            return False
        return person is None or speaker.person == person
