"""The dates plugin on real-style Arabic and English news sentences, one test per form."""

from __future__ import annotations

import datetime as dt

import pytest

import eventx
import eventx_dates


@pytest.fixture(scope="module")
def dates_pipeline() -> eventx.Pipeline:
    # Only the dates plugin: faster, and other plugins' changes cannot break these tests.
    return eventx.Pipeline(plugins=[eventx_dates], entry_points=False)


def found(
    pipeline: eventx.Pipeline, text: str, language: str, document_date: str | None
) -> list[tuple[str, str | None]]:
    record = pipeline.extract(text, language=language, document_date=document_date)
    assert record.status == "ok", record.diagnostics
    assert not record.check_evidence(text)
    return [(d.evidence.text, d.value) for d in record.dates]


AR_DOC = "2022-01-07"  # a Friday
EN_DOC = "2022-01-07"

ARABIC = [
    # absolute dates, every month-name tradition, Arabic-Indic digits, ordinals in words
    ("وقعت الاشتباكات في 7 يناير 2022 في ألماتي.", [("7 يناير 2022", "2022-01-07")]),
    (
        "عقد المجلس اجتماعه في 6 كانون الثاني/يناير 2022 بحضور الرئيس.",
        [("6 كانون الثاني/يناير 2022", "2022-01-06")],
    ),
    ("وصل الوفد يوم 6 كانون الثاني إلى العاصمة.", [("يوم 6 كانون الثاني", "2022-01-06")]),
    ("أعلنت الحكومة الجزائرية في 5 جانفي 2022 حالة الطوارئ.", [("5 جانفي 2022", "2022-01-05")]),
    ("وقعت الانفجارات في ٦ يناير ٢٠٢٢ وسط المدينة.", [("٦ يناير ٢٠٢٢", "2022-01-06")]),
    ("بدأت الاحتجاجات في الخامس من يناير في مدينة جاناوزين.", [("الخامس من يناير", "2022-01-05")]),
    (
        "وقعت الهجمات في 13 تشرين الثاني/نوفمبر 2015 في باريس.",
        [("13 تشرين الثاني/نوفمبر 2015", "2015-11-13")],
    ),
    ("تظاهر الآلاف يوم 30 يونيو/ حزيران في خرمشهر.", [("يوم 30 يونيو/ حزيران", "2021-06-30")]),
    ("وأصدر الجيش إنذارا بهدم المنزل في ٢٦/٧/٢٠٢١.", [("٢٦/٧/٢٠٢١", "2021-07-26")]),
    # weekdays and relative days against the document date
    ("أعلن الرئيس الجمعة استعادة النظام الدستوري.", [("الجمعة", "2022-01-07")]),
    ("قال المتحدث يوم الخميس إن القوات وصلت.", [("يوم الخميس", "2022-01-06")]),
    (
        "أفادت وسائل إعلام محلية مساء الخميس أن قوات الأمن طردت المتظاهرين.",
        [("مساء الخميس", "2022-01-06")],
    ),
    ("قتل شرطي في انفجار عبوة ناسفة أمس في الفحيص.", [("أمس", "2022-01-06")]),
    ("اعتقلت الشرطة ثلاثة أشخاص أول من أمس.", [("أول من أمس", "2022-01-05")]),
    ("أعلنت الوزارة اليوم حصيلة جديدة للضحايا.", [("اليوم", "2022-01-07")]),
    (
        "أعلنت منظمة معاهدة الأمن الجماعي، اليوم الخميس، إرسال قوات.",
        [("اليوم الخميس", "2022-01-06")],
    ),
    ("قتل جنديان قبل ثلاثة أيام في هجوم على حاجز.", [("قبل ثلاثة أيام", "2022-01-04")]),
    ("بدأت الاحتجاجات الأسبوع الماضي في خرمشهر.", [("الأسبوع الماضي", "2021-12-31/2022-01-06")]),
    ("شهدت المدينة الشهر الماضي مواجهات عنيفة.", [("الشهر الماضي", "2021-12")]),
    ("قتل 30 جهاديا الأحد الماضي في مالي.", [("الأحد الماضي", "2022-01-02")]),
    ("ومن المقرر أن يجتمع مجلس الأمن الاثنين لبحث الأزمة.", [("الاثنين", "2022-01-10")]),
    ("وسيعقد الاجتماع الأحد المقبل في جنيف.", [("الأحد المقبل", "2022-01-09")]),
    (
        "وذكر التلفزيون أن الرئيس سيوجه خطابا إلى الأمة يوم الاثنين.",
        [("يوم الاثنين", "2022-01-10")],
    ),
    (
        "نفذ الجيش عمليات اعتقال الليلة الماضية في الضفة الغربية.",
        [("الليلة الماضية", "2022-01-06")],
    ),
    # ranges, nights and the first days of the year
    (
        "في ليلة 5 على 6 يناير، عقد الرئيس الاجتماع الأول لمجلس الأمن.",
        [("في ليلة 5 على 6 يناير", "2022-01-05/2022-01-06")],
    ),
    ("اندلعت المواجهات بين 5 و6 يناير في ألماتي.", [("بين 5 و6 يناير", "2022-01-05/2022-01-06")]),
    (
        "بدأت الاحتجاجات في الأيام الأولى من العام الجديد.",
        [("الأيام الأولى من العام الجديد", "2022-01-01/2022-01-05")],
    ),
    (
        "تم التوقيع في أيار/مايو وحزيران/يونيو 2015 على اتفاق سلام.",
        [("أيار/مايو وحزيران/يونيو 2015", "2015-05-01/2015-06-30")],
    ),
    ("قصف الطيران المدينة ليلة 5/6 يناير.", [("ليلة 5/6 يناير", "2022-01-05/2022-01-06")]),
    (
        "اندلعت الاشتباكات ليل الأربعاء - الخميس.",
        [("ليل الأربعاء - الخميس", "2022-01-05/2022-01-06")],
    ),
    ("قتل 40 شخصا خلال الـ24 ساعة الماضية.", [("الـ24 ساعة الماضية", "2022-01-06/2022-01-07")]),
    # months and years
    (
        "تشهد المدينة حركة احتجاجية منذ أواخر كانون الأول/ديسمبر الماضي.",
        [("أواخر كانون الأول/ديسمبر الماضي", "2021-12")],
    ),
    ("أقفلت فيها مناجم الفحم في 1998.", [("في 1998", "1998")]),
    ("ومنذ 2015 اتسعت رقعة الهجمات.", [("منذ 2015", "2015")]),
    (
        "وقع الهجوم في العاشر من الشهر الماضي قرب الحدود.",
        [("العاشر من الشهر الماضي", "2021-12-10")],
    ),
    ("تأسست الحركة عام 2011م في درعا.", [("عام 2011م", "2011")]),
    ("فجر اليوم الثلاثاء اقتحمت القوات المخيم.", [("فجر اليوم الثلاثاء", "2022-01-04")]),
    # not dates: "the first day", "eleven", "the world day"
    ("قتل متظاهر في اليوم الأول من الاحتجاجات.", []),
    ("شارك الأحد عشر لاعبا في المباراة.", []),
    ("دمر القصف في 2000 منزل في المدينة.", []),
    ("قتل في أب وابنه في القصف.", []),
    ("اندلعت الاحتجاجات في آب الماضي.", [("في آب الماضي", "2021-08")]),
    ("احتفل العالم باليوم العالمي للمرأة.", []),
    # Hijri
    ("صدر القرار في 5 جمادى الأولى 1443 هـ.", [("5 جمادى الأولى 1443 هـ", "2021-12-09")]),
]

ENGLISH = [
    (
        "Protesters clashed with police on January 6, 2022, in Almaty.",
        [("January 6, 2022", "2022-01-06")],
    ),
    ("Troops arrived on 6 Jan. to secure the airport.", [("6 Jan.", "2022-01-06")]),
    ("Riots broke out on Jan 5-6 across the country.", [("Jan 5-6", "2022-01-05/2022-01-06")]),
    (
        "Fighting raged from 2 to 5 January in the north.",
        [("from 2 to 5 January", "2022-01-02/2022-01-05")],
    ),
    ("Police arrested 12 people on Thursday.", [("Thursday", "2022-01-06")]),
    ("The president met his security council last week.", [("last week", "2021-12-31/2022-01-06")]),
    ("Two soldiers were killed two days ago near the border.", [("two days ago", "2022-01-05")]),
    ("Earlier this month the government resigned.", [("Earlier this month", "2022-01")]),
    (
        "Earlier this week, rebels seized the town.",
        [("Earlier this week", "2022-01-03/2022-01-06")],
    ),
    (
        "Police launched further raids early Monday in east London.",
        [("early Monday", "2022-01-03")],
    ),
    ("A car bomb exploded yesterday outside the ministry.", [("yesterday", "2022-01-06")]),
    ("The peace talks are set to resume Monday in Belfast.", [("Monday", "2022-01-10")]),
    ("Sinn Fein was expelled from the talks on Feb. 20.", [("Feb. 20", "2021-02-20")]),
    (
        "Many people died on Friday, 21 July 1972, in Belfast.",
        [("Friday, 21 July 1972", "1972-07-21")],
    ),
    ("Victims were listed under 2015-12-21 in the report.", [("2015-12-21", "2015-12-21")]),
    ("London has ruled the province directly since 1972.", [("since 1972", "1972")]),
    ("The insurgency grew in mid-2021 after the elections.", [("mid-2021", "2021")]),
    ("Monday's attack killed four policemen.", [("Monday", "2022-01-03")]),
    ("Violence has plagued the region since the 1990s.", []),
    (
        "Clashes continued between Jan. 3 and Jan. 5 in the capital.",
        [("between Jan. 3 and Jan. 5", "2022-01-03/2022-01-05")],
    ),
    (
        "Gunmen attacked the village on the night of Jan. 5.",
        [("the night of Jan. 5", "2022-01-05")],
    ),
    (
        "The ballots were counted on 12/25/2021 and again on 25.12.2021.",
        [("12/25/2021", "2021-12-25"), ("25.12.2021", "2021-12-25")],
    ),
    # English numeric dates are read the US way (month first) unless the first number is > 12.
    ("The vote took place on 3/4/2021.", [("3/4/2021", "2021-03-04")]),
    ("The town, with a population of 2000 people, was shelled.", []),
    ("Theresa May said the attackers may march in the city.", []),
    ("The IRA bombs of Bloody Friday shocked the city.", []),
]


@pytest.mark.parametrize(("text", "expected"), ARABIC)
def test_arabic_forms(
    dates_pipeline: eventx.Pipeline, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(dates_pipeline, text, "ar", AR_DOC) == expected


@pytest.mark.parametrize(("text", "expected"), ENGLISH)
def test_english_forms(
    dates_pipeline: eventx.Pipeline, text: str, expected: list[tuple[str, str]]
) -> None:
    assert found(dates_pipeline, text, "en", EN_DOC) == expected


def test_without_document_date_relative_dates_are_kept_unresolved(
    dates_pipeline: eventx.Pipeline,
) -> None:
    text = "أعلن الرئيس الجمعة أن 26 مسلحا قتلوا في 6 يناير 2022."
    record = dates_pipeline.extract(text, language="ar")
    by_text = {d.evidence.text: d for d in record.dates}
    assert by_text["الجمعة"].value is None
    assert by_text["الجمعة"].anchor is None
    assert by_text["6 يناير 2022"].value == "2022-01-06"
    assert by_text["6 يناير 2022"].anchor == "absolute"


def test_undated_text_takes_the_year_of_its_first_full_date(
    dates_pipeline: eventx.Pipeline,
) -> None:
    text = (
        "On 17 September 2019, two suicide bombings killed 48 people. "
        "The attacks aimed at the election scheduled for September 28."
    )
    record = dates_pipeline.extract(text, language="en")
    late = next(d for d in record.dates if d.evidence.text == "September 28")
    assert late.value == "2019-09-28"
    assert late.anchor == "explicit_date"
    assert late.anchor_value == "2019-09-17"


def test_anchor_explains_the_weekday(dates_pipeline: eventx.Pipeline) -> None:
    record = dates_pipeline.extract(
        "أعلن الرئيس الجمعة استعادة النظام.", language="ar", document_date="2022-01-07"
    )
    (friday,) = record.dates
    assert (friday.value, friday.anchor, friday.anchor_value, friday.rule) == (
        "2022-01-07",
        "document_date",
        "2022-01-07",
        "weekday",
    )


def test_previous_day_counts_from_the_named_day(dates_pipeline: eventx.Pipeline) -> None:
    text = "تواصلت أعمال العنف الخميس في المدينة التي شهدت في اليوم السابق مواجهات."
    record = dates_pipeline.extract(text, language="ar", document_date="2022-01-07")
    previous = next(d for d in record.dates if d.evidence.text == "اليوم السابق")
    assert previous.value == "2022-01-05"
    assert (previous.anchor, previous.anchor_value, previous.anchor_text) == (
        "explicit_date",
        "2022-01-06",
        "الخميس",
    )


def test_time_span_leaves_out_background_and_announced_dates(
    dates_pipeline: eventx.Pipeline,
) -> None:
    text = (
        "قتل ثلاثة أشخاص الخميس في هجوم على دورية. "
        "وكانت هجمات مماثلة وقعت في 13 تشرين الثاني/نوفمبر 2015. "
        "ومن المقرر أن يزور رئيس الوزراء المدينة الأحد المقبل."
    )
    record = dates_pipeline.extract(text, language="ar", document_date="2022-01-07")
    flags = {d.evidence.text: (d.background, d.future) for d in record.dates}
    assert flags["13 تشرين الثاني/نوفمبر 2015"] == (True, False)
    assert flags["الأحد المقبل"] == (False, True)
    assert record.time == eventx.TimeSpan(start="2022-01-06", end="2022-01-06")


def test_nearest_date_prefers_the_same_sentence_and_precise_dates() -> None:
    seen: dict[str, str | None] = {}

    def probe(ctx: eventx.ExtractionContext) -> list[eventx.DateFact]:
        for needle in ("مصرع", "وأضاف"):
            start = ctx.text.index(needle)
            date = ctx.nearest_date(start, start + len(needle))
            seen[needle] = date.value if date else None
        return []

    class Probe:
        @eventx.hookimpl
        def eventx_register_extractors(self, register: eventx.Register) -> None:
            register(eventx.Extractor(name="probe", func=probe, requires=["dates"]))

    pipeline = eventx.Pipeline(plugins=[eventx_dates, Probe()], entry_points=False)
    text = (
        "أعلنت وزارة الداخلية منذ 2015 ثم الجمعة مصرع 26 مسلحا. وأضاف البيان أن الوضع تحت السيطرة."
    )
    pipeline.extract(text, language="ar", document_date="2022-01-07")
    assert seen == {"مصرع": "2022-01-07", "وأضاف": "2022-01-07"}


def test_speed_rules_are_compiled_once() -> None:
    from eventx_dates.grammar import rules

    assert rules("ar") is rules("ar")
    assert rules("en") is rules("en")


def test_weekday_convention_is_on_or_before_the_document_date(
    dates_pipeline: eventx.Pipeline,
) -> None:
    doc = dt.date(2018, 8, 2)  # a Thursday
    record = dates_pipeline.extract(
        "شنت الطائرات غارات الخميس على الحديدة.", language="ar", document_date=doc
    )
    assert [d.value for d in record.dates] == ["2018-08-02"]


def test_time_span_is_the_publication_day_when_only_history_is_dated(
    dates_pipeline: eventx.Pipeline,
) -> None:
    text = "ضمت روسيا شبه جزيرة القرم عام 2014 بعد استفتاء. وقتل 19 شخصا في هجوم على معهد."
    record = dates_pipeline.extract(text, language="ar", document_date="2018-10-17")
    assert [d.background for d in record.dates] == [True]
    assert record.time == eventx.TimeSpan(start="2018-10-17", end="2018-10-17")


def test_every_gold_date_mention_of_the_seed_is_found_with_its_value(
    dates_pipeline: eventx.Pipeline,
) -> None:
    import json

    from eventx.demo import seeds_dir

    seeds = seeds_dir()
    gold = json.loads((seeds / "000_8810d80a09cc04a1.facts.json").read_text("utf-8"))
    text = (seeds / "000_8810d80a09cc04a1.txt").read_text("utf-8")
    record = dates_pipeline.extract(text, language="ar", document_date=gold["document_date"])
    for item in gold["dates"]:  # 2022-01-07, -06, -05, the 5-6 January night, the first days
        for mention in item["mentions"]:
            at = text.index(mention)
            overlapping = [
                d.value
                for d in record.dates
                if d.evidence.start < at + len(mention) and at < d.evidence.end
            ]
            assert item["value"] in overlapping, (mention, overlapping)


def test_a_full_date_earlier_in_the_sentence_anchors_a_date_without_year(
    dates_pipeline: eventx.Pipeline,
) -> None:
    text = "وقعت هجمات باريس في 13 تشرين الثاني/نوفمبر 2015 ثم هجمات بروكسل في 22 آذار/مارس."
    record = dates_pipeline.extract(text, language="ar", document_date="2018-03-05")
    brussels = next(d for d in record.dates if d.evidence.text == "22 آذار/مارس")
    assert (brussels.value, brussels.anchor, brussels.anchor_value) == (
        "2016-03-22",
        "explicit_date",
        "2015-11-13",
    )
