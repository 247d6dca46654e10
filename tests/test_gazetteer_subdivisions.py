"""Admin regions from ISO 3166-2 (iso3166-2 data): Arabic and English names, admin1 codes."""

from __future__ import annotations

import pytest

import eventx
from eventx.gazetteer import coverage
from eventx.gazetteer.index import arabic_name_forms, name_key
from eventx.gazetteer.subdivisions import to_arabic_letters
from eventx.nlp.builtin import BuiltinBackend


def _region(text: str, language: str) -> eventx.Place:
    places = [p for p in eventx.lookup_places(text, language) if p.kind == "region"]
    assert places, f"{text!r} resolves to no region"
    return places[0]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("محافظة ديالى", "IQ-DI"),
        ("ديالى", "IQ-DI"),
        ("الأنبار", "IQ-AN"),
        ("أنبار", "IQ-AN"),
        ("محافظة ذي قار", "IQ-DQ"),
        ("ولاية الخرطوم", "SD-KH"),
        ("غرب دارفور", "SD-DW"),
        ("إقليم البنجاب", "PK-PB"),
        ("خيبر بختونخوا", "PK-KP"),
        ("سقطرى", "YE-SU"),
        ("محافظة حجة", "YE-HJ"),
        ("ولاية قندوز", "AF-KDZ"),
        ("ولاية أضنة", "TR-01"),
    ],
)
def test_arabic_names_of_admin_regions(text: str, code: str) -> None:
    region = _region(text, "ar")
    assert region.admin1_code == code
    assert region.country_code == code.split("-")[0]
    assert region.lat is not None and region.lon is not None


def test_english_names_carry_iso_codes_and_points() -> None:
    kivu = _region("South Kivu", "en")
    assert (kivu.name, kivu.admin1_code, kivu.country_code) == ("South Kivu", "CD-SK", "CD")
    assert _region("Diyala Governorate", "en").admin1_code == "IQ-DI"


def test_literal_translations_are_not_english_names() -> None:
    # the data lists "The White House" (Dar el Beida) among Casablanca's English names
    assert not [p for p in eventx.lookup_places("The White House", "en") if p.kind == "region"]
    assert not [p for p in eventx.lookup_places("White", "en") if p.kind == "region"]


def test_cities_carry_their_admin1() -> None:
    basra = eventx.lookup_place("Basra", "en")
    assert basra is not None and basra.kind == "city" and basra.admin1_code == "IQ-BA"
    najaf = eventx.lookup_place("النجف", "ar")
    assert najaf is not None and najaf.admin1_code == "IQ-NA"


def test_big_city_found_with_the_article_geonames_omits() -> None:
    khartoum = eventx.lookup_place("الخرطوم", "ar")
    assert khartoum is not None and khartoum.kind == "city" and khartoum.country_code == "SD"


def test_name_forms_with_and_without_article_and_type_word() -> None:
    forms = arabic_name_forms("الأنبار", ["محافظة"])
    assert {name_key("الأنبار"), name_key("أنبار"), name_key("محافظة الأنبار")} <= set(forms)
    assert name_key("محافظة ديالى") in arabic_name_forms("ديالى", ["محافظة"])
    # a generic name is a region only after its type word
    generic = arabic_name_forms("الشرقية", ["محافظة"], bare=False)
    assert name_key("الشرقية") not in generic and name_key("محافظة الشرقية") in generic


def test_persian_letters_become_arabic_ones() -> None:
    assert to_arabic_letters("گیلان") == "كيلان"
    assert _region("كيلان", "ar").admin1_code == "IR-01"


def test_generic_names_are_looked_up_but_not_matched_in_text() -> None:
    assert _region("الشرقية", "ar").country_code in {"EG", "SA"}
    doc = BuiltinBackend().annotate("وقالت المصادر الشرقية إن الهدوء عاد إلى المنطقة.", "ar")
    assert not [m for m in eventx.find_place_mentions(doc) if m.text == "الشرقية"]
    doc = BuiltinBackend().annotate("قتل ثلاثة أشخاص في محافظة الشرقية بمصر.", "ar")
    found = {m.text: m for m in eventx.find_place_mentions(doc)}
    assert any(p.admin1_code == "EG-SHR" for p in found["محافظة الشرقية"].candidates)


def test_governorate_found_in_a_sentence() -> None:
    doc = BuiltinBackend().annotate("قتل ثلاثة أشخاص في هجوم بمحافظة ديالى شمال شرق بغداد.", "ar")
    regions = [
        p
        for m in eventx.find_place_mentions(doc)
        for p in m.candidates
        if p.kind == "region" and p.admin1_code == "IQ-DI"
    ]
    assert regions


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # named after their capital; ISO and GeoNames spell the ayn/hamza differently
        ("محافظة مأرب", "YE-MA"),
        ("محافظة صعدة", "YE-SD"),
        ("محافظة البريمي", "OM-BU"),
        ("منطقة الباحة", "SA-11"),
        ("ولاية ديار بكر", "TR-21"),
        # GeoNames writes this one with a short-vowel mark (بالِق)
        ("ولاية بالق أسير", "TR-10"),
    ],
)
def test_units_named_after_their_capital_take_its_arabic_names(text: str, code: str) -> None:
    assert _region(text, "ar").admin1_code == code


def test_ordinary_word_names_answer_lookups_with_every_unit_so_named() -> None:
    # العاصمة "the capital" is a stop word in running text but a unit's name when asked
    capitals = {p.admin1_code for p in eventx.lookup_places("العاصمة", "ar")}
    assert {"KW-KU", "BH-14", "JO-AM"} <= capitals
    # الوادي is the city El Oued first, and its wilaya too
    places = eventx.lookup_places("الوادي", "ar")
    assert places[0].kind == "city"
    assert any(p.kind == "region" and p.admin1_code == "DZ-39" for p in places)
    doc = BuiltinBackend().annotate("قال إن العاصمة تشهد هدوءا حذرا بعد الاشتباكات.", "ar")
    assert not [m for m in eventx.find_place_mentions(doc) if m.text == "العاصمة"]


def test_units_named_like_their_country_answer_lookups_after_it() -> None:
    places = eventx.lookup_places("تونس", "ar")
    assert places[0].kind == "country" and places[0].country_code == "TN"
    assert any(p.kind == "region" and p.admin1_code == "TN-11" for p in places)
    # in running text the name is the country
    doc = BuiltinBackend().annotate("تظاهر آلاف في تونس احتجاجا على الغلاء.", "ar")
    (mention,) = eventx.find_place_mentions(doc)
    assert all(p.kind != "region" for p in mention.candidates)


def test_a_name_the_data_gives_two_units_stays_with_the_right_one() -> None:
    # iso3166-2 names both Gezira and Khartoum state الجزيرة; Khartoum's capital says otherwise
    codes = {p.admin1_code for p in eventx.lookup_places("ولاية الجزيرة", "ar")}
    assert "SD-GZ" in codes
    assert "SD-KH" not in codes


@pytest.mark.slow
def test_coverage_of_arab_league_and_neighbours() -> None:
    result = coverage.measure()
    assert result.total > 450
    # issue 12 asks >= 95% in both languages (the misses: units without an Arabic name in
    # iso3166-2 and GeoNames, two-letter names, الرياض whose bare form is a first name)
    assert result.english / result.total >= 0.95
    assert result.arabic / result.total >= 0.95


#: Curated regions that are no single ISO 3166-2 first-level unit: the West Bank and Gaza are
#: split into governorates, Sinai into two governorates, Darfur into five states, Donbas into
#: two oblasts; the Golan Heights are no unit at all.
NOT_ONE_ISO_UNIT = frozenset(
    {"West Bank", "Gaza Strip", "Golan Heights", "Sinai Peninsula", "Darfur", "Donbas"}
)


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_curated_region_of_a_country_carries_its_iso_code(language: str) -> None:
    from eventx.gazetteer.index import _resolve_alias
    from eventx.lexicon import load_data

    aliases = load_data("eventx.gazetteer", f"data/{language}.toml")
    checked = 0
    for section in ("cities", "regions", "places"):
        for surface, target in aliases.get(section, {}).items():
            if target.get("kind") != "region" or "country" not in target:
                continue
            if target["name"] in NOT_ONE_ISO_UNIT:
                continue
            place = _resolve_alias(target)
            assert place is not None
            assert place.admin1_code and place.admin1_code.startswith(target["country"] + "-"), (
                f"{surface!r} ({target['name']}) has no ISO 3166-2 code"
            )
            assert place.lat is not None and place.lon is not None
            checked += 1
    assert checked >= 8
    # the governorate named with its type word is the ISO unit (SY-DR is Dar'ā / Daraa)
    daraa = eventx.lookup_place("محافظة درعا", "ar")
    assert daraa is not None and daraa.admin1_code == "SY-DR"


def test_a_unit_without_arabic_data_takes_the_transliteration_of_a_same_named_city() -> None:
    from eventx.gazetteer.index import transliterated_arabic_names
    from eventx.gazetteer.subdivisions import subdivisions

    units = {s.code: s for s in subdivisions() if s.country_code == "US"}
    assert "فلوريدا" in transliterated_arabic_names(units["US-FL"])
    assert transliterated_arabic_names(units["US-TX"]) == ()  # no GeoNames city gives one
    # in an article about the United States, Florida is the state, with its ISO code
    florida = eventx.lookup_place("فلوريدا", "ar", context={"US": 2})
    assert florida is not None and florida.admin1_code == "US-FL" and florida.lat is not None
    assert _region("ولاية فلوريدا", "ar").admin1_code == "US-FL"
    # Montana is also a Bulgarian province; the article's country decides
    montana = eventx.lookup_place("ولاية مونتانا", "ar", context={"US": 1})
    assert montana is not None and montana.admin1_code == "US-MT"
    text = "ضرب إعصار قوي ولاية فلوريدا الأمريكية أمس وقتل ثلاثة أشخاص."
    mentions = eventx.find_place_mentions(BuiltinBackend().annotate(text, "ar"))
    assert any(
        eventx.choose_place(m.candidates, {"US": 1}).admin1_code == "US-FL"  # type: ignore[union-attr]
        for m in mentions
        if m.text.endswith("فلوريدا")
    )
