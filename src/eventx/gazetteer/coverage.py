"""How many admin regions of the Arab world and its neighbours the gazetteer resolves by name.

``python -m eventx.gazetteer.coverage`` (run by ``make eval``) takes every first-level ISO 3166-2
subdivision of the 22 Arab League states, Iran, Turkey, Afghanistan and Pakistan (iso3166-2
data) and looks it up

* in Arabic, by its Arabic name from the data (for Iran, Afghanistan and Pakistan the Persian,
  Dari, Pashto or Urdu name in Arabic letters; for a unit the data gives none, the GeoNames
  Arabic name of its same-named capital), in three forms: as written, with the article ال
  toggled, and after the type word usual in that country (``محافظة``, ``ولاية``...);
* in English, by its English name.

A unit counts as resolved in a language when every form finds a region with its ISO code.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence

from attrs import frozen

from eventx.gazetteer.index import (
    ARAB_LEAGUE,
    arabic_subdivision_names,
    capital_arabic_names,
    name_key,
    subdivision_english_name,
)
from eventx.gazetteer.subdivisions import Subdivision, subdivisions
from eventx.lexicon import load_data

NEIGHBOURS = ("IR", "TR", "AF", "PK")
COUNTRIES = ARAB_LEAGUE + NEIGHBOURS


@frozen
class Coverage:
    """Resolved / total first-level units, per language, with the failures."""

    total: int
    arabic: int
    english: int
    arabic_missed: tuple[str, ...]
    english_missed: tuple[str, ...]


def _resolves(form: str, language: str, code: str) -> bool:
    from eventx.gazetteer import lookup_places

    return any(p.kind == "region" and p.admin1_code == code for p in lookup_places(form, language))


def _toggle_article(key: str) -> str:
    first, _, rest = key.partition(" ")
    if first.startswith("ال"):
        return f"{first[2:]} {rest}".strip()
    return f"ال{key}"


def arabic_test_name(sub: Subdivision) -> str | None:
    """The Arabic name a unit is looked up by (see the module docstring), or None."""
    names = arabic_subdivision_names(sub) or capital_arabic_names(sub)
    return names[0] if names else None


def arabic_forms(sub: Subdivision, name: str) -> tuple[str, ...]:
    """The forms a unit must resolve from: as written, article toggled, with the usual prefix."""
    from eventx.gazetteer.index import _arabic_bare

    settings = load_data("eventx.gazetteer", "data/ar.toml").get("subdivisions", {})
    prefix = settings.get("usual_prefix", {}).get(sub.country_code, "محافظة")
    # the name without a type word the data includes ("محافظة عجلون" -> عجلون)
    key = _arabic_bare(name, [*settings.get("prefixes", ()), *settings.get("strip_prefixes", ())])
    return (key, _toggle_article(key), f"{name_key(prefix)} {key}")


def measure(countries: Iterable[str] = COUNTRIES) -> Coverage:
    wanted = set(countries)
    units = [s for s in subdivisions() if s.level == 1 and s.country_code in wanted]
    arabic_missed: list[str] = []
    english_missed: list[str] = []
    for sub in units:
        name = arabic_test_name(sub)
        if name is None or not all(_resolves(f, "ar", sub.code) for f in arabic_forms(sub, name)):
            arabic_missed.append(f"{sub.code} {name or '(no Arabic name in the data)'}")
        english = subdivision_english_name(sub)
        if not _resolves(english, "en", sub.code):
            english_missed.append(f"{sub.code} {english}")
    return Coverage(
        total=len(units),
        arabic=len(units) - len(arabic_missed),
        english=len(units) - len(english_missed),
        arabic_missed=tuple(arabic_missed),
        english_missed=tuple(english_missed),
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    result = measure()
    print(
        f"eventx place coverage: {result.total} first-level ISO 3166-2 units "
        f"(22 Arab League states, IR, TR, AF, PK)"
    )
    for label, count in (("Arabic", result.arabic), ("English", result.english)):
        print(f"  resolved from the {label} name: {count}/{result.total} "
              f"({count / max(result.total, 1):.1%})")  # fmt: skip
    if "--misses" in args:
        for missed in result.arabic_missed:
            print(f"  ar missed: {missed}")
        for missed in result.english_missed:
            print(f"  en missed: {missed}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
