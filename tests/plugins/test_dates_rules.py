"""General date rules found on unseen news (sentences written for these tests, Arabic and
English): proclitics, hard-wrapped lines, "since the year 2016", the year of a day and month
named without one."""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

import eventx
import eventx_dates

AR_WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]


@lru_cache(maxsize=1)
def pipeline() -> eventx.Pipeline:
    return eventx.Pipeline(plugins=[eventx_dates], entry_points=False)


def found(text: str, language: str, document_date: str | None) -> list[tuple[str, str | None]]:
    record = pipeline().extract(text, language=language, document_date=document_date)
    assert record.status == "ok", record.diagnostics
    assert not record.check_evidence(text)
    return [(d.evidence.text, d.value) for d in record.dates]


CASES = [
    # a date word after an Arabic proclitic (و, ف, ب) is found; the proclitic stays out
    (
        "ar",
        "2021-03-06",
        "والخميس أعلنت الشرطة اعتقال ثلاثة مشتبه بهم في المدينة.",
        [("الخميس", "2021-03-04")],
    ),
    ("ar", "2021-03-06", "وأمس قصفت الطائرات مخزنا للذخيرة.", [("أمس", "2021-03-05")]),
    ("ar", "2021-03-06", "فالأحد الماضي خرج المئات إلى الشوارع.", [("الأحد الماضي", "2021-02-28")]),
    ("ar", "2021-03-06", "وقال إن الهدوء عاد بالأمس إلى الحي.", [("الأمس", "2021-03-05")]),
    # one line break inside a date is a space (hard-wrapped wire copy); a blank line is not
    (
        "en",
        "1989-12-04",
        "The army said it killed 40 rebels during clashes in\nNovember.",
        [("in\nNovember", "1989-11")],
    ),
    ("ar", None, "وقعت المواجهات في 5\nيناير 2021 قرب الحدود.", [("5\nيناير 2021", "2021-01-05")]),
    ("en", "1989-12-04", "Rebels attacked the base in\n\nNovember troops arrived.", []),
    # "the month of November" names the month
    (
        "en",
        "1989-12-04",
        "Police recorded 12 bombings during the month of November.",
        [("the month of November", "1989-11")],
    ),
    # منذ عام 2016 is "since the year 2016", not "a year ago"
    ("ar", "2018-03-02", "فمنذ عام 2016 قطعت الحكومتان علاقاتهما.", [("عام 2016", "2016")]),
    ("ar", "2018-03-02", "وأغلقت الحدود قبل عام 2000 بسنوات.", [("عام 2000", "2000")]),
    ("ar", "2018-03-02", "وأغلقت الحدود منذ عام تقريبا.", [("منذ عام", "2017")]),
    # a year named shortly before in the same sentence is the year of a day and month
    (
        "ar",
        "2021-01-10",
        "وفي 1994 اقتحم المسلحون الكنيسة في 7 نيسان/أبريل وقتلوا العشرات.",
        [("في 1994", "1994"), ("7 نيسان/أبريل", "1994-04-07")],
    ),
    (
        "en",
        "2021-01-10",
        "In 1998, on 7 August, bombs destroyed two embassies.",
        [("In 1998", "1998"), ("7 August", "1998-08-07")],
    ),
    # ... but not a year that opens or closes a span, nor one in another sentence
    (
        "ar",
        "2021-04-01",
        "وتتواصل الاحتجاجات منذ 2019، وفي 5 آذار/مارس أطلقت الشرطة الغاز.",
        [("منذ 2019", "2019"), ("5 آذار/مارس", "2021-03-05")],
    ),
    (
        "en",
        "2021-04-01",
        "Protests have gone on since 2019, and on 5 March police fired tear gas.",
        [("since 2019", "2019"), ("5 March", "2021-03-05")],
    ),
    (
        "en",
        "2021-04-01",
        "The bombers struck in 2010. On 5 March police fired tear gas.",
        [("in 2010", "2010"), ("5 March", "2021-03-05")],
    ),
    # a recent period counts back from the day named before it in the sentence (when the
    # speaker spoke), else from the publication
    (
        "ar",
        "2021-05-08",
        "قال وزير الدفاع الخميس إن بلاده أرسلت جنودا إلى الحدود خلال الأسبوعين الماضيين.",
        [("الخميس", "2021-05-06"), ("الأسبوعين الماضيين", "2021-04-22/2021-05-06")],
    ),
    (
        "en",
        "2021-05-08",
        "The minister said on Thursday that troops were sent in the past two weeks.",
        [("Thursday", "2021-05-06"), ("the past two weeks", "2021-04-22/2021-05-06")],
    ),
    (
        "en",
        "2021-05-08",
        "The minister spoke on Thursday. Troops were sent in the past two weeks.",
        [("Thursday", "2021-05-06"), ("the past two weeks", "2021-04-24/2021-05-08")],
    ),
    (
        "ar",
        "2021-05-08",
        "وأرسلت الحكومة تعزيزات خلال الأسبوعين الماضيين.",
        [("الأسبوعين الماضيين", "2021-04-24/2021-05-08")],
    ),
    # spans counted from a date written after them, or from the day named before them in the
    # sentence (dating the event that follows), else no date
    (
        "en",
        None,
        "Police said two days after March 3, 2016, the suspects left the country.",
        [("two days after", "2016-03-05"), ("March 3, 2016", "2016-03-03")],
    ),
    (
        "ar",
        None,
        "وقعت الانفجارات بعد مرور أسبوع على 3 أيار/مايو 2018 في المدينة.",
        [("بعد مرور أسبوع على", "2018-05-10"), ("3 أيار/مايو 2018", "2018-05-03")],
    ),
    (
        "ar",
        "2018-10-10",
        "وقتل عشرة مسلحين في مداهمة الثلاثاء، وذلك بعد يومين من اغتيال ضابط في المدينة.",
        [("الثلاثاء", "2018-10-09"), ("بعد يومين من", "2018-10-07")],
    ),
    (
        "en",
        "2018-10-10",
        "The raid on Tuesday came a day after the arrest of the group's leader.",
        [("Tuesday", "2018-10-09"), ("a day after", "2018-10-08")],
    ),
    ("ar", "2018-06-03", "وجاءت الاعتقالات قبل أسبوع من الانتخابات.", []),
    ("en", "2018-06-03", "The arrests came a week before the elections.", []),
    # "three days later" counts from the day last named; "two weeks from now" from the
    # publication
    (
        "en",
        "2018-10-10",
        "Rebels took the town on Friday. Three days later the army retook it.",
        [("Friday", "2018-10-05"), ("Three days later", "2018-10-08")],
    ),
    (
        "en",
        "2018-10-10",
        "The court will rule two weeks from now.",
        [("two weeks from now", "2018-10-24")],
    ),
    ("en", "2018-10-10", "Two years later the town was rebuilt.", [("Two years later", None)]),
    # a day restated in parentheses: the editor's reading of a quote in the publication's terms
    (
        "ar",
        "2016-04-12",
        "وقال الضابط: «انسحب المسلحون من الحي صباح اليوم (أمس) بعد اشتباكات عنيفة».",
        [("صباح اليوم", "2016-04-11"), ("أمس", "2016-04-11")],
    ),
    (
        "en",
        "2016-04-12",
        'The officer said: "The gunmen left this morning (Monday) after heavy clashes."',
        [("this morning", "2016-04-11"), ("Monday", "2016-04-11")],
    ),
    # ... not a date in parentheses further on
    (
        "ar",
        "2016-04-12",
        "اعتقلت الشرطة الليلة الماضية منفذ الهجوم على المعبر (3/4/2016) قرب الحدود.",
        [("الليلة الماضية", "2016-04-11"), ("3/4/2016", "2016-04-03")],
    ),
    # "until today" is so far, the open end of a span, not a day's event
    ("ar", "2016-04-12", "قتل 40 شخصا منذ بداية الشهر حتى اليوم.", []),
    ("en", "2016-04-12", "Up to today, 40 people have been killed.", []),
    (
        "en",
        "2016-04-12",
        "The ministry said today that 40 people had been killed.",
        [("today", "2016-04-12")],
    ),
    # "اليوم" that is not the publication day: per day, this day in history, that day, a title
    ("ar", "2018-07-10", "يسمح للأطفال باللعب ساعة واحدة في اليوم.", []),
    (
        "ar",
        "2018-07-10",
        "في مثل هذا اليوم قبل 54 عاما توفي الممثل.",
        [("قبل 54 عاما", "1964")],
    ),
    ("ar", "2018-07-10", "ومرت عشرون سنة على ذلك اليوم.", []),
    # (but "خلال اليوم" in news is during today)
    ("ar", "2018-07-10", "وسيصدر القاضي قراره خلال اليوم.", [("اليوم", "2018-07-10")]),
    ("ar", "2018-07-10", "واحتفل اللاعبون بذكرى اليوم التاريخي للمنتخب.", []),
    ("ar", "2018-07-10", 'نقلا عن صحيفة "الإمارات اليوم" المحلية.', []),
    ("ar", "2018-07-10", "وقالت الوزارة اليوم إن الحريق أخمد.", [("اليوم", "2018-07-10")]),
    # counted with the singular accusative after 11 to 99 (قبل 54 عاما، منذ 15 يوما)
    ("ar", "2018-07-10", "وقتل منذ 15 يوما ثلاثة جنود.", [("منذ 15 يوما", "2018-06-25")]),
    ("ar", "2018-07-10", "وعاد إلى بلاده قبل 12 شهرا.", [("قبل 12 شهرا", "2017-07")]),
    # the end of this/last/next year: its last month; "by the end of" a year: a deadline (its
    # last month) unless the year was over at publication (then the year as a whole)
    (
        "ar",
        "2018-05-27",
        "وحذرت المنظمة من مجاعة بحلول نهاية هذا العام.",
        [("بحلول نهاية هذا العام", "2018-12")],
    ),
    (
        "ar",
        "2018-05-27",
        "وانسحبت القوات في أواخر العام الماضي.",
        [("أواخر العام الماضي", "2017-12")],
    ),
    (
        "en",
        "2018-05-27",
        "Troops will leave by the end of 2019.",
        [("by the end of 2019", "2019-12")],
    ),
    ("en", "2018-05-27", "By the end of 2016, 300 had died.", [("By the end of 2016", "2016")]),
    (
        "en",
        "2018-05-27",
        "By the end of last year, 300 had died.",
        [("By the end of last year", "2017")],
    ),
    # an undated text without a full date leaves the year of a day and month open
    (
        "en",
        None,
        "Investigators traced the July 4 attack to two brothers. One had been questioned in 2011.",
        [("July 4", None), ("in 2011", "2011")],
    ),
    (
        "ar",
        None,
        "وقعت التفجيرات في 12 أيار/مايو. وكانت الشرطة قد حذرت من هجمات في 2009.",
        [("12 أيار/مايو", None), ("في 2009", "2009")],
    ),
]


@pytest.mark.parametrize(("language", "document_date", "text", "expected"), CASES)
def test_general_rules(
    language: str, document_date: str | None, text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert found(text, language, document_date) == expected


@given(
    document_date=st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)),
    weekday=st.integers(0, 6),
    proclitic=st.sampled_from(["و", "ف"]),
)
def test_a_proclitic_changes_neither_the_date_nor_its_evidence(
    document_date: dt.date, weekday: int, proclitic: str
) -> None:
    name = AR_WEEKDAYS[weekday]
    bare = found(f"أعلن الجيش {name} مقتل جنديين.", "ar", document_date.isoformat())
    attached = found(f"{proclitic}{name} أعلن الجيش مقتل جنديين.", "ar", document_date.isoformat())
    assert attached == bare
    assert [text for text, _ in attached] == [name]


@given(
    day=st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)),
    gap=st.integers(0, 1),
)
def test_a_line_break_inside_a_date_reads_as_a_space(day: dt.date, gap: int) -> None:
    month = day.strftime("%B")
    parts = [f"on {month}", f"{day.day},", str(day.year)]
    text = "The bomb exploded " + parts[0] + (" ", "\n")[gap] + parts[1] + "\n" + parts[2] + "."
    assert [value for _, value in found(text, "en", None)] == [day.isoformat()]


EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip


@given(
    day=st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)),
    document_date=st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31))),
)
def test_a_year_named_before_in_the_sentence_dates_a_day_and_month(
    day: dt.date, document_date: dt.date | None
) -> None:
    text = f"In {day.year}, on {day.day} {EN_MONTHS[day.month - 1]}, rebels seized the town."
    doc = document_date.isoformat() if document_date else None
    assert found(text, "en", doc)[-1] == (f"{day.day} {EN_MONTHS[day.month - 1]}", day.isoformat())


AR_MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
             "أكتوبر", "نوفمبر", "ديسمبر"]  # fmt: skip


@given(
    day=st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)),
    count=st.integers(3, 10),
    after=st.booleans(),
    language=st.sampled_from(["ar", "en"]),
)
def test_a_span_counted_from_a_full_date_is_that_date_moved(
    day: dt.date, count: int, after: bool, language: str
) -> None:
    if language == "en":
        link = "after" if after else "before"
        text = f"Police said {count} days {link} {EN_MONTHS[day.month - 1]} {day.day}, {day.year}, the men fled."
    else:
        link = "بعد" if after else "قبل"
        text = f"وفر الرجال {link} {count} أيام من {day.day} {AR_MONTHS[day.month - 1]} {day.year} إلى الخارج."
    moved = day + dt.timedelta(days=count if after else -count)
    values = [value for _, value in found(text, language, None)]
    assert values == [moved.isoformat(), day.isoformat()]
