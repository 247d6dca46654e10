"""Bundled plugin: places (basic version: country names in English and Arabic)."""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import eventx

__version__ = "0.1.0"


@lru_cache(maxsize=4)
def _matcher(language: str) -> eventx.PhraseMatcher[tuple[str, str]]:
    import pycountry

    entries: list[tuple[str, tuple[str, str]]] = []
    if language == "en":
        for country in pycountry.countries:
            for name in {country.name, getattr(country, "common_name", country.name)}:
                entries.append((name, (country.name, country.alpha_2)))
    aliases = eventx.language_data("eventx_places", "data", language)
    for code, names in sorted(aliases.get("countries", {}).items()):
        canonical = pycountry.countries.get(alpha_2=code)
        for name in names:
            entries.append((name, (canonical.name if canonical else code, code)))
    return eventx.PhraseMatcher(entries)


def extract_places(ctx: eventx.ExtractionContext) -> Iterator[eventx.Location]:
    mentions: dict[tuple[str, str], list[eventx.Evidence]] = {}
    for match in _matcher(ctx.language).finditer(ctx.annotation):
        mentions.setdefault(match.value, []).append(ctx.evidence(match.start, match.end))
    for (name, code), evidence in mentions.items():
        yield eventx.Location(name=name, country_code=code, kind="country", mentions=evidence)


@eventx.hookimpl
def eventx_register_extractors(register: eventx.Register) -> None:
    register(
        eventx.Extractor(
            name="places",
            func=extract_places,
            provides=["locations"],
            version=__version__,
            description="Country names",
        )
    )
