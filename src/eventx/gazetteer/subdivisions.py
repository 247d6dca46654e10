"""ISO 3166-2 subdivisions with their English and Arabic-script names, from the iso3166-2 package.

The ``iso3166-2`` package (MIT) ships one JSON table of every ISO 3166-2 subdivision: the ISO
name, a ``localOtherName`` field listing other names tagged by ISO 639-3 language (``"الأنبار
(ara), Anbar (eng)"``), the type (Governorate, Province, ...), the parent subdivision for
second-level units, and a representative point (``latLng``). Only the JSON file is read (the
package's Python module pulls in a network client the gazetteer does not need).

Arabic-script names come from the ``ara``/``arz`` entries; for countries whose languages are
written in Arabic script but are not Arabic (Persian, Dari, Pashto, Urdu, Kurdish) the names are
mapped to the Arabic letters an Arabic newspaper uses (گ -> ك, پ -> ب, ی -> ي, ...).
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import regex
from attrs import frozen

_TAGGED_NAME_RE = regex.compile(r"^(.*\S)\s*\((\w{3})\)\s*$")
#: ISO 639-3 tags whose names are Arabic.
ARABIC_TAGS = frozenset({"ara", "arz", "apc", "ary", "arq", "acm", "ayl", "ajp"})
#: Other languages written in Arabic script: their names are mapped to Arabic letters.
ARABIC_SCRIPT_TAGS = frozenset({"fas", "prs", "pus", "urd", "kur", "ckb", "bal", "snd", "uig"})
_ARABIC_SCRIPT_RE = regex.compile(r"^[\p{Arabic}\s\-]+$")
# Persian/Urdu/Pashto letters -> the letter Arabic news writes for them.
_TO_ARABIC_LETTERS = str.maketrans(
    {
        "گ": "ك",
        "ک": "ك",
        "پ": "ب",
        "چ": "ج",
        "ژ": "ج",
        "ی": "ي",
        "ې": "ي",
        "ۍ": "ي",
        "ے": "ي",
        "ۀ": "ه",
        "ہ": "ه",
        "ھ": "ه",
        "ە": "ه",
        "ٹ": "ت",
        "ڈ": "د",
        "ڑ": "ر",
        "ں": "ن",
        "ښ": "ش",
        "ږ": "ج",
        "ځ": "ج",
        "څ": "تس",
        "ټ": "ت",
        "ډ": "د",
        "ړ": "ر",
        "ڼ": "ن",
    }
)


@frozen(kw_only=True)
class Subdivision:
    """One ISO 3166-2 subdivision and the names the data gives it."""

    code: str  # "IQ-AN"
    country_code: str  # "IQ"
    name: str  # ISO name, romanised ("Al Anbār")
    type: str  # "Governorate"
    parent: str | None  # ISO code of the first-level unit a second-level one belongs to
    lat: float | None
    lon: float | None
    english: tuple[str, ...]  # ISO name and the names tagged (eng)
    arabic: tuple[str, ...]  # names tagged Arabic
    arabic_script: tuple[str, ...]  # other Arabic-script names, mapped to Arabic letters

    @property
    def level(self) -> int:
        """1 for a first-level subdivision, 2 for one with a parent."""
        return 1 if self.parent is None else 2


def data_path() -> Path:
    """Where the iso3166-2 package keeps its JSON table (without importing the package)."""
    spec = importlib.util.find_spec("iso3166_2")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the iso3166-2 package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "iso3166-2.json"


def to_arabic_letters(name: str) -> str:
    """A Persian/Urdu/Pashto spelling in the letters Arabic uses: ``گیلان`` -> ``كيلان``."""
    return name.translate(_TO_ARABIC_LETTERS)


def _tagged_names(field: str | None) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    for part in (field or "").split(", "):
        match = _TAGGED_NAME_RE.match(part.strip())
        if match:
            found.append((match.group(1).strip(), match.group(2)))
    return found


def _subdivision(code: str, row: Mapping[str, Any]) -> Subdivision:
    tagged = _tagged_names(row.get("localOtherName"))
    english = [str(row["name"])] + [n for n, tag in tagged if tag == "eng"]
    arabic = [
        to_arabic_letters(n.replace("ٱ", "ا"))  # alef wasla (ٱلْمَدِيْنَة); stray Persian letters
        for n, tag in tagged
        if tag in ARABIC_TAGS and _ARABIC_SCRIPT_RE.match(n)
    ]
    other = [
        to_arabic_letters(n)
        for n, tag in tagged
        if tag in ARABIC_SCRIPT_TAGS and _ARABIC_SCRIPT_RE.match(n)
    ]
    lat_lon: list[float] = list(row.get("latLng") or ())
    return Subdivision(
        code=code,
        country_code=code.split("-", 1)[0],
        name=str(row["name"]),
        type=str(row.get("type") or ""),
        parent=row.get("parentCode") or None,
        lat=float(lat_lon[0]) if len(lat_lon) == 2 else None,
        lon=float(lat_lon[1]) if len(lat_lon) == 2 else None,
        english=tuple(dict.fromkeys(english)),
        arabic=tuple(dict.fromkeys(arabic)),
        arabic_script=tuple(dict.fromkeys(n for n in other if n not in arabic)),
    )


@lru_cache(maxsize=1)
def subdivisions() -> tuple[Subdivision, ...]:
    """Every ISO 3166-2 subdivision the iso3166-2 package lists, sorted by code.

    Read when the gazetteer index is built (then cached on disk), not on every start.
    """
    table: Mapping[str, Mapping[str, Mapping[str, Any]]] = json.loads(
        data_path().read_text(encoding="utf-8")
    )
    found = [
        _subdivision(code, row)
        for country in table.values()
        for code, row in country.items()
        if row.get("name")
    ]
    return tuple(sorted(found, key=lambda s: s.code))


@lru_cache(maxsize=1)
def first_level_codes() -> frozenset[str]:
    """The units that act as first-level divisions (admin1) of their country.

    Usually the units without a parent. A parentless unit that only groups units of the same
    kind as its country's other first-level units (Iraq's Kurdistan Region groups three
    governorates, peers of the other fifteen) is a grouping: its members are the admin1 units.
    """
    units = subdivisions()
    top_types: dict[str, set[str]] = {}
    for sub in units:
        if sub.parent is None:
            top_types.setdefault(sub.country_code, set()).add(sub.type)
    groupings = {
        sub.parent
        for sub in units
        if sub.parent is not None and sub.type in top_types.get(sub.country_code, set())
    }
    return frozenset(
        sub.code
        for sub in units
        if (sub.parent is None and sub.code not in groupings) or sub.parent in groupings
    )
