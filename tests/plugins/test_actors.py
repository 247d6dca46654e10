"""The actors plugin: persons with titles, organisations, bodies, forces, states; merging."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import eventx

AR = (
    "أعلن الرئيس الكازاخستاني قاسم جومارت توكاييف الجمعة استعادة النظام.\n"
    "وقال الرئيس إن قوات الأمن الكازاخستانية تسيطر على الوضع، فيما اعتبرت روسيا الأحداث محاولة "
    "مستوحاة من الخارج. وأعلنت وزارة الداخلية الكازاخستانية مقتل 26 مسلحا.\n"
    "ودعت الأمم المتحدة والاتحاد الأوروبي إلى ضبط النفس، وأكد توكاييف أن قوات منظمة معاهدة "
    "الأمن الجماعي ستغادر قريبا، ووصلت القوات الروسية إلى ألماتي."
)
EN = (
    "Russian President Vladimir Putin said on Friday that CSTO peacekeepers would leave "
    "Kazakhstan. Putin spoke after talks with Kazakh President Kassym-Jomart Tokayev. Russian "
    "forces and Kazakh security forces patrolled Almaty, police said. U.N. Secretary-General "
    "Antonio Guterres urged restraint, and Tokayev thanked the Collective Security Treaty "
    "Organization."
)


def _actors(pipeline: eventx.Pipeline, text: str, language: str) -> dict[str, eventx.Actor]:
    record = pipeline.extract(eventx.Document(id="t", text=text, language=language))
    assert not record.check_evidence(text)
    return {actor.name: actor for actor in record.actors}


def test_arabic_actors(pipeline: eventx.Pipeline) -> None:
    actors = _actors(pipeline, AR, "ar")
    tokayev = actors["قاسم جومارت توكاييف"]
    assert (tokayev.kind, tokayev.country_code, tokayev.title) == ("person", "KZ", "الرئيس")
    mentions = [m.text for m in tokayev.mentions]
    assert mentions[0] == "الرئيس الكازاخستاني قاسم جومارت توكاييف"  # title kept with the name
    assert "توكاييف" in mentions and "الرئيس" in mentions  # merged later mentions
    assert actors["Kazakh Interior Ministry"].country_code == "KZ"
    assert actors["Kazakh security forces"].kind == "force"
    assert actors["Russian forces"].country_code == "RU"
    assert actors["Russia"].kind == "state"  # "اعتبرت روسيا": the state acts
    assert actors["United Nations"].kind == "organization"
    assert actors["European Union"].kind == "organization"
    csto = actors["CSTO"]
    assert len(csto.mentions) == 1
    assert [m.text for m in actors["Russia"].mentions] == ["روسيا"]


def test_capital_standing_for_its_state(pipeline: eventx.Pipeline) -> None:
    text = "اندلعت احتجاجات في ألماتي بكازاخستان. ودعت موسكو إلى الهدوء."
    russia = _actors(pipeline, text, "ar")["Russia"]  # the state Moscow stands for
    assert (russia.kind, russia.country_code) == ("state", "RU")
    assert [m.text for m in russia.mentions] == ["موسكو"]


def test_english_actors_merge_across_mentions(pipeline: eventx.Pipeline) -> None:
    actors = _actors(pipeline, EN, "en")
    putin = actors["Vladimir Putin"]
    assert (putin.country_code, putin.title) == ("RU", "President")
    assert [m.text for m in putin.mentions] == ["President Vladimir Putin", "Putin"]
    tokayev = actors["Kassym-Jomart Tokayev"]
    assert tokayev.country_code == "KZ" and len(tokayev.mentions) == 2
    csto = actors["CSTO"]
    assert {m.text for m in csto.mentions} == {"CSTO", "Collective Security Treaty Organization"}
    assert actors["Russian forces"].kind == "force"
    assert actors["Kazakh security forces"].country_code == "KZ"
    assert actors["Antonio Guterres"].title == "Secretary-General"
    assert actors["United Nations"].mentions[0].text == "U.N."


def test_generic_forces_need_a_country(pipeline: eventx.Pipeline) -> None:
    actors = _actors(pipeline, "The forces moved on, and the government said nothing.", "en")
    assert "forces" not in actors and "government" not in actors


@settings(max_examples=20)
@given(st.text(max_size=60), st.sampled_from(["ar", "en"]))
def test_actors_never_crash_and_are_deterministic(text: str, language: str) -> None:
    pipeline = eventx.Pipeline()
    first = pipeline.extract(eventx.Document(id="t", text=text, language=language))
    again = pipeline.extract(eventx.Document(id="t", text=text, language=language))
    assert first.actors == again.actors
    for actor in first.actors:
        assert actor.kind in ("person", "organization", "state", "group", "force")
        for mention in actor.mentions:
            assert text[mention.start : mention.end] == mention.text


def test_military_and_police_ranks_are_titles_as_a_class(pipeline: eventx.Pipeline) -> None:
    text = (
        "Staff Sgt. Maria Alvarez and Lt. Col. Daniel Okafor led the patrol. Detective "
        "Inspector Sarah Whitfield said two men were held, and Rear Adm. Tom Becker spoke later."
    )
    actors = _actors(pipeline, text, "en")
    titles = {name: actor.title for name, actor in actors.items() if actor.kind == "person"}
    assert titles == {
        "Maria Alvarez": "Staff Sgt.",
        "Daniel Okafor": "Lt. Col.",
        "Sarah Whitfield": "Detective Inspector",
        "Tom Becker": "Rear Adm.",
    }


def test_a_rank_without_a_capitalised_name_is_no_person(pipeline: eventx.Pipeline) -> None:
    actors = _actors(pipeline, "A police officer said the sergeant was wounded.", "en")
    assert not [a for a in actors.values() if a.kind == "person"]
