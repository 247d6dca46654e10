"""Countries named near a deployment, from the core gazetteer.

Two questions the extractor asks: which tokens are nationality words or country names
("الروسية", "لروسيا", "Russian", "US" -> an ISO code), and whether an Arabic token carries a
preposition before a name ("لروسيا" does, "لبنان" does not). Both use only the public gazetteer
(``eventx.find_place_mentions``, ``eventx.lookup_places``); cities and regions never count as
nationalities ("Paris troops" are not French contributors, "UN" is not the Indian town).
"""

from __future__ import annotations

from functools import lru_cache

from attrs import frozen

import eventx


@frozen(kw_only=True)
class CountryMention:
    """A country name ("روسيا", "the US") or nationality word ("الروسية", "British")."""

    start: int
    end: int
    name: str  # canonical English name of the country
    code: str
    demonym: bool


def country_mentions(annotation: eventx.AnnotatedDocument) -> list[CountryMention]:
    """Every country name and nationality word in the document, in text order."""
    found: list[CountryMention] = []
    for mention in eventx.find_place_mentions(annotation):
        best = mention.candidates[0] if mention.candidates else None
        if best is None or best.country_code is None:
            continue
        if not mention.demonym and best.kind != "country":
            continue
        found.append(
            CountryMention(
                start=mention.start, end=mention.end, name=best.name, code=best.country_code,
                demonym=mention.demonym,
            )
        )  # fmt: skip
    return found


@lru_cache(maxsize=65536)
def is_place_name(text: str, language: str) -> bool:
    """Whether ``text`` is itself a name in the gazetteer ("روسيا" is; "بنان" is not)."""
    return bool(eventx.lookup_places(text, language))
