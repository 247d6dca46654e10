"""Deployments: real news sentences in Arabic and English, through the whole pipeline."""

from __future__ import annotations

import pytest

import eventx
from eventx.demo import seed_record

DATE = "2022-01-07"


def deployments(pipeline: eventx.Pipeline, text: str, language: str) -> list[eventx.Deployment]:
    record = pipeline.extract(text, language=language, document_date=DATE)
    for fact in record.deployments:  # every span slices back to the text
        for evidence in (fact.evidence, *fact.mentions):
            assert text[evidence.start : evidence.end] == evidence.text
    return list(record.deployments)


def only(facts: list[eventx.Deployment]) -> eventx.Deployment:
    assert len(facts) == 1, [f.evidence.text for f in facts]
    return facts[0]


# --- the seed article ---------------------------------------------------------------------------


def test_seed_csto_peacekeepers_merge_announcement_composition_and_tasks() -> None:
    record = seed_record()
    peacekeepers = [d for d in record.deployments if d.force_kind == "peacekeepers"]
    fact = only(peacekeepers)
    assert "قوات حفظ السلام" in fact.force
    assert fact.actor == "منظمة معاهدة الأمن الجماعي"
    assert fact.destination_country == "KZ"
    assert fact.date == "2022-01-06"  # "اليوم الخميس" before the Friday publication date
    assert fact.evidence.text == "إرسال قوات حفظ السلام إلى كازاخستان"
    # Composition and tasks come from two later sentences without a trigger.
    assert fact.contributors == ("RU", "BY", "AM", "TJ", "KG")
    assert fact.purpose is not None and fact.purpose.startswith("حماية المنشآت الحكومية")
    texts = [m.text for m in fact.mentions]
    assert any("تضم قوات حفظ السلام" in t for t in texts)
    assert any("المهام الرئيسية" in t for t in texts)


def test_seed_seventy_checkpoints_across_the_country() -> None:
    record = seed_record()
    fact = only([d for d in record.deployments if d.force_kind == "checkpoints"])
    assert fact.size == eventx.Quantity.exact(70)
    assert fact.evidence.text == "إقامة سبعين نقطة تفتيش"
    assert fact.destination_country == "KZ"  # "في أنحاء البلاد" = the article's country
    assert len(record.deployments) == 2


# --- Arabic -------------------------------------------------------------------------------------


def test_ar_planned_deployment_with_size_destination_and_purpose(pipeline: eventx.Pipeline) -> None:
    fact = only(
        deployments(
            pipeline,
            "قررت الولايات المتحدة إرسال 500 جندي إضافي إلى كازاخستان لحماية السفارة.",
            "ar",
        )
    )
    assert fact.force == "جندي إضافي"
    assert fact.force_kind == "army"
    assert (fact.actor_country, fact.destination_country) == ("US", "KZ")
    assert fact.contributors == ("US",)
    assert fact.size == eventx.Quantity.exact(500)
    assert fact.status == "planned"
    assert fact.purpose == "لحماية السفارة"


def test_ar_approximate_size(pipeline: eventx.Pipeline) -> None:
    text = "وقال مسؤولون إن نحو 3000 جندي أرسلوا إلى كازاخستان لتمشيط شوارع المدن."
    fact = only(deployments(pipeline, text, "ar"))
    assert fact.size == eventx.Quantity(count=3000, min=2700, max=3300, approximate=True)
    assert fact.evidence.text.startswith("نحو 3000 جندي أرسلوا")
    assert fact.purpose == "لتمشيط شوارع المدن"


def test_ar_national_guard_deployed_by_the_authorities(pipeline: eventx.Pipeline) -> None:
    text = "ونشرت السلطات قوات الحرس الوطني، وأخلت المدارس ورياض الأطفال في المدينة."
    fact = only(deployments(pipeline, text, "ar"))
    assert fact.force == "قوات الحرس الوطني"
    assert fact.force_kind == "national_guard"
    assert fact.actor == "السلطات"
    assert fact.status == "deployed"


def test_ar_coordinated_forces_are_one_phrase(pipeline: eventx.Pipeline) -> None:
    text = "وقالت السلطات إن ألف عنصر من الدرك وشرطة مكافحة الشغب تدخلوا لإخلاء الساحة."
    fact = only(deployments(pipeline, text, "ar"))
    assert fact.force == "عنصر من الدرك وشرطة مكافحة الشغب"
    assert fact.force_kind == "police"
    assert fact.size == eventx.Quantity.exact(1000)
    assert fact.purpose == "لإخلاء الساحة"


def test_ar_reinforcements_of_tanks(pipeline: eventx.Pipeline) -> None:
    text = "وأشار الجيش في بيان إلى أنه دفع بتعزيزات من الدبابات والمدفعية إلى الجبهة."
    fact = only(deployments(pipeline, text, "ar"))
    assert fact.force == "بتعزيزات من الدبابات والمدفعية"
    assert fact.force_kind == "armour"
    assert fact.actor == "الجيش"


def test_ar_verb_subject_object(pipeline: eventx.Pipeline) -> None:
    """The force right after the verb is who deploys; the next force is what is deployed."""
    fact = only(deployments(pipeline, "ونشر الجيش اللبناني وحداته في محيط المرفأ.", "ar"))
    assert (fact.force, fact.force_kind) == ("وحداته", "units")
    assert fact.actor is not None and fact.actor.startswith("الجيش")
    fact = only(deployments(pipeline, "وأقامت الشرطة حواجز أمنية على مداخل المدينة.", "ar"))
    assert (fact.force, fact.force_kind, fact.actor) == ("حواجز أمنية", "checkpoints", "الشرطة")


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("أعلنت روسيا سحب قواتها من كازاخستان.", "withdrawn"),
        ("رفعت الشرطة حالة التأهب في كازاخستان.", "on_alert"),
        ("وصلت وحدات من القوات الروسية إلى كازاخستان.", "arrived"),
        ("أعلنت الحكومة إرسال قوات إلى كازاخستان.", "announced"),
        ("تعتزم الأمم المتحدة إرسال 150 جنديا إلى كازاخستان.", "planned"),
        ("وقالت الوزارة إنه تم إرسال قوات إلى كازاخستان.", "deployed"),
    ],
)
def test_ar_status(pipeline: eventx.Pipeline, text: str, status: str) -> None:
    assert only(deployments(pipeline, text, "ar")).status == status


def test_ar_withdrawal_names_the_place_not_contributors(pipeline: eventx.Pipeline) -> None:
    fact = only(deployments(pipeline, "أعلنت روسيا سحب قواتها من كازاخستان.", "ar"))
    assert fact.actor_country == "RU"
    assert fact.destination_country == "KZ"
    assert "KZ" not in fact.contributors


@pytest.mark.parametrize(
    "text",
    [
        "نفت وزارة الدفاع إرسال قوات إلى كازاخستان.",  # denied
        "نشر التلفزيون الرسمي تقارير عن الاشتباكات في كازاخستان.",  # publishing, no force
        "وطلب الضابط عدم نشر اسمه.",
        "وأصيب عشرة من رجال الشرطة بجروح في مركز الشرطة.",  # a force, no trigger
        "وقد نشرت الصحيفة تقريرا مفصلا عن الجنود القتلى.",  # a report is published
        "وصلت طائرة تقل مساعدات إنسانية إلى مطار كابول.",  # a civilian plane
    ],
)
def test_ar_not_deployments(pipeline: eventx.Pipeline, text: str) -> None:
    assert deployments(pipeline, text, "ar") == []


def test_ar_distinct_senders_stay_separate(pipeline: eventx.Pipeline) -> None:
    text = "أرسلت روسيا 200 جندي إلى كازاخستان.\nوأرسلت الولايات المتحدة 50 جنديا إلى كازاخستان."
    facts = deployments(pipeline, text, "ar")
    assert [(f.actor_country, f.size.count if f.size else None) for f in facts] == [
        ("RU", 200),
        ("US", 50),
    ]


def test_ar_title_announcement_composition_and_tasks_merge(pipeline: eventx.Pipeline) -> None:
    text = (
        "نشر قوات حفظ السلام في كازاخستان\n\n"
        "أعلنت الأمم المتحدة اليوم نشر قوات حفظ السلام في كازاخستان.\n"
        "وتضم قوات حفظ السلام وحدات من روسيا والولايات المتحدة.\n"
        "وستتمثل مهام قوات حفظ السلام في حماية المدنيين."
    )
    fact = only(deployments(pipeline, text, "ar"))
    assert fact.actor == "الأمم المتحدة"
    assert fact.contributors == ("RU", "US")
    assert fact.purpose == "حماية المدنيين"
    assert len(fact.mentions) == 4
    assert fact.evidence.sentence != 0  # the body's mention, not the title's


# --- English ------------------------------------------------------------------------------------


def test_en_two_states_two_deployments(pipeline: eventx.Pipeline) -> None:
    text = (
        "Texas will send 250 National Guard troops to the border, "
        "and Arizona said it would deploy 150 troops."
    )
    facts = deployments(pipeline, text, "en")
    assert [(f.force, f.size.count if f.size else None) for f in facts] == [
        ("National Guard troops", 250),
        ("troops", 150),
    ]
    assert facts[0].force_kind == "national_guard"
    assert {f.status for f in facts} == {"planned"}


def test_en_size_destination_purpose(pipeline: eventx.Pipeline) -> None:
    text = "The government has deployed about 3,000 troops to Kazakhstan to protect key facilities."
    fact = only(deployments(pipeline, text, "en"))
    assert fact.size == eventx.Quantity(count=3000, min=2700, max=3300, approximate=True)
    assert fact.destination_country == "KZ"
    assert fact.purpose == "to protect key facilities"
    assert fact.status == "deployed"
    assert fact.evidence.text == "deployed about 3,000 troops to Kazakhstan"


def test_en_riot_police_with_date(pipeline: eventx.Pipeline) -> None:
    text = "Riot police were deployed across the capital on Tuesday to break up the protest."
    fact = only(deployments(pipeline, text, "en"))
    assert fact.force == "Riot police"
    assert fact.force_kind == "police"
    assert fact.date == "2022-01-04"
    assert fact.purpose == "to break up the protest"


def test_en_checkpoints_set_up_by_police(pipeline: eventx.Pipeline) -> None:
    text = "Protests spread in Kazakhstan. Police set up 70 checkpoints across the country."
    fact = only(deployments(pipeline, text, "en"))
    assert (fact.force, fact.actor) == ("checkpoints", "Police")
    assert fact.size == eventx.Quantity.exact(70)
    assert fact.destination_country == "KZ"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The United States withdrew its troops from Kazakhstan.", "withdrawn"),
        ("The Pentagon put 8,500 troops on high alert.", "on_alert"),
        ("More peacekeepers arrived in Kazakhstan on Friday.", "arrived"),
        ("The United Nations plans to send peacekeepers to Kazakhstan.", "planned"),
        ("The aircraft carrier is now patrolling the Persian Gulf.", "deployed"),
    ],
)
def test_en_status(pipeline: eventx.Pipeline, text: str, status: str) -> None:
    assert only(deployments(pipeline, text, "en")).status == status


def test_en_contributors_listed_after_the_force(pipeline: eventx.Pipeline) -> None:
    text = "Units from Russia, Belarus and the United States arrived in Kazakhstan on Friday."
    fact = only(deployments(pipeline, text, "en"))
    assert fact.contributors == ("RU", "BY", "US")
    assert fact.destination_country == "KZ"
    assert fact.status == "arrived"


@pytest.mark.parametrize(
    "text",
    [
        "He sent a letter to the police station.",
        "The ministry said it would not send troops to Kazakhstan.",
        "Police arrested six men on suspicion of rioting.",
        "The report was sent to the prime minister on Monday.",
        "Four bus drivers and two soldiers were killed at the bus station.",
        "The junta ordered French troops to leave the country.",
        "The president sent his condolences to the families of the soldiers.",
        "He sent members of his family abroad.",
        "Two fishing vessels arrived at the port on Monday.",
        "A plane carrying aid arrived in Kabul.",
    ],
)
def test_en_not_deployments(pipeline: eventx.Pipeline, text: str) -> None:
    assert deployments(pipeline, text, "en") == []


def test_vague_sizes_come_from_the_number_module(pipeline: eventx.Pipeline) -> None:
    text = "Hundreds of riot police were deployed in the city on Saturday."
    fact = only(deployments(pipeline, text, "en"))
    assert fact.size == eventx.Quantity(count=None, min=200, max=999, approximate=True)
    assert fact.evidence.text.startswith("Hundreds of riot police")
    fact = only(deployments(pipeline, "ونشرت السلطات عشرات الجنود في شوارع المدينة.", "ar"))
    assert fact.size == eventx.Quantity(count=None, min=20, max=99, approximate=True)


def test_unknown_destination_keeps_its_surface_form(pipeline: eventx.Pipeline) -> None:
    text = "ودفعت السلطات بتعزيزات أمنية مكثفة إلى محيط ميدان الشهداء صباح اليوم."
    fact = only(deployments(pipeline, text, "ar"))
    # The places plugin reports "ميدان الشهداء" as an unresolved named place; either the
    # surface phrase or that place is the destination, never with a guessed country.
    assert fact.destination in ("محيط ميدان الشهداء", "ميدان الشهداء")
    assert fact.destination_country is None
    text = "The army moved in to the Bogside area of Derry to take control."
    fact = only(deployments(pipeline, text, "en"))
    assert fact.destination == "Bogside"
    assert fact.purpose == "to take control"


def test_background_date_of_the_previous_sentence_is_not_used(pipeline: eventx.Pipeline) -> None:
    text = "وبدأت الأزمة في عام 2016.\nونشرت السلطات قوات الجيش في المدينة."
    assert only(deployments(pipeline, text, "ar")).date is None


@pytest.mark.parametrize(
    ("text", "language", "actor"),
    [
        ("Hundreds of troops were deployed by NATO to Kosovo on Sunday.", "en", "NATO"),
        ("Officials said 300 troops had been sent by the United Nations.", "en", "United Nations"),
        ("وتم نشر مئات الجنود من قبل الأمم المتحدة في المنطقة العازلة.", "ar", "الأمم المتحدة"),
    ],
)
def test_passive_agent_is_the_actor(
    pipeline: eventx.Pipeline, text: str, language: str, actor: str
) -> None:
    assert only(deployments(pipeline, text, language)).actor == actor


def test_en_size_inside_the_force_phrase(pipeline: eventx.Pipeline) -> None:
    text = "A UN peacekeeping force of 4,500 troops arrived in the capital on Tuesday."
    fact = only(deployments(pipeline, text, "en"))
    assert fact.force_kind == "peacekeepers"
    assert fact.size == eventx.Quantity.exact(4500)
    assert fact.status == "arrived"


def test_en_more_than_and_at_least(pipeline: eventx.Pipeline) -> None:
    text = "The army sent more than 400 soldiers to the region. At least 20 tanks were deployed."
    facts = deployments(pipeline, text, "en")
    sizes = {f.force_kind: f.size for f in facts}
    assert sizes["army"] == eventx.Quantity(count=400, min=401, max=None, approximate=True)
    assert sizes["armour"] == eventx.Quantity(count=20, min=20, max=None, approximate=False)


# --- number morphology and ambiguous force nouns (lexicon [morphology], [qualified]) ------------


@pytest.mark.parametrize(
    ("text", "force", "size"),
    [
        # A dual is made by rule from the listed singular and counts two.
        ("أرسلت فرنسا مروحيتين إلى مالي.", "مروحيتين", 2),
        ("نشرت البحرية الروسية فرقاطتين في البحر الأسود.", "فرقاطتين", 2),
        ("أرسل الجيش جنديين إلى الحدود.", "جنديين", 2),
        # A construct state (final ن dropped) is the plural: a force, not a count of two.
        ("نشر الجيش مظليي الفرقة الثانية في المدينة.", "مظليي", None),
    ],
)
def test_ar_dual_and_construct_forces(
    pipeline: eventx.Pipeline, text: str, force: str, size: int | None
) -> None:
    fact = only(deployments(pipeline, text, "ar"))
    assert fact.force.startswith(force)
    assert (fact.size.count if fact.size is not None else None) == size


def test_ar_conjoined_dual_forces_are_one_phrase(pipeline: eventx.Pipeline) -> None:
    fact = only(deployments(pipeline, "أرسلت فرنسا مروحيتين هجوميتين ومقاتلتي رافال إلى مالي.", "ar"))
    assert fact.force == "مروحيتين هجوميتين ومقاتلتي"
    assert fact.force_kind == "air"
    assert fact.destination_country == "ML"


def test_morphology_makes_duals_and_construct_states() -> None:
    from eventx_deployments.lexicons import Morphology

    rules = Morphology(
        dual_suffixes=("ان", "ين"),
        feminine_ending="ة",
        feminine_stem="ت",
        construct_endings=("ين", "ون", "تان"),
    )
    assert rules.duals("مروحية") == ["مروحيتان", "مروحيتين"]
    assert rules.duals("سفينة حربية") == ["سفينتان حربيتان", "سفينتين حربيتين"]
    assert rules.construct("مظليين") == "مظليي"
    assert rules.construct("جنديان") is None  # "جنديا" is also the accusative singular
    assert rules.construct("جنود") is None


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("نشرت الشركة قوة دفع جديدة في السوق.", "ar"),
        ("أقامت البلدية وحدات سكنية جديدة في المدينة.", "ar"),
        ("The group sent its business units to Asia.", "en"),
        ("Three merchant ships arrived at the port.", "en"),
    ],
)
def test_ambiguous_force_nouns_need_a_qualifier(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("أرسلت الحكومة قوة عسكرية إلى الحدود.", "ar", "forces"),
        ("The Pentagon sent three US vessels to the Gulf.", "en", "naval"),
        ("Britain deployed escort ships to the Strait of Hormuz.", "en", "naval"),
    ],
)
def test_qualified_force_nouns_are_forces(
    pipeline: eventx.Pipeline, text: str, language: str, kind: str
) -> None:
    assert only(deployments(pipeline, text, language)).force_kind == kind


# --- deployments without a sending verb, participation, unit sizes, several units ----------------


@pytest.mark.parametrize(
    ("text", "language", "kind", "size", "destination"),
    [
        # a force described by its strength ("قوامها") or taking part, with a size
        ("وصلت إلى المدينة قوة قوامها 400 عنصر من الدرك.", "ar", "police", 400, None),
        ("شارك 5000 جندي في العملية العسكرية قرب الرقة.", "ar", "army", 5000, None),
        ("About 2,000 soldiers took part in the operation near Mosul.", "en", "army", None, "Mosul"),
        # the trigger names its force: a place was militarized
        ("The whole port district was militarized overnight.", "en", "army", None, None),
        # moving, heading for, committing, assembling
        ("تحركت قوات عسكرية إلى أطراف مدينة الموصل.", "ar", "forces", None, None),
        ("About 5,000 American GIs are heading for Kuwait.", "en", "army", 5000, "KW"),
        ("Jordan and Pakistan also committed ground troops to Kuwait.", "en", "army", None, "KW"),
        ("Thousands of French forces assemble in Chad.", "en", "forces", None, "TD"),
        # sizes given in units
        ("The army sent 4 companies of riot police to Lagos.", "en", "police", 4, "NG"),
        # police, army and gendarmerie deployed in a city
        ("انتشرت قوات الشرطة والجيش والدرك في مدينة وهران.", "ar", "police", None, "DZ"),
    ],
)
def test_deployments_without_a_sending_verb(
    pipeline: eventx.Pipeline,
    text: str,
    language: str,
    kind: str,
    size: int | None,
    destination: str | None,
) -> None:
    fact = only(deployments(pipeline, text, language))
    assert fact.force_kind == kind
    if size is not None:
        assert fact.size is not None and fact.size.count == size
    if destination is not None:
        assert fact.destination_country == destination or fact.destination == destination


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # taking part without a size is not a deployment ([sized] triggers)
        ("شاركت الشرطة في حملة توعية بالمدارس.", "ar"),
        ("The company took part in the trade fair in Berlin.", "en"),
        # a government formed, a secret report, a firm's companies
        ("أعلنت الحكومة تشكيل لجنة جديدة لمتابعة الملف.", "ar"),
        ("The group sold two companies to investors in Berlin.", "en"),
    ],
)
def test_everyday_senses_of_the_new_words_are_not_deployments(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert deployments(pipeline, text, language) == []


def test_several_units_in_one_sentence(pipeline: eventx.Pipeline) -> None:
    found = deployments(
        pipeline, "Police were deployed in Lyon and troops were sent to Marseille.", "en"
    )
    assert [(d.force_kind, d.destination) for d in found] == [
        ("police", "Lyon"),
        ("army", "Marseille"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "وتشمل الخطة مشاركة 200 من المجموعات القتالية التابعة للجيش، "
            "و50 سرية من قوات الدرك في ثلاث ولايات.",
            "ar",
            [200, 50],
        ),
        (
            "The government sent 300 soldiers to the border, and 200 police officers to the capital.",
            "en",
            [300, 200],
        ),
    ],
)
def test_a_list_of_sized_forces_shares_the_trigger(
    pipeline: eventx.Pipeline, text: str, language: str, expected: list[int]
) -> None:
    found = deployments(pipeline, text, language)
    assert [d.size.count if d.size else None for d in found] == expected
    # each item's evidence is its own words
    assert found[1].evidence.text[:3] in {"50 ", "200"}


def test_paramilitary_companies_carry_their_size(pipeline: eventx.Pipeline) -> None:
    text = "Two companies of paramilitary troops were sent to the district on Friday."
    fact = only(deployments(pipeline, text, "en"))
    assert fact.size is not None and fact.size.count == 2
