"""Bundled plugin: casualties (basic version: a trigger word with a number next to it)."""

from __future__ import annotations

from collections.abc import Iterator

import eventx

__version__ = "0.1.0"
_WINDOW = 4  # tokens between a number and its trigger


def extract_casualties(ctx: eventx.ExtractionContext) -> Iterator[eventx.Casualty]:
    table = eventx.language_data("eventx_casualties", "lexicon", ctx.language)
    matcher = eventx.matcher_from_table(table)
    numbers = list(eventx.find_numbers(ctx.annotation))
    for trigger in matcher.finditer(ctx.annotation):
        near = [
            n
            for n in numbers
            if abs(n.first_token - trigger.last_token) <= _WINDOW
            or abs(trigger.first_token - n.last_token) <= _WINDOW
        ]
        same_sentence = [
            n
            for n in near
            if ctx.annotation.sentence_index_at(n.start)
            == ctx.annotation.sentence_index_at(trigger.start)
        ]
        if not same_sentence:
            continue
        number = min(same_sentence, key=lambda n: abs(n.start - trigger.start))
        start, end = min(number.start, trigger.start), max(number.end, trigger.end)
        yield eventx.Casualty(
            kind=trigger.value,
            count=number.value,
            min=number.value,
            max=number.value,
            evidence=ctx.evidence(start, end),
        )


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="casualties",
            func=extract_casualties,
            provides=["casualties"],
            requires=["dates"],
            version=__version__,
            description="Trigger words paired with the nearest number",
        )
    )
