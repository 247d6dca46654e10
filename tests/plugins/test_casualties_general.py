"""General casualty constructions of news prose, in several phrasings per language (issue 11).

Every sentence here was written for the test; none is taken from an article.
"""

from __future__ import annotations

from typing import Any

import pytest

import eventx

DATE = "2023-05-12"


def claims(pipeline: eventx.Pipeline, text: str, language: str) -> list[tuple[Any, ...]]:
    record = pipeline.extract(text, language=language, document_date=DATE)
    return sorted((c.kind, c.count, c.min, c.max) for c in record.casualties if not c.subset)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the same fact in the phrasings news uses
        (
            "Twelve people were killed and 30 injured in the explosion.",
            [("injured", 30, 30, 30), ("killed", 12, 12, 12)],
        ),
        (
            "The blast left 12 dead and 30 wounded.",
            [("injured", 30, 30, 30), ("killed", 12, 12, 12)],
        ),
        ("The attack claimed the lives of 17 people.", [("killed", 17, 17, 17)]),
        ("17 people died in the attack.", [("killed", 17, 17, 17)]),
        ("Nine bodies were found near the village.", [("killed", 9, 9, 9)]),
        ("The bodies of 11 migrants were recovered from the river.", [("killed", 11, 11, 11)]),
        ("The gunmen opened fire, killing at least 6 people.", [("killed", 6, 6, None)]),
        ("The gunmen opened fire, wounding 8.", [("injured", 8, 8, 8)]),
        ("Four policemen were hurt.", [("injured", 4, 4, 4)]),
        ("At least 14 people lost their lives in the fighting.", [("killed", 14, 14, None)]),
        ("17 lives were lost in the fire.", [("killed", 17, 17, 17)]),
        ("The 17 lives lost in the attack were mourned.", [("killed", 17, 17, 17)]),
        ("The vaccine saved 17 lives.", []),
        ("The dead included three children.", [("killed", 3, 3, 3)]),
        # arrests
        ("Security forces rounded up 40 men.", [("arrested", 40, 40, 40)]),
        ("Eleven suspects were taken into custody.", [("arrested", 11, 11, 11)]),
        ("Police took 11 people into custody after the march.", [("arrested", 11, 11, 11)]),
        ("Dozens were arrested after the march.", [("arrested", None, 20, 99)]),
        # vague amounts, ranges, tolls
        (
            "Thousands of families were displaced by the fighting.",
            [("displaced", None, 2000, 9999)],
        ),
        ("The strikes killed between 384 and 807 civilians.", [("killed", None, 384, 807)]),
        ("The number of dead has risen to 45.", [("killed", 45, 45, 45)]),
        ("Officials put the death toll at 52.", [("killed", 52, 52, 52)]),
    ],
)
def test_english_phrasings(pipeline: eventx.Pipeline, text: str, expected: list[Any]) -> None:
    assert claims(pipeline, text, "en") == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "أسفر الانفجار عن سقوط 12 قتيلا و30 جريحا.",
            [("injured", 30, 30, 30), ("killed", 12, 12, 12)],
        ),
        ("لقي 17 شخصا مصرعهم في الهجوم.", [("killed", 17, 17, 17)]),
        ("راح ضحية الهجوم 17 شخصا.", [("killed", 17, 17, 17)]),
        # "أودى/أودت ... بحياة": the subject stands between the verb and بحياة
        ("أودى الهجوم بحياة 17 شخصا.", [("killed", 17, 17, 17)]),
        ("أودت الاشتباكات بحياة 9 جنود.", [("killed", 9, 9, 9)]),
        ("انتشلت فرق الإنقاذ 9 جثث من تحت الأنقاض.", [("killed", 9, 9, 9)]),
        ("تم توقيف 23 شخصا.", [("arrested", 23, 23, 23)]),
        ("احتجزت قوات الأمن 40 رجلا.", [("arrested", 40, 40, 40)]),
        ("ألقت الشرطة القبض على 11 مشتبها به.", [("arrested", 11, 11, 11)]),
        # the construct-state dual of hundreds and thousands drops its ن before the noun
        ("قتل نحو مئتي مدني في القصف.", [("killed", 200, 180, 220)]),
        ("نزح مئتا شخص من القرية.", [("displaced", 200, 200, 200)]),
        (
            "خلف الزلزال ألفي قتيل وآلاف الجرحى.",
            [("injured", None, 2000, 9999), ("killed", 2000, 2000, 2000)],
        ),
        ("ارتفع عدد المعتقلين إلى 300.", [("arrested", 300, 300, 300)]),
    ],
)
def test_arabic_phrasings(pipeline: eventx.Pipeline, text: str, expected: list[Any]) -> None:
    assert claims(pipeline, text, "ar") == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("يحلم الشباب بحياة أفضل في المدن الكبرى.", "ar"),  # a better life
        ("أصابت الأزمة ثلاثة قطاعات في الاقتصاد.", "ar"),  # the crisis hit three sectors
    ],
)
def test_the_other_senses_of_the_new_words_are_not_casualties(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert claims(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("مئتا جندي", 200),
        ("مئتي مدني", 200),
        ("مائتي شخص", 200),
        ("ألفي قتيل", 2000),
        ("مليوني نازح", 2000000),
        ("مئتي ألف", 200000),
    ],
)
def test_construct_state_duals_are_numbers(text: str, value: int) -> None:
    quantity = eventx.parse_quantity(text, "ar")
    assert quantity is not None and quantity.count == value


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # commas between the items, the conjunction before the last
        ("Four soldiers, two police officers and a civilian were killed.", "en", [4, 2, 1]),
        (
            "The attack killed four soldiers, two police officers and three civilians.",
            "en",
            [4, 2, 3],
        ),
        ("Police arrested 12 men, 3 women and 2 teenagers.", "en", [12, 3, 2]),
        ("قتل أربعة جنود، وثلاثة مدنيين، وشرطيان.", "ar", [4, 3, 2]),
        # an Arabic item may be a dual or a singular noun with the conjunction on it
        ("قتل أربعة جنود وشرطيان ومدني.", "ar", [4, 2, 1]),
        ("أسفر الهجوم عن مقتل جنديين ومدني.", "ar", [2, 1]),
        ("اعتقلت الشرطة 12 رجلا و3 نساء وطفلين.", "ar", [12, 3, 2]),
    ],
)
def test_lists_of_victims_share_their_trigger(
    pipeline: eventx.Pipeline, text: str, language: str, expected: list[int]
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert [c.count for c in record.casualties] == expected
    assert len({c.kind for c in record.casualties}) == 1
    # the group is the noun, without the conjunction written on it ("وشرطيان" -> "شرطيان")
    assert all(c.group and not c.group.startswith("و") for c in record.casualties)


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # "وطالب" before an object is the verb "and demanded", not "and a student"
        ("أعلن الجيش مقتل جندي وطالب بفتح تحقيق في الهجوم.", "ar", [("killed", 1)]),
        # a comma alone does not make a list: the 30 are on board, not killed
        ("Of 30 people on board, 5 were killed.", "en", [("killed", 5)]),
        ("Police arrested 12 men, 3 hours after the attack.", "en", [("arrested", 12)]),
    ],
)
def test_what_is_not_a_list(
    pipeline: eventx.Pipeline, text: str, language: str, expected: list[tuple[str, int]]
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert [(c.kind, c.count) for c in record.casualties] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police arrested 12 people, seven women and five men.", "en"),
        ("اعتقلت الشرطة 12 شخصا، سبع نساء وخمسة رجال.", "ar"),
    ],
)
def test_a_list_adding_up_to_the_figure_before_it_is_its_breakdown(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert [(c.count, c.subset) for c in record.casualties] == [(12, False), (7, True), (5, True)]
    assert [(t.kind, t.count) for t in record.casualty_totals] == [("arrested", 12)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # a victim noun and a name after an active verb
        (
            "Gunmen killed journalist Maria Lopez on Monday.",
            "en",
            [("killed", 1, "journalist Maria Lopez")],
        ),
        (
            "Police detained the activist Sara Khan, her lawyer said.",
            "en",
            [("arrested", 1, "activist Sara Khan")],
        ),
        (
            "Militants abducted aid worker John Smith in the north.",
            "en",
            [("kidnapped", 1, "aid worker John Smith")],
        ),
        # the subject between لقي and حتفه/مصرعها: the pronoun says one person
        ("لقي الصحفي أحمد علي حتفه أمس.", "ar", [("killed", 1, "الصحفي أحمد علي")]),
        ("لقيت الناشطة سارة خان مصرعها في الانفجار.", "ar", [("killed", 1, "الناشطة سارة خان")]),
    ],
)
def test_one_named_victim_in_active_sentences(
    pipeline: eventx.Pipeline, text: str, language: str, expected: list[tuple[str, int, str]]
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert [(c.kind, c.count, c.group) for c in record.casualties] == expected


@pytest.mark.parametrize(
    "text",
    [
        "The company executed Project Alpha on time.",  # a capitalised thing, no victim noun
        "Israeli strikes killed Hamas fighters.",  # a group, counted nowhere
        "Gunmen killed journalist Maria Lopez's brother.",  # the name does not end the phrase
    ],
)
def test_capitalised_objects_that_are_no_named_victim(pipeline: eventx.Pipeline, text: str) -> None:
    record = pipeline.extract(text, language="en", document_date=DATE)
    assert [c.count for c in record.casualties] == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Some 10 to 20 soldiers were killed.", "en", ("killed", None, 10, 20)),
        ("About 40 to 50 people were hurt.", "en", ("injured", None, 40, 50)),
        ("قتل نحو 10 إلى 15 جنديا.", "ar", ("killed", None, 10, 15)),
    ],
)
def test_a_hedged_range_is_a_range(
    pipeline: eventx.Pipeline, text: str, language: str, expected: tuple[Any, ...]
) -> None:
    assert claims(pipeline, text, language) == [expected]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Shelling killed 26 refugees in the camp.", "en", ("killed", 26, "refugees")),
        ("The militants executed 26 hostages.", "en", ("killed", 26, "hostages")),
        ("The strike wounded 5 detainees.", "en", ("injured", 5, "detainees")),
        ("قتل 26 أسيرا في السجن.", "ar", ("killed", 26, "أسيرا")),
        ("أعدم التنظيم 26 رهينة.", "ar", ("killed", 26, "رهينة")),
        ("أصيب 5 لاجئين في القصف.", "ar", ("injured", 5, "لاجئين")),
    ],
)
def test_killing_or_wounding_outranks_the_status_noun_of_the_victims(
    pipeline: eventx.Pipeline, text: str, language: str, expected: tuple[str, int, str]
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert [(c.kind, c.count, c.group) for c in record.casualties] == [expected]


def test_a_status_noun_alone_keeps_its_kind(pipeline: eventx.Pipeline) -> None:
    record = pipeline.extract("Troops evacuated 30 wounded.", language="en", document_date=DATE)
    assert [(c.kind, c.count) for c in record.casualties] == [("injured", 30)]
    record = pipeline.extract("قتل 3 وأصيب 5 آخرون.", language="ar", document_date=DATE)
    assert [(c.kind, c.count) for c in record.casualties] == [("killed", 3), ("injured", 5)]
    assert record.casualties[0].group is None  # not the verb "وأصيب"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Five people, including two children, were killed.", "en"),
        ("Five people including two children were killed.", "en"),
        ("لقي خمسة أشخاص بينهم طفلان حتفهم.", "ar"),
        ("خمسة أشخاص بينهم طفلان قتلوا في الغارة.", "ar"),
    ],
)
def test_a_breakdown_inside_the_claim_does_not_hide_its_figure(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert [(c.kind, c.count, c.subset) for c in record.casualties] == [
        ("killed", 5, False),
        ("killed", 2, True),
    ]


def test_a_breakdown_without_commas_ends_at_a_conjunction(pipeline: eventx.Pipeline) -> None:
    text = "ما تسبب بمقتل 18 شخصا بينهم طفل ووقوع عشرات الجرحى."
    record = pipeline.extract(text, language="ar", document_date=DATE)
    assert [(c.kind, c.count, c.min) for c in record.casualties] == [
        ("killed", 18, 18),
        ("injured", None, 20),  # "عشرات الجرحى" is a claim of its own, not part of the aside
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the oblique dual of a noun in ة is two (its plural ends in ات)
        ("اعتقلت الشرطة سيدتين في المسيرة.", ("arrested", 2, "سيدتين")),
        ("قتلت امرأتين في القصف.", ("killed", 2, "امرأتين")),
        ("مقتل صحفية في الهجوم.", ("killed", 1, "صحفية")),
        # a toll word before an indefinite victim noun: "حصيلة قتلى ..." takes its figure far off
        (
            "أعلنت الحكومة ارتفاع حصيلة قتلى الفيضانات والانهيارات الأرضية في غرب البلاد إلى 120 شخصا.",
            ("killed", 120, "شخصا"),
        ),
    ],
)
def test_arabic_feminine_duals_and_construct_tolls(
    pipeline: eventx.Pipeline, text: str, expected: tuple[str, int, str]
) -> None:
    record = pipeline.extract(text, language="ar", document_date=DATE)
    assert [(c.kind, c.count, c.group) for c in record.casualties] == [expected]


def test_a_masculine_plural_in_ين_is_not_a_dual(pipeline: eventx.Pipeline) -> None:
    record = pipeline.extract("قتل مدنيين في القصف.", language="ar", document_date=DATE)
    assert record.casualties == ()


@pytest.mark.parametrize(
    "text",
    [
        "journalist maria lopez was killed on monday.",
        "gunmen killed journalist maria lopez on monday.",
        "GUNMEN KILLED JOURNALIST MARIA LOPEZ ON MONDAY.",
        "JOURNALIST MARIA LOPEZ WAS KILLED ON MONDAY.",
    ],
)
def test_a_named_victim_in_text_without_case(pipeline: eventx.Pipeline, text: str) -> None:
    record = pipeline.extract(text, language="en", document_date=DATE)
    assert [(c.kind, c.count) for c in record.casualties] == [("killed", 1)]


@pytest.mark.parametrize(
    "text", ["the proposal was killed in committee.", "THE PROPOSAL WAS KILLED."]
)
def test_without_case_a_subject_needs_a_victim_noun(pipeline: eventx.Pipeline, text: str) -> None:
    assert pipeline.extract(text, language="en", document_date=DATE).casualties == ()


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("They planned to kill dozens of worshippers.", "en"),
        ("The gang threatened to kill 10 villagers.", "en"),
        ("Militants tried to abduct 20 schoolgirls.", "en"),
        ("حاول المسلحون قتل 5 جنود.", "ar"),
        ("أحبطت الشرطة محاولة لقتل 20 شخصا.", "ar"),
        ("هدد التنظيم بإعدام 10 أشخاص.", "ar"),
    ],
)
def test_an_attempt_threat_or_plan_is_no_casualty(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert pipeline.extract(text, language=language, document_date=DATE).casualties == ()


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The attack led to the deaths of 26 people.", "en", [("killed", 26)]),
        ("Police moved to arrest 40 protesters on Sunday.", "en", [("arrested", 40)]),
        ("قتل 5 جنود في محاولة لاقتحام القاعدة.", "ar", [("killed", 5)]),
    ],
)
def test_what_happened_stays(
    pipeline: eventx.Pipeline, text: str, language: str, expected: list[tuple[str, int]]
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert [(c.kind, c.count) for c in record.casualties] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ali Hassan, a local journalist, was killed on Monday.", [("killed", 1)]),
        ("Maria Lopez, a nurse, was wounded in the blast.", [("injured", 1)]),
        ("The suspect, a 25-year-old man, was arrested.", [("arrested", 1)]),
        # a relative clause between commas is no apposition naming the victim
        ("Police said a man, who was drunk, was arrested.", []),
    ],
)
def test_an_apposition_is_the_victim(
    pipeline: eventx.Pipeline, text: str, expected: list[tuple[str, int]]
) -> None:
    record = pipeline.extract(text, language="en", document_date=DATE)
    assert [(c.kind, c.count) for c in record.casualties] == expected
