"""Finding and resolving the places of one document (see docs/plugins/places.md).

Steps: (1) every gazetteer name and demonym in the text (``eventx.find_place_mentions``);
(2) the document's *context*: countries it names unambiguously (country names, demonyms,
regions and curated aliases); (3) each ambiguous name resolved with ``eventx.choose_place``
against that context; small towns the context does not support are dropped as likely common
words; (4) names after a place cue (``مدينة``, ``town of``) that no gazetteer knows go through
the fuzzy transliteration rule, else are kept as *unresolved* places and reported; (5) English
named facilities ("Massoud Square", "Garvaghy Road"); (6) mentions merged per place.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Collection, Iterator, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate
from typing import Any

import attrs
import regex
from attrs import frozen

import eventx
from eventx_places.caseless import (
    CaselessSupport,
    after_determiner,
    caseless_cue_names,
    caseless_examples,
    caseless_listed_names,
    caseless_word_not_place,
    head_noun_of,
    is_caseless_name,
    is_common_word,
    is_english_word,
)
from eventx_places.english import addressed_towns, names_after_locatives

PACKAGE = "eventx_places"
#: A gazetteer city whose country the article does not otherwise name, with no place cue
#: before it, must be a capital or at least this big to be believed: smaller towns are usually
#: a common word that happens to be a town's alternate name (توسان = Tucson, 540k). Arabic-script
#: alternates collide with common words far more often than capitalised English names do.
MIN_POPULATION_WITHOUT_CONTEXT = {"ar": 1_000_000, "en": 500_000}
SHORT_ARABIC_NAME = 3
MIN_POPULATION_SHORT_ARABIC = 500_000
_ARABIC_WORD_RE = regex.compile(r"^[\p{Arabic}]{3,}$")
# Facility names in English: capitalised words before a facility noun ("Massoud Square").
_EN_FACILITY_RE = regex.compile(
    # Every alternative opens with a capital or a digit: the lookahead says so up front, so the
    # scan skips every other word start (it halves the cost; the matches are the same). One
    # character class, not an alternation of two: a quarter less scanning.
    # a unit's ordinal opens its headquarters' name ("2nd Army Division headquarters")
    r"\b(?=[A-Z\d])((?:\d{1,3}(?:st|nd|rd|th|d)\s)?(?:[A-Z][a-z]+(?:'s)?\s){1,3}"
    r"(?:Square|Road|Street|Avenue|Bridge|Airport|Air\sBase|Airfield|Mosque|Cathedral|Market"
    r"|Stadium|Hospital|Palace|Prison|Camp|Barracks|Station|Green\sZone|Hill|Farm|Hotel"
    r"|Restaurant|Church|School"
    # a pub's name ("the King's Arms pub"); "Arms" alone is weapons ("Small Arms Survey")
    r"|Arms(?=\s(?:public\shouse|pub|inn|hotel)\b))(?:\s(?:bus\s)?station)?"
    r"|(?:\d{1,3}(?:st|nd|rd|th|d)\s)?(?:[A-Z][a-z]+\s){1,3}(?:street|road|avenue|bridge"
    r"|market|prison|camp|village"
    r"|neighbo(?:u)?rhood|refugee\scamp|farm|hill|hotel|restaurant|cafe|pub|headquarters"
    r"|mosque|church|synagogue|temple)"
    # Spanish, Portuguese, French and Italian street names: the type word comes first
    r"|(?:Calle|Avenida|Rua|Rue|Via|Viale|Plaza|Praça|Piazza|Paseo|Carrera)\s"
    r"(?:(?:de\sla|de|del|des|du|della|do|da|dos|das)\s)?[A-Z][a-zà-ÿ]+(?:\s[A-Z][a-zà-ÿ]+)?"
    # universities and institutes: "University of Kabul", "Massachusetts Institute of Technology"
    r"|(?:[A-Z][a-z]+\s){0,2}(?:University|Institute|College)\sof(?:\s[A-Z][a-z]+){1,3}"
    r"(?:-[A-Z][a-z]+)?)\b"
)
_EN_AREA_RE = regex.compile(
    r"\b(?:the\s)([A-Z][a-z]+(?:\s[A-Z][a-z]+)?)\s(?:area|district|neighbo(?:u)?rhood|suburb|estate)\b"
)
# Capitalised words that open a phrase without being part of the facility's name.
_EN_FACILITY_STOP = frozenset(
    {"The", "A", "An", "In", "At", "On", "Near", "From", "To", "By", "Catholic", "Protestant",
     "Muslim", "Christian", "Jewish", "Shiite", "Sunni", "Loyalist", "Republican", "Nationalist"}
)  # fmt: skip


@frozen(kw_only=True)
class ResolvedMention:
    """One mention of a place, resolved (``place`` set) or unresolved (``place`` None)."""

    start: int
    end: int
    kind: str
    place: eventx.Place | None
    name: str
    country_code: str | None = None  # for unresolved names: the country of a place they contain
    # for unresolved names: the known town or region the text puts them in (its admin1)
    within: eventx.Place | None = None
    # a site named by a noun and its town ("مطار بغداد"): merged by noun and town
    site_of_town: bool = False
    # the kind of site a town-named English facility is ("Bagram Air Base" and "Bagram
    # Airfield" are both an airfield of Bagram): merged by kind and town
    site_class: str | None = None


@lru_cache(maxsize=4)
def _cue_matcher(language: str) -> eventx.PhraseMatcher[str]:
    data = eventx.language_data(PACKAGE, "data", language)
    return eventx.matcher_from_table(data.get("cues", {}))


@lru_cache(maxsize=64)  # (language, section): a dozen sections in two languages
def _word_list(language: str, section: str) -> frozenset[str]:
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", language).get(section, {})
    return frozenset(eventx.normalize_string(w) for w in data.get("terms", ()))


@lru_cache(maxsize=2)
def _site_classes(language: str) -> Mapping[str, str]:
    """Type words of sites (normalised) and the class of site each names (``[site_classes]``)."""
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", language).get(
        "site_classes", {}
    )
    return {
        eventx.normalize_string(word): site_class
        for site_class, words in sorted(data.items())
        for word in words
    }


def site_class(name: str, language: str) -> str | None:
    """The class of site a facility's name ends with ("Bagram Airfield" -> "airfield")."""
    words = eventx.normalize_string(name).split()
    classes = _site_classes(language)
    for size in (2, 1):
        if len(words) > size and (found := classes.get(" ".join(words[-size:]))):
            return found
    return None


@lru_cache(maxsize=4)
def locative_words(language: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Normalised locative prepositions and clitic prefixes of a language."""
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", language).get("locative", {})
    words = frozenset(eventx.normalize_string(w) for w in data.get("terms", ()))
    prefixes = tuple(eventx.normalize_string(p) for p in data.get("prefixes", ()))
    return words, prefixes


def is_locative(text: str, start: int, language: str) -> bool:
    """Whether the name starting at ``start`` follows a locative preposition or clitic."""
    words, prefixes = locative_words(language)
    before = [  # only the last two words are read: only they are normalised
        eventx.normalize_string(w.strip(",.:;\"'“”()"))
        for w in text[max(0, start - 32) : start].split()[-2:]
    ]
    if before and before[-1] in words:
        return True
    if language == "en" and len(before) > 1 and before[-1] == "the" and before[-2] in words:
        return True  # "in the Persian Gulf", "across the West Bank"
    if " ".join(before[-2:]) in _word_list(language, "locative_phrases"):
        return True
    if language == "ar" and _after_capital_apposition(text, start):
        return True
    if language == "ar":
        # Only the characters after the name are read (a copy of the rest of the text per
        # mention made long documents quadratic); a mention starts at its name, never at a space.
        window = text[start : start + 24]
        token = window.split(maxsplit=1)[0] if window.strip() else ""
        token = token.strip(",.:;\"'“”()")
        norm = eventx.normalize_string(token)
        # بألماتي is ب + ألماتي, but وبيلاروس is و + بيلاروس: the clitic counts only when
        # what follows it is itself the place name
        return any(
            norm.startswith(p)
            and len(norm) > len(p) + 2
            and bool(eventx.lookup_places(token[len(p) :], "ar"))
            for p in prefixes
        )
    return False


def _after_capital_apposition(text: str, start: int) -> bool:
    """Whether an Arabic name is a capital put in place by its apposition: "في العاصمة
    القاهرة", "في العاصمة المصرية القاهرة", "بالعاصمة القاهرة" (``[apposition_nouns]``, maybe
    with a nisba adjective, after a locative preposition or clitic)."""
    # At most three words are read (nisba, noun, preposition), each normalised only when the
    # rule gets to it: this runs for every Arabic mention, and most stop at the first word.
    words = text[max(0, start - 48) : start].split()[-3:]
    if not words:
        return False
    noun = _apposition_word(words[-1])
    if noun.startswith("ال") and noun.endswith("يه"):
        words = words[:-1]  # the capital's nisba: "العاصمة المصرية"
        if not words:
            return False
        noun = _apposition_word(words[-1])
    nouns = _word_list("ar", "apposition_nouns")
    locative, prefixes = locative_words("ar")
    if noun in nouns:
        return len(words) > 1 and _apposition_word(words[-2]) in locative
    return any(noun.startswith(p) and noun[len(p) :] in nouns for p in prefixes)


def _apposition_word(word: str) -> str:
    return eventx.normalize_string(word.strip(",.:;\"'“”()«»"))


#: Quotation marks that open a quoted title (a newspaper's name: "لـ«الشرق الأوسط»").
_OPENING_QUOTES = ("«", '"', "“")
_CLOSING_QUOTES = ("»", '"', "”")


def in_organisation_name(text: str, start: int, end: int, language: str) -> bool:
    """Whether a place name at ``start:end`` is part of an organisation's or a medium's name.

    After a head word of such names (``[organisation_heads]``: "وكالة أنباء الشرق الأوسط",
    "سرايا القدس", "تنظيم القاعدة في المغرب", "محرر شؤون الشرق الأوسط"), or quoted whole
    right after the preposition لـ ("قال لـ«الشرق الأوسط»", told the newspaper), the name says
    which organisation, not where anything happens.
    """
    heads = _word_list(language, "organisation_heads")
    if not heads:
        return False
    before = text[max(0, start - 40) : start]
    if (
        before.endswith(_OPENING_QUOTES)
        and text[end : end + 1] in _CLOSING_QUOTES
        and before[:-1].rstrip().endswith(("لـ", "ل"))
    ):
        return True
    raw = before.split()
    for back in (1, 2):
        # a quoted name after a head word, the place inside it ("مؤسسة \"كيد غالوب\"",
        # "صحيفة «الرياض»"): the quote opens at most two words before the place
        if len(raw) > back and raw[-back].startswith(_OPENING_QUOTES):
            if any(q in w for w in raw[-back:] for q in _CLOSING_QUOTES if q != '"'):
                break  # the quote closed before the place
            if _is_head(raw[-back - 1], heads, language):
                return True
            break
    words = [eventx.normalize_string(w.strip(",.:;\"'“”()«»")) for w in raw[-2:]]
    if not words:
        return False
    last = words[-1]
    candidates = {last, " ".join(words)}
    if language == "ar" and last.startswith("و") and len(last) > 3:
        candidates.add(last[1:])  # "وسرايا القدس": the conjunction is no part of the head
    return bool(candidates & heads)


def _is_head(word: str, heads: frozenset[str], language: str) -> bool:
    """Whether one word is an organisation head word (``وصحيفة`` too: و is no part of it)."""
    norm = eventx.normalize_string(word.strip(",.:;\"'“”()«»"))
    if norm in heads:
        return True
    return language == "ar" and norm.startswith("و") and len(norm) > 3 and norm[1:] in heads


def document_context(mentions: Sequence[eventx.PlaceMention]) -> Counter[str]:
    """Countries the document names without ambiguity, with how often."""
    context: Counter[str] = Counter()
    for mention in mentions:
        code = _context_country(mention)
        if code is not None:
            context[code] += 1
    return context


def _context_country(mention: eventx.PlaceMention) -> str | None:
    """The country one mention adds to the document's context, if it names one for certain."""
    # a country name is the country even if towns share it ("Lebanon", Pennsylvania)
    countries = [p for p in mention.candidates if p.kind == "country"]
    if len(countries) == 1 and countries[0].country_code:
        return countries[0].country_code
    if countries:
        return None  # "Congo" names one of two countries: the context decides, not counts
    codes = {p.country_code for p in mention.candidates if p.country_code}
    if len(codes) != 1:
        return None
    best = mention.candidates[0]
    if mention.demonym or best.kind == "region" or best.resolution == "alias":
        return codes.pop()
    return None


def context_without(context: Counter[str], mention: eventx.PlaceMention) -> Counter[str]:
    """``context - document_context([mention])``: the rest of the article's countries.

    A copy with at most one count taken off (a mention adds at most one), in the same key order
    as the Counter subtraction; a Counter built and subtracted per mention cost ~1.5% of a run.
    """
    return _context_without_code(context, _context_country(mention))


def _context_without_code(context: Counter[str], code: str | None) -> Counter[str]:
    """``context`` with one count of ``code`` taken off (a copy; None takes nothing off)."""
    others = context.copy()
    if code is not None and code in others:
        if others[code] > 1:
            others[code] -= 1
        else:
            del others[code]
    return others


def has_place_cue(text: str, start: int, language: str, *, nouns_only: bool = False) -> bool:
    """Whether the name at ``start`` follows a word announcing a place.

    Place nouns (``مدينة``, ``town of``; ``place_nouns`` in the data files) always count; with
    ``nouns_only`` false, locative prepositions and clitics (``في``, ``بـ``, ``in``) count too.
    """
    before = text[max(0, start - 32) : start].split()
    if before and eventx.normalize_string(before[-1].strip(",.:;\"'“”()")) in _word_list(
        language, "place_nouns"
    ):
        return True
    return not nouns_only and is_locative(text, start, language)


#: In a text without capitals a town needs at least this many people besides support.
MIN_POPULATION_LOWERCASE = 50_000


def believable(
    place: eventx.Place,
    mention: eventx.PlaceMention,
    text: str,
    context: Mapping[str, int],
    language: str,
    *,
    lowercase: bool = False,
) -> bool:
    """Whether a gazetteer candidate is taken as a place mention (docs/plugins/places.md).

    Curated aliases, countries and named places are always believed. A city or ISO 3166-2
    region in a country the article otherwise names is believed. Without that support a city
    needs a national capital or a large population (``MIN_POPULATION_WITHOUT_CONTEXT``), or a
    place cue right before it (a place noun: ``مدينة``, ``town of``; in English also a locative
    preposition: ``in``); a subdivision needs a place noun before it, a type word or a name of
    several words ("South Kivu", "Magway region"). Arabic names
    of two or three letters (آب, أن) are mostly words: they need a big population and support
    or a place noun, or a city of a million after a locative preposition ("في دبي"). Without these, "أنتم" (you) would be Anthem, Arizona, and "آب" Ibb.
    """
    if lowercase:
        # no capital tells a name from a word: "reading", "most" and "split" are towns too.
        # A town or region needs another place of its country in the article (or is big).
        if caseless_word_not_place(place, mention, text, _EN_TITLES_LOWER):
            return False  # "john f. kennedy", "president kennedy", "let us"
        if (
            place.kind in ("city", "region")
            and is_common_word(mention.text)
            and (
                after_determiner(text, mention.start)
                or not has_place_cue(text, mention.start, language)
            )
        ):
            return False  # "most iraqi trade", "in the middle of": only "in bath" is a town
        if place.kind == "city" and head_noun_of(text, mention.start, mention.end):
            return False  # "the hub of drone operations"
        if place.resolution == "alias" and " " in mention.text.strip():
            return True  # a curated name of several words: "middle east", "persian gulf"
        supported = bool(place.country_code and context.get(place.country_code, 0) > 0)
        if place.kind == "region":
            return supported
        if place.kind == "city":
            # a big town of a country named nowhere else needs a place cue or a preposition
            # too: "along with shiraz khan" is a man, "in shiraz" the city
            return (supported and place.population >= MIN_POPULATION_LOWERCASE) or (
                place.population >= MIN_POPULATION_WITHOUT_CONTEXT["ar"]
                and has_place_cue(text, mention.start, language)
            )
        return True
    if place.resolution == "alias" or place.kind not in ("city", "region"):
        return True
    if place.kind == "region" and place.source is None:
        return True  # GeoNames US states: capitalised, long, rarely common words
    supported = bool(place.country_code and context.get(place.country_code, 0) > 0)
    start = mention.start
    # Arabic prepositions are no evidence: "في إطار" (within), "في بيان" (in a statement),
    # "بأنه" (that he); only a place noun is. English names are capitalised, so "in" is.
    nouns_only = language == "ar"
    if place.kind == "region":
        words = mention.text.split()
        # "جهة الشرق" is a Moroccan region and "the eastern side": a type word that is first
        # a noun of direction does not make a name of several words
        direction = _word_list(language, "direction_nouns")
        named = len(words) > 1 and eventx.normalize_string(words[0]) not in direction
        return supported or named or has_place_cue(text, start, language, nouns_only=True)
    if language == "ar" and len(eventx.normalize_string(mention.text)) <= SHORT_ARABIC_NAME:
        if place.population >= MIN_POPULATION_WITHOUT_CONTEXT["ar"] and is_locative(
            text, start, language
        ):
            return True  # "في دبي", "إلى حلب": a big city after a preposition is the city
        cued = has_place_cue(text, start, language, nouns_only=True)
        if supported and cued and place.kind == "city":
            return True  # "بلدة نبل" in an article about Syria: a town noun names the town
        return place.population >= MIN_POPULATION_SHORT_ARABIC and (supported or cued)
    if supported:
        return True
    if place.geonameid in capital_geonameids():
        return True
    if place.population >= MIN_POPULATION_WITHOUT_CONTEXT.get(language, 500_000):
        return True
    if language == "ar" and _opens_with_place_noun(mention.text):
        return True  # "مدينة حمص" found whole: the place noun is inside the mention
    return has_place_cue(text, start, language, nouns_only=nouns_only)


def _opens_with_place_noun(surface: str) -> bool:
    """Whether an Arabic mention is a place noun and a name ("مدينة حمص", one gazetteer key)."""
    words = surface.split()
    return len(words) > 1 and eventx.normalize_string(words[0]) in _word_list("ar", "place_nouns")


def _proclitic_guess(
    place: eventx.Place,
    mention: eventx.PlaceMention,
    text: str,
    found: Sequence[eventx.PlaceMention],
) -> bool:
    """Whether a small town is only a guess made by splitting a leading ب off a word.

    Foreign names written with a long vowel after their first letter B (بايدن Biden, بولتون,
    بيرنز) read as the clitic "in" + a town give small towns (ب + ايدن = Eden); a name with a
    hamza or the article after the clitic (بأكتاو, بالجمالية) is clitic + name. A long-vowel split is
    kept for a national capital or a city of a million, after a place noun, or when the
    article names the town without the ب too.
    """
    word = mention.text
    if place.kind != "city" or len(word) < 4 or word[0] != "ب" or word[1] not in "اوي":
        return False
    if word.startswith("بال"):
        return False  # ب + the article: "بالجمالية" is in al-Gamaliya
    if place.population >= MIN_POPULATION_WITHOUT_CONTEXT["ar"]:
        return False
    if place.geonameid in capital_geonameids():
        return False
    if place not in eventx.lookup_places(word[1:], "ar"):
        return False  # the whole word is the name (بنغازي, بيروت)
    if has_place_cue(text, mention.start, "ar", nouns_only=True):
        return False
    return not any(
        other.start != mention.start
        and place in other.candidates
        and not other.text.startswith("ب")
        for other in found
    )


def _region_of_town(
    text: str,
    place: eventx.Place,
    mention: eventx.PlaceMention,
    resolved: Sequence[ResolvedMention],
) -> bool:
    """Whether a region names the admin region of the town right before it ("Town, Region").

    "Ramadi, Anbar", "الرمادي، الأنبار": a one-word subdivision is believed without a cue
    when only a comma separates it from a town just resolved that lies in it, as "Almaty,
    Kazakhstan" keeps its country (both are reported, the region as its own Location).
    """
    if place.kind != "region" or not resolved:
        return False
    previous = resolved[-1]
    town = previous.place
    if town is None or town.kind != "city" or town.country_code != place.country_code:
        return False
    if town.admin1_code is None or town.admin1_code != place.admin1_code:
        return False  # "Ramadi, Basra": a list of places, not an address
    between = text[previous.end : mention.start]
    return between.strip() in (",", "،")


def _attributive(text: str, end: int, language: str) -> bool:
    """Whether a country name ending at ``end`` is used as an adjective ("U.S. troops")."""
    rest = text[end : end + 40]
    if rest.startswith(".") and "." in text[max(0, end - 4) : end]:
        rest = rest[1:]  # "U.S. troops": the abbreviation's own dot, not a sentence end
    if not rest[:1].isspace() and not rest.startswith("-"):
        return False  # "in Kazakhstan. Police ...": punctuation ends the phrase
    after = rest.split(maxsplit=1)
    if not after:
        return False
    word = after[0].strip(",.;:\"'”)").lower()
    return word in _word_list(language, "attributive") or rest.startswith("-led")


#: A middle initial after a first name ("Chester J. McBride"): on the same line and followed by a
#: space, so that an abbreviation ("Dagestan\nU.S. investigators", "Washington D.C.") is not one.
_EN_INITIAL_RE = regex.compile(r"[ \t]+[A-Z]\.(?=\s)")
_EN_TITLES = frozenset(
    {"Mr", "Mrs", "Ms", "Dr", "Agent", "Gen", "General", "Sgt", "Sergeant", "Capt", "Captain",
     "Col", "Colonel", "Lt", "President", "Minister", "Senator", "Sen", "Rep", "Judge", "Officer"}
)  # fmt: skip


def _person_name(text: str, start: int, end: int) -> bool:
    """Whether an English place name is someone's name ("Agent Chester J. McBride", "James
    A. Baker": an initial before or after it, or a title before it)."""
    if _EN_INITIAL_RE.match(text, end):
        return True
    before = text[max(0, start - 16) : start].split()
    if before and _EN_LONE_INITIAL_RE.match(before[-1]):
        return True
    return bool(before) and before[-1].rstrip(".") in _EN_TITLES


_EN_LONE_INITIAL_RE = regex.compile(r"^[A-Z]\.$")
_EN_TITLES_LOWER = frozenset(t.lower() for t in _EN_TITLES)
#: Capitalised words after a town's name that still leave it a place ("Kunduz Province").
_EN_PLACE_TYPE_WORDS = frozenset(
    {"Province", "District", "County", "City", "Region", "State", "Governorate", "Village",
     "Town", "Municipality", "Prefecture", "Oblast", "Valley"}
)  # fmt: skip


def _acronym(text: str, start: int, surface: str) -> bool:
    """Whether an English mention is written in capitals like an acronym ("the IRA's"):
    in capitals inside a line; a dateline opening a line ("CANBERRA, Australia") is a name."""
    word = surface[:-2] if surface.endswith(("'s", "’s")) else surface  # "the IRA's truce"
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2 or not all(c.isupper() for c in letters):
        return False
    # a bounded look back (a long text without newlines would make this quadratic)
    line = text[max(0, start - 200) : start].rsplit("\n", 1)[-1]
    return bool(line.strip())


def _first_word_of_longer_name(text: str, end: int) -> bool:
    """Whether an English town name is followed by another capitalised word of one name.

    "Homeland Security", "King Hussein", "Oxford Street", "Ulster Unionists": a small town's
    or a subdivision's name right before a capitalised word (one space, no punctuation) is
    the first word of a longer proper name, unless that word is a place type ("Kunduz
    Province").
    """
    following = _EN_NEXT_WORD_RE.match(text, end)
    if following is None:
        return False
    word = following.group(1)
    return word not in _EN_PLACE_TYPE_WORDS and word not in _EN_FACILITY_STOP


_EN_NEXT_WORD_RE = regex.compile(r" ([A-Z][a-z]+)\b")


def _inside_longer_name(text: str, start: int) -> bool:
    """Whether an English town name follows another capitalised word inside a sentence.

    "Nancy Marshall", "Gerry Adams", "Bloody Sunday": a small town's name right after a
    capitalised word that is not a function word ("In", "The") is the end of a longer proper
    name, a person's name most often. (Not for big cities: "Sunday Kabul" headlines are
    rare, and big cities need no cue anyway.)
    """
    before = text[max(0, start - 40) : start]
    words = before.split()
    if not words or not before.endswith(" ") or before.endswith("  "):
        return False
    previous = words[-1]
    if not (previous.isalpha() and previous[:1].isupper() and previous[1:].islower()):
        return False
    if previous in _EN_FACILITY_STOP or previous.lower() in _word_list("en", "locative"):
        return False
    # not the first word of a sentence: the word before it is not a sentence end
    earlier = words[-2] if len(words) > 1 else ""
    return bool(earlier) and not earlier.endswith((".", "!", "?", ":", ";", '"', "”", "''"))


_EN_SPEAKER_AFTER_RE = regex.compile(r"(?:'s)?,? (?:said|says|told|added)\b|, (?:an?|the) ")


_EN_LOWER_WORD_RE = regex.compile(r" [a-z]+\b")


def _modifier_beside_adjective(
    text: str, mention: eventx.PlaceMention, demonym_ends: frozenset[int]
) -> bool:
    """Whether an English place name is an adjective like the nationality it is coordinated
    with: "British and Ulster flags", "Irish, Ulster and English teams" (a name after a
    nationality adjective and "and" or a comma, before a lowercase word it describes)."""
    start = mention.start
    after_and = text[max(0, start - 5) : start] == " and " and (start - 5) in demonym_ends
    after_comma = text[max(0, start - 2) : start] == ", " and (start - 2) in demonym_ends
    if not (after_and or after_comma):
        return False
    return _EN_LOWER_WORD_RE.match(text, mention.end) is not None


def _person_opening_sentence(text: str, start: int, end: int) -> bool:
    """Whether a small town's name after a sentence's capitalised first word is a person's
    name because the sentence says who it is or what it said: "Jane Prescott, a local
    teacher, said ..." or "Mary Gary said ..." ("Central Prescott, a town ..." names the
    town: an apposition with a place noun in it keeps it a place)."""
    before = text[max(0, start - 40) : start]
    words = before.split()
    if not words or not before.endswith(" ") or before.endswith("  "):
        return False
    previous = words[-1]
    if not (previous.isalpha() and previous[:1].isupper() and previous[1:].islower()):
        return False
    if previous in _EN_FACILITY_STOP or previous.lower() in _word_list("en", "locative"):
        return False
    following = _EN_SPEAKER_AFTER_RE.match(text, end)
    if following is None:
        return False
    if following.group().startswith(","):
        # an apposition: the words up to its end name no place ("a local teacher")
        apposition = regex.split(r"[,.;:]", text[following.end() : following.end() + 60], 1)[0]
        nouns = _word_list("en", "place_nouns") - {"of"}
        return not any(w.lower() in nouns for w in apposition.split())
    return True


def _after_speech_word(text: str, start: int) -> bool:
    """Whether an Arabic name follows a verb of saying or a noun of what was said
    (``[speech_words]``: "وقال ماتيس", "تصريحات ماتيس"), so names who spoke."""
    before = text[max(0, start - 16) : start]
    if not before.endswith(" "):
        return False
    words = before.split()
    if not words:
        return False
    word = eventx.normalize_string(words[-1])
    speech = _word_list("ar", "speech_words")
    return word in speech or (word[:1] in ("و", "ف") and word[1:] in speech)


class _Spans:
    """Spans sorted by start, answering overlap questions by bisection, so that a long text's
    many names each cost log time rather than a pass over all the others."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._max_end = list(accumulate((b for _, b in ordered), max))
        self._exact = set(spans)

    def _max_end_before(self, offset: int) -> int:
        """The largest end among spans starting before ``offset`` (-1 if none)."""
        i = bisect.bisect_left(self._starts, offset)
        return self._max_end[i - 1] if i else -1

    def overlaps(self, start: int, end: int) -> bool:
        return self._max_end_before(end) > start

    def overlaps_outside(self, start: int, end: int) -> bool:
        """Whether a span overlaps ``[start, end)`` without lying inside it."""
        return self._max_end_before(start) > start or self._max_end_before(end) > end

    def __contains__(self, span: tuple[int, int]) -> bool:
        return span in self._exact


# "Surat district", not "the London district of Barking" (a district of London)
_EN_DISTRICT_RE = regex.compile(r" (?:district|District)\b(?! of\b)")


def _district_of_town(text: str, mention: ResolvedMention) -> ResolvedMention:
    """ "Rajkot district": the district named after a known town, not the town itself.

    Districts (second-level units of India, Pakistan, Afghanistan...) are mostly named after
    their seat; ISO 3166-2 lists few of them, so the district is reported as an unresolved
    region in the town's country and admin region (geo-precision 3: an area, not a point).
    """
    place = mention.place
    if place is None or place.kind != "city":
        return mention
    found = _EN_DISTRICT_RE.match(text, mention.end)
    if found is None:
        return mention
    return ResolvedMention(
        start=mention.start,
        end=found.end(),
        kind="region",
        place=None,
        name=text[mention.start : found.end()],
        country_code=place.country_code,
        within=place,
    )


def _regions_named_with_type_word(
    doc: eventx.AnnotatedDocument,
    resolved: list[ResolvedMention],
    found: Mapping[int, eventx.PlaceMention],
) -> list[ResolvedMention]:
    """A bare name is the region when the article names that region with its type word and
    never calls the name a city: "محافظة درعا" ... "في درعا" is the governorate twice, while
    "مدينة صعدة" keeps the bare "صعدة" the city.
    """
    # every region the typed mention may name maps to the one it was resolved to: "محافظة
    # درعا" is a curated alias, the bare "درعا" offers the ISO 3166-2 unit (one governorate)
    typed: dict[Any, eventx.Place] = {}
    for r in resolved:
        if r.place is not None and r.place.kind == "region" and " " in doc.text[r.start : r.end]:
            typed[r.place.key] = r.place
            typed_mention = found.get(r.start)
            for p in typed_mention.candidates if typed_mention else ():
                if p.kind == "region":
                    typed.setdefault(p.key, r.place)
    if not typed:
        return resolved
    city_cued = {
        r.place.key
        for r in resolved
        if r.place is not None
        and r.place.kind == "city"
        and has_place_cue(doc.text, r.start, "ar", nouns_only=True)
    }
    out: list[ResolvedMention] = []
    for r in resolved:
        mention = found.get(r.start)
        if (
            r.place is not None
            and r.place.kind == "city"
            and r.place.key not in city_cued
            and mention
        ):
            region = next(
                (typed[p.key] for p in mention.candidates if p.kind == "region" and p.key in typed),
                None,
            )
            if region is not None:
                r = attrs.evolve(r, kind="region", place=region, name=region.name)
        out.append(r)
    return out


@lru_cache(maxsize=4)
def _cue_words(language: str, cue: str) -> frozenset[str]:
    """The normalised one-word cues of one class (``[cues.<cue>]``)."""
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", language).get("cues", {})
    return frozenset(eventx.normalize_string(w) for w in data.get(cue, {}).get("terms", ()))


def _after_admin_noun(text: str, start: int, language: str) -> bool:
    """Whether the name at ``start`` follows an administrative unit's noun (``[cues.admin]``:
    محافظة, مقاطعة, ولاية...), with or without a clitic (بمقاطعة, ومحافظة)."""
    # a hashtag joins its words with "_" ("#إقليم_قندوز")
    before = text[max(0, start - 16) : start].replace("_", " ").split()
    if not before:
        return False
    word = eventx.normalize_string(before[-1].lstrip("#"))
    nouns = _cue_words(language, "admin")
    return word in nouns or any(
        word.startswith(clitic) and word[len(clitic) :] in nouns for clitic in ("ب", "و", "ل", "وب")
    )


def _unit_named_after_town(
    doc: eventx.AnnotatedDocument,
    mention: ResolvedMention,
    found: Mapping[int, eventx.PlaceMention],
) -> ResolvedMention:
    """ "مقاطعة أوكاياما": an administrative unit named after its seat, not the town itself.

    After a unit's noun a town's name is the unit: the region of that name in the town's
    country when the gazetteer has one ("#إقليم_قندوز", a hashtag the phrase index cannot
    read whole), else an unresolved region in the town's country and admin region (a Japanese
    prefecture, an Afghan district, a US state in Arabic), as English "Rajkot district" is
    (:func:`_district_of_town`).
    """
    place = mention.place
    if place is None or place.kind != "city":
        return mention
    if not _after_admin_noun(doc.text, mention.start, doc.language):
        return mention
    region = _region_of_same_name(mention, found)
    if region is not None:
        return attrs.evolve(mention, kind="region", place=region, name=region.name)
    return ResolvedMention(
        start=mention.start,
        end=mention.end,
        kind="region",
        place=None,
        name=doc.text[mention.start : mention.end],
        country_code=place.country_code,
        within=place,
    )


def _region_of_same_name(
    mention: ResolvedMention, found: Mapping[int, eventx.PlaceMention]
) -> eventx.Place | None:
    """The region that shares a resolved town's name and country, if the gazetteer has one."""
    place = mention.place
    candidates = found[mention.start].candidates if mention.start in found else ()
    return next(
        (
            p
            for p in candidates
            if place is not None and p.kind == "region" and p.country_code == place.country_code
        ),
        None,
    )


#: What may stand between a plural unit noun and the list of its names ("في ست محافظات وهي
#: القاهرة والسويس", "ولايات: ...") and between two names of the list ("، ", " ").
_LIST_OPENER_GAP_RE = regex.compile(r"^\s*(?:و?ه[يى]\s*)?[:،,]?\s*$")
_LIST_GAP_RE = regex.compile(r"^\s*[،,]?\s*$")


def units_listed_after_plural(
    text: str,
    found: Sequence[eventx.PlaceMention],
    language: str,
    normalized: str | None = None,
) -> dict[int, Sequence[eventx.Place]]:
    """Names listed after a plural unit noun are the units: "في ست محافظات وهي القاهرة
    والإسماعيلية والسويس" names three governorates, not three cities (``[admin_plurals]``).

    Returns, by mention start, the region candidates of each listed name; a list runs from
    the noun over names with region candidates separated by nothing but a comma or a space
    (the conjunction is part of the name's mention: "والسويس").

    ``normalized``, the normalised text when the caller has it, lets an article without any
    plural noun skip the mentions: normalising is letter by letter, so a word normalised to a
    plural (or to بـ + a plural) leaves the plural inside the normalised text.
    """
    plurals = _word_list(language, "admin_plurals")
    listed: dict[int, Sequence[eventx.Place]] = {}
    if not plurals:
        return listed
    if normalized is not None and not any(plural in normalized for plural in plurals):
        return listed
    listing_until = -1  # the end of the previous name of a list, while a list runs
    for mention in found:
        regions = [p for p in mention.candidates if p.kind == "region"]
        in_list = listing_until >= 0 and bool(
            _LIST_GAP_RE.match(text[listing_until : mention.start])
        )
        if not in_list:
            words = text[max(0, mention.start - 40) : mention.start].split()
            for cut in range(len(words) - 1, max(-1, len(words) - 4), -1):
                noun = eventx.normalize_string(words[cut].strip(":،,"))
                if noun in plurals or (noun[:1] == "ب" and noun[1:] in plurals):
                    gap = " ".join(words[cut + 1 :])
                    in_list = bool(_LIST_OPENER_GAP_RE.match(" " + gap))
                    break
        listing_until = -1
        if in_list and regions:
            listed[mention.start] = regions
            listing_until = mention.end
    return listed


def _area_of_town(
    doc: eventx.AnnotatedDocument,
    resolved: list[ResolvedMention],
) -> list[ResolvedMention]:
    """ "بمنطقة العبور بالعريش": an area named inside a town is a part of that town, not a
    town of the same name elsewhere: after an area noun (منطقة, حي) and right before "ب" or
    "في" with another known town, the name of a town in another admin region is reported as
    an unresolved place in the named town (its country and admin region)."""
    nouns = _cue_words(doc.language, "region") | {eventx.normalize_string("حي")}
    by_start = {r.start: r for r in resolved}
    out: list[ResolvedMention] = []
    for r in resolved:
        place = r.place
        if place is not None and place.kind == "city":
            before = doc.text[max(0, r.start - 12) : r.start].split()
            noun = eventx.normalize_string(before[-1]) if before else ""
            if noun in nouns or (noun[:1] in ("ب", "و") and noun[1:] in nouns):
                rest = doc.text[r.end : r.end + 8]
                offset = r.end + len(rest) - len(rest.lstrip())
                if doc.text.startswith("في ", offset):
                    offset += 3
                town = by_start.get(offset)
                if (
                    town is not None
                    and town.place is not None
                    and town.place.kind == "city"
                    and town.place.key != place.key
                    # a namesake elsewhere: a known district of the town (حي مولنبيك
                    # ببروكسل) lies in the town's own admin region and stays itself
                    and place.admin1_code is not None
                    and town.place.admin1_code is not None
                    and place.admin1_code != town.place.admin1_code
                    and (doc.text.startswith("ب", offset) or doc.text[offset - 3 : offset] == "في ")
                ):
                    r = ResolvedMention(
                        start=r.start,
                        end=r.end,
                        kind="place",
                        place=None,
                        name=doc.text[r.start : r.end],
                        country_code=town.place.country_code,
                        within=town.place,
                    )
        out.append(r)
    return out


def _cue_mentions(
    doc: eventx.AnnotatedDocument,
    context: Mapping[str, int],
    taken: eventx.SpanSet,
    known: Mapping[int, tuple[eventx.Place, int]] | None = None,
    *,
    lowercase: bool = False,
) -> Iterator[ResolvedMention]:
    """Names announced by a place cue that the gazetteer did not find: fuzzy rule or unresolved.

    A site noun before a known town ("مطار بغداد", "سجن صيدنايا") names a site in that town:
    the site is reported too, placed in the town's country and admin region.
    """
    tokens = doc.tokens
    language = doc.language
    known = known or {}
    if language == "ar":
        yield from _sites_in_towns(doc, known)
    for match in _cue_matcher(language).finditer(doc):
        following = match.last_token + 1
        if following >= len(tokens):
            continue
        cue_token = tokens[match.first_token]
        token = tokens[following]
        if taken.overlaps(token.start, token.end) or token.norm in _word_list(
            language, "not_names"
        ):
            continue
        if doc.sentence_index_at(token.start) != doc.sentence_index_at(cue_token.start):
            continue
        if language == "ar":
            # "منطقة مانغيستاو": an indefinite cue in construct with a name. "المنطقة" (the
            # region) and adjectives ("مدينة كبيرة", "منطقة عسكرية") name nothing.
            if cue_token.norm.startswith(("ال", "وال", "بال")) or not _ARABIC_WORD_RE.match(
                token.text
            ):
                continue
            # after an area noun a definite word is a name in construct, whatever its ending
            # ("منطقة الزهراوي", "منطقة الرابية": an indefinite noun takes no definite adjective)
            definite_in_construct = match.value == "region" and token.norm.startswith("ال")
            if (
                match.value != "place"
                and not definite_in_construct
                and (token.norm.endswith(("يه", "ي", "ه")) or token.norm.startswith("و"))
            ):
                # adjectives (منتجة, عسكرية) and a new clause (مدينة وأول)
                continue
            if _possessed(token.norm):
                continue  # "قضاء يومهم" (spending their day): a possessed common noun
            if _VERBAL_NOUN_RE.match(token.norm):
                continue  # "منطقة الاحتفال" (the celebration area): a verbal noun, no name
            if token.norm.startswith("ال") and eventx.normalize_string(match.phrase) in _word_list(
                language, "other_senses"
            ):
                continue  # "مقاطعة الانتخابات" (boycotting the elections), "ولاية الرئيس"
            if match.value == "place":
                if not token.norm.startswith("ال"):
                    continue  # "سوق السمك", "مستشفى الثورة": the named part is definite
                if match.first_token > 0 and (
                    f"{tokens[match.first_token - 1].norm} {cue_token.norm}"
                    in _word_list(language, "cue_idioms")
                ):
                    continue  # "عن طريق الهاتف" (by way of the phone) is no road
                if f"{cue_token.norm} {token.norm}" in _abstract_sites(language):
                    continue  # "سوق الأوراق المالية" (the stock market) is no market place
                end = _after_site_adjectives(doc, following)
                # the name opens at the noun, not at its conjunction ("وطريق المطار")
                start = cue_token.start + clitic_length(cue_token.text, {eventx.normalize_string(match.phrase)})
                yield ResolvedMention(
                    start=start,
                    end=end,
                    kind="place",
                    place=None,
                    name=doc.text[start:end],
                )
                continue
            # the transliteration rule is for foreign names in Arabic letters; the article
            # marks an Arabic name ("منطقة الطوليدو" is no Toledo, Ohio)
            definite = token.norm.startswith("ال")
            place = None if definite else eventx.fuzzy_place(token.text, sorted(context))
            if place is not None and match.value == "admin" and place.kind == "city":
                # a unit's noun announces a region: a town that merely sounds alike is another
                # place ("ولاية كارولاينا الشمالية" is no Harlan, Iowa)
                place = None
        else:
            # "village of moravli" in a text without capitals: a name when no common word
            if not token.text[:1].isupper() and not (lowercase and is_caseless_name(token.norm)):
                continue
            place = None
        yield ResolvedMention(
            start=token.start,
            end=token.end,
            # a village is a populated place, as GeoNames' "cities" are: kind city
            # an administrative unit's noun announces a region ("مقاطعة أوكاياما")
            kind=place.kind if place else _UNRESOLVED_KIND.get(match.value, "place"),
            place=place,
            name=place.name if place else token.text,
        )


#: The kind of an unresolved name by the cue before it; any other cue announces a place.
_UNRESOLVED_KIND = {"city": "city", "village": "city", "admin": "region"}


@lru_cache(maxsize=2)
def _abstract_sites(language: str) -> frozenset[str]:
    """Site noun + complement naming a market, sector or body, not a place
    (``[abstract_sites]``: "سوق العمل", "جامعة الدول"), normalised; also after a clitic
    on the noun ("وسوق العمل", "بسوق المال")."""
    phrases = _word_list(language, "abstract_sites")
    return phrases | frozenset(f"{clitic}{p}" for p in phrases for clitic in ("و", "ب", "ل", "ف", "وب"))


def _after_site_adjectives(doc: eventx.AnnotatedDocument, index: int) -> int:
    """The end of a site's name whose named part is token ``index``, over the adjectives
    of ``site_adjectives`` after it ("قاعدة الحبانية الجوية", "جزيرة الخالدية الكبرى")."""
    tokens = doc.tokens
    adjectives = _word_list(doc.language, "site_adjectives")
    while index + 1 < len(tokens) and tokens[index + 1].norm in adjectives:
        index += 1
    return tokens[index].end


# Verbal nouns of the derived verb forms VII, VIII and X (انفعال, افتعال, استفعال), normalised
# and with the article: الانفجار, الاحتفال, الازدحام, الاستقبال. Names of places rarely take
# these shapes, and a cue noun before one ("منطقة الاحتفال") names an activity's area.
_VERBAL_NOUN_RE = regex.compile(r"^(?:ال)?ا(?:ست..|ن..|.[تدط].)ا.$")


def _possessed(norm: str) -> bool:
    """Whether a normalised Arabic word ends in a pronoun suffix (``يومهم``, their day)."""
    suffixes = _word_list("ar", "pronoun_suffixes")
    return any(norm.endswith(s) and len(norm) > len(s) + 2 for s in suffixes)


@lru_cache(maxsize=4)
def _month_words(language: str) -> frozenset[str]:
    """The first word of every month name in the dates plugin's lexicon (the one list of
    month names; "تشرين الأول" gives تشرين): names that are also towns (آب = Ibb, مايو = Mayo)."""
    months = eventx.language_data("eventx_dates", "lexicon", language).get("months", {})
    return frozenset(
        eventx.normalize_string(str(name).split()[0])
        for number, names in months.items()
        if str(number).isdigit()
        for name in names
    )


def _written_as_month(text: str, start: int, end: int, language: str) -> bool:
    """Whether an Arabic name is a month written as a date ("أغسطس/آب", "5 أيار").

    A month name next to a slash (the two calendars' names side by side) or next to a number
    is a date; elsewhere ("في آب" could be the town of Ibb written with madda) it stays a name.
    """
    if language != "ar" or eventx.normalize_string(text[start:end]) not in _month_words(language):
        return False
    before = text[max(0, start - 12) : start].rstrip()
    after = text[end : end + 12].lstrip()
    if before.endswith("/") or after.startswith("/"):
        return True
    previous = before.split()[-1:] if before else []
    following = after.split()[:1]
    return any(regex.search(r"\d", w) for w in (*previous, *following))


def _before_masculine_adjective(
    text: str,
    mention: eventx.PlaceMention,
    demonyms: Mapping[int, eventx.PlaceMention],
    language: str,
) -> bool:
    """Whether an Arabic town-only name is a noun described by a masculine nisba adjective.

    Towns are feminine in Arabic, so an adjective after one is feminine ("بغداد العراقية");
    a masculine one ("العلم العراقي", the Iraqi flag) describes a common noun that happens to
    be a town's name (Al-Alam). Names that may be a country or region are left alone.
    """
    if language != "ar" or not mention.candidates:
        return False
    if any(p.kind != "city" for p in mention.candidates):
        return False
    after = text[mention.end : mention.end + 8]  # bounded: no copy of the rest per mention
    gap = len(after) - len(after.lstrip())
    if gap == 0 or "\n" in after[:gap]:
        return False
    adjective = demonyms.get(mention.end + gap)
    if adjective is None:
        return False
    word = eventx.normalize_string(adjective.text)
    return word.endswith("ي") and not word.endswith("يي")


def _nisba_location(
    doc: eventx.AnnotatedDocument,
    mention: eventx.PlaceMention,
    place_ends: Mapping[int, eventx.PlaceMention],
) -> eventx.Place | None:
    """The country a demonym names as a place, or None when it only says whose.

    An adjective of nationality names the country as a place after a territory noun
    (``الأراضي الليبية``, ``الحدود العراقية``; "Libyan territory" puts the noun after) or
    right after a place of that country (``ديالى العراقية``): "in Diyala, Iraq". Otherwise it
    says whose ("القوات المصرية", "Iraqi officials") and is no location.
    """
    country = mention.candidates[0] if mention.candidates else None
    if country is None or country.kind != "country":
        return None
    text, language = doc.text, doc.language
    nouns = _word_list(language, "territory_nouns")
    if language == "ar":
        before = text[max(0, mention.start - 24) : mention.start].split()
        if before and eventx.normalize_string(before[-1]) in nouns:
            return country
        # Where the text before the mention ends once its spaces are dropped (what
        # ``text[: mention.start].rstrip()`` measures), read backwards: no copy of the text.
        gap_end = mention.start
        while gap_end > 0 and text[gap_end - 1].isspace():
            gap_end -= 1
        previous = place_ends.get(gap_end)
        if previous is not None:
            codes = {p.country_code for p in previous.candidates}
            if country.country_code in codes:
                return country
        return None
    after = text[mention.end : mention.end + 24].split()
    if after and after[0].strip(",.;:").lower() in nouns:
        return country
    return None


@lru_cache(maxsize=4)
def _site_matcher(language: str) -> eventx.PhraseMatcher[str]:
    data = eventx.language_data(PACKAGE, "data", language).get("site_nouns", {})
    return eventx.matcher_from_table({"site": data})


def _broadcaster(
    doc: eventx.AnnotatedDocument, phrase: str, noun: str, town: eventx.Place, town_end: int
) -> bool:
    """Whether a site noun that also names a broadcaster (``[media_nouns]``: قناة) names one
    here: with the clitic لـ ("لقناة"), before a region, or with a word of broadcasting after
    the town ("قناة دبي الفضائية")."""
    language = doc.language
    stem = eventx.normalize_string(phrase)
    if stem not in _word_list(language, "media_nouns"):
        return False
    if town.kind != "city" or noun.removeprefix("و").startswith("ل"):
        return True
    after = doc.text[town_end : town_end + 24].split(maxsplit=1)
    return bool(after) and eventx.normalize_string(after[0]) in _word_list(
        language, "broadcast_words"
    )


def _sites_in_towns(
    doc: eventx.AnnotatedDocument, known: Mapping[int, tuple[eventx.Place, int]]
) -> Iterator[ResolvedMention]:
    """A site noun right before a known town or region: a site there ("مطار بغداد الدولي").

    The name runs from the noun (without its clitics: "بمخيم" -> "مخيم") over the town and the
    adjectives of ``site_adjectives`` after it.
    """
    tokens = doc.tokens
    adjectives = _word_list(doc.language, "site_adjectives")
    for match in _site_matcher(doc.language).finditer(doc):
        following = match.last_token + 1
        if following >= len(tokens):
            continue
        noun, token = tokens[match.first_token], tokens[following]
        found = known.get(token.start)
        if found is None or noun.norm.startswith(("ال", "وال", "بال")):
            continue
        town, town_end = found
        if town.kind not in ("city", "region"):
            continue
        if _broadcaster(doc, match.phrase, noun.norm, town, town_end):
            continue
        if doc.sentence_index_at(token.start) != doc.sentence_index_at(noun.start):
            continue
        index = max(following, bisect.bisect_right(doc.token_starts, town_end - 1) - 1)
        while (
            index + 1 < len(tokens)
            and tokens[index + 1].start >= town_end
            and (tokens[index + 1].norm in adjectives)
        ):
            index += 1
        end = max(town_end, tokens[index].end)
        start = noun.start + clitic_length(noun.text, {eventx.normalize_string(match.phrase)})
        yield ResolvedMention(
            start=start,
            end=end,
            kind="place",
            place=None,
            name=doc.text[start:end],
            country_code=town.country_code,
            within=town,
            site_of_town=True,
        )


#: At most this many clitic letters open an Arabic word before a noun ("وبمخيم": و + ب).
MAX_CLITIC_LETTERS = 3


def clitic_length(word: str, stems: Collection[str]) -> int:
    """How many leading characters of ``word`` (as written) are clitics before one of the
    normalised ``stems`` ("بمخيم" before مخيم: 1). A name never starts on a vowel mark: the
    marks a clitic carries belong to it ("وَبمخيم": 3, the mark included), and 0 when no
    cut of up to three clitic letters leaves a stem."""
    letters = 0
    for cut, char in enumerate(word):
        if unicodedata.combining(char):
            continue  # the clitic's vowel mark ("وَمقر"): the name starts after it
        if eventx.normalize_string(word[cut:]) in stems:
            return cut
        letters += 1
        if letters > MAX_CLITIC_LETTERS:
            break
    return 0


_EN_WORSHIP_NOUNS = frozenset({"mosque", "church", "synagogue", "temple"})


def _after_indefinite(text: str, start: int) -> bool:
    before = text[max(0, start - 12) : start].split()
    return bool(before) and before[-1].lower() in ("a", "an", "one", "another", "every")


def _english_facilities(text: str, taken: Sequence[tuple[int, int]]) -> Iterator[ResolvedMention]:
    spans = _Spans(taken)
    for found in _EN_FACILITY_RE.finditer(text, timeout=1.0):
        start, end = found.span(1)
        line_break = text.rfind("\n", start, end)
        if line_break >= 0:
            start = line_break + 1  # a name does not run over a line break ("El\nChino Hill")
        words = text[start:end].split()
        if any(w.rstrip(".") in _EN_TITLES for w in words):
            continue  # a person: "Environment Minister Robert Hill"
        while words and (words[0] in _EN_FACILITY_STOP or any(w.endswith("'s") for w in words)):
            start += len(words[0]) + 1  # "Portadown's Garvaghy Road": the owner is not the name
            words = words[1:]
        # a known name inside the facility's name is fine ("Bagram Air Base"); one reaching
        # across its edge is not
        if len(words) < 2 or spans.overlaps_outside(start, end):
            continue
        town_before = (start, end - len(words[-1]) - 1) in spans
        if words[-1] in _EN_WORSHIP_NOUNS:
            # a house of worship is called by its town ("outside Didsbury mosque"), unless an
            # indefinite article makes it one of many ("a Leeds church"); after anything but
            # a town the words say whose it is ("Hindu temple", "Pakistani mosque")
            name = text[start : end - len(words[-1]) - 1]
            known = eventx.lookup_places(name, "en") if town_before else ()
            if not known or known[0].kind != "city" or _after_indefinite(text, start):
                continue
        elif words[-1].islower() and town_before:
            continue  # "a Boston street": a known town and a common noun, not a street's name
        kind = "city" if words[-1] in ("village", "Village") else "place"
        yield ResolvedMention(start=start, end=end, kind=kind, place=None, name=text[start:end])
    for found in _EN_AREA_RE.finditer(text, timeout=1.0):
        start, end = found.span(1)
        if not spans.overlaps(start, end):
            yield ResolvedMention(
                start=start, end=end, kind="place", place=None, name=text[start:end]
            )


def resolve_mentions(doc: eventx.AnnotatedDocument) -> tuple[list[ResolvedMention], Counter[str]]:
    """Every place mention of the document, resolved where the gazetteer allows."""
    language = doc.language
    found = list(eventx.find_place_mentions(doc))
    # Each mention's own country is read once; the rest of the article's countries depends on
    # nothing else, so mentions adding the same country share one (read-only) copy.
    own_countries = [_context_country(m) for m in found]
    context: Counter[str] = Counter(code for code in own_countries if code is not None)
    rest_of_article: dict[str | None, Counter[str]] = {}
    # "Congo" (CG or CD): any place whose country is certain helps, a city too ("Bukavu")
    located = Counter(
        codes.pop()
        for m in found
        if len(codes := {p.country_code for p in m.candidates if p.country_code}) == 1
    )
    lowercase = language == "en" and eventx.is_lowercase_text(doc.text)
    caseless_support = CaselessSupport.of(found if lowercase else (), MIN_POPULATION_LOWERCASE)
    listed = units_listed_after_plural(doc.text, found, language, doc.normalized.text)
    resolved: list[ResolvedMention] = []
    people: set[str] = set()  # town names the article uses as someone's name ("John Howard")
    demonyms = {m.start: m for m in found if m.demonym}
    demonym_ends = frozenset(m.end for m in found if m.demonym)
    # places a following nisba may point back to ("ديالى العراقية"); not a common noun that
    # the nisba describes ("العلم العراقي")
    # (read once per mention: the places a nisba points back to and the loop below both ask)
    described = [_before_masculine_adjective(doc.text, m, demonyms, language) for m in found]
    ends = {
        m.end: m
        for m, common_noun in zip(found, described, strict=True)
        if not m.demonym and not common_noun
    }
    for mention, own_country, common_noun in zip(found, own_countries, described, strict=True):
        if _written_as_month(doc.text, mention.start, mention.end, language):
            continue
        if in_organisation_name(doc.text, mention.start, mention.end, language):
            continue
        if common_noun:
            continue
        if mention.demonym:
            country = _nisba_location(doc, mention, ends)
            if country is not None:
                resolved.append(
                    ResolvedMention(
                        start=mention.start,
                        end=mention.end,
                        kind="country",
                        place=country,
                        name=country.name,
                    )
                )
            continue
        if mention.start in listed:
            # a listed unit (believed: the plural noun announces it)
            region = eventx.choose_place(listed[mention.start], context)
            if region is not None:
                resolved.append(
                    ResolvedMention(
                        start=mention.start,
                        end=mention.end,
                        kind="region",
                        place=region,
                        name=region.name,
                    )
                )
                continue
        ambiguous_country = sum(p.kind == "country" for p in mention.candidates) > 1
        # support must come from the rest of the article: "Balkan" (a Turkmen province) does
        # not vouch for itself, and عمان does not vote for Oman against Amman
        others = rest_of_article.get(own_country)
        if others is None:  # context_without(context, mention), once per country
            others = rest_of_article[own_country] = _context_without_code(context, own_country)
        place = eventx.choose_place(
            mention.candidates, others + located if ambiguous_country else others
        )
        if lowercase:
            # every mention of another name of a certain country supports (a city too:
            # ahmedabad for gujarat), as capitals cannot single out names
            others = caseless_support.without(mention)
        if place is None:
            continue
        # US states (GeoNames regions without an ISO source) too: "Massachusetts Institute"
        small = (
            place.kind == "city" and place.population < MIN_POPULATION_WITHOUT_CONTEXT["en"]
        ) or place.kind == "region"
        if language == "en" and (
            _person_name(doc.text, mention.start, mention.end)
            or (small and _inside_longer_name(doc.text, mention.start))
            or (small and _person_opening_sentence(doc.text, mention.start, mention.end))
        ):
            # someone's name, whether or not the town would have been believed: remembered
            # for the article's other mentions of it ("John Howard" ... "Howard said")
            people.add(mention.text)
            continue
        if (
            language == "ar"
            and small
            and place.geonameid not in capital_geonameids()
            and _after_speech_word(doc.text, mention.start)
        ):
            people.add(mention.text)  # "وقال ماتيس": a speaker, and so every other ماتيس
            continue
        if not believable(
            place, mention, doc.text, others, language, lowercase=lowercase
        ) and not _region_of_town(doc.text, place, mention, resolved):
            continue
        if language == "ar" and _proclitic_guess(place, mention, doc.text, found):
            continue  # "الأمريكي بايدن" is Biden, not ب + Eden, North Carolina
        if place.kind == "country" and _attributive(doc.text, mention.end, language):
            continue
        if language == "en" and small and _first_word_of_longer_name(doc.text, mention.end):
            continue
        if language == "en" and _modifier_beside_adjective(doc.text, mention, demonym_ends):
            continue  # "British and Ulster flags": whose flags, not where
        if (
            language == "en"
            and place.kind == "city"
            and _acronym(doc.text, mention.start, mention.text)
        ):
            continue  # "the IRA's truce" is not Ira, Côte d'Ivoire
        if language == "en" and _namesake_abroad(place, mention, others + located):
            # "Cerro Azul" in an article about Colombia: a town of that name in Mexico, Brazil
            # and Argentina, none named here, is more likely a place the gazetteer lacks in the
            # article's country; its sentence may say where (_locate)
            resolved.append(
                ResolvedMention(
                    start=mention.start,
                    end=mention.end,
                    kind="place",
                    place=None,
                    name=mention.text,
                )
            )
            continue
        resolved.append(
            ResolvedMention(
                start=mention.start, end=mention.end, kind=place.kind, place=place, name=place.name
            )
        )
    if people:
        # one name, one sense in an article: once "John Howard" is a person, "Howard said"
        # is him too, unless a mention is put in a place ("in Howard")
        resolved = [
            r
            for r in resolved
            if r.place is None
            or r.place.kind == "country"
            or doc.text[r.start : r.end] not in people
            or is_locative(doc.text, r.start, language)
            # "مدينة ماتيس": an Arabic place noun puts it back (English "of" is too weak)
            or (language == "ar" and has_place_cue(doc.text, r.start, language, nouns_only=True))
        ]
    if language == "en":
        resolved = [_district_of_town(doc.text, r) for r in resolved]
    if language == "ar":
        found_at = {m.start: m for m in found}
        resolved = _regions_named_with_type_word(doc, resolved, found_at)
        resolved = [_unit_named_after_town(doc, r, found_at) for r in resolved]
        resolved = _area_of_town(doc, resolved)
    taken = [(m.start, m.end) for m in found]
    known = {r.start: (r.place, r.end) for r in resolved if r.place is not None}
    extra = list(_cue_mentions(doc, context, eventx.SpanSet(taken), known, lowercase=lowercase))
    if lowercase:
        extra.extend(_caseless_names(doc, found, resolved, located))
    if language == "en":
        towns = list(_addressed_towns(doc.text, resolved, extra))
        # a doubted namesake ("Valdivia", a Chilean town, in an article about El Salvador) is
        # the town its address gives
        addressed = {(t.start, t.end) for t in towns}
        resolved = [r for r in resolved if r.place is not None or (r.start, r.end) not in addressed]
        extra.extend(towns)
    if language == "en":
        # A facility named after its town ("Bagram Air Base") lies in that town's country;
        # the town itself stays a mention too (the base is at Bagram).
        facilities = list(_english_facilities(doc.text, taken))
        if facilities:
            found_at = {m.start: m for m in found}
            # the first resolved place (in resolution order) starting inside each facility
            by_start = sorted((r.start, i) for i, r in enumerate(resolved) if r.place is not None)
            starts = [at for at, _ in by_start]
            for facility in facilities:
                low = bisect.bisect_left(starts, facility.start)
                high = bisect.bisect_left(starts, facility.end)
                first = min((i for _, i in by_start[low:high]), default=None)
                place = resolved[first].place if first is not None else None
                code = place.country_code if place is not None else None
                # the town that opens the name, believed or not ("Bagram" alone may be too small)
                opening = found_at.get(facility.start)
                town = (
                    eventx.choose_place(opening.candidates, context)
                    if opening is not None
                    else None
                )
                kind_of_site = site_class(facility.name, language)
                if town is not None and town.kind in ("city", "place") and kind_of_site is not None:
                    # a town's airfield ("Bagram Air Base", "Bagram Airfield"): one site
                    facility = attrs.evolve(
                        facility, within=town, site_of_town=True, site_class=kind_of_site
                    )
                    code = code or town.country_code
                extra.append(attrs.evolve(facility, country_code=code))
            # the town inside a facility's name is not itself a mention ("London Bridge")
            spans = _Spans([(f.start, f.end) for f in facilities])
            resolved = [r for r in resolved if not spans.overlaps(r.start, r.start + 1)]
    if language == "en" and not lowercase:
        taken_en = [(m.start, m.end) for m in found] + [(r.start, r.end) for r in extra]
        for start, end in names_after_locatives(doc.text, taken_en, is_english_word):
            # "troops stationed in Uraba": a place the gazetteer lacks
            extra.append(
                ResolvedMention(
                    start=start, end=end, kind="place", place=None, name=doc.text[start:end]
                )
            )
    resolved.extend(extra)
    if language == "ar":
        # constructions that name places no gazetteer lists ("دمشق القديمة", "مقر حزب ...")
        from eventx_places.arabic_places import refine  # it builds on this module

        resolved = refine(doc, resolved)
    resolved.sort(key=lambda r: (r.start, r.end))
    starts = [r.start for r in resolved]
    return [_locate(doc, m, resolved, starts) for m in resolved], context


def _caseless_names(
    doc: eventx.AnnotatedDocument,
    found: Sequence[eventx.PlaceMention],
    resolved: Sequence[ResolvedMention],
    located: Mapping[str, int],
) -> Iterator[ResolvedMention]:
    """Names before a noun of place in a text without capitals (eventx_places.caseless)."""
    taken = [(r.start, r.end) for r in resolved]
    by_cue = list(caseless_cue_names(doc, found, taken, located))
    # gazetteer names (believed or not: "in kheda, anand" keeps its towns' rules) and names
    # found by their noun are not found again after a preposition
    taken += [(m.start, m.end) for m in found] + [(n.start, n.end) for n in by_cue]
    reported = [(r.start, r.end) for r in resolved] + [(n.start, n.end) for n in by_cue]
    examples = list(caseless_examples(doc, found, reported, located))
    taken += [(n.start, n.end) for n in examples]
    for name in (*by_cue, *examples, *caseless_listed_names(doc, taken)):
        yield ResolvedMention(
            start=name.start, end=name.end, kind=name.kind, place=name.place, name=name.name
        )


def _addressed_towns(
    text: str, resolved: Sequence[ResolvedMention], extra: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """Towns no gazetteer knows, written with their address ("in Valdivia, Usulutan
    Department"; eventx_places.english): unresolved cities in that region's country."""
    known = [(r.start, r.end, r.place) for r in resolved if r.place is not None]
    # a known place is itself; a doubted namesake (unresolved) may be the addressed town
    taken = [(r.start, r.end) for r in resolved if r.place is not None]
    taken += [(r.start, r.end) for r in extra]
    for town in addressed_towns(text, known, taken):
        yield ResolvedMention(
            start=town.start,
            end=town.end,
            kind="city",
            place=None,
            name=text[town.start : town.end],
            country_code=town.within.country_code,
            within=town.within,
        )


def _namesake_abroad(
    place: eventx.Place, mention: eventx.PlaceMention, support: Mapping[str, int]
) -> bool:
    """Whether a small town is one of several namesakes in countries the article does not
    name while it names another country's places: the gazetteer's pick is a guess."""
    if place.kind != "city" or place.population >= MIN_POPULATION_WITHOUT_CONTEXT["en"]:
        return False
    countries = {p.country_code for p in mention.candidates if p.country_code}
    if len(countries) < 2 or not support:
        return False
    # the article's main country is elsewhere: its namesakes' countries are named at most a
    # fraction as often (one stray place of theirs does not vouch for the guess)
    theirs = max(support.get(code, 0) for code in countries)
    if theirs * NAMESAKE_SUPPORT_RATIO >= max(support.values()):
        return False
    return place.geonameid not in capital_geonameids()


#: How many times more often the article's main country must be supported than any of a
#: small town's namesake countries for the gazetteer's pick among them to be doubted.
NAMESAKE_SUPPORT_RATIO = 4


def _same_sentence(
    doc: eventx.AnnotatedDocument,
    sentence: int | None,
    mentions: Sequence[ResolvedMention],
    starts: Sequence[int],
) -> Sequence[ResolvedMention]:
    """The mentions (sorted by start; ``starts`` their starts) that may lie in ``sentence``:
    found by bisection, so a long text's many names do not each scan all the others."""
    sentences = doc.sentences
    if sentence is None:
        return mentions
    low = bisect.bisect_left(starts, sentences[sentence].start) if sentence > 0 else 0
    following = sentence + 1
    high = (
        bisect.bisect_left(starts, sentences[following].start)
        if following < len(sentences)
        else len(starts)
    )
    return mentions[low:high]


def _locate(
    doc: eventx.AnnotatedDocument,
    mention: ResolvedMention,
    mentions: Sequence[ResolvedMention],
    starts: Sequence[int],
) -> ResolvedMention:
    """An unresolved site or village placed where the same sentence says it is.

    The nearest town or region of the sentence ("... في قرية أكبار قرب ميناكا", "Sardarpura
    village in Mehsana district") gives its country and admin region.
    """
    if mention.place is not None or mention.within is not None:
        return mention
    sentence = doc.sentence_index_at(mention.start)
    nearby = [
        m
        for m in _same_sentence(doc, sentence, mentions, starts)
        if m.place is not None
        and m.place.kind in ("city", "region")
        and doc.sentence_index_at(m.start) == sentence
        and (mention.country_code is None or m.place.country_code == mention.country_code)
    ]
    if not nearby:
        return mention
    town = min(nearby, key=lambda m: (abs(m.start - mention.start), m.start))
    assert town.place is not None
    return attrs.evolve(mention, country_code=town.place.country_code, within=town.place)


def _place_key(place: eventx.Place) -> Any:
    """What makes two resolved mentions one place: a first-level unit is its ISO 3166-2 code,
    whichever name found it ("شمال سيناء", a curated alias, and "محافظة شمال سيناء", the ISO
    name, are one governorate); any other place is its gazetteer entry."""
    if place.kind == "region" and place.admin1_code and not place.admin2_code:
        return ("admin1", place.admin1_code)
    return place.key


def merge_mentions(
    ctx: eventx.ExtractionContext, mentions: Sequence[ResolvedMention]
) -> Iterator[eventx.Location]:
    """One Location per place, every mention kept as evidence; unresolved names reported."""
    groups: dict[Any, list[ResolvedMention]] = {}
    for mention in mentions:
        if mention.place is not None:
            key: Any = _place_key(mention.place)
        elif mention.site_of_town and mention.within is not None:
            # "مطار بغداد" and "مطار بغداد الدولي": one site (its noun and its town)
            noun = mention.site_class or eventx.normalize_string(mention.name).split(" ", 1)[0]
            key = ("site", noun, mention.within.key)
        else:
            key = ("unresolved", mention.kind, eventx.normalize_string(mention.name))
        groups.setdefault(key, []).append(mention)
    for key, group in groups.items():
        first = group[0]
        evidence = [ctx.evidence(m.start, m.end) for m in group]
        place = first.place
        if key[0] == "admin1":
            # one unit under a curated alias and its ISO name: the curated English name is kept
            place = next(
                (m.place for m in group if m.place is not None and m.place.resolution == "alias"),
                place,
            )
        if place is None:
            within = next((m.within for m in group if m.within is not None), None)
            # the first mention whose sentence says where it is gives the country
            code = next((m.country_code for m in group if m.country_code), None)
            yield eventx.Location(
                name=first.name,
                kind=first.kind,
                country_code=code,
                mentions=evidence,
                resolution="unresolved",
                admin1=_admin(within.admin1_name, within.admin1_code) if within else None,
                admin2=_admin(within.admin2_name, within.admin2_code) if within else None,
                geo_precision=geo_precision(first.kind, resolved=False, located=within is not None),
            )
            continue
        yield eventx.Location(
            name=place.name,
            country_code=place.country_code,
            kind=place.kind,
            geonameid=place.geonameid,
            lat=place.lat,
            lon=place.lon,
            mentions=evidence,
            resolution=place.resolution,
            admin1=_admin(place.admin1_name, place.admin1_code),
            admin2=_admin(place.admin2_name, place.admin2_code),
            geo_precision=geo_precision(
                place.kind,
                resolved=True,
                second_level=place.admin2_code is not None and place.kind == "region",
            ),
        )


def _admin(name: str | None, code: str | None) -> eventx.AdminArea | None:
    return eventx.AdminArea(name=name or code, code=code) if code else None


def geo_precision(
    kind: str, *, resolved: bool, second_level: bool = False, located: bool = False
) -> int:
    """ACLED's geo-precision code of a place (docs/plugins/places.md).

    1: the place itself is known (a city; a named site with coordinates); 2: part of a region
    or near a known place (a second-level unit; a named site or village the gazetteer does not
    know but whose town or region the text gives); 3: only a first-level region or the country.
    """
    if kind == "country" or (kind == "region" and not second_level):
        return 3
    if kind == "region":
        return 2
    if resolved:
        return 1
    return 2 if located else 3


@lru_cache(maxsize=1)
def capital_geonameids() -> frozenset[int]:
    """GeoNames ids of every capital city."""
    found = (eventx.capital_of(code) for code in eventx.country_codes())
    return frozenset(p.geonameid for p in found if p is not None and p.geonameid is not None)
