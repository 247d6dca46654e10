"""eventx-weapons: weapons mentioned in news, as ``record.extensions["weapons"]``.

An example of a third-party eventx plugin. It imports only the public ``eventx`` API, keeps its
language knowledge in ``lexicon/<language>.toml`` and registers one extractor through the
``eventx_register_extractors`` hook; eventx does the rest (ordering, isolation, provenance).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import eventx

__version__ = "0.1.0"
FIELD = "weapons"


@lru_cache(maxsize=8)
def weapon_terms(language: str) -> eventx.PhraseMatcher[str]:
    """The phrase matcher for ``language``, built once per process (empty if unsupported)."""
    table = eventx.language_data("eventx_weapons", "lexicon", language)
    return eventx.matcher_from_table(table)


def stated_counts(doc: eventx.AnnotatedDocument) -> dict[int, int]:
    """Numbers by the index of the token right after them ("12 rifles", "ثلاث قنابل")."""
    return {n.last_token + 1: n.value for n in eventx.find_numbers(doc)}


def extract_weapons(ctx: eventx.ExtractionContext) -> Iterator[eventx.Extension]:
    """One Extension per weapon mention, with its category and any count stated before it."""
    counts: dict[int, int] | None = None
    for match in weapon_terms(ctx.language).finditer(ctx.annotation):
        if match.value.startswith("_"):  # a stop-phrase such as "سلاح الجو" (the air force)
            continue
        if counts is None:  # most articles mention no weapon: find numbers only when needed
            counts = stated_counts(ctx.annotation)
        yield eventx.Extension(
            field=FIELD,
            value={
                "category": match.value,
                "term": match.phrase,
                "count": counts.get(match.first_token),
            },
            evidence=ctx.evidence(match.start, match.end),
        )


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="weapons",
            func=extract_weapons,
            provides=["extensions"],
            languages=["ar", "en"],
            version=__version__,
            description="Weapons mentioned in the article (lexicon in lexicon/<lang>.toml)",
        )
    )
