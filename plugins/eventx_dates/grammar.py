"""The date grammar: per-language vocabulary (from lexicon/<lang>.toml) compiled into regexes.

Patterns run over the *normalised* document text (Arabic letters unified, Arabic-Indic digits as
ASCII, lower case), so one spelling per word in the data files is enough and ``٦ يناير ٢٠٢٢``
matches like ``6 يناير 2022``. Patterns are alternations of literal words, bounded digit runs and
whitespace capped at compile time (``_bounded``), with no nested quantifiers, so every match
attempt costs a bounded amount. Named groups carry the parts the resolver reads (``day``,
``month``, ``year``, ``weekday`` ...); ``kind`` names the rule that interprets them.

Word order differs between Arabic (``6 يناير 2022``) and English (``January 6, 2022``), but both
orders are harmless in either language, so every language gets every template and only the
vocabulary differs. A template whose vocabulary is empty for a language never matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from attrs import frozen

import eventx

PACKAGE = "eventx_dates"
_NEVER = "(?!)"
# Word edges as look-arounds: they also see the characters just outside a search window.
_START = r"(?<!\w)"
_END = r"(?!\w)"
# Arabic proclitics that attach to the first word of a date (وأمس, بالأمس, فالجمعة).
_ARABIC_PROCLITIC = r"(?:[وفبل](?=\w))?"
# Where an Arabic date may start: at a word start, after the conjunctions و/ف, or after ب
# before the article (بالأمس, وبالعام). The proclitic (group ``clitic``) stays out of the
# evidence: the date of "والاثنين" is "الاثنين". Not after ل, nor ب before other letters:
# normalised, لامس (touched) would read as ل + أمس. Consumed rather than looked behind at, so
# that positions inside words fail at once: that keeps the scan fast.
_ARABIC_START = r"(?<!\w)(?P<clitic>[وف](?=\w))?(?:(?P<clitic_b>ب)(?=ال))?"


def norm(phrase: str) -> str:
    """A data-file phrase in the form patterns match: normalised, single-spaced."""
    return " ".join(eventx.normalize_string(phrase).split())


def _alternation(phrases: Iterable[str]) -> str:
    """Regex alternation of literal phrases, longest first, any whitespace between words."""
    forms = sorted({norm(p) for p in phrases if norm(p)}, key=lambda s: (-len(s), s))
    if not forms:
        return _NEVER
    return "(?:" + "|".join(r"\s+".join(re.escape(w) for w in f.split(" ")) for f in forms) + ")"


def _exact_spellings(names: Iterable[str]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for name in names:
        found.setdefault(norm(name), set()).add(str(name))
    return {key: frozenset(value) for key, value in found.items()}


def _table(data: Mapping[str, Any], key: str) -> dict[str, Any]:
    return {norm(str(k)): v for k, v in dict(data.get(key, {})).items()}


@frozen(kw_only=True)
class Vocabulary:
    """One language's temporal words, normalised, with the values they stand for."""

    language: str
    months: Mapping[str, int]
    capitalized_months: frozenset[str]
    exact_months: Mapping[str, frozenset[str]]  # normalised name -> the spellings that count
    hijri_months: Mapping[str, int]
    hijri_markers: tuple[str, ...]
    weekdays: Mapping[str, int]
    ordinals: Mapping[str, int]
    counts: Mapping[str, int]
    units: Mapping[str, tuple[str, int | None]]  # unit word -> (unit, count it implies)
    relative_days: Mapping[str, int]
    relative_parts: Mapping[str, int]
    relative_periods: Mapping[str, tuple[str, int]]
    recent_periods: Mapping[str, int]
    first_days: Mapping[str, str]
    anchored_days: Mapping[str, int]
    holidays: Mapping[str, tuple[int, int]]  # Islamic holiday -> (Hijri month, day)
    halves: Mapping[str, int]  # "the second half" -> 2
    words: Mapping[str, tuple[str, ...]]  # cue lists: year_cues, past_after, future_cues, ...

    def cue(self, name: str) -> str:
        return _cue_alternation(tuple(self.words.get(name, ())))


@lru_cache(maxsize=512)
def _cue_alternation(phrases: tuple[str, ...]) -> str:
    """:func:`_alternation` of a cue list, made once: every document's resolver asks for the
    same few cue lists (normalising and sorting their phrases each time was ~1% of a run)."""
    return _alternation(phrases)


_CUE_LISTS = (
    "year_cues",
    "month_cues",
    "range_open",
    "range_join",
    "night_open",
    "past_after",
    "past_before",
    "future_after",
    "future_before",
    "future_cues",
    "parts_of_day",
    "parts_after",
    "day_word",
    "ago_before",
    "ago_after",
    "later_after",
    "from_now_after",
    "counted_before_lead",
    "counted_after_lead",
    "counted_link",
    "counted_before_tail",
    "counted_after_tail",
    "within_before",
    "named_day_before",
    "named_day_after",
    "not_after_relative_day",
    "counted_nouns",
    "current_after",
    "deadline_before",
    "numeric_cues",
    "year_end",
    "year_end_not_after",
    "year_edge_cues",
    "so_far_before",
    "not_today_before",
)


@lru_cache(maxsize=16)
def vocabulary(language: str) -> Vocabulary:
    """The vocabulary for ``language`` (empty for languages without a data file)."""
    data = eventx.language_data(PACKAGE, "lexicon", language)
    months: dict[str, int] = {}
    for number, names in dict(data.get("months", {})).items():
        if not number.isdigit():
            continue
        for name in names:
            months[norm(name)] = int(number)
    hijri: dict[str, int] = {}
    for number, names in dict(data.get("hijri_months", {})).items():
        if number.isdigit():
            for name in names:
                hijri[norm(name)] = int(number)
    cues = dict(data.get("cues", {}))
    units: dict[str, tuple[str, int | None]] = {}
    for unit, forms in dict(data.get("units", {})).items():
        for word in forms.get("one", ()):
            units[norm(word)] = (unit, 1)
        for word in forms.get("two", ()):
            units[norm(word)] = (unit, 2)
        for word in forms.get("many", ()):
            units[norm(word)] = (unit, None)
    return Vocabulary(
        language=language,
        months=months,
        capitalized_months=frozenset(
            norm(m) for m in dict(data.get("months", {})).get("capitalized", ())
        ),
        exact_months=_exact_spellings(dict(data.get("months", {})).get("exact", ())),
        hijri_months=hijri,
        hijri_markers=tuple(dict(data.get("hijri_months", {})).get("hijri_markers", ())),
        weekdays={
            norm(name): index
            for index, names in enumerate(data.get("weekdays", []))
            for name in names
        },
        ordinals={k: int(v) for k, v in _table(data, "ordinals").items()},
        counts={k: int(v) for k, v in _table(data, "counts").items()},
        units=units,
        relative_days={k: int(v) for k, v in _table(data, "relative_days").items()},
        relative_parts={k: int(v) for k, v in _table(data, "relative_parts").items()},
        relative_periods={
            k: (str(v[0]), int(v[1])) for k, v in _table(data, "relative_periods").items()
        },
        recent_periods={k: int(v) for k, v in _table(data, "recent_periods").items()},
        first_days={k: str(v) for k, v in _table(data, "first_days").items()},
        anchored_days={k: int(v) for k, v in _table(data, "anchored_days").items()},
        holidays={k: (int(v[0]), int(v[1])) for k, v in _table(data, "holidays").items()},
        halves={k: int(v) for k, v in _table(data, "halves").items()},
        words={
            **{name: tuple(str(w) for w in cues.get(name, ())) for name in _CUE_LISTS},
            "hijri_month_cues": tuple(
                str(w) for w in dict(data.get("hijri_months", {})).get("hijri_month_cues", ())
            ),
        },
    )


@frozen
class Rule:
    """One compiled pattern and the name of the resolver that interprets its groups."""

    kind: str
    pattern: re.Pattern[str]
    priority: int  # breaks ties between equally long matches (lower wins)
    trigger: str  # the word group every match contains (TRIGGER_OF_KIND)


def _templates(v: Vocabulary) -> list[tuple[str, str]]:
    """(kind, regex) pairs for one vocabulary; placeholders are filled from its word lists."""
    month_names = _alternation(v.months)
    month_tail = rf"(?:\s*/\s*{month_names}|\s*\(\s*{month_names}\s*\))?{_END}"

    def month(name: str) -> str:
        return rf"(?P<{name}>{month_names}){month_tail}"

    weekday_names = _alternation(v.weekdays)

    def weekday(name: str = "weekday") -> str:
        return rf"(?P<{name}>{weekday_names}){_END}"

    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    day2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
    # 2022, 2022م (Arabic marks Gregorian years with م); not 1990s, not 20220.
    year = r"(?P<year>(?:1[6-9]|20)\d\d)(?:م)?(?!\w)"
    year_word = r"(?:(?:من\s+)?(?:عام|العام|سنة|سنه|السنه)\s+)?"
    of = r"(?:\s+(?:من|of)(?:\s+(?:شهر|الشهر))?)?"
    opt_year = rf"(?:\s*,?\s*{year_word}{year})?"
    day_word = v.cue("day_word")
    opt_day_word = rf"(?:{day_word}\s+)?" if day_word != _NEVER else ""
    opt_weekday = rf"(?:{weekday('weekday')}\s*,?\s*)?"
    parts = v.cue("parts_of_day")
    opt_part = rf"(?:(?P<part>{parts})\s+)?"
    parts_after = v.cue("parts_after")
    opt_part_after = rf"(?:\s+(?P<part_after>{parts_after}))?"
    ordinal = rf"(?P<ordinal>{_alternation(v.ordinals)})"
    join = v.cue("range_join")
    counts = _alternation(v.counts)
    count = rf"(?:(?P<count>\d{{1,3}})|(?P<count_word>{counts}))"
    units = rf"(?P<unit>{_alternation(v.units)}){_END}"
    direction = rf"(?P<dir_past>{v.cue('past_after')})|(?P<dir_future>{v.cue('future_after')})"
    before_direction = (
        rf"(?:(?P<pre_past>{v.cue('past_before')})|(?P<pre_future>{v.cue('future_before')}))\s+"
    )
    # Named days that are not dates: Bloody Friday, Good Friday, الأحد الدامي.
    not_before_weekday = "".join(
        rf"(?<!{re.escape(norm(w))} )" for w in v.words.get("named_day_before", ())
    )
    named_after = v.cue("named_day_after")
    not_after_weekday = rf"(?!\s+{named_after}{_END})" if named_after != _NEVER else ""
    month_periods = [p for p, (unit, _) in v.relative_periods.items() if unit == "month"]
    year_periods = [p for p, (unit, _) in v.relative_periods.items() if unit == "year"]
    # After a day and month: الماضي / المقبل / الجاري (which year it is in).
    opt_direction = rf"(?:\s+(?:{direction}|(?P<dir_current>{v.cue('current_after')})){_END})?"
    # Before a day: a deadline ("by the end of", بحلول نهاية: the next such day).
    opt_lead = rf"(?:(?P<deadline>{v.cue('deadline_before')})\s+)?"
    hijri_month_names = _alternation(v.hijri_months)
    hijri_marker = _alternation(v.hijri_markers)

    return [
        # ليلة 5 على 6 يناير, the night of 5 to 6 January
        (
            "night_range",
            rf"{v.cue('night_open')}\s+{day}\s*{join}\s*{day2}\s*{of}\s*{month('month')}{opt_year}",
        ),
        # بين 5 و6 يناير, from 2 to 5 January, 5-6 يناير
        (
            "day_range",
            rf"(?:{v.cue('range_open')}\s+)?{day}\s*{join}\s*{day2}\s*{of}\s*{month('month')}{opt_year}",
        ),
        # from 28 December to 3 January 2022
        (
            "day_range",
            rf"{v.cue('range_open')}\s+{day}\s*{of}\s*{month('month')}{opt_year}\s*{join}\s*"
            rf"{day2}\s*{of}\s*{month('month2')}(?:\s*,?\s*{year_word}(?P<year2>(?:1[6-9]|20)\d\d)(?!\d))?",
        ),
        # Jan 5-6, January 5 to 7, 2022, between Jan. 3 and Jan. 5
        (
            "day_range",
            rf"(?:{v.cue('range_open')}\s+)?{month('month')}\s+{day}\s*{join}\s*"
            rf"(?:{month('month2')}\s+)?{day2}{opt_year}",
        ),
        # يوم الجمعة 7 يناير 2022, 6 كانون الثاني/يناير 2022, 6 Jan., Friday, 21 July 1972
        (
            "date",
            rf"{opt_lead}{opt_day_word}{opt_part}{opt_weekday}{day}{of}\s*{month('month')}"
            rf"{opt_direction}{opt_year}",
        ),
        # January 6, 2022; Friday, January 6
        ("date", rf"{opt_lead}{opt_part}{opt_weekday}{month('month')}\s+{day}{opt_year}"),
        # الخامس من يناير, the fifth of January
        (
            "date",
            rf"{opt_lead}{opt_day_word}(?:the\s+)?{ordinal}{_END}\s+(?:من|of)\s+(?:شهر\s+)?"
            rf"{month('month')}{opt_direction}{opt_year}",
        ),
        # أيار/مايو وحزيران/يونيو 2015, January and February 2022
        (
            "month_range",
            rf"{month('month')}\s*(?:و|and|-)\s*{month('month2')}\s*,?\s*{year_word}{year}",
        ),
        # between June 1975 and February 1976, between January 2009 and the end of 2015,
        # بين أيار/مايو 2015 ونهاية 2016 (from the first month to the last, or the year's end)
        (
            "period_range",
            rf"{v.cue('range_open')}\s+{month('month')}\s*,?\s*{year_word}{year}\s*{join}\s*"
            rf"(?:(?P<year_end>{v.cue('year_end')})\s+)?(?:{month('month2')}\s*,?\s*)?"
            rf"{year_word}(?P<year2>(?:1[6-9]|20)\d\d)(?!\d)",
        ),
        # the end of 2019, أواخر 2019 (its last month); the second half of 2019 (six months);
        # "by the end of 2019": a deadline (December) unless the year was over at publication
        # ("By the end of 1972, 300 had died": the year as a whole)
        (
            "year_part",
            rf"(?:(?P<by>{v.cue('year_end_not_after')})\s+)?(?:(?P<year_end>{v.cue('year_end')})|"
            rf"(?P<half>{_alternation(v.halves)})\s+(?:من|of))\s+{year_word}{year}",
        ),
        # the end of this year, بحلول نهاية هذا العام, أواخر العام الماضي: the same, relative
        (
            "year_part_relative",
            rf"(?:(?P<by>{v.cue('year_end_not_after')})\s+)?(?P<year_end>{v.cue('year_end')})\s+"
            rf"(?P<year_period>{_alternation(year_periods)}){_END}",
        ),
        # كانون الثاني/يناير 2022, January 2022, أواخر ديسمبر 2021
        ("month_year", rf"(?:{v.cue('month_cues')}\s+)?{month('month')}\s*,?\s*{year_word}{year}"),
        # أكتوبر/تشرين الأول الماضي, last October
        ("month_relative", rf"(?:{v.cue('month_cues')}\s+)?{month('month')}\s+(?:{direction})"),
        ("month_relative", rf"{before_direction}{month('month')}"),
        # في آذار/مارس, by May, أواخر كانون الأول (a cue keeps "Theresa May" out)
        # (not "since Jan. 8": a day after the month makes it a date)
        ("month", rf"{v.cue('month_cues')}(?:\s+|(?<=-)){month('month')}(?!\.?\s*\d{{1,2}}(?!\d))"),
        # by the end of April, بحلول نهاية أبريل: the next such month
        ("month", rf"(?P<deadline>{v.cue('deadline_before')})\s+{month('month')}"),
        # العام 2013, منذ 2015, in 1997
        # (not "of 2000 people", "قبل 2000 عام": a count, not a year)
        (
            "year",
            rf"{v.cue('year_cues')}(?:\s+|(?<=-)){year}"
            rf"(?!\s+(?:{_alternation(v.units)}|{v.cue('counted_nouns')}){_END})",
        ),
        # 26/7/2018 (day first), 2015-12-21 (ISO)
        (
            "numeric",
            r"(?P<first>[0-3]?\d)\s*(?P<sep>[/.])\s*(?P<second>[0-3]?\d)\s*(?P=sep)\s*"
            r"(?P<year>(?:19|20)\d\d)(?!\d)",
        ),
        # 10/31/74, 26/7/18 (a two-digit year)
        (
            "numeric",
            r"(?P<first>[0-3]?\d)\s*(?P<sep>/)\s*(?P<second>[0-3]?\d)\s*(?P=sep)\s*"
            r"(?P<year_short>\d\d)(?![\d/])",
        ),
        # on 2/15, في 15/2 (no year: only after a cue, a bare fraction is no date)
        (
            "numeric",
            rf"(?:{v.cue('numeric_cues')})\s+(?P<first>[0-3]?\d)/(?P<second>[0-3]?\d)(?![\d/])",
        ),
        # 31-Oct-74, 31-Oct-1974
        (
            "date",
            rf"{day}-{month('month')}-(?:(?P<year_short>\d\d)|{year})(?!\d)",
        ),
        (
            "iso",
            r"(?P<year>(?:19|20)\d\d)-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)(?![\d:])",
        ),
        # 5 جمادى الأولى 1443 هـ, 1443 هـ
        (
            "hijri",
            rf"(?:(?P<day>[0-3]?\d)\s+)?(?:(?P<hmonth>{hijri_month_names})\s+)?"
            rf"(?P<hyear>1[34]\d\d)\s*{hijri_marker}{_END}",
        ),
        # في رمضان, شهر رمضان, during Ramadan (the nearest one)
        (
            "hijri_month",
            rf"(?:{v.cue('hijri_month_cues')})\s+(?P<hmonth>{hijri_month_names}){_END}"
            rf"(?!\s*\d)",
        ),
        # عيد الفطر, Eid al-Adha (the nearest one)
        ("holiday", rf"(?P<holiday>{_alternation(v.holidays)}){_END}"),
        # ليل الخميس الجمعة (a night spanning two weekdays)
        (
            "weekday_night",
            rf"{v.cue('night_open')}\s+{weekday('weekday')}\s*(?:{join}\s*)?{weekday('weekday2')}",
        ),
        # مساء الخميس, يوم الجمعة, اليوم الأحد, الأحد الماضي, early Monday, last Thursday, Sunday night
        (
            "weekday",
            rf"{not_before_weekday}{opt_part}{opt_day_word}(?:(?P<rel_prefix>{_alternation(v.relative_days)})\s+)?"
            rf"(?:{before_direction})?{weekday('weekday')}(?:\s+(?:{direction}))?{opt_part_after}"
            rf"{not_after_weekday}",
        ),
        # أمس, أول من أمس, مساء أمس, yesterday
        # (not اليوم الأول "the first day", اليوم العالمي "the world day")
        (
            "relative_day",
            rf"{opt_part}(?P<rel>{_alternation(v.relative_days)}){_END}"
            rf"(?!\s+{v.cue('not_after_relative_day')}{_END})",
        ),
        # في العاشر من الشهر الجاري, 10 من الشهر الماضي
        (
            "day_of_month",
            rf"(?:{day}|{ordinal}{_END})\s+(?:من\s+|of\s+)?(?P<period>{_alternation(month_periods)}){_END}",
        ),
        ("relative_part", rf"(?P<rel>{_alternation(v.relative_parts)}){_END}"),
        # قبل ثلاثة أيام, قبل يومين, two days ago
        # (not منذ عام 2016, "since the year 2016": a year follows)
        ("ago", rf"{v.cue('ago_before')}\s+(?:{count}\s+)?{units}(?!\s*\d)"),
        ("ago", rf"{count}\s+{units}\s+{v.cue('ago_after')}{_END}"),
        # three days later (from the day last named), two weeks from now (from the publication)
        (
            "later",
            rf"{count}\s+{units}\s+(?:{v.cue('later_after')}|(?P<from_now>{v.cue('from_now_after')})){_END}",
        ),
        # بعد يومين من اغتياله, قبل أسبوع من الانتخابات, two days after March 3, 2016:
        # counted from an event or a date that follows, not from the publication
        (
            "counted",
            rf"(?:(?P<c_before>{v.cue('counted_before_lead')})|(?P<c_after>{v.cue('counted_after_lead')}))"
            rf"\s+(?:{count}\s+)?{units}\s+{v.cue('counted_link')}{_END}",
        ),
        (
            "counted",
            rf"{count}\s+{units}\s+(?:(?P<c_before>{v.cue('counted_before_tail')})|"
            rf"(?P<c_after>{v.cue('counted_after_tail')})){_END}",
        ),
        # في غضون يومين, within three days
        # (not "within 10 days of the attacks": counted from an event, not the document date)
        ("within", rf"{v.cue('within_before')}\s+(?:{count}\s+)?{units}(?!\s+(?:of|من){_END})"),
        # الأسبوع الماضي, last week, earlier this month
        ("period", rf"(?P<period>{_alternation(v.relative_periods)}){_END}"),
        ("recent", rf"(?P<recent>{_alternation(v.recent_periods)}){_END}"),
        ("first_days", rf"(?P<first>{_alternation(v.first_days)}){_END}"),
        # في اليوم السابق, the next day
        ("anchored", rf"{opt_part}(?P<anchored>{_alternation(v.anchored_days)}){_END}"),
    ]


_GAP = r"(?:[^\S\n]{1,4}|[^\S\n]{0,3}\n[^\S\n]{0,3})"


def _bounded(pattern: str) -> str:
    """Cap whitespace runs so every match attempt is bounded: the rules stay linear in the text.

    Without an unbounded quantifier a failed attempt costs at most a constant (the longest
    phrase plus a few spaces), so no input can make the scan super-linear; that is why the stdlib
    ``re`` (faster here than ``regex``, but without timeouts) is safe for these patterns.
    """
    # One line break counts as a space (hard-wrapped wire copy: "clashes in\nNovember"); a
    # blank line ends a paragraph, so no date runs across one.
    return pattern.replace(r"\s+", _GAP).replace(r"\s*", rf"(?:{_GAP})?")


@lru_cache(maxsize=16)
def rules(language: str) -> tuple[Rule, ...]:
    """Compiled rules for ``language`` (once per process)."""
    v = vocabulary(language)
    prefix = _ARABIC_START if language == "ar" else _START
    compiled: list[Rule] = []
    for priority, (kind, body) in enumerate(_templates(v)):
        pattern = re.compile(_bounded(prefix + "(?:" + body + ")"))
        compiled.append(Rule(kind, pattern, priority, TRIGGER_OF_KIND[kind]))
    return tuple(compiled)


#: The words a rule's matches always contain (``year``: a four-digit number), by rule kind.
TRIGGER_OF_KIND: dict[str, str] = {
    "night_range": "month",
    "day_range": "month",
    "date": "month",
    "month_range": "month",
    "period_range": "month",
    "year_part": "year",
    "year_part_relative": "period",
    "month_year": "month",
    "month_relative": "month",
    "month": "month",
    "year": "year",
    "numeric": "numeric",
    "iso": "year",
    "hijri": "year",
    "hijri_month": "hijri",
    "holiday": "hijri",
    "weekday_night": "weekday",
    "weekday": "weekday",
    "relative_day": "relative_day",
    "relative_part": "relative_part",
    "ago": "unit",
    "later": "unit",
    "counted": "unit",
    "within": "unit",
    "period": "period",
    "day_of_month": "period",
    "recent": "recent",
    "first_days": "first_days",
    "anchored": "anchored",
}


@lru_cache(maxsize=16)
def trigger_words(language: str) -> Mapping[str, frozenset[str]]:
    """For each trigger word, the trigger groups it belongs to (see ``TRIGGER_OF_KIND``).

    Month, weekday and unit names count in full; other phrases by their longest word ("last
    week" -> "week"). Every match of a rule holds a word of its group (or a digit), so the rules
    only need to run on the few stretches of a text around those words.
    """
    v = vocabulary(language)
    groups: dict[str, set[str]] = {}

    def add(word: str, group: str) -> None:
        groups.setdefault(word, set()).add(group)

    for group, table in (
        ("month", v.months),
        ("weekday", v.weekdays),
        ("unit", v.units),
    ):
        for phrase in table:
            for word in _plain_words(phrase):
                add(word, group)
    phrase_tables: tuple[tuple[str, Mapping[str, Any]], ...] = (
        ("relative_day", v.relative_days),
        ("relative_part", v.relative_parts),
        ("period", v.relative_periods),
        ("recent", v.recent_periods),
        ("first_days", v.first_days),
        ("anchored", v.anchored_days),
        ("hijri", v.holidays),
    )
    for phrase in v.hijri_months:
        # The first word (ربيع of ربيع الأول: not the common الأول), or after ذو/ذي the next.
        plain = [w for w in _plain_words(phrase) if len(w) > 2]
        if plain:
            add(plain[0], "hijri")
    for group, phrases in phrase_tables:
        for phrase in phrases:
            plain = _plain_words(phrase)
            if plain:
                # The longest word, the last of equals: يوم أمس -> أمس, not the common يوم.
                add(max(reversed(plain), key=len), group)
    return {word: frozenset(found) for word, found in groups.items()}


@lru_cache(maxsize=16)
def trigger_pattern(language: str) -> re.Pattern[str]:
    """One regex finding every trigger word and four-digit number, as a prefix trie.

    A trie (``ya(?:wm|...)``) rather than a flat alternation: ``re`` then decides at each
    position in a few character comparisons, about twice as fast as testing every word.
    """
    words = trigger_words(language)
    body = _trie(sorted(words)) if words else _NEVER
    # A word after an Arabic proclitic counts too (والاثنين, وأمس): group ``word``.
    clitic = r"(?:[وف](?=\w))?(?:ب(?=ال))?" if language == "ar" else ""
    # Also the head of a numeric date (10/31, 31-oct): its year may have two digits or none.
    return re.compile(
        rf"(?<!\w)(?:\d{{4}}(?!\d)|\d{{1,2}}(?=[/.]\d|-[^\W\d])|{clitic}(?P<word>{body})(?!\w))"
    )


def _trie(words: Sequence[str]) -> str:
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if "" in node else body

    return build(root)


def _plain_words(phrase: str) -> list[str]:
    return [w for w in re.split(r"[^\w]+", phrase) if w]


def lookup(table: Mapping[str, Any], surface: str | None) -> Any:
    """The value of a matched (normalised) phrase, whitespace-insensitively."""
    if surface is None:
        return None
    return table.get(" ".join(surface.split()))


@lru_cache(maxsize=64)
def cue_pattern(language: str, name: str) -> re.Pattern[str]:
    """A regex finding any word of a cue list (with an Arabic و/ف before it: وسوف)."""
    prefix = _ARABIC_PROCLITIC if language == "ar" else ""
    body = _alternation(vocabulary(language).words.get(name, ()))
    return re.compile(_bounded(rf"(?<!\w){prefix}{body}(?!\w)"))
