"""Bundled plugin: statements (basic version: a speech verb followed by its subject)."""

from __future__ import annotations

from collections.abc import Iterator

import eventx

__version__ = "0.1.0"
_SPEAKER_TOKENS = 3


def extract_statements(ctx: eventx.ExtractionContext) -> Iterator[eventx.Statement]:
    table = eventx.language_data("eventx_statements", "lexicon", ctx.language)
    cues = eventx.matcher_from_table(table)
    tokens = ctx.annotation.tokens
    for cue in cues.finditer(ctx.annotation):
        sentence = ctx.annotation.sentence_at(cue.start)
        if sentence is None:
            continue
        if ctx.language == "ar":  # verb-subject order: the speaker follows the cue
            span = [
                t
                for t in tokens[cue.last_token + 1 : cue.last_token + 1 + _SPEAKER_TOKENS]
                if t.end <= sentence.end and t.norm.isalpha()
            ]
        else:  # subject-verb order: the speaker precedes the cue
            span = [
                t
                for t in tokens[max(cue.first_token - _SPEAKER_TOKENS, 0) : cue.first_token]
                if t.start >= sentence.start and t.norm.isalpha()
            ]
        if not span:
            continue
        start, end = span[0].start, span[-1].end
        yield eventx.Statement(
            speaker=ctx.text[start:end],
            cue=ctx.text[cue.start : cue.end],
            content=None,
            direct=False,
            evidence=ctx.evidence(min(start, cue.start), max(end, cue.end)),
        )


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="statements",
            func=extract_statements,
            provides=["statements"],
            requires=["dates", "actors"],
            version=__version__,
            description="Speech verbs with a nearby speaker",
        )
    )
