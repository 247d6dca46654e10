"""Bundled plugin: casualties — killed, injured, arrested, missing, kidnapped, displaced.

Counts come from the shared number module (``eventx.find_quantities``), triggers from the
per-language lexicons in ``lexicon/<lang>.toml``. The plugin also owns how casualty claims are
merged across mentions (``eventx_merge_facts`` for ``"casualties"``) and the per-kind totals
(``eventx_casualty_totals``, policy :data:`POLICY`). See docs/plugins/casualties.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import eventx

from .extraction import extract_casualties
from .merging import POLICY, casualty_totals, merge_casualties

__version__ = "0.2.0"
__all__ = ["POLICY", "casualty_totals", "extract_casualties", "merge_casualties"]


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="casualties",
            func=extract_casualties,
            provides=["casualties"],
            requires=["dates", "statements"],
            version=__version__,
            description="Casualty claims: trigger words paired with counts, groups and sources",
        )
    )


@eventx.hookimpl
def eventx_merge_facts(
    field: str, facts: Sequence[Any], document: eventx.Document
) -> Sequence[Any] | None:
    if field != "casualties":
        return None
    return merge_casualties([f for f in facts if isinstance(f, eventx.Casualty)], document)


@eventx.hookimpl
def eventx_casualty_totals(
    casualties: Sequence[eventx.Casualty],
) -> Sequence[eventx.CasualtyTotal] | None:
    return casualty_totals(casualties)
