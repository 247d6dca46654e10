"""The dates vocabulary is data, checked against CLDR (via babel) so no month spelling is missed."""

from __future__ import annotations

import pytest
from babel import Locale, localedata

from eventx_dates.grammar import norm, rules, trigger_words, vocabulary

ARABIC_LOCALES = sorted(
    loc for loc in localedata.locale_identifiers() if loc == "ar" or loc.startswith("ar_")
)


@pytest.mark.parametrize("locale", ARABIC_LOCALES)
def test_every_cldr_arabic_month_and_weekday_name_is_known(locale: str) -> None:
    cldr = Locale.parse(locale)
    vocab = vocabulary("ar")
    for month in range(1, 13):
        for width in ("wide", "abbreviated"):
            name = cldr.months["format"][width][month]
            assert vocab.months.get(norm(name)) == month, (locale, month, name)
    for day in range(7):
        name = cldr.days["format"]["wide"][day]
        assert vocab.weekdays.get(norm(name)) == day, (locale, day, name)


def test_every_cldr_english_month_and_weekday_name_is_known() -> None:
    cldr = Locale.parse("en")
    vocab = vocabulary("en")
    for month in range(1, 13):
        for width in ("wide", "abbreviated"):
            assert vocab.months.get(norm(cldr.months["format"][width][month])) == month
    for day in range(7):
        assert vocab.weekdays.get(norm(cldr.days["format"]["wide"][day])) == day


def test_levantine_and_maghrebi_months_are_the_same_months() -> None:
    months = vocabulary("ar").months
    assert months[norm("كانون الثاني")] == months[norm("جانفي")] == months[norm("يناير")] == 1
    assert months[norm("آب")] == months[norm("أوت")] == months[norm("غشت")] == 8


@pytest.mark.parametrize("language", ["ar", "en"])
def test_every_rule_has_trigger_words(language: str) -> None:
    groups = {group for found in trigger_words(language).values() for group in found}
    groups.update(("year", "numeric"))  # four-digit numbers, heads of numeric dates (10/31)
    for rule in rules(language):
        assert rule.trigger in groups, rule.kind


def test_unknown_language_has_an_empty_vocabulary_and_no_crash() -> None:
    vocab = vocabulary("xx")
    assert not vocab.months and not vocab.weekdays
    assert rules("xx")
