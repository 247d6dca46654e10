"""What a speaker scanner returns: the speaker phrase found next to a cue, or a pronoun."""

from __future__ import annotations

from typing import Literal

from attrs import frozen

import eventx

PhraseKind = Literal["name", "pronoun", "statement"]


@frozen(kw_only=True)
class SpeakerPhrase:
    """A speaker mention next to a cue.

    ``kind`` is ``name`` for an explicit speaker, ``pronoun`` when the subject is implicit or a
    pronoun (the speaker is carried over), ``statement`` when the subject is the previous speaker's
    statement ("وتابع البيان", "the statement continued"). ``tokens`` is empty for pronouns.
    ``behalf`` is the organisation a spokesperson speaks for (a slice of ``tokens``).
    """

    kind: PhraseKind
    tokens: tuple[eventx.Token, ...] = ()
    behalf: tuple[eventx.Token, ...] = ()
    # Arabic: a leading preposition glued to the name ("لإرينا" after وفقا) is not part of it.
    trim_start: int = 0
    # English: a possessive ending that is not part of the name ("the ministry's statement").
    trim_end: int = 0
    gender: str = "unknown"  # for pronouns: the gender the cue or pronoun asks for
    person: bool | None = None  # for English pronouns: he/she (True) or it/they (False)
    # Coordinated subjects that say the same ("وقالت قوات كردية والمرصد إن", "the army and the
    # police said"): each is a speaker of its own statement.
    partners: tuple[SpeakerPhrase, ...] = ()

    @property
    def start(self) -> int:
        return self.tokens[0].start + self.trim_start

    @property
    def end(self) -> int:
        return self.tokens[-1].end - self.trim_end

    @property
    def behalf_span(self) -> tuple[int, int] | None:
        if not self.behalf:
            return None
        return self.behalf[0].start, self.behalf[-1].end


def pronoun(gender: str = "unknown", person: bool | None = None) -> SpeakerPhrase:
    return SpeakerPhrase(kind="pronoun", gender=gender, person=person)
