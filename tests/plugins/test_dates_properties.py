"""Invariants of the dates plugin on generated input (hypothesis)."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from functools import lru_cache

from hypothesis import given
from hypothesis import strategies as st

import eventx
import eventx_dates

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
AR_MONTHS = {
    1: ["يناير", "كانون الثاني", "جانفي"],
    2: ["فبراير", "شباط", "فيفري"],
    3: ["مارس", "آذار"],
    4: ["أبريل", "نيسان", "أفريل"],
    5: ["مايو", "أيار", "ماي"],
    6: ["يونيو", "حزيران", "جوان"],
    7: ["يوليو", "تموز", "جويلية"],
    8: ["أغسطس", "آب", "أوت"],
    9: ["سبتمبر", "أيلول"],
    10: ["أكتوبر", "تشرين الأول"],
    11: ["نوفمبر", "تشرين الثاني"],
    12: ["ديسمبر", "كانون الأول"],
}
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]  # fmt: skip
AR_WEEKDAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
WORDS = [
    *(name for names in AR_MONTHS.values() for name in names),
    *EN_MONTHS, *AR_WEEKDAYS, "Monday", "Friday", "أمس", "اليوم", "قبل", "ثلاثة", "أيام",
    "الماضي", "المقبل", "ليلة", "على", "بين", "و", "من", "في", "عام", "منذ", "هـ", "last",
    "week", "ago", "two", "days", "on", "from", "to", "-", "/", ",", ".", "\n", "مساء",
    "يوم", "2022", "١٤٤٣", "٦", "5", "31", "1999", "0", "Jan.", "since", "early",
]  # fmt: skip


@lru_cache(maxsize=1)
def pipeline() -> eventx.Pipeline:
    return eventx.Pipeline(plugins=[eventx_dates], entry_points=False)


def dates_of(
    text: str, language: str, document_date: dt.date | None
) -> tuple[eventx.DateFact, ...]:
    record = pipeline().extract(text, language=language, document_date=document_date)
    return record.dates


def check_fact(text: str, fact: eventx.DateFact) -> None:
    assert text[fact.evidence.start : fact.evidence.end] == fact.evidence.text
    assert fact.evidence.text.strip() == fact.evidence.text
    if fact.value is None:
        assert fact.start is None and fact.end is None
        return
    parts = fact.value.split("/")
    assert len(parts) in (1, 2)
    for part in parts:
        assert ISO.match(part), fact.value
    assert fact.start is not None and fact.end is not None
    first, last = dt.date.fromisoformat(fact.start), dt.date.fromisoformat(fact.end)
    assert first <= last
    if len(parts) == 2:
        assert (parts[0], parts[1]) == (fact.start, fact.end)


texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.sampled_from(WORDS), max_size=40).map("".join),
)
document_dates = st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)))


@given(text=texts, language=st.sampled_from(["ar", "en"]), document_date=document_dates)
def test_any_text_gives_sound_dates(
    text: str, language: str, document_date: dt.date | None
) -> None:
    if not text.strip():
        return
    facts = dates_of(text, language, document_date)
    for fact in facts:
        check_fact(text, fact)
        if document_date is None:
            assert fact.anchor != "document_date"
    spans = sorted((f.evidence.start, f.evidence.end) for f in facts)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # no overlaps
    assert dates_of(text, language, document_date) == facts  # deterministic


@given(
    day=st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)),
    variant=st.integers(0, 2),
    indic=st.booleans(),
)
def test_arabic_absolute_dates_round_trip(day: dt.date, variant: int, indic: bool) -> None:
    names = AR_MONTHS[day.month]
    digits = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩") if indic else None
    day_text, year_text = str(day.day), str(day.year)
    if digits:
        day_text, year_text = day_text.translate(digits), year_text.translate(digits)
    text = f"وقعت الاشتباكات في {day_text} {names[variant % len(names)]} {year_text} في المدينة."
    facts = dates_of(text, "ar", None)
    assert [f.value for f in facts] == [day.isoformat()]
    assert facts[0].anchor == "absolute"


@given(day=st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)))
def test_english_absolute_dates_round_trip(day: dt.date) -> None:
    text = f"The attack happened on {EN_MONTHS[day.month - 1]} {day.day}, {day.year}, at dawn."
    assert [f.value for f in dates_of(text, "en", None)] == [day.isoformat()]


@given(
    document_date=st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)),
    weekday=st.integers(0, 6),
)
def test_weekday_is_the_latest_such_day_on_or_before_the_document_date(
    document_date: dt.date, weekday: int
) -> None:
    text = f"أعلنت الوزارة {AR_WEEKDAYS[weekday]} مقتل خمسة أشخاص."
    (fact,) = dates_of(text, "ar", document_date)
    assert fact.value is not None
    day = dt.date.fromisoformat(fact.value)
    assert day.weekday() == weekday
    assert 0 <= (document_date - day).days <= 6
    assert (fact.anchor, fact.anchor_value) == ("document_date", document_date.isoformat())


@given(
    document_date=st.dates(dt.date(1950, 1, 1), dt.date(2060, 12, 31)),
    day=st.integers(1, 28),
    month=st.integers(1, 12),
)
def test_dates_without_a_year_are_never_after_the_document_date_in_a_past_report(
    document_date: dt.date, day: int, month: int
) -> None:
    text = f"قتل ثلاثة جنود في {day} {AR_MONTHS[month][0]} في هجوم."
    (fact,) = dates_of(text, "ar", document_date)
    assert fact.value is not None
    resolved = dt.date.fromisoformat(fact.value)
    assert resolved <= document_date
    assert (document_date - resolved).days < 366
