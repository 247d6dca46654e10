"""Dates on unseen news: year inference with weekdays and written direction, tomorrow, numeric
dates, Islamic months and holidays, deadlines, vague amounts (sentences written for the tests)."""

from __future__ import annotations

import pytest

import eventx
import eventx_dates


def found(
    pipeline: eventx.Pipeline, text: str, language: str, document_date: str | None
) -> list[tuple[str, str | None]]:
    record = pipeline.extract(text, language=language, document_date=document_date)
    assert record.status == "ok", record.diagnostics
    assert not record.check_evidence(text)
    return [(d.evidence.text, d.value) for d in record.dates]


@pytest.fixture(scope="module")
def dates_pipeline() -> eventx.Pipeline:
    return eventx.Pipeline(plugins=[eventx_dates], entry_points=False)


CASES = [
    # a weekday written with a day and month picks the year in which they agree
    (
        "ar",
        "2013-02-12",
        "ويبدأ الإضراب العام الاثنين 18 شباط في كل المحافظات.",
        [("الاثنين 18 شباط", "2013-02-18")],
    ),
    (
        "en",
        "2013-02-12",
        "The strike begins on Monday, Feb. 18 across the country.",
        [("Monday, Feb. 18", "2013-02-18")],
    ),
    # without a weekday or a future cue a day and month is the latest one on or before
    (
        "en",
        "2013-02-12",
        "Protesters gathered on Feb. 18 outside parliament.",
        [("Feb. 18", "2012-02-18")],
    ),
    # the direction written after a day and month
    (
        "ar",
        "2018-03-17",
        "بدأ الهجوم في 18 من فبراير/ شباط الماضي على الغوطة.",
        [("18 من فبراير/ شباط الماضي", "2018-02-18")],
    ),
    (
        "ar",
        "2018-06-03",
        "يرفع الحظر اعتبارا من 24 حزيران/يونيو الجاري.",
        [("24 حزيران/يونيو الجاري", "2018-06-24")],
    ),
    # a day already resolved after the publication in the same sentence makes it upcoming
    (
        "ar",
        "2015-08-04",
        "وسيصدر المجلس غدا قرارا باعتبار السادس من أغسطس عطلة رسمية.",
        [("غدا", "2015-08-05"), ("السادس من أغسطس", "2015-08-06")],
    ),
    # tomorrow, the day after tomorrow, and a relative day with its weekday
    (
        "ar",
        "2015-08-04",
        "ويعقد البرلمان جلسته يوم غد لمناقشة القانون.",
        [("يوم غد", "2015-08-05")],
    ),
    ("ar", "2015-08-04", "ويفتتح الرئيس الجسر بعد غد الخميس.", [("بعد غد الخميس", "2015-08-06")]),
    (
        "ar",
        "2015-08-04",
        "قال المتحدث إن المظاهرة ستنطلق بكرة من الساحة.",
        [("بكرة", "2015-08-05")],
    ),
    (
        "en",
        "2015-08-04",
        "The talks resume tomorrow and end the day after tomorrow.",
        [("tomorrow", "2015-08-05"), ("the day after tomorrow", "2015-08-06")],
    ),
    # numeric dates: Arabic day first, English month first (US) unless the first number is > 12
    (
        "ar",
        "2018-08-13",
        "اعتقل الجيش الشاب في 26/7/2018 قرب الخليل.",
        [("26/7/2018", "2018-07-26")],
    ),
    # (and "two weeks after his arrest" dates the arrest, counted back from that day)
    (
        "ar",
        "2021-03-01",
        "أفرج عنه في 15/2 بعد أسبوعين من اعتقاله.",
        [("في 15/2", "2021-02-15"), ("بعد أسبوعين من", "2021-02-01")],
    ),
    (
        "en",
        "2021-03-01",
        "He was released on 2/15 after two weeks in custody.",
        [("on 2/15", "2021-02-15")],
    ),
    ("en", None, "The memo dated 10/31/74 described the raid.", [("10/31/74", "1974-10-31")]),
    ("en", None, "The bombing (31-Oct-74) killed two people.", [("31-Oct-74", "1974-10-31")]),
    ("en", "2021-03-01", "He scored 2/15 in the test.", []),
    # Islamic months and holidays without a year: the nearest one (hijridate)
    (
        "ar",
        "2023-03-01",
        "وتتوقع الشرطة هدوءا خلال شهر رمضان في المدينة.",
        [("شهر رمضان", "2023-03-23/2023-04-20")],
    ),
    ("ar", "2023-04-10", "وأعلنت الهدنة حتى عيد الفطر.", [("عيد الفطر", "2023-04-21")]),
    (
        "en",
        "2023-06-01",
        "The ceasefire is meant to hold until Eid al-Adha.",
        [("Eid al-Adha", "2023-06-28")],
    ),
    (
        "en",
        "2023-03-01",
        "Attacks usually rise during Ramadan, officials said.",
        [("during Ramadan", "2023-03-23/2023-04-20")],
    ),
    # deadlines: the next such month on or after the publication date
    (
        "en",
        "2021-05-10",
        "Troops will leave by the end of April, the minister said.",
        [("by the end of April", "2022-04")],
    ),
    ("ar", "2021-05-10", "وستنسحب القوات بحلول نهاية أبريل.", [("بحلول نهاية أبريل", "2022-04")]),
    # "since Jan. 8": the day it started
    (
        "en",
        "2021-02-01",
        "He has been held since Jan. 8 without charge.",
        [("Jan. 8", "2021-01-08")],
    ),
    # vague amounts name no date
    ("en", "2021-02-01", "Several years ago the town was shelled; within a few days it fell.", []),
    ("ar", "2021-02-01", "وقصفت البلدة قبل بضعة أيام.", []),
    # ranges of months across years, the end and the halves of a year
    (
        "en",
        None,
        "Between March 1998 and October 1999 the courts freed them.",
        [("Between March 1998 and October 1999", "1998-03-01/1999-10-31")],
    ),
    (
        "en",
        None,
        "The survey covers the years between April 2011 and the end of 2013.",
        [("between April 2011 and the end of 2013", "2011-04-01/2013-12-31")],
    ),
    ("ar", None, "انسحبت معظم القوات في أواخر 2016.", [("أواخر 2016", "2016-12")]),
    ("en", None, "By the end of 2016, 300 had been wounded.", [("By the end of 2016", "2016")]),
    (
        "en",
        None,
        "Exports fell in the second half of 2019.",
        [("the second half of 2019", "2019-07-01/2019-12-31")],
    ),
    # a capitalised relative word inside a sentence is a title
    ("en", "2022-01-05", "He spoke on ABC's This Week about the crisis.", []),
    # "this week" in a report: Monday to the publication date
    (
        "en",
        "2022-01-05",
        "Rebels seized two towns this week.",
        [("this week", "2022-01-03/2022-01-05")],
    ),
]


@pytest.mark.parametrize(("language", "document_date", "text", "expected"), CASES)
def test_unseen_forms(
    dates_pipeline: eventx.Pipeline,
    language: str,
    document_date: str | None,
    text: str,
    expected: list[tuple[str, str | None]],
) -> None:
    assert found(dates_pipeline, text, language, document_date) == expected


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("ar", "ويعقد البرلمان جلسته غدا."),
        ("en", "The court rules tomorrow."),
        ("ar", "وتتوقع الشرطة هدوءا خلال شهر رمضان."),
    ],
)
def test_relative_dates_without_a_publication_date_stay_unresolved(
    dates_pipeline: eventx.Pipeline, language: str, text: str
) -> None:
    [(_, value)] = found(dates_pipeline, text, language, None)
    assert value is None
