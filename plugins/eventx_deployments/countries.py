"""Country codes for words near a deployment: "الروسية", "لروسيا", "Russian", "British".

The places plugin's Location facts cover country *names*; demonyms and adjectives come from the
core gazetteer (``eventx.country_code_for``) when the installed eventx provides it. This module
is the one place that knows about both, so the extractor asks one question.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import eventx

_Lookup = Callable[[str, str], object]


def _gazetteer() -> _Lookup | None:
    lookup = getattr(eventx, "country_code_for", None)
    return lookup if callable(lookup) else None


@lru_cache(maxsize=65536)
def country_code(text: str, language: str) -> str | None:
    """ISO alpha-2 code of a country name, demonym or adjective; None when unknown."""
    lookup = _gazetteer()
    if lookup is None or not text.strip():
        return None
    try:
        code = lookup(text, language)
    except Exception:  # a gazetteer bug must not cost the deployment itself
        return None
    return code if isinstance(code, str) and len(code) == 2 else None
