"""Bundled plugin: actors (persons with titles, organisations, state bodies, forces, states).

Lexicons in ``lexicon/<language>.toml``; countries from the core gazetteer's demonyms
(``القوات الروسية``, ``Russian forces``). Every actor is merged across its mentions
and spellings. See docs/plugins/actors.md.
"""

from __future__ import annotations

from collections.abc import Iterator

import eventx
from eventx_actors.extract import extract_actors

__version__ = "0.1.0"


def _extract(ctx: eventx.ExtractionContext) -> Iterator[eventx.Actor]:
    yield from extract_actors(ctx)


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="actors",
            func=_extract,
            provides=["actors"],
            version=__version__,
            description="Persons with titles, organisations, ministries, forces and states",
        )
    )
