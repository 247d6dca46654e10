"""The transliteration-aware fuzzy rule for Arabic place names no gazetteer spells.

Arabic press transliterates foreign names freely (جاناوزين for Zhanaozen), and GeoNames rarely
lists those spellings. Both scripts are reduced to a *consonant skeleton*: vowels, long-vowel
letters (ا و ي inside a word), ayn and hamza dropped; letters that transliterate into each other
share one class (ج/ژ/گ/zh/j/g -> J; ق/ك/خ/k/q/kh/c -> K; ش/س/ص/ث/s/sh -> S; ...); doubled
consonants collapse; the article ال / "Al-" is removed. ``جاناوزين`` -> ``JNZN`` = ``Zhanaozen``.

A skeleton match is accepted only when (1) the skeleton has at least 3 consonants, (2) the
candidate city lies in a country the article names, and (3) exactly one such city has that
skeleton. Anything else stays unresolved (the caller reports it); the rule never guesses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache

from eventx.gazetteer.cache import cached
from eventx.gazetteer.index import _city_place, ascii_fold, cities_by_country, release_raw_tables
from eventx.gazetteer.model import Place
from eventx.nlp.normalize import normalize_string

MIN_SKELETON = 3

_ARABIC_CLASSES: dict[str, str] = {
    "ب": "B", "پ": "B", "ت": "T", "ط": "T", "ث": "S", "ج": "J", "چ": "J", "ژ": "J", "گ": "J",
    "غ": "J", "ح": "H", "ه": "H", "خ": "K", "ق": "K", "ك": "K", "د": "D", "ض": "D", "ذ": "Z",
    "ز": "Z", "ظ": "Z", "ر": "R", "س": "S", "ش": "S", "ص": "S", "ف": "F", "ڤ": "F", "ل": "L",
    "م": "M", "ن": "N",
}  # fmt: skip
_ARABIC_GLIDES = {"و": "W", "ي": "Y"}  # consonants only at the start of a word
_LATIN_DIGRAPHS: tuple[tuple[str, str], ...] = (
    ("zh", "J"), ("dj", "J"), ("kh", "K"), ("gh", "J"), ("sh", "S"), ("ch", "S"), ("th", "S"),
    ("ph", "F"), ("ts", "S"), ("ck", "K"),
)  # fmt: skip
_LATIN_CLASSES: dict[str, str] = {
    "b": "B", "p": "B", "t": "T", "j": "J", "g": "J", "h": "H", "k": "K", "q": "K", "c": "K",
    "d": "D", "z": "Z", "r": "R", "s": "S", "f": "F", "v": "F", "l": "L", "m": "M", "n": "N",
    "x": "KS",
}  # fmt: skip


def _collapse(classes: Iterable[str]) -> str:
    out: list[str] = []
    for c in classes:
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def arabic_skeleton(name: str) -> str:
    """Consonant skeleton of an Arabic name (see the module docstring)."""
    word = normalize_string(name).replace(" ", "").replace("-", "")
    if word.startswith("ال") and len(word) > 4:
        word = word[2:]
    if word.endswith("ه"):
        word = word[:-1]  # ta marbuta: a vowel ending in Latin spellings (Jerada)
    classes: list[str] = []
    for i, ch in enumerate(word):
        if ch in _ARABIC_CLASSES:
            classes.append(_ARABIC_CLASSES[ch])
        elif i == 0 and ch in _ARABIC_GLIDES:
            classes.append(_ARABIC_GLIDES[ch])
    return _collapse(classes)


def latin_skeleton(name: str) -> str:
    """Consonant skeleton of a Latin-script name (see the module docstring)."""
    word = ascii_fold(name).lower()
    for prefix in ("al-", "al ", "el-", "el ", "ad-", "as-", "ar-", "an-", "at-", "az-"):
        if word.startswith(prefix) and len(word) > len(prefix) + 2:
            word = word[len(prefix) :]
            break
    word = "".join(c for c in word if c.isalpha())
    if word.endswith("h") and len(word) > 3 and word[-2] in "aeiou":
        word = word[:-1]  # "Saadah", "Madinah": the ta marbuta again
    classes: list[str] = []
    i = 0
    while i < len(word):
        pair = word[i : i + 2]
        digraph = next((cls for d, cls in _LATIN_DIGRAPHS if pair == d), None)
        if digraph is not None:
            classes.append(digraph)
            i += 2
            continue
        ch = word[i]
        if ch in _LATIN_CLASSES:
            classes.append(_LATIN_CLASSES[ch])
        elif i == 0 and ch in "wy":
            classes.append(ch.upper())
        i += 1
    return _collapse("".join(classes))


def _build_skeletons() -> dict[str, dict[str, tuple[Place, ...]]]:
    """country -> skeleton -> cities, from every Latin-script name of each GeoNames city."""
    world: dict[str, dict[str, tuple[Place, ...]]] = {}
    for code, cities in sorted(cities_by_country().items()):
        table: dict[str, list[Place]] = defaultdict(list)
        for city in cities:
            place = _city_place(city, "fuzzy")
            names = {str(city["name"])}
            names.update(a for a in city["alternatenames"] if a.isascii() and a[:1].isupper())
            for skeleton in sorted({latin_skeleton(name) for name in names}):
                if len(skeleton) >= MIN_SKELETON:
                    table[skeleton].append(place)
        world[code] = {key: tuple(places) for key, places in table.items()}
    return world


@lru_cache(maxsize=1)
def _world_skeletons() -> Mapping[str, Mapping[str, tuple[Place, ...]]]:
    # Built once for every country and cached on disk (eventx.gazetteer.cache): loaded only by
    # the first document that needs the rule.
    table = cached("fuzzy", _build_skeletons)
    release_raw_tables()
    return table


def preload_fuzzy_table() -> None:
    """Load the skeleton table now (a process about to fork workers shares it with them)."""
    _world_skeletons()


def _skeletons(code: str) -> Mapping[str, tuple[Place, ...]]:
    """skeleton -> cities of one country."""
    return _world_skeletons().get(code, {})


def fuzzy_place(name: str, countries: Iterable[str]) -> Place | None:
    """The one city in ``countries`` whose Latin spelling has the skeleton of Arabic ``name``.

    None when the skeleton is too short, no city matches, or several do (ambiguous: the caller
    reports the name as unresolved rather than guessing).
    """
    skeleton = arabic_skeleton(name)
    if len(skeleton) < MIN_SKELETON:
        return None
    found: dict[int | None, Place] = {}
    for code in sorted(set(countries)):
        for place in _skeletons(code).get(skeleton, ()):
            found.setdefault(place.geonameid, place)
    if len(found) != 1:
        return None
    return next(iter(found.values()))
