"""Arabic constructions that name places no gazetteer lists (eventx_places.arabic_places and
the Arabic cue rules of eventx_places.resolve); sentences written for these tests."""

from __future__ import annotations

import eventx


def _places(pipeline: eventx.Pipeline, text: str) -> dict[str, eventx.Location]:
    record = pipeline.extract(eventx.Document(id="t", text=text, language="ar"))
    assert not record.check_evidence(text)
    return {loc.name: loc for loc in record.locations}


def test_a_town_and_an_adjective_of_its_part_name_a_place_there(
    pipeline: eventx.Pipeline,
) -> None:
    places = _places(pipeline, "تجددت الاشتباكات في الموصل القديمة شمال العراق يوم الجمعة.")
    old_city = places["الموصل القديمة"]
    assert old_city.kind == "place" and old_city.resolution == "unresolved"
    assert old_city.country_code == "IQ" and old_city.geo_precision == 2
    assert old_city.admin1 is not None and old_city.admin1.code == "IQ-NI"
    assert "Mosul" not in places  # the phrase names the quarter, not the whole town
    # the conjunction is no part of the name
    places = _places(pipeline, "قصفت الطائرات الرقة وحلب الشرقية في سوريا.")
    assert "حلب الشرقية" in places and "Aleppo" not in places
    # an adjective after a site's town belongs to the site: a new station, no "new Basra"
    places = _places(pipeline, "افتتحت الحكومة محطة البصرة الجديدة في العراق صباح الأحد.")
    assert "محطة البصرة الجديدة" in places and "البصرة الجديدة" not in places


def test_a_channel_named_after_a_place_is_no_location(pipeline: eventx.Pipeline) -> None:
    places = _places(pipeline, "قال مدير قناة دبي الفضائية إن البث توقف ساعتين في الكويت.")
    assert "Dubai" not in places and "Kuwait" in places
    # before a town with no word of broadcasting, قناة is a canal
    places = _places(pipeline, "عبرت سفينة حربية قناة السويس في مصر.")
    assert places["قناة السويس"].kind == "place"


def test_a_coast_of_a_sea_is_a_region_where_its_sentence_puts_it(
    pipeline: eventx.Pipeline,
) -> None:
    places = _places(pipeline, "غرق قارب مهاجرين قبالة شاطئ البحر المتوسط قرب مدينة صفاقس.")
    coast = places["شاطئ البحر المتوسط"]
    assert coast.kind == "region" and coast.country_code == "TN"
    assert coast.resolution == "unresolved" and coast.role == "event"
    # no town in the sentence: a sea borders many countries, it stays the sea
    places = _places(pipeline, "غرق قارب مهاجرين قرب شاطئ البحر المتوسط.")
    assert "شاطئ البحر المتوسط" not in places


def test_names_listed_after_a_plural_area_noun(pipeline: eventx.Pipeline) -> None:
    text = "قصفت المدفعية مناطق الحصوة والسلامية جنوب الموصل في العراق."
    places = _places(pipeline, text)
    for name in ("الحصوة", "السلامية"):
        assert places[name].kind == "place" and places[name].country_code == "IQ"
        assert places[name].admin1 is not None and places[name].admin1.code == "IQ-NI"
    # known places count in the list and stay themselves
    places = _places(pipeline, "اشتدت المعارك في مناطق سنجار والحصوة في العراق.")
    assert places["Sinjar"].kind == "city" and "الحصوة" in places
    # adjectives, and a single name, are no list of places
    places = _places(pipeline, "نزح السكان من مناطق سكنية وزراعية جنوب الموصل.")
    assert set(places) <= {"Mosul"}
    # the sides that hold areas are no names of them
    places = _places(pipeline, "نزح الآلاف من مناطق النظام والمعارضة جنوب الموصل.")
    assert set(places) <= {"Mosul"}
    places = _places(pipeline, "نزح السكان من مناطق الحصوة جنوب الموصل.")
    assert "الحصوة" not in places
    # a word shaped like an adjective is a name in a list a definite name shows to be names
    places = _places(pipeline, "دارت اشتباكات في أحياء قرقني والهواري جنوب بنغازي في ليبيا.")
    assert places["قرقني"].kind == "place" and places["الهواري"].country_code == "LY"


def test_an_organisations_seat_is_a_site(pipeline: eventx.Pipeline) -> None:
    places = _places(pipeline, "أحرق محتجون مقر حزب الأمة في مدينة كسلا شرق السودان.")
    seat = places["مقر حزب الأمة"]
    assert seat.kind == "place" and seat.country_code == "SD" and seat.geo_precision == 2
    places = _places(pipeline, "هاجم مسلحون مقر الحزب الديمقراطي في مدينة أربيل.")
    assert "مقر الحزب الديمقراطي" in places
    # the name opens at the noun, after a conjunction with its vowel mark
    places = _places(pipeline, "أحرق محتجون سيارة وَمقر حزب الأمة في مدينة كسلا.")
    assert "مقر حزب الأمة" in places
    # "the party's seat" names no party
    places = _places(pipeline, "هاجم مسلحون مقر الحزب في مدينة أربيل.")
    assert not any(name.startswith("مقر") for name in places)


def test_an_indefinite_site_name_before_its_town(pipeline: eventx.Pipeline) -> None:
    places = _places(pipeline, "انفجرت سيارة مفخخة في سوق حمدان ببغداد مساء الخميس.")
    market = places["سوق حمدان"]
    assert market.kind == "place" and market.admin1 is not None
    assert market.admin1.code == "IQ-BG"
    places = _places(pipeline, "عقد الاجتماع في فندق شيراتون بالقاهرة يوم الأحد.")
    assert places["فندق شيراتون"].admin1 is not None
    # an adjective is no name; nor is an indefinite word with no town after it
    assert "سوق كبير" not in _places(pipeline, "انفجرت سيارة مفخخة في سوق كبير ببغداد.")
    assert "سوق حمدان" not in _places(pipeline, "انفجرت سيارة مفخخة في سوق حمدان أمس.")


def test_a_gate_named_after_a_town_lies_where_the_sentence_says(
    pipeline: eventx.Pipeline,
) -> None:
    places = _places(pipeline, "تقدمت القوات نحو باب حلب في مدينة إدلب في سوريا.")
    gate = places["باب حلب"]
    assert gate.kind == "place" and gate.role == "event"
    assert gate.admin1 is not None and gate.admin1.code == "SY-ID"  # Idlib, not Aleppo
    assert places["Aleppo"].role == "mentioned"  # named only inside the gate's name


def test_roads_and_gates_are_named_sites_but_not_in_idioms(pipeline: eventx.Pipeline) -> None:
    places = _places(pipeline, "أغلق المحتجون طريق المطار وبوابة المعرض في بغداد.")
    assert places["طريق المطار"].kind == "place"
    assert places["بوابة المعرض"].kind == "place"
    places = _places(pipeline, "تواصل الخاطفون مع الأسرة عن طريق الهاتف في بغداد.")
    assert not any(name.startswith("طريق") for name in places)


def test_definite_area_names_whatever_their_ending(pipeline: eventx.Pipeline) -> None:
    # a definite word after an area noun is a name in construct, whatever its ending
    places = _places(pipeline, "سقطت قذائف على منطقة الكرامة في بغداد.")
    area = places["الكرامة"]
    assert area.kind == "place" and area.admin1 is not None and area.admin1.code == "IQ-BG"
    # an Arabic name (with the article) is not tried as a foreign name's transliteration:
    # "الطوليدو" sounds like Toledo, and the article names the United States
    text = "قالت الولايات المتحدة إن طائراتها قصفت منطقة الطوليدو قرب مدينة حمص في سوريا."
    places = _places(pipeline, text)
    assert "Toledo" not in places and places["الطوليدو"].country_code == "SY"


def test_a_place_noun_inside_a_gazetteer_name_is_a_cue(pipeline: eventx.Pipeline) -> None:
    # "مدينة حمص" is one gazetteer key: its place noun vouches for a town under a million
    # people in a country the article does not otherwise name
    places = _places(pipeline, "قصفت الطائرات مواقع قرب مدينة حمص فجر الأحد.")
    assert places["Homs"].kind == "city" and places["Homs"].country_code == "SY"


def test_a_bare_name_is_the_governorate_its_article_names_with_a_type_word(
    pipeline: eventx.Pipeline,
) -> None:
    # "محافظة درعا" resolves to a curated alias; the bare "درعا" offers the ISO unit and the
    # town: both mentions are the one governorate
    text = "استهدف القصف بلدات محافظة درعا. وقال ناشطون إن الغارات على درعا أوقعت قتلى."
    places = _places(pipeline, text)
    regions = [loc for loc in places.values() if loc.kind == "region"]
    assert len(regions) == 1 and {m.text for m in regions[0].mentions} == {"محافظة درعا", "درعا"}
    assert not any(loc.kind == "city" for loc in places.values())


def test_a_capital_in_apposition_after_a_preposition_is_a_scene(
    pipeline: eventx.Pipeline,
) -> None:
    text = "عقد وزراء الخارجية العرب اجتماعا في العاصمة المصرية القاهرة لبحث الأزمة في ليبيا."
    assert _places(pipeline, text)["Cairo"].role == "event"
    text = "وصل الوفد بالعاصمة القاهرة لبحث الأزمة في ليبيا."
    assert _places(pipeline, text)["Cairo"].role == "event"
    # the capital speaking is still an actor
    text = "اعتبرت القاهرة أن الحل في ليبيا سياسي."
    assert _places(pipeline, text)["Cairo"].role == "mentioned"


def test_nouns_of_events_name_no_site(pipeline: eventx.Pipeline) -> None:
    places = _places(pipeline, "تجمع الجمهور خارج ملعب الحفل وساحة التظاهرة في القاهرة.")
    assert not any(name.startswith(("ملعب", "ساحة")) for name in places)
    places = _places(pipeline, "تجمع الجمهور خارج ملعب الشهداء في القاهرة.")
    assert "ملعب الشهداء" in places


def test_hills_plains_and_bases(pipeline: eventx.Pipeline) -> None:
    places = _places(pipeline, "تقدمت القوات نحو تل الأحمر وسهل حوران جنوب سوريا.")
    assert places["تل الأحمر"].kind == "place"
    places = _places(pipeline, "سقطت صواريخ على قاعدة التاجي العسكرية شمال بغداد.")
    base = places["قاعدة التاجي العسكرية"]
    assert base.kind == "place" and base.country_code == "IQ"
    # قاعدة is also "rule": without a name and a military adjective it names nothing
    places = _places(pipeline, "قال الوزير إن القاعدة الأساسية هي حماية المدنيين في بغداد.")
    assert not any(name.startswith(("قاعدة", "القاعدة")) for name in places)
    places = _places(pipeline, "أقامت القوات قاعدة عسكرية جوية قرب بغداد.")
    assert not any(name.startswith("قاعدة") for name in places)


def test_a_short_town_name_after_a_town_noun_in_a_named_country(
    pipeline: eventx.Pipeline,
) -> None:
    # Tafas (31 000 people, three letters) after "بلدة" in an article about Syria
    places = _places(pipeline, "دخلت القوات بلدة طفس في ريف درعا جنوب سوريا.")
    assert places["Tafas"].kind == "city" and places["Tafas"].country_code == "SY"
    # no country named: a three-letter word is still not believed on a noun alone
    assert "Tafas" not in _places(pipeline, "زار الوفد بلدة طفس ومحيطها.")


def test_a_generic_unit_name_listed_after_a_plural_unit_noun(
    pipeline: eventx.Pipeline,
) -> None:
    text = "رفعت الشرطة حالة التأهب في أربع محافظات هي الجيزة والمنوفية والشرقية والغربية."
    places = _places(pipeline, text)
    codes = {loc.admin1.code for loc in places.values() if loc.admin1 is not None}
    assert {"EG-GZ", "EG-MNF", "EG-SHR", "EG-GH"} <= codes
    # alone, "the eastern" is no governorate
    assert not _places(pipeline, "هبت رياح قوية على المناطق الشرقية.")


def test_a_misspelt_site_is_the_same_site(pipeline: eventx.Pipeline) -> None:
    text = (
        "قصفت الطائرات مستشفى النور في مدينة تعز. "
        "وقال مسؤول إن مستشفى النوز كان يستقبل الجرحى. وافتتح مستشفى الأمل في تعز."
    )
    places = _places(pipeline, text)
    hospital = places["مستشفى النور"]
    assert {m.text for m in hospital.mentions} == {"مستشفى النور", "مستشفى النوز"}
    assert "مستشفى الأمل" in places  # another name, not one letter apart


def test_two_sites_after_a_dual_site_noun(pipeline: eventx.Pipeline) -> None:
    text = "اقتحم محتجون حقلي الرميلة والزبير النفطيين قرب البصرة في العراق."
    places = _places(pipeline, text)
    for name, mention in (("حقل الرميلة", "الرميلة"), ("حقل الزبير", "الزبير")):
        field = places[name]
        assert field.kind == "place" and field.role == "event"
        assert [m.text for m in field.mentions] == [mention]
        assert field.admin1 is not None and field.admin1.code == "IQ-BA"
    # the town of the same name, named only inside the field's name, is its address
    assert places["Az Zubayr"].role == "mentioned"
    # a known town of two words is one name ("وخان يونس")
    places = _places(pipeline, "قصفت الدبابات مخيمي جباليا وخان يونس في قطاع غزة.")
    assert {"مخيم جباليا", "مخيم خان يونس"} <= set(places)
    assert places["Khan Yunis"].role == "mentioned"
    # kinds of field are no names
    places = _places(pipeline, "زار الوزير حقلي النفط والغاز في العراق.")
    assert set(places) == {"Iraq"}


def test_a_site_described_by_its_adjective_and_town(pipeline: eventx.Pipeline) -> None:
    places = _places(pipeline, "اقتحم مسلحون السجن المركزي في مدينة حماة في سوريا.")
    prison = places["السجن المركزي في مدينة حماة"]
    assert prison.kind == "place" and prison.geo_precision == 2
    assert prison.admin1 is not None and prison.admin1.code == "SY-HM"
    # without a town it describes, it names nothing
    places = _places(pipeline, "نقل السجناء إلى السجن المركزي بعد التمرد في سوريا.")
    assert set(places) == {"Syria"}


def test_a_site_name_starts_at_its_noun_not_at_a_clitic_or_its_vowel_mark(
    pipeline: eventx.Pipeline,
) -> None:
    from eventx_places.resolve import clitic_length

    assert clitic_length("بمخيم", {"مخيم"}) == 1
    assert clitic_length("بِمخيم", {"مخيم"}) == 2  # ب and its kasra
    assert clitic_length("وَبِطريق", {"طريق"}) == 4
    assert clitic_length("مخيم", {"مخيم"}) == 0
    assert clitic_length("مخيمات", {"مخيم"}) == 0  # no cut leaves the noun
    for text, name in [
        ("وقع انفجار بِمخيم الهول في سوريا.", "مخيم الهول"),
        ("قصفت الطائرات وَبِطريق المطار في دمشق.", "طريق المطار"),
    ]:
        places = _places(pipeline, text)
        assert name in places, sorted(places)
        (mention,) = places[name].mentions
        assert mention.text == name


def test_a_market_or_body_named_in_the_abstract_is_no_site(pipeline: eventx.Pipeline) -> None:
    for text, kept in [
        ("ارتفع مؤشر سوق الأوراق المالية في القاهرة أمس بنسبة اثنين في المئة.", {"Cairo"}),
        ("قال الوزير إن سوق العمل في الأردن يعاني من البطالة.", {"Jordan"}),
        ("تعرض سوق المال السعودي لخسائر كبيرة هذا الأسبوع.", set()),
        ("اجتمع وزراء جامعة الدول العربية في القاهرة لبحث الأزمة.", {"Cairo"}),
    ]:
        assert set(_places(pipeline, text)) == kept, text
    # a market named after what its stalls sell is a place
    places = _places(pipeline, "سقطت قذيفة على سوق الخضار في دمشق فقتل ثلاثة أشخاص.")
    assert places["سوق الخضار"].kind == "place" and "Damascus" in places
