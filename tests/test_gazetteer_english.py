"""English names of subdivisions whose ISO name is a generic word ("Western")."""

from __future__ import annotations

import eventx


def test_a_generic_subdivision_name_is_found_with_its_type_word() -> None:
    codes = {p.admin1_code for p in eventx.lookup_places("Western Province", "en")}
    assert {"ZM-01", "LK-1"} <= codes  # Zambia's "Western" province, Sri Lanka's
    assert not eventx.lookup_places("Western", "en")  # the bare word is no place


def test_the_article_decides_which_western_province() -> None:
    text = "Gunmen attacked a checkpoint in Kalabo, Western Province, Zambia, killing two."
    record = eventx.Pipeline().extract(eventx.Document(id="t", text=text, language="en"))
    regions = [loc for loc in record.locations if loc.kind == "region"]
    assert [(r.country_code, r.admin1.code if r.admin1 else None) for r in regions] == [
        ("ZM", "ZM-01")
    ]


def test_a_subdivision_of_three_letters_is_found_with_its_type_word() -> None:
    # "Van", "Ibb" and "Qom" alone are too short to index as regions (the towns keep them)
    assert eventx.lookup_places("Van Province", "en")[0].admin1_code == "TR-65"
    assert eventx.lookup_places("Ibb Governorate", "en")[0].admin1_code == "YE-IB"
    assert eventx.lookup_places("Qom Province", "en")[0].admin1_code == "IR-25"
    assert eventx.lookup_places("Van", "en")[0].kind == "city"


def test_arabic_article_names_are_found_with_a_hyphen_and_a_lower_case_article() -> None:
    assert eventx.lookup_places("Al-Qaim", "en")[0].name == "Al Qaim"
    assert eventx.lookup_places("Ash-Shatrah", "en")[0].country_code == "IQ"
    text = (
        "Gunmen attacked a checkpoint near al-Qaim in Anbar province, Iraq, and shelled "
        "Al-Hasakah in Syria on Monday."
    )
    found = {m.text for m in eventx.find_place_mentions(eventx.annotate(text, "en"))}
    assert {"al-Qaim", "Al-Hasakah"} <= found


def test_a_lower_case_word_before_a_hyphen_is_no_article() -> None:
    # only the article may be written in lower case before the name
    text = "The so-Called group met in a well-Known hall in Baghdad on Monday."
    found = {m.text for m in eventx.find_place_mentions(eventx.annotate(text, "en"))}
    assert found == {"Baghdad"}


def test_big_towns_of_arab_states_are_found_without_their_article() -> None:
    assert eventx.lookup_places("Fallujah", "en")[0].name == "Al Fallujah"
    assert eventx.lookup_places("Hasakah", "en")[0].country_code == "SY"
    # a small town's bare name is more often a first name; short ones are too short
    assert not eventx.lookup_places("Jamil", "en")
    assert not eventx.lookup_places("Kut", "en")
    text = "Iraqi forces retook Fallujah on Sunday, and militants shelled Hillah, police said."
    found = {m.text for m in eventx.find_place_mentions(eventx.annotate(text, "en"))}
    assert {"Fallujah", "Hillah"} <= found


def _places(text: str) -> list[tuple[str, str, str | None]]:
    record = eventx.Pipeline().extract(eventx.Document(id="t", text=text, language="en"))
    return [
        (loc.name, loc.kind, loc.admin1.code if loc.admin1 else None) for loc in record.locations
    ]


def test_a_unit_word_after_a_town_and_region_name_makes_it_the_region() -> None:
    # ISO calls Kirkuk a governorate; the press also writes "province"
    text = (
        "Iraqi police said a car bomb killed five people in Kirkuk province on Monday. "
        "Another blast hit a market in Baghdad, the Iraqi capital."
    )
    assert ("Kirkuk", "region", "IQ-KI") in _places(text)
    assert not any(kind == "city" and name == "Kirkuk" for name, kind, _ in _places(text))
    # without the word it stays the town
    bare = text.replace("Kirkuk province", "Kirkuk")
    assert ("Kirkuk", "city", "IQ-KI") in _places(bare)


def test_district_after_a_city_leaves_the_city_first() -> None:
    # "district" also follows a city for a part of it, so it is no unit word
    from eventx.nlp.builtin import BuiltinBackend

    for text, kind in [
        ("Three men were arrested in a south London district on Monday.", "city"),
        ("Gunmen attacked a checkpoint in Kirkuk province on Monday.", "region"),
    ]:
        mentions = eventx.find_place_mentions(BuiltinBackend().annotate(text, "en"))
        assert mentions[0].candidates[0].kind == kind, text
