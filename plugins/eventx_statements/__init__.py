"""Bundled plugin: statements - who said what, in Arabic and English.

Direct quotes in every quotation mark the press uses and reported speech from per-language cue
lexicons (lexicon/<language>.toml), each attributed to a speaker named by its fullest form in the
article, with the cue, the content, whether it was quoted, its date and evidence.
See docs/plugins/statements.md.
"""

from __future__ import annotations

import eventx
from eventx_statements.extract import extract_statements

__version__ = "0.2.0"
__all__ = ["eventx_register_extractors", "extract_statements"]


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="statements",
            func=extract_statements,
            provides=["statements"],
            requires=["dates", "actors", "locations"],
            version=__version__,
            description="Direct and reported speech with speakers, cues, content and dates",
        )
    )
