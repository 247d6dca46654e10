"""Language detection by script: enough to route Arabic and English, and honest about the rest."""

from __future__ import annotations

import regex

_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"[A-Za-z]")
SUPPORTED_LANGUAGES: tuple[str, ...] = ("ar", "en")
UNDETERMINED = "und"


def detect_language(text: str, *, sample: int = 4000) -> str:
    """``ar`` or ``en`` by the dominant script of the first ``sample`` characters, else ``und``."""
    head = text[:sample]
    arabic = len(_ARABIC.findall(head))
    latin = len(_LATIN.findall(head))
    if arabic == 0 and latin == 0:
        return UNDETERMINED
    return "ar" if arabic >= latin else "en"
