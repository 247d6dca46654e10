"""Language identification: the script, then function words tell the languages of a script apart.

Good enough to route Arabic and English and to say when a text is in another language (French,
German, Persian, Urdu, ...), which eventx does not extract from. The data is
``eventx/data/langid.toml``: per language, its script and frequent function words (only words
unique to one language of a script count). A language eventx does not support wins only on
clear evidence (at least :data:`MIN_WORDS` of its function words and more than twice those of
the supported language), so an Arabic or English article quoting a foreign phrase stays
Arabic or English.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

import regex
from attrs import frozen

_ARABIC = regex.compile(r"\p{Arabic}")
_LATIN = regex.compile(r"[A-Za-z]")
_WORD = regex.compile(r"[\p{L}\p{M}]+")
SUPPORTED_LANGUAGES: tuple[str, ...] = ("ar", "en")
UNDETERMINED = "und"
#: A language eventx does not support needs at least this many function-word hits to win.
MIN_WORDS = 3


@frozen
class ScriptLanguages:
    """The languages of one script: the supported one and each language's telling words."""

    supported: str
    words: Mapping[str, frozenset[str]]


@lru_cache(maxsize=1)
def _languages() -> dict[str, ScriptLanguages]:
    from eventx.lexicon import load_data  # lexicon imports nlp: import here, not at the top

    data = load_data("eventx.data", "langid.toml")
    by_script: dict[str, dict[str, set[str]]] = {}
    supported: dict[str, str] = {}
    for language, entry in data.items():
        by_script.setdefault(entry["script"], {})[language] = {w.lower() for w in entry["words"]}
        if entry.get("supported"):
            supported[entry["script"]] = language
    result: dict[str, ScriptLanguages] = {}
    for script, languages in by_script.items():
        counts = Counter(word for words in languages.values() for word in words)
        unique = {
            language: frozenset(w for w in words if counts[w] == 1)
            for language, words in languages.items()
        }
        result[script] = ScriptLanguages(supported=supported[script], words=unique)
    return result


def language_scores(text: str, script: str) -> dict[str, int]:
    """Function-word hits per language of ``script`` in ``text`` (for tests and diagnostics)."""
    words = Counter(w.lower() for w in _WORD.findall(text))
    table = _languages()[script]
    return {
        language: sum(words[w] for w in telling) for language, telling in table.words.items()
    }


def detect_language(text: str, *, sample: int = 4000) -> str:
    """The language of ``text`` as an ISO 639-1 code, judged on its first ``sample`` characters.

    ``und`` when there are no Arabic or Latin letters. Otherwise the dominant script's supported
    language (``ar``, ``en``) unless another language of that script has clearly more function
    words (then its code: ``fr``, ``de``, ``fa``...).
    """
    head = text[:sample]
    arabic = len(_ARABIC.findall(head))
    latin = len(_LATIN.findall(head))
    if arabic == 0 and latin == 0:
        return UNDETERMINED
    script = "Arabic" if arabic >= latin else "Latin"
    table = _languages()[script]
    scores = language_scores(head, script)
    own = scores.pop(table.supported, 0)
    if scores:
        other, hits = max(sorted(scores.items()), key=lambda item: item[1])
        if hits >= MIN_WORDS and hits > 2 * own:
            return other
    return table.supported
