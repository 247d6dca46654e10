"""Countries named near a deployment, from the core gazetteer.

Two questions the extractor asks: which tokens are nationality words or country names
("الروسية", "لروسيا", "Russian", "US" -> an ISO code), and whether an Arabic token carries a
preposition before a name ("لروسيا" does, "لبنان" does not). Both use only the public gazetteer
(``eventx.find_place_mentions``, ``eventx.lookup_places``); cities and regions never count as
nationalities ("Paris troops" are not French contributors, "UN" is not the Indian town).
"""

from __future__ import annotations

from functools import lru_cache

import eventx


def nationality_tokens(
    annotation: eventx.AnnotatedDocument, token_at: dict[int, int]
) -> dict[int, str]:
    """Token index -> ISO code for every demonym or country name in the document.

    ``token_at`` maps a token's start offset to its index in ``annotation.tokens``.
    """
    found: dict[int, str] = {}
    for mention in eventx.find_place_mentions(annotation):
        best = mention.candidates[0] if mention.candidates else None
        if best is None or best.country_code is None:
            continue
        if not mention.demonym and best.kind != "country":
            continue
        for token in annotation.tokens_between(mention.start, mention.end):
            index = token_at.get(token.start)
            if index is not None:
                found[index] = best.country_code
    return found


@lru_cache(maxsize=65536)
def is_place_name(text: str, language: str) -> bool:
    """Whether ``text`` is itself a name in the gazetteer ("روسيا" is; "بنان" is not)."""
    return bool(eventx.lookup_places(text, language))
