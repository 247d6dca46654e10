"""The casualties plugin on realistic Arabic and English news sentences."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventx

DATE = "2023-05-12"


def claims(
    pipeline: eventx.Pipeline, text: str, language: str, date: str = DATE
) -> list[tuple[Any, ...]]:
    record = pipeline.extract(text, language=language, document_date=date)
    return [(c.kind, c.count, c.min, c.max, c.approximate) for c in record.casualties]


def facts(pipeline: eventx.Pipeline, text: str, language: str) -> tuple[eventx.Casualty, ...]:
    return pipeline.extract(text, language=language, document_date=DATE).casualties


# --- Arabic -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت الشرطة مقتل 12 شخصا في انفجار سيارة مفخخة.", ("killed", 12, 12, 12, False)),
        ("لقي ثلاثة جنود حتفهم في كمين قرب الحدود.", ("killed", 3, 3, 3, False)),
        ("قتل ستة وعشرين مدنيا في القصف.", ("killed", 26, 26, 26, False)),
        ("أسفر الهجوم عن مصرع ثمانية عشر شخصا.", ("killed", 18, 18, 18, False)),
        ("ارتفعت الحصيلة إلى سبعين قتيلا.", ("killed", 70, 70, 70, False)),
        ("سقط ١٢ قتيلا في الاشتباكات.", ("killed", 12, 12, 12, False)),
        ("أصيب 1,200 شخص بجروح خلال الزلزال.", ("injured", 1200, 1200, 1200, False)),
        ("أعلنت السلطات اعتقال مئة وأربعة وستين متظاهرا.", ("arrested", 164, 164, 164, False)),
        ("أدى القتال إلى نزوح ثلاثة آلاف شخص.", ("displaced", 3000, 3000, 3000, False)),
        ("قتل ما لا يقل عن 22 شخصا في الهجوم.", ("killed", 22, 22, None, False)),
        ("قتل 22 شخصا على الأقل في الهجوم.", ("killed", 22, 22, None, False)),
        ("أصيب أكثر من 100 متظاهر في المواجهات.", ("injured", 100, 101, None, True)),
        ("قتل نحو 50 مسلحا في المعارك.", ("killed", 50, 45, 55, True)),
        ("أصيب عشرات المحتجين في المواجهات مع الشرطة.", ("injured", None, 20, 99, True)),
        ("اعتقلت قوات الأمن المئات من المحتجين.", ("arrested", None, 200, 999, True)),
        ("أدى القصف إلى نزوح آلاف المدنيين.", ("displaced", None, 2000, 9999, True)),
        ("قتل بين 10 و15 شخصا في الغارة.", ("killed", None, 10, 15, True)),
        ("وأسفر الانفجار عن قتيلين.", ("killed", 2, 2, 2, False)),
        ("سقط قتيلان في إطلاق النار.", ("killed", 2, 2, 2, False)),
        ("أعلن الجيش مقتل جنديين في هجوم بعبوة ناسفة.", ("killed", 2, 2, 2, False)),
        ("أعلنت الوزارة مقتل شرطي في الهجوم.", ("killed", 1, 1, 1, False)),
        ("أعلنت الشرطة فقدان خمسة صيادين في البحر.", ("missing", 5, 5, 5, False)),
        ("اختطف مسلحون أربعة عمال أجانب.", ("kidnapped", 4, 4, 4, False)),
        ("أكدت الشرطة احتجاز 9 أشخاص للتحقيق.", ("arrested", 9, 9, 9, False)),
        ("تم توقيف ١١ مشتبها به في المداهمات.", ("arrested", 11, 11, 11, False)),
        ("لقي جندي مصرعه في انفجار لغم.", ("killed", 1, 1, 1, False)),
        ("أصيب شرطيان بجروح طفيفة في المواجهات.", ("injured", 2, 2, 2, False)),
        ("ارتفعت حصيلة الزلزال إلى ثلاثة آلاف قتيل.", ("killed", 3000, 3000, 3000, False)),
    ],
)
def test_arabic_forms(pipeline: eventx.Pipeline, text: str, expected: tuple[Any, ...]) -> None:
    assert claims(pipeline, text, "ar") == [expected]


def test_arabic_killed_and_injured_in_one_sentence_with_others(pipeline: eventx.Pipeline) -> None:
    found = facts(pipeline, "أعلنت وزارة الداخلية مقتل 14 مسلحا وإصابة 9 آخرين بجروح.", "ar")
    assert [(c.kind, c.count) for c in found] == [("killed", 14), ("injured", 9)]
    assert found[0].group == "مسلحا"
    assert found[1].group == "مسلحا"  # "آخرين": the same group as the figure before
    assert found[0].source == "وزارة الداخلية"


def test_number_before_counted_noun(pipeline: eventx.Pipeline) -> None:
    text = 'وأشار البيان إلى حصيلة بلغت "أربع وفيات وسبعة جرحى" في صفوف القوات.'
    assert claims(pipeline, text, "ar") == [
        ("killed", 4, 4, 4, False),
        ("injured", 7, 7, 7, False),
    ]


def test_subset_after_bynahum(pipeline: eventx.Pipeline) -> None:
    found = facts(pipeline, "قتل 15 شخصا بينهم 4 أطفال في القصف.", "ar")
    assert [(c.kind, c.count, c.subset) for c in found] == [
        ("killed", 15, False),
        ("killed", 4, True),
    ]
    record = pipeline.extract("قتل 15 شخصا بينهم 4 أطفال في القصف.", language="ar")
    assert [(t.kind, t.count) for t in record.casualty_totals] == [("killed", 15)]


@pytest.mark.parametrize(
    "text",
    [
        "لم يسفر الانفجار عن سقوط قتلى.",
        "ولم تسجل أي إصابات في صفوف المدنيين.",
        "انفجرت العبوة دون وقوع إصابات.",
    ],
)
def test_arabic_negation_is_no_claim(pipeline: eventx.Pipeline, text: str) -> None:
    assert claims(pipeline, text, "ar") == []


def test_according_to_gives_the_source(pipeline: eventx.Pipeline) -> None:
    found = facts(pipeline, "قتل 7 أشخاص في الغارة حسب المرصد السوري لحقوق الإنسان.", "ar")
    assert [(c.kind, c.count) for c in found] == [("killed", 7)]
    assert found[0].source is not None and found[0].source.startswith("المرصد السوري")


def test_partitive_group_and_speech_verb_source(pipeline: eventx.Pipeline) -> None:
    (found,) = facts(pipeline, "أعلنت وزارة الدفاع مقتل ثلاثة من رجال الشرطة في الهجوم.", "ar")
    assert (found.count, found.group, found.source) == (3, "رجال الشرطة", "وزارة الدفاع")


def test_released_people_are_not_arrests(pipeline: eventx.Pipeline) -> None:
    assert claims(pipeline, "وتم الإفراج عن 20 معتقلا بعد ساعات من احتجازهم.", "ar") == []
    assert claims(pipeline, "The authorities released 30 detainees on Monday.", "en") == []


def test_dates_and_years_are_not_counts(pipeline: eventx.Pipeline) -> None:
    text = "قتل شخصان في 5 كانون الثاني/يناير 2022 على بعد 12 كلم من المدينة."
    assert claims(pipeline, text, "ar") == [("killed", 2, 2, 2, False)]


# --- English ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Twenty-six people were killed in the attack.", ("killed", 26, 26, 26, False)),
        ("The blast killed 14 civilians on Tuesday.", ("killed", 14, 14, 14, False)),
        ("At least 22 people died in the fire.", ("killed", 22, 22, None, False)),
        ("More than 100 protesters were injured.", ("injured", 100, 101, None, True)),
        ("About 50 people were wounded.", ("injured", 50, 45, 55, True)),
        ("Police arrested a dozen demonstrators.", ("arrested", 12, 12, 12, False)),
        ("Hundreds of people were detained overnight.", ("arrested", None, 200, 999, True)),
        ("Dozens were hurt in the stampede.", ("injured", None, 20, 99, True)),
        ("Scores of villagers were abducted.", ("kidnapped", None, 20, 99, True)),
        ("Fighting has displaced 3,400 families.", ("displaced", 3400, 3400, 3400, False)),
        ("A soldier was killed in the ambush.", ("killed", 1, 1, 1, False)),
        ("Between 10 and 15 people were killed.", ("killed", None, 10, 15, True)),
        ("The death toll rose to 31.", ("killed", 31, 31, 31, False)),
        ("Seven fishermen remain missing after the storm.", ("missing", 7, 7, 7, False)),
        ("Gunmen kidnapped 4 aid workers near the border.", ("kidnapped", 4, 4, 4, False)),
    ],
)
def test_english_forms(pipeline: eventx.Pipeline, text: str, expected: tuple[Any, ...]) -> None:
    assert claims(pipeline, text, "en") == [expected]


def test_english_others_and_coordination(pipeline: eventx.Pipeline) -> None:
    text = "Four soldiers were killed and 11 others wounded when a bomb hit their convoy."
    found = facts(pipeline, text, "en")
    assert [(c.kind, c.count, c.group) for c in found] == [
        ("killed", 4, "soldiers"),
        ("injured", 11, "soldiers"),
    ]
    text = "Two police officers and a civilian were injured."
    assert claims(pipeline, text, "en") == [
        ("injured", 2, 2, 2, False),
        ("injured", 1, 1, 1, False),
    ]


def test_english_including_is_a_subset(pipeline: eventx.Pipeline) -> None:
    found = facts(pipeline, "The strike killed 40 people, including 12 children.", "en")
    assert [(c.count, c.subset) for c in found] == [(40, False), (12, True)]


@pytest.mark.parametrize(
    "text",
    [
        "No one was killed in the explosion.",
        "There were no injuries, police said.",
        "The fire was put out and nobody was hurt.",
    ],
)
def test_english_negation_is_no_claim(pipeline: eventx.Pipeline, text: str) -> None:
    assert claims(pipeline, text, "en") == []


def test_english_source_and_date(pipeline: eventx.Pipeline) -> None:
    text = "According to the health ministry, 9 people were killed on Friday."
    (claim,) = facts(pipeline, text, "en")
    assert claim.source == "health ministry"
    assert claim.date == "2023-05-12"


def test_english_speaker_before_the_speech_verb(pipeline: eventx.Pipeline) -> None:
    text = "The Syrian Observatory for Human Rights said 23 soldiers were killed."
    (claim,) = facts(pipeline, text, "en")
    assert claim.source == "Syrian Observatory for Human Rights"
    text = "Gunmen abducted 17 students from a school on Friday, police said."
    (claim,) = facts(pipeline, text, "en")
    assert (claim.kind, claim.count, claim.group, claim.source) == (
        "kidnapped",
        17,
        "students",
        "police",
    )


def test_ages_and_distances_are_not_counts(pipeline: eventx.Pipeline) -> None:
    text = "A 14-year-old boy was killed 20 km from the capital."
    assert claims(pipeline, text, "en") == [("killed", 1, 1, 1, False)]


# --- victims of history the article recalls ----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "اعتقلت الشرطة أمس خمسة مشتبه بهم. وكانت هجمات باريس في تشرين الثاني/نوفمبر 2015 قد"
            " أسفرت عن مقتل 130 شخصا.",
            "ar",
        ),
        (
            "Police arrested five suspects on Thursday. The Paris attacks killed 130 people in"
            " November 2015.",
            "en",
        ),
    ],
)
def test_victims_dated_long_before_the_news_are_background(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    found = {(c.kind, c.count): c.background for c in record.casualties}
    assert found == {("arrested", 5): False, ("killed", 130): True}
    # Totals are the article's own news: the recalled toll is not one of them.
    assert [(t.kind, t.count) for t in record.casualty_totals] == [("arrested", 5)]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Twelve people were killed in floods on Wednesday.", "en"),
        ("قتل 12 شخصا في الفيضانات يوم الأربعاء.", "ar"),
        # A past date in another sentence is too loose a link: only the claim's own sentence counts.
        ("The town was founded in 1820. Twelve people were killed there.", "en"),
        # A date of the current news in the sentence dates the victims as today's.
        ("Floods killed 12 people on Wednesday, a year after the storm of March 2022.", "en"),
    ],
)
def test_victims_of_the_news_are_not_background(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    record = pipeline.extract(text, language=language, document_date=DATE)
    assert [(c.count, c.background) for c in record.casualties] == [(12, False)]


# --- the seed -----------------------------------------------------------------------------------


def test_seed_claims(pipeline: eventx.Pipeline) -> None:
    from eventx.demo import SEED_ID, seeds_dir

    text = (seeds_dir() / f"{SEED_ID}.txt").read_text(encoding="utf-8")
    record = pipeline.extract(text, language="ar", document_date="2022-01-07")
    found = [(c.kind, c.count, c.group, c.date) for c in record.casualties]
    assert found == [
        ("killed", 26, "مجرما مسلحا", "2022-01-07"),
        ("injured", 18, "مجرما مسلحا", "2022-01-07"),
    ]
    assert all(c.source and "وزارة الداخلية" in c.source for c in record.casualties)
    killed, injured = record.casualties
    assert len(killed.mentions) == 2  # the subheading and the body say the same figure
    assert injured.evidence.text == "وإصابة 18 آخرين بجروح"
    assert not record.check_evidence(text)


# --- properties ---------------------------------------------------------------------------------

_WORDS = st.sampled_from(
    [
        "قتل",
        "مقتل",
        "أصيب",
        "جرحى",
        "اعتقال",
        "نزوح",
        "بينهم",
        "آخرين",
        "لم",
        "نحو",
        "أكثر من",
        "عشرات",
        "12",
        "ستة",
        "وعشرين",
        "شخصا",
        "مدنيا",
        "قتيلين",
        "حسب",
        "الشرطة",
        "،",
        ".",
        "\n",
        "killed",
        "were",
        "injured",
        "at least",
        "dozens",
        "of",
        "a",
        "soldier",
        "including",
        "no",
        "others",
        "and",
        "twenty-six",
        "people",
        "according to",
        "police",
        "\u200f",
        "“",
        "”",
    ]
)


@given(st.lists(_WORDS, max_size=25), st.sampled_from(["ar", "en"]))
def test_claims_are_sound_on_casualty_like_text(
    pipeline: eventx.Pipeline, words: list[str], language: str
) -> None:
    text = " ".join(words)
    record = pipeline.extract(text, language=language, document_date=DATE)
    again = pipeline.extract(text, language=language, document_date=DATE)
    assert record.to_json() == again.to_json()
    assert not record.check_evidence(text)
    for claim in record.casualties:
        for bound in (claim.count, claim.min, claim.max):
            assert bound is None or bound >= 0
        if claim.min is not None and claim.max is not None:
            assert claim.min <= claim.max
        # "more than N" and "fewer than N" state N as the bound the range excludes.
        if claim.count is not None and claim.qualifier not in ("more_than", "less_than"):
            assert claim.min is None or claim.min <= claim.count
            assert claim.max is None or claim.count <= claim.max


@given(st.text(max_size=300), st.sampled_from(["ar", "en"]))
def test_no_crash_on_any_text(pipeline: eventx.Pipeline, text: str, language: str) -> None:
    record = pipeline.extract(text, language=language)
    assert not [d for d in record.diagnostics if d.plugin == "casualties"]


def test_claim_dates(pipeline: eventx.Pipeline) -> None:
    text = "قتل 12 شخصا يوم الجمعة في هجوم على شبه جزيرة القرم التي ضمتها روسيا عام 2014."
    (claim,) = facts(pipeline, text, "ar")
    assert claim.date == "2023-05-12"  # the Friday on or before the publication date
    text = "قتل 12 شخصا في هجوم على شبه جزيرة القرم التي ضمتها روسيا عام 2014."
    (claim,) = facts(pipeline, text, "ar")
    assert claim.date is None  # a background year after the claim does not date it
    record = pipeline.extract("By the end of 1972, 496 had been killed.", language="en")
    assert [(c.count, c.date) for c in record.casualties] == [(496, "1972")]


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("سجلت وزارة الصحة 500 إصابة جديدة بفيروس كورونا.", "ar"),
        ("The court sentenced 5 people to death.", "en"),
        ("Oil prices rose 3 percent after OPEC cut production.", "en"),
        ("أصيب الاقتصاد بالشلل بعد إغلاق 300 مصنع.", "ar"),
        ("The president signed 12 agreements during his three-day visit.", "en"),
    ],
)
def test_not_casualties(pipeline: eventx.Pipeline, text: str, language: str) -> None:
    assert claims(pipeline, text, language) == []


def test_breakdown_in_an_aside(pipeline: eventx.Pipeline) -> None:
    text = "At least three people, including a child, died when the building collapsed."
    found = facts(pipeline, text, "en")
    assert [(c.kind, c.count, c.min, c.subset) for c in found] == [
        ("killed", 3, 3, False),
        ("killed", 1, 1, True),
    ]


def test_scores_and_nobody(pipeline: eventx.Pipeline) -> None:
    text = "Police fired live rounds, killing two protesters and injuring scores, witnesses said."
    found = facts(pipeline, text, "en")
    assert [(c.kind, c.count, c.min, c.max, c.source) for c in found] == [
        ("killed", 2, 2, 2, "witnesses"),
        ("injured", None, 20, 99, "witnesses"),
    ]
    (claim,) = facts(pipeline, "Nobody has claimed the attack, which killed 12.", "en")
    assert claim.source is None


def test_arabic_agency_style(pipeline: eventx.Pipeline) -> None:
    text = "وأسفر التفجير عن سقوط 12 قتيلا وأكثر من 30 جريحا، وفقا لمصادر طبية."
    found = facts(pipeline, text, "ar")
    assert [(c.kind, c.count, c.min, c.source) for c in found] == [
        ("killed", 12, 12, "مصادر طبية"),
        ("injured", 30, 31, "مصادر طبية"),
    ]
    text = "استشهد ثلاثة فلسطينيين وأصيب 20 آخرون برصاص قوات الاحتلال."
    assert [(c.count, c.group) for c in facts(pipeline, text, "ar")] == [
        (3, "فلسطينيين"),
        (20, "فلسطينيين"),
    ]
    text = "وقالت الأمم المتحدة إن أكثر من مليون شخص نزحوا بسبب المعارك."
    assert claims(pipeline, text, "ar") == [("displaced", 1000000, 1000001, None, True)]


def test_article_noun_before_an_active_verb_is_the_agent(pipeline: eventx.Pipeline) -> None:
    assert claims(pipeline, "A gunman killed 14 worshippers at a mosque.", "en") == [
        ("killed", 14, 14, 14, False)
    ]
    assert claims(pipeline, "A man killed in the blast was buried on Friday.", "en") == [
        ("killed", 1, 1, 1, False)
    ]


# --- medical, statistical, figurative and commercial uses are not casualties -------------------


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # illness after the count, before the trigger, or with a proclitic on the disease
        ("وشملت الدراسة 5000 امرأة، وتمت إصابة 1764 منهن بسرطان الثدي.", "ar"),
        ("وأصيب 12 ألف شخص بالإنفلونزا هذا الشتاء.", "ar"),
        ("وتسبب المرض في وفاة 300 شخص خلال العام.", "ar"),
        ("About 1,764 of the women were diagnosed and 300 died of cancer.", "en"),
        # rates and percentages
        ("وتنخفض احتمالات الوفاة بنسبة 22 بالمئة لدى من يمارسون الرياضة.", "ar"),
        ("وتراجع خطر الوفاة بنسبة 22 في المئة بين المرضى.", "ar"),
        # a definite number word qualifies a noun ("the four tournaments")
        ("وتوج اللاعب بعد أن قتل الملل في البطولات الأربع الكبرى.", "ar"),
        # figurative objects: hearts, attention; winding up a business
        ("أسرت المغنية قلوب ملايين المعجبين في حفلها الأخير.", "ar"),
        ("قرر المساهمون تصفية الشركة وتسريح 200 موظف.", "ar"),
        ("The senator killed the deal last week, and 300 workers lost their jobs.", "en"),
        # "harvesting" a title is not reaping lives
        ("حصد الفريق لقبه الأول بعد فوزه في البطولات الأربع الكبرى.", "ar"),
        # a figure per period is a rate, not the victims of an event
        ("Smoking kills 8 million people a year, according to the WHO.", "en"),
        ("About 1.2 million people die every year on the roads.", "en"),
        ("وتسبب التدخين في وفاة 8 ملايين شخص سنويا.", "ar"),
        ("ويقتل نحو 30 شخصا كل يوم في حوادث السير.", "ar"),
        # injuries in a match or in training are sports news
        ("Two players were hurt in training on Tuesday.", "en"),
        ("The club has 5 injured players ahead of the derby.", "en"),
        ("ويعاني الفريق من إصابة 5 لاعبين قبل المباراة.", "ar"),
        ("وغاب 4 لاعبين مصابين عن مباراة الأحد.", "ar"),
        # prizes and matches are not prisoners
        ("The film captured five awards at the festival in Venice.", "en"),
        ("وأسر الفريق ثلاثة ألقاب في موسم واحد.", "ar"),
    ],
)
def test_medical_statistical_and_figurative_uses_are_not_casualties(
    pipeline: eventx.Pipeline, text: str, language: str
) -> None:
    assert claims(pipeline, text, language) == []


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("أعلن الجيش تصفية 12 مسلحا في المنطقة.", "ar", ("killed", 12, 12, 12, False)),
        ("وحصدت أرواح 40 مدنيا في الغارات.", "ar", ("killed", 40, 40, 40, False)),
        ("أسرت القوات 30 مقاتلا خلال الهجوم.", "ar", ("arrested", 30, 30, 30, False)),
        ("مقتل مدير الشركة و3 من حراسه في هجوم مسلح.", "ar", ("killed", 3, 3, 3, False)),
        # a violent or accidental cause makes a sports setting's injuries casualties
        ("Two fans were injured in clashes after the match.", "en", ("injured", 2, 2, 2, False)),
        ("Three players were injured when a bomb hit the team bus.", "en", ("injured", 3, 3, 3, False)),
        ("أصيب 20 مشجعا في اشتباكات بعد المباراة.", "ar", ("injured", 20, 20, 20, False)),
        # a period followed by "after"/"ago"/"of" is a time, not a rate
        ("Gunmen killed 10 people a day after the vote.", "en", ("killed", 10, 10, 10, False)),
        ("Clashes killed 40 people in a day of violence.", "en", ("killed", 40, 40, 40, False)),
        ("قتل 30 شخصا يوم الأحد في انفجار سيارة مفخخة.", "ar", ("killed", 30, 30, 30, False)),
    ],
)
def test_the_violent_sense_of_the_same_words_stays(
    pipeline: eventx.Pipeline, text: str, language: str, expected: tuple[Any, ...]
) -> None:
    assert claims(pipeline, text, language) == [expected]


# --- general capabilities: ranges, tolls, lists, vague amounts, one named victim ----------------


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        # ranges: "X to Y" / "X or Y" (no opener needed), "between X and Y" in a dash aside
        ("Monitors recorded 40 to 70 civilian deaths in May.", "en", [("killed", None, 40, 70, True)]),
        ("Two or three soldiers were wounded in the ambush.", "en", [("injured", None, 2, 3, True)]),
        ("قتل ثلاثة أو أربعة جنود في الكمين.", "ar", [("killed", None, 3, 4, True)]),
        ("قتل ما بين 150 و300 مدني في الغارات.", "ar", [("killed", None, 150, 300, True)]),
        (
            "The number of villagers killed – between 12 and 30 – was disputed.",
            "en",
            [("killed", None, 12, 30, True)],
        ),
        # tolls that rise, stand or reach a figure, with words between
        ("The death toll from the attack rose to 31 on Tuesday.", "en", [("killed", 31, 31, 31, False)]),
        ("The toll in the province stood at 27, officials said.", "en", [("killed", 27, 27, 27, False)]),
        ("وارتفعت حصيلة القتلى في الهجوم على المسجد إلى 45 شخصا.", "ar", [("killed", 45, 45, 45, False)]),
        # vague amounts of people and of families
        ("نزحت عشرات العائلات من القرية بعد القصف.", "ar", [("displaced", None, 20, 99, True)]),
        ("قتل المئات وأصيب الآلاف في المعارك.", "ar", [("killed", None, 200, 999, True), ("injured", None, 2000, 9999, True)]),
        # general vocabulary
        ("Two men were burnt alive in their car.", "en", [("killed", 2, 2, 2, False)]),
        ("The explosion crippled 12 people.", "en", [("injured", 12, 12, 12, False)]),
        ("Police managed to arrest 17 men.", "en", [("arrested", 17, 17, 17, False)]),
    ],
)
def test_ranges_tolls_and_vague_amounts(
    pipeline: eventx.Pipeline, text: str, language: str, expected: list[tuple[Any, ...]]
) -> None:
    assert claims(pipeline, text, language) == expected


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Troops killed 35 guerrillas and 5 soldiers in the clashes.", "en", [35, 5]),
        ("قتل 35 مسلحا و5 جنود في الاشتباكات.", "ar", [35, 5]),
        ("قتل ثلاثة من رجال الشرطة واثنان من المدنيين.", "ar", [3, 2]),
    ],
)
def test_a_list_of_counts_shares_its_trigger(
    pipeline: eventx.Pipeline, text: str, language: str, expected: list[int]
) -> None:
    found = facts(pipeline, text, language)
    assert [c.count for c in found] == expected
    assert {c.kind for c in found} == {"killed"}
    assert all(c.group and not c.group.endswith("و") for c in found)


def test_one_of_a_family_is_not_a_list(pipeline: eventx.Pipeline) -> None:
    assert claims(pipeline, "مقتل 11 شخصا من عائلة واحدة في الغارة.", "ar") == [
        ("killed", 11, 11, 11, False)
    ]


@pytest.mark.parametrize(
    ("text", "language", "group"),
    [
        ("Journalist John Smith was killed in the attack on Monday.", "en", "Journalist John Smith"),
        ("قتل الصحفي أحمد علي في الهجوم.", "ar", "الصحفي"),
    ],
)
def test_a_named_victim_counts_one(
    pipeline: eventx.Pipeline, text: str, language: str, group: str
) -> None:
    (claim,) = facts(pipeline, text, language)
    assert (claim.kind, claim.count, claim.group) == ("killed", 1, group)


def test_a_pronoun_victim_is_not_counted_again(pipeline: eventx.Pipeline) -> None:
    assert claims(pipeline, "He was killed in the attack.", "en") == []
