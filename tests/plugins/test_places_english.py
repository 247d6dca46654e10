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


def test_a_name_before_a_region_that_does_not_end_the_clause_is_no_address() -> None:
    text = "Two bills stalled in Congress, Texas officials said on Monday, and in March, Ohio."
    places = _locations(text)
    assert "Congress" not in places and "March" not in places


def test_a_known_town_with_its_region_stays_the_gazetteer_town() -> None:
    places = _locations("A car bomb exploded in Ramadi, Anbar province, police said.")
    assert places["Ramadi"].resolution == "gazetteer"
    assert not any(loc.resolution == "unresolved" for loc in places.values())
