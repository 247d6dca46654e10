"""English place rules for names no gazetteer knows (eventx_places.english)."""

from __future__ import annotations

from functools import cache

import eventx


@cache
def _pipeline() -> eventx.Pipeline:
    return eventx.Pipeline()


def _locations(text: str) -> dict[str, eventx.Location]:
    record = _pipeline().extract(eventx.Document(id="t", text=text, language="en"))
    return {loc.name: loc for loc in record.locations}


def test_a_town_written_with_its_region_is_a_town_there() -> None:
    # Valdivia and Las Piedras are no towns of El Salvador in GeoNames' cities5000
    text = (
        "Soldiers clashed with a rebel column near a coffee farm in Valdivia, Usulutan "
        "Department. Troops also found a weapons cache in Las Piedras, north of San Salvador."
    )
    places = _locations(text)
    town = places["Valdivia"]
    assert town.kind == "city" and town.country_code == "SV" and town.resolution == "unresolved"
    assert town.admin1 is not None and town.admin1.code == "SV-US"
    assert town.geo_precision == 2  # placed in its region, no coordinates of its own
    assert places["Las Piedras"].country_code == "SV" and places["Las Piedras"].kind == "city"


def test_a_town_written_with_its_us_state_is_a_town_there() -> None:
    places = _locations("Two men were arrested in Millbrook Falls, Vermont. Police said.")
    assert places["Millbrook Falls"].country_code == "US"
    assert places["Millbrook Falls"].kind == "city"


def test_a_name_before_a_region_that_does_not_end_the_clause_is_no_address() -> None:
    text = "Two bills stalled in Congress, Texas officials said on Monday, and in March, Ohio."
    places = _locations(text)
    assert "Congress" not in places and "March" not in places


def test_a_known_town_with_its_region_stays_the_gazetteer_town() -> None:
    places = _locations("A car bomb exploded in Ramadi, Anbar province, police said.")
    assert places["Ramadi"].resolution == "gazetteer"
    assert not any(loc.resolution == "unresolved" for loc in places.values())


def _roles(text: str) -> dict[str, str | None]:
    return {name: loc.role for name, loc in _locations(text).items()}


def test_every_item_of_a_list_after_a_preposition_is_a_scene() -> None:
    roles = _roles(
        "Kenya said on Monday that militants had attacked police posts in Iraq, Syria and "
        "Yemen over the past year, killing dozens of officers in Kenya."
    )
    assert roles["Syria"] == "event" and roles["Yemen"] == "event" and roles["Iraq"] == "event"


def test_the_object_of_an_attack_verb_is_a_scene() -> None:
    text = (
        "Officials in Kenya said 300 air strikes, mostly by drones, targeted Libya, Mali and "
        "Niger last year. Kenya's president said the strikes were legal. Ghana disagreed."
    )
    roles = _roles(text)
    assert roles["Libya"] == roles["Mali"] == roles["Niger"] == "event"
    assert roles["Ghana"] == "mentioned"  # it only speaks


def test_an_example_of_places_just_named_is_a_scene() -> None:
    roles = _roles(
        "Police in Kenya said the figures leave out deaths in war zones including Somalia, "
        "where fighting has grown. Kenya urged calm."
    )
    assert roles["Somalia"] == "event"


def test_a_country_before_a_noun_of_conflict_is_a_scene() -> None:
    roles = _roles(
        "Protesters in Kenya marched against the Sudan war on Friday, and Ethiopia sent a "
        "letter to Kenya's parliament about the march."
    )
    assert roles["Sudan"] == "event"
    assert roles["Ethiopia"] == "mentioned"  # it sends a letter: an actor


def test_the_streets_of_a_foreign_capital_are_a_scene() -> None:
    text = (
        "Officials in Kenya said on Monday that talks with Sudan had stalled. Witnesses said "
        "tanks were patrolling the streets of Khartoum, and Nairobi urged calm."
    )
    assert _roles(text)["Khartoum"] == "event"
    # a capital that only speaks stays mentioned
    assert (
        _roles("Officials in Kenya met envoys, and Khartoum rejected the plan.")["Khartoum"]
        == "mentioned"
    )


def test_facility_names_with_an_ordinal_a_leading_type_word_or_a_pub_sign() -> None:
    text = (
        "Rebels fired mortars at the 4th Infantry Brigade headquarters in Cali, Colombia. In "
        "Lima, a bomb went off in Avenida de la Paz. In Leeds, England, a device exploded "
        "at a bus stop and another at the Farmers Arms pub."
    )
    places = _locations(text)
    assert places["4th Infantry Brigade headquarters"].country_code == "CO"
    assert places["Avenida de la Paz"].kind == "place"
    assert places["Avenida de la Paz"].country_code == "PE"
    assert places["Farmers Arms"].country_code == "GB"


def test_arms_without_a_pub_noun_is_no_place() -> None:
    text = "The Small Arms Survey in Geneva said Nuclear Arms talks in Vienna, Austria failed."
    assert not any("Arms" in name for name in _locations(text))


def test_an_unknown_name_twice_after_a_preposition_is_a_place() -> None:
    text = (
        "Rebels attacked an army post in Kolvaro. Police in Colombia said the unit stationed "
        "in Kolvaro at the time lost two men, and Bogota sent reinforcements."
    )
    place = _locations(text)["Kolvaro"]
    assert place.kind == "place" and place.resolution == "unresolved"
    assert len(place.mentions) == 2
    # once is not enough: a party, a feast or a parliament may stand there
    assert "Kolvaro" not in _locations("Rebels attacked an army post in Kolvaro. Police said.")


def test_words_and_feasts_after_a_preposition_are_no_places() -> None:
    text = (
        "Crowds gathered in Eid prayers in Kabul, Afghanistan. Turnout in Eid prayers was "
        "high in Congress. Debate in Congress, officials said, went on in Parliament."
    )
    places = _locations(text)
    assert "Eid" not in places and "Congress" not in places and "Parliament" not in places


def test_a_house_of_worship_called_by_its_town_is_a_site() -> None:
    text = (
        "Police stood guard outside Longsight mosque in Manchester, England, on Friday. A Hindu "
        "temple and a Pakistani mosque nearby stayed shut, as did a Leeds church."
    )
    places = _locations(text)
    assert places["Longsight mosque"].kind == "place"
    assert places["Longsight mosque"].country_code == "GB"
    assert "Longsight" not in places  # the town inside the site's name is not itself a place
    assert not any(n in places for n in ("Hindu temple", "Pakistani mosque", "Leeds church"))
