"""Arabic named places no gazetteer lists, read from how the sentence names them.

Rules over the resolved mentions of one Arabic document (``resolve.resolve_mentions`` calls
:func:`refine` before placing unresolved names in their sentence's town). Each rule reads a
construction, not a name; the vocabulary is in ``data/ar.toml`` (docs/plugins/places.md):

* a town and an adjective of its part ("دمشق القديمة", "الموصل الشرقية") name a place in or
  named after the town, not the town itself (``[town_part_adjectives]``);
* a place name after a channel's noun read as a broadcaster ("قناة دبي الفضائية") is the
  channel's name, not a location;
* a coast noun before a sea ("شاطئ البحر المتوسط") names the coast: a region, placed by its
  sentence (``[coast_nouns]``);
* names listed after a plural area noun ("في مناطق الحصوة والسلامية") are places
  (``[area_plurals]``);
* an organisation's seat ("مقر حزب الأمة") is a site (``[seat_nouns]``,
  ``[organisation_nouns]``);
* a site noun and an indefinite name right before "in <town>" ("سوق خميس بحلب") is a site
  in that town (the named part of other site names is definite);
* a gate named after a town ("باب دمشق") is a site, not in that town: a gate is named after
  the town its road leads to (``[gate_nouns]``);
* a base noun that is also a common word names a base with a name and a military adjective
  ("قاعدة التاجي العسكرية": ``[base_nouns]``, ``[base_adjectives]``);
* a generic unit name listed after a plural unit noun is that unit ("محافظات هي ...
  والشرقية": ``[admin_plural_singulars]``);
* a dual site noun names two sites ("حقلي الرميلة والزبير": ``[dual_site_nouns]``);
* a definite site noun, an adjective and "في" + a town describe one site of the town
  ("السجن المركزي في مدينة حماة");
* two unresolved sites one letter apart are one site, misspelt.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from functools import lru_cache
from typing import Any

import attrs
import regex

import eventx
from eventx_places.resolve import (
    PACKAGE,
    ResolvedMention,
    _broadcaster,
    _cue_words,
    _possessed,
    _word_list,
    clitic_length,
)

_ARABIC_WORD_RE = regex.compile(r"^[\p{Arabic}]{3,}$")
#: Clitics that may open a noun of the rules below ("وبمناطق", "لقناة", "بمقر").
_CLITICS = ("وب", "وال", "و", "ب", "ل", "ف")


def _unresolved(
    doc: eventx.AnnotatedDocument,
    start: int,
    end: int,
    *,
    within: eventx.Place | None = None,
    kind: str = "place",
) -> ResolvedMention:
    """An unresolved place named by ``doc.text[start:end]``, in the country of the known town
    or region the text puts it in (``within``), when there is one."""
    return ResolvedMention(
        start=start,
        end=end,
        kind=kind,
        place=None,
        name=doc.text[start:end],
        country_code=within.country_code if within is not None else None,
        within=within,
    )


def _bare(norm: str, words: frozenset[str]) -> str | None:
    """``norm`` or ``norm`` without one leading clitic, whichever is in ``words``."""
    if norm in words:
        return norm
    for clitic in _CLITICS:
        if norm.startswith(clitic) and norm[len(clitic) :] in words:
            return norm[len(clitic) :]
    return None


def _candidates(doc: eventx.AnnotatedDocument, words: Iterable[str], tail: int = 0) -> list[int]:
    """Indexes of the tokens one of whose forms (the word, its stems without clitics) is in
    ``words``, leaving ``tail`` tokens after them: found in the document's form index, so a
    rule costs a few dictionary lookups instead of a pass over every token."""
    index = doc.form_index
    limit = len(doc.tokens) - tail
    return sorted({i for word in words for i in index.get(word, ()) if i < limit})


def refine(doc: eventx.AnnotatedDocument, mentions: list[ResolvedMention]) -> list[ResolvedMention]:
    """The document's mentions with the Arabic construction rules applied (module docstring)."""
    mentions = _town_parts(doc, mentions)
    mentions = _without_broadcasters(doc, mentions)
    mentions = _coasts(doc, mentions)
    extra = [
        *_listed_areas(doc, mentions),
        *_seats(doc, mentions),
        *_indefinite_sites(doc, mentions),
        *_gates(doc, mentions),
        *_bases(doc, mentions),
        *_generic_units_listed(doc, mentions),
        *_pairs_after_dual_nouns(doc, mentions),
        *_described_sites(doc, mentions),
    ]
    return _one_spelling_per_site(_without_clitics_in_sites(mentions, extra))


def _without_clitics_in_sites(
    mentions: list[ResolvedMention], sites: list[ResolvedMention]
) -> list[ResolvedMention]:
    """The mentions and the new sites, a town named inside a new site's name starting where the
    site does when only its clitic lay outside ("حقلي الرميلة والزبير": the site الزبير and the
    town's mention والزبير), so that the town reads as named inside the site."""
    # the furthest end of a new site at each start: a town at start + cut lies inside a site
    # when it ends before that (one lookup per mention, not a pass over the sites)
    furthest: dict[int, int] = {}
    for site in sites:
        if site.place is None and site.end > furthest.get(site.start, -1):
            furthest[site.start] = site.end
    if not furthest:
        return [*mentions, *sites]
    out: list[ResolvedMention] = []
    for m in mentions:
        if m.place is not None:
            for cut in (1, 2):
                if m.end <= furthest.get(m.start + cut, -1):
                    m = attrs.evolve(m, start=m.start + cut)
                    break
        out.append(m)
    return [*out, *sites]


def _token_index_at(doc: eventx.AnnotatedDocument, offset: int) -> int | None:
    """The index of the token starting at ``offset``, if one does."""
    starts = doc.token_starts
    index = bisect.bisect_left(starts, offset)
    return index if index < len(starts) and starts[index] == offset else None


def _nearest_place(
    doc: eventx.AnnotatedDocument,
    mentions: Sequence[ResolvedMention],
    start: int,
    skip: eventx.Place | None = None,
) -> eventx.Place | None:
    """The town or region (not ``skip``) named nearest to ``start`` in its sentence."""
    sentence = doc.sentence_index_at(start)
    nearby = [
        m
        for m in mentions
        if m.place is not None
        and m.place.kind in ("city", "region")
        and m.place.country_code is not None
        and (skip is None or m.place.key != skip.key)
        and doc.sentence_index_at(m.start) == sentence
    ]
    nearest = min(nearby, key=lambda m: (abs(m.start - start), m.start), default=None)
    return nearest.place if nearest is not None else None


def _next_token(doc: eventx.AnnotatedDocument, end: int) -> int | None:
    """The index of the first token after ``end`` when only spaces lie between."""
    rest = doc.text[end : end + 4]
    gap = len(rest) - len(rest.lstrip(" "))
    if gap == 0:
        return None
    return _token_index_at(doc, end + gap)


def _town_parts(
    doc: eventx.AnnotatedDocument, mentions: list[ResolvedMention]
) -> list[ResolvedMention]:
    """ "دمشق القديمة", "بغداد الجديدة", "الموصل الشرقية": a town and an adjective of its part
    name a place in (or named after) the town, an unresolved place in its admin region."""
    adjectives = _word_list("ar", "town_part_adjectives")
    # a town inside a site's name ("محطة البصرة الجديدة"): the adjective is the site's
    sites = [(m.start, m.end) for m in mentions if m.site_of_town]
    out: list[ResolvedMention] = []
    for m in mentions:
        town = m.place
        inside = any(a <= m.start and m.end <= b for a, b in sites)
        if town is not None and town.kind == "city" and not inside:
            index = _next_token(doc, m.end)
            if index is not None and doc.tokens[index].norm in adjectives:
                end = doc.tokens[index].end
                start = m.start + _town_clitics(doc.text[m.start : m.end], town)
                m = _unresolved(doc, start, end, within=town)
        out.append(m)
    return out


def _town_clitics(word: str, town: eventx.Place) -> int:
    """How many leading clitic letters a town's mention has ("وحصيبة": 1): those after which
    the rest of the word still names the town."""
    for cut in (1, 2):
        clitics = all(c in "وفبل" for c in word[:cut])
        if clitics and town in eventx.lookup_places(word[cut:], "ar"):
            return cut
    return 0


def _without_broadcasters(
    doc: eventx.AnnotatedDocument, mentions: list[ResolvedMention]
) -> list[ResolvedMention]:
    """Drop a place name that is a channel's name ("قناة دبي الفضائية", "لقناة دبي")."""
    media = _word_list("ar", "media_nouns")
    out: list[ResolvedMention] = []
    for m in mentions:
        place = m.place
        words = doc.text[max(0, m.start - 16) : m.start].split()
        if place is not None and place.kind in ("city", "region") and words:
            noun = eventx.normalize_string(words[-1])
            stem = _bare(noun, media)
            if stem is not None and _broadcaster(doc, stem, noun, place, m.end):
                continue
        out.append(m)
    return out


def _coasts(
    doc: eventx.AnnotatedDocument, mentions: list[ResolvedMention]
) -> list[ResolvedMention]:
    """ "شاطئ البحر المتوسط": a coast noun before a sea (a place of no country) names the coast,
    an unresolved region in the country of the nearest town or region of its sentence (a sea
    borders many countries; with no such town the sea is left as it was)."""
    nouns = _word_list("ar", "coast_nouns")
    out: list[ResolvedMention] = []
    for m in mentions:
        place = m.place
        before = doc.text[max(0, m.start - 16) : m.start]
        words = before.split()
        if place is not None and place.kind == "region" and place.country_code is None and words:
            noun = words[-1]
            norm = eventx.normalize_string(noun)
            coast = _bare(norm, nouns) is not None
            near = _nearest_place(doc, mentions, m.start) if coast else None
            if near is not None:
                start = m.start - len(before) + len(before.rstrip()) - len(noun)
                start += clitic_length(noun, nouns)
                m = _unresolved(doc, start, m.end, within=near, kind="region")
        out.append(m)
    return out


def _plain_name(norm: str) -> bool:
    """Whether a normalised word may be a place's name: not a word of the not-names list, a
    possessed noun, nor an indefinite adjective (ending in ي or ة: "عسكرية", "شعبي")."""
    if len(norm) < 3 or norm in _word_list("ar", "not_names"):
        return False
    if norm.startswith("ال"):
        return norm[2:] not in _word_list("ar", "not_names")
    if _possessed(norm):
        return False
    return not norm.endswith(("ي", "ه")) and norm not in _word_list("ar", "indefinite_adjectives")


def _adjective_shaped(norm: str) -> bool:
    """Whether an indefinite word ends like an adjective (ي, ة) while it is not a listed
    common word: a name or an adjective, which its context decides."""
    return (
        not norm.startswith("ال")
        and norm.endswith(("ي", "ه"))
        and len(norm) >= 3
        and norm not in _word_list("ar", "not_names")
        and norm not in _word_list("ar", "indefinite_adjectives")
        and not _possessed(norm)
    )


def _known_spans(mentions: Sequence[ResolvedMention]) -> dict[int, int]:
    return {m.start: m.end for m in mentions}


def _listed_areas(
    doc: eventx.AnnotatedDocument, mentions: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """ "في مناطق الحصوة والسلامية", "بأحياء الميدان والشاغور": names listed after a
    plural area noun are places (a list of two names at least, joined by و; the names the
    gazetteer knows count in the list and stay what they are). One activity noun may stand
    between the plural and the list ("بمحاور الاشتباك"), or في ("مناطق في ...")."""
    plurals = _word_list("ar", "area_plurals")
    cues = set().union(
        *(_cue_words("ar", c) for c in ("city", "village", "admin", "region", "place"))
    )
    known = _known_spans(mentions)
    tokens = doc.tokens
    for i in _candidates(doc, plurals):
        token = tokens[i]
        if _bare(token.norm, plurals) is None:
            continue
        sentence = doc.sentence_index_at(token.start)
        j = i + 1
        if j < len(tokens) and (
            tokens[j].norm == "في"
            or (
                tokens[j].norm.startswith("ال")
                and tokens[j].norm[2:] in _word_list("ar", "not_names")
            )
        ):
            j += 1
        items: list[tuple[int, int, str] | None] = []
        while j < len(tokens) and doc.sentence_index_at(tokens[j].start) == sentence:
            word = tokens[j].norm
            start = tokens[j].start
            if items:
                if not word.startswith("و") or len(word) < 4:
                    break
                word, start = word[1:], start + 1
            if start in known or tokens[j].start in known:
                items.append(None)  # a place the gazetteer knows: a member of the list
                end = known.get(start, known.get(tokens[j].start, tokens[j].end))
                while j < len(tokens) and tokens[j].start < end:
                    j += 1
                continue
            if word in cues:
                items.append(None)  # "ومنطقة الكرامة": named by the cue rules
                j += 2
                continue
            if not _ARABIC_WORD_RE.match(tokens[j].text) or not (
                _plain_name(word) or _adjective_shaped(word)
            ):
                break
            items.append((start, tokens[j].end, word))
            j += 1
        if len(items) < 2:
            continue
        # an indefinite plural takes indefinite adjectives ("مناطق سكنية وزراعية"): words
        # shaped like them are names only in a list that a definite name, a known place or a
        # cued name shows to be names in construct ("بأحياء قرقني والهواري")
        shaped = any(item is not None and _adjective_shaped(item[2]) for item in items)
        if shaped and all(item is not None and not item[2].startswith("ال") for item in items):
            continue
        for item in items:
            if item is not None:
                start, end, _word = item
                yield _unresolved(doc, start, end)


def _seats(
    doc: eventx.AnnotatedDocument, mentions: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """ "مقر حزب الأمة", "مقر منظمة العمل", "مقر الحزب الديمقراطي": an organisation's seat is a
    site. The organisation is its noun and a name (or, definite, its adjectives)."""
    seats = _word_list("ar", "seat_nouns")
    organisations = _word_list("ar", "organisation_nouns")
    known = _known_spans(mentions)
    tokens = doc.tokens
    for i in _candidates(doc, seats, 2):
        token = tokens[i]
        if _bare(token.norm, seats) is None:
            continue
        noun = tokens[i + 1].norm
        definite = noun.startswith("ال") and noun[2:] in organisations
        if not definite and noun not in organisations:
            continue
        last = i + 1
        while (
            last + 1 < len(tokens)
            and tokens[last + 1].norm.startswith("ال")
            and tokens[last + 1].norm.endswith(("ي", "يه"))
        ):
            last += 1  # "الحزب الديمقراطي الكردستاني": its adjectives
        if not definite:
            name = tokens[i + 2]
            if not _ARABIC_WORD_RE.match(name.text) or name.norm in _word_list("ar", "not_names"):
                continue
            last = max(last, i + 2)
        elif last == i + 1:
            continue  # "مقر الحزب" (the party's seat): which party, the text said before
        if doc.sentence_index_at(tokens[last].start) != doc.sentence_index_at(token.start):
            continue
        start = token.start + clitic_length(token.text, seats)
        end = tokens[last].end
        following = _next_token(doc, end)
        if following is not None and tokens[following].start in known:
            end = known[tokens[following].start]  # "مقر قيادة شرطة مالي": the owner's country
        yield _unresolved(doc, start, end)


def _indefinite_sites(
    doc: eventx.AnnotatedDocument, mentions: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """ "سوق خميس بحلب", "فندق شيراتون في القاهرة": a site noun and an indefinite name right
    before "in" and a known town or region name a site there. (A definite name needs no town:
    resolve's cue rule reads it.)"""
    nouns = _cue_words("ar", "place") | _word_list("ar", "site_nouns")
    places = {
        m.start: m for m in mentions if m.place is not None and m.place.kind in ("city", "region")
    }
    tokens = doc.tokens
    for i in _candidates(doc, nouns, 2):
        token = tokens[i]
        if _bare(token.norm, nouns) is None or token.norm.startswith("ال"):
            continue
        name = tokens[i + 1]
        if name.norm.startswith("ال") or not (
            _ARABIC_WORD_RE.match(name.text) and _plain_name(name.norm)
        ):
            continue
        if name.start in places:
            continue  # a known town: resolve's site rule ("سوق حلب")
        following = tokens[i + 2]
        town = places.get(following.start)
        if following.norm == "في" and i + 3 < len(tokens):
            town = places.get(tokens[i + 3].start)
        elif town is not None and not following.norm.startswith("ب"):
            town = None  # "ب" + the town ("بحلب") or "في" and the town
        if town is None or town.place is None:
            continue
        start = token.start + clitic_length(token.text, nouns)
        yield _unresolved(doc, start, name.end, within=town.place)


def _gates(
    doc: eventx.AnnotatedDocument, mentions: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """ "باب دمشق", "حي باب توما": a gate named after a town is a site where the sentence
    puts it (its nearest other town or region), not in that town: a gate takes the name of
    the town its road leads to. The town is named only inside the site (roles: mentioned)."""
    gates = _word_list("ar", "gate_nouns")
    places = {m.start: m for m in mentions if m.place is not None and m.place.kind == "city"}
    tokens = doc.tokens
    for i in _candidates(doc, gates, 1):
        token = tokens[i]
        if _bare(token.norm, gates) is None or token.norm.startswith("ال"):
            continue
        town = places.get(tokens[i + 1].start)
        if town is None or town.place is None:
            continue
        start = token.start + clitic_length(token.text, gates)
        nearest = _nearest_place(doc, mentions, start, skip=town.place)
        yield ResolvedMention(
            start=start,
            end=town.end,
            kind="place",
            place=None,
            name=doc.text[start : town.end],
            country_code=town.place.country_code,
            within=nearest,
        )


def _bases(
    doc: eventx.AnnotatedDocument, mentions: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """ "قاعدة التاجي العسكرية", "قاعدة حميميم الجوية": a base noun that is also a common word
    (قاعدة is "rule", "base" and al-Qaeda) names a base when a name and a military adjective
    follow it (``[base_nouns]``, ``[base_adjectives]``). A known town there is resolve's site
    rule ("قاعدة بغداد الجوية")."""
    nouns = _word_list("ar", "base_nouns")
    adjectives = _word_list("ar", "base_adjectives")
    known = _known_spans(mentions)
    tokens = doc.tokens
    for i in _candidates(doc, nouns, 2):
        token = tokens[i]
        if _bare(token.norm, nouns) is None or token.norm.startswith("ال"):
            continue
        name, adjective = tokens[i + 1], tokens[i + 2]
        if adjective.norm not in adjectives or name.start in known or name.norm in adjectives:
            continue
        # a definite name may look like a nisba ("قاعدة الصالحية العسكرية"); an indefinite one
        # must not ("قاعدة عسكرية جوية": adjectives, no name)
        if not _ARABIC_WORD_RE.match(name.text) or not (
            name.norm.startswith("ال") or _plain_name(name.norm)
        ):
            continue
        start = token.start + clitic_length(token.text, nouns)
        yield _unresolved(doc, start, adjective.end)


@lru_cache(maxsize=4)
def _singulars(section: str) -> Mapping[str, str]:
    """Normalised plural or dual nouns of a data table and their singulars
    (``[admin_plural_singulars]``, ``[dual_site_nouns]``)."""
    data: Mapping[str, Any] = eventx.language_data(PACKAGE, "data", "ar").get(section, {})
    return {eventx.normalize_string(k): str(v) for k, v in data.items()}


#: Words between a plural unit noun and its list ("محافظات هي ...", "وهي", a colon).
_LIST_OPENERS = frozenset({"هي", "وهي", ":"})


def _generic_units_listed(
    doc: eventx.AnnotatedDocument, mentions: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """ "في أربع محافظات هي الجيزة والمنوفية والشرقية": a listed name that is a unit only after its
    type word (``[subdivisions] generic`` of the gazetteer: الشرقية) is the unit the plural
    announces, looked up as the singular and the name, in the country of the list's other
    units (resolve.units_listed_after_plural reads the names the gazetteer finds alone)."""
    singulars = _singulars("admin_plural_singulars")
    plurals = frozenset(singulars)
    known = {m.start: m for m in mentions}
    tokens = doc.tokens
    for i in _candidates(doc, plurals):
        token = tokens[i]
        plural = _bare(token.norm, plurals)
        if plural is None:
            continue
        singular = singulars[plural]
        sentence = doc.sentence_index_at(token.start)
        j = i + 1
        while j < len(tokens) and tokens[j].norm.replace("ى", "ي") in _LIST_OPENERS:
            j += 1
        listed: list[tuple[int, int, str]] = []
        countries: Counter[str] = Counter()
        first = True
        while j < len(tokens) and doc.sentence_index_at(tokens[j].start) == sentence:
            word, start = tokens[j].norm, tokens[j].start
            if tokens[j].text in ("،", ","):
                j += 1
                continue
            if not first:
                if not word.startswith("و"):
                    break
                word, start = word[1:], start + 1
            first = False
            found = known.get(tokens[j].start) or known.get(start)
            if found is not None and found.place is not None:
                if found.place.country_code:
                    countries[found.place.country_code] += 1
                while j < len(tokens) and tokens[j].start < found.end:
                    j += 1
                continue
            listed.append((start, tokens[j].end, word))
            j += 1
        for start, end, word in listed:
            regions = [
                p for p in eventx.lookup_places(f"{singular} {word}", "ar") if p.kind == "region"
            ]
            place = eventx.choose_place(regions, countries) if regions and countries else None
            if place is not None:
                yield ResolvedMention(
                    start=start, end=end, kind="region", place=place, name=place.name
                )


#: Named parts of at least this many letters may be one misspelling apart.
_MIN_TYPO_LENGTH = 4


def _one_spelling_per_site(mentions: list[ResolvedMention]) -> list[ResolvedMention]:
    """Two unresolved sites of one article with the same noun and named parts one letter apart
    ("مستشفى النور" and a misspelt "مستشفى النوز") are one site under its first spelling: two
    namesake sites of one kind in one article are far rarer than a typo."""
    first: dict[tuple[str, int], list[str]] = {}
    out: list[ResolvedMention] = []
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        words = eventx.normalize_string(m.name).split(" ", 1)
        if m.place is None and m.kind == "place" and len(words) == 2:
            noun, named = words
            if len(named) >= _MIN_TYPO_LENGTH:
                seen = first.setdefault((noun, len(named)), [])
                twin = next(
                    (n for n in seen if sum(a != b for a, b in zip(n, named, strict=True)) == 1),
                    None,
                )
                if twin is not None:
                    m = attrs.evolve(m, name=f"{m.name.split(' ', 1)[0]} {twin}")
                elif named not in seen:
                    seen.append(named)
        out.append(m)
    return out


#: Words a name after a dual site noun runs over at most, and the endings of the dual or plural
#: adjectives that agree with the noun and end the second name ("والرميلة النفطيين").
_MAX_NAME_WORDS = 3
_DUAL_ADJECTIVE_ENDINGS = ("ين", "تين")


def _pairs_after_dual_nouns(
    doc: eventx.AnnotatedDocument, mentions: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """ "حقلي الرميلة والزبير", "مخيمي جباليا وخان يونس": a dual site noun names two sites, the
    names before and after و (``[dual_site_nouns]``). Each is a `place` named by its own words
    (the noun is shared); a town inside one is that site's address (roles: mentioned)."""
    singulars = _singulars("dual_site_nouns")
    duals = frozenset(singulars)
    adjectives = _word_list("ar", "site_adjectives")
    known = _known_spans(mentions)
    tokens = doc.tokens
    for i in _candidates(doc, duals, 2):
        token = tokens[i]
        dual = _bare(token.norm, duals)
        if dual is None:
            continue
        sentence = doc.sentence_index_at(token.start)
        j = i + 1
        while (
            j < len(tokens)
            and j - i <= _MAX_NAME_WORDS
            and not tokens[j].norm.startswith("و")
            and _ARABIC_WORD_RE.match(tokens[j].text)
        ):
            j += 1
        if j == i + 1 or j >= len(tokens) or not tokens[j].norm.startswith("و"):
            continue
        second = j
        k = j + 1
        while (
            k < len(tokens)
            and k - second < _MAX_NAME_WORDS
            and tokens[k].norm.startswith("ال")
            and _ARABIC_WORD_RE.match(tokens[k].text)
            and (
                tokens[k].norm in adjectives or not tokens[k].norm.endswith(_DUAL_ADJECTIVE_ENDINGS)
            )
        ):
            k += 1
        first_name = tokens[i + 1]
        if not (_plain_name(first_name.norm) and _plain_name(tokens[second].norm[1:])):
            continue  # "حقلي النفط والغاز": kinds of field, no names
        if doc.sentence_index_at(tokens[k - 1].start) != sentence:
            continue
        # a known place opening the second name runs to its end ("وخان يونس")
        second_end = max(tokens[k - 1].end, known.get(tokens[second].start, 0))
        for start, end in (
            (first_name.start, max(tokens[j - 1].end, known.get(first_name.start, 0))),
            (tokens[second].start + 1, second_end),
        ):
            yield ResolvedMention(
                start=start,
                end=end,
                kind="place",
                place=None,
                name=f"{singulars[dual]} {doc.text[start:end]}",  # "حقل الرميلة"
            )


def _described_sites(
    doc: eventx.AnnotatedDocument, mentions: Sequence[ResolvedMention]
) -> Iterator[ResolvedMention]:
    """ "السجن المركزي في مدينة حماة", "المطار الدولي في تونس": a definite site noun, an
    adjective of ``[site_adjectives]`` and "في" + a known town (maybe after its place noun)
    describe one site of that town; it is named by the whole phrase and lies in the town."""
    nouns = _cue_words("ar", "place") | _word_list("ar", "site_nouns")
    definite_nouns = frozenset("ال" + n for n in nouns)
    adjectives = _word_list("ar", "site_adjectives")
    place_nouns = _word_list("ar", "place_nouns")
    towns = {m.start: m for m in mentions if m.place is not None and m.place.kind == "city"}
    tokens = doc.tokens
    for i in _candidates(doc, definite_nouns, 3):
        token = tokens[i]
        if (
            _bare(token.norm, definite_nouns) is None
            or tokens[i + 1].norm not in adjectives
            or tokens[i + 2].norm != "في"
        ):
            continue
        k = i + 3
        if tokens[k].norm in place_nouns and k + 1 < len(tokens):
            k += 1  # "في مدينة حماة"
        town = towns.get(tokens[k].start)
        if town is None or town.place is None:
            continue
        if doc.sentence_index_at(town.start) != doc.sentence_index_at(token.start):
            continue
        start = token.start + clitic_length(token.text, definite_nouns)
        yield _unresolved(doc, start, town.end, within=town.place)
