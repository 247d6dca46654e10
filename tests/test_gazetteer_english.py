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
