"""Turn grammar matches into ISO intervals, anchored to the document date or a nearby date.

One resolver per rule kind (``grammar.py`` names them). A resolver returns a :class:`Resolution`
or None to drop a match that is not a real date (31 February, "منذ أيام" without a count).
Relative expressions without a document date resolve to ``interval=None``: they are kept with
their text and offsets but never guessed from today's date.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from attrs import frozen

from eventx_dates.arithmetic import (
    FINE_GRANULARITIES,
    Interval,
    closest_year,
    month_end,
    nearest_year,
    relative_period,
    safe_date,
    shift,
    span_from,
    weekday_on_or_after,
    weekday_on_or_before,
)
from eventx_dates.grammar import Vocabulary, cue_pattern, lookup

_T = TypeVar("_T")

ABSOLUTE = "absolute"
DOCUMENT_DATE = "document_date"
EXPLICIT_DATE = "explicit_date"
EXPLICIT_YEAR = "explicit_year"
#: "The first days of the year" covers days 1-5 (the seed's gold reading), cut at the anchor.
FIRST_DAYS = 5
#: How far back (in sentences) "the previous day" looks for the date it is counted from.
ANCHOR_SENTENCES = 2
#: How far back (characters, same sentence) a full date anchors a date written without a year.
SAME_SENTENCE_REACH = 120
_CLAUSE_MARKS = (".", "!", "?", "\n", ";")
#: An opening quotation mark one or two words before, and a closing one right after: a title
#: ("الإمارات اليوم", "Russia Today").
_QUOTED_TITLE = re.compile(r"[\"«“](?:\w+[^\S\n]{1,3}){1,2}\Z")
_QUOTE_CLOSE = re.compile(r"[\"»”]")


@frozen(kw_only=True)
class Resolution:
    interval: Interval | None
    granularity: str
    anchor: str | None = None
    anchor_value: str | None = None
    anchor_text: str | None = None


@frozen(kw_only=True)
class Known:
    """A date already resolved earlier in the document (for "the previous day")."""

    offset: int
    sentence: int | None
    interval: Interval
    text: str


#: The method that resolves each rule kind's matches, by name: a table of bound methods on
#: the instance would be a reference cycle (instance -> dict -> method -> instance), which only
#: the garbage collector frees, with everything the resolver holds.
_HANDLERS: dict[str, str] = {
    "date": "_date",
    "day_range": "_day_range",
    "night_range": "_night_range",
    "month_range": "_month_range",
    "period_range": "_period_range",
    "year_part": "_year_part",
    "year_part_relative": "_year_part",
    "month_year": "_month_year",
    "month_relative": "_month_relative",
    "month": "_month",
    "year": "_year",
    "numeric": "_numeric",
    "iso": "_iso",
    "hijri": "_hijri",
    "hijri_month": "_hijri_month",
    "holiday": "_holiday",
    "weekday": "_weekday",
    "weekday_night": "_weekday_night",
    "relative_day": "_relative_day",
    "relative_part": "_relative_part",
    "ago": "_ago",
    "later": "_later",
    "counted": "_counted",
    "within": "_within",
    "period": "_period",
    "day_of_month": "_day_of_month",
    "recent": "_recent",
    "first_days": "_first_days",
    "anchored": "_anchored",
}


class Resolver:
    """Resolves the matches of one document, in text order."""

    def __init__(
        self,
        vocab: Vocabulary,
        text: str,
        document_date: dt.date | None,
        explicit_years: Sequence[tuple[int, int]],
        dated: Sequence[tuple[int, dt.date]] = (),
        full_dates: Sequence[tuple[int, dt.date]] = (),
    ) -> None:
        self.vocab = vocab
        self.text = text  # the normalised text the matches index into
        self.document_date = document_date
        self.explicit_years = explicit_years  # (normalised offset, year), in text order
        self._year_offsets = [o for o, _ in explicit_years]
        self.dated = dated  # (offset, first day) of dates written with their year
        self._dated_offsets = [o for o, _ in dated]
        self.full_dates = dict(full_dates)  # offset -> day, of dates written in full
        self.known: list[Known] = []
        self._sentence: int | None = None
        #: For texts without a document date: the first fully written day, set by the caller.
        self.text_anchor: dt.date | None = None
        self._future_cues = cue_pattern(vocab.language, "future_cues")
        self._not_today = re.compile(
            rf"(?<!\w)(?:{vocab.cue('so_far_before')}|{vocab.cue('not_today_before')})"
            rf"[^\S\n]{{1,4}}\Z"
        )

    def resolve(
        self, kind: str, match: re.Match[str], sentence: int | None, surface: str
    ) -> Resolution | None:
        """Resolve one match; ``surface`` is its original text (kept as a later anchor's text)."""
        self._sentence = sentence
        handler: Callable[[re.Match[str]], Resolution | None] = getattr(self, _HANDLERS[kind])
        result = handler(match)
        interval = result.interval if result is not None else None
        if interval is not None and interval.granularity in FINE_GRANULARITIES:
            self.known.append(
                Known(offset=match.start(), sentence=sentence, interval=interval, text=surface)
            )
        return result

    # -- anchors -------------------------------------------------------------------------------

    def _relative(self, interval: Interval | None, granularity: str) -> Resolution:
        doc = self.document_date
        return Resolution(
            interval=interval if doc is not None else None,
            granularity=interval.granularity if interval else granularity,
            anchor=DOCUMENT_DATE if doc is not None else None,
            anchor_value=doc.isoformat() if doc is not None else None,
        )

    def _upcoming(self, match: re.Match[str]) -> bool:
        """A future cue (will, set to, سوف, من المقرر) earlier in the same clause."""
        start = match.start()
        window_start = max(0, start - 120)
        breaks = [self.text.rfind(mark, window_start, start) for mark in _CLAUSE_MARKS]
        clause_start = max(window_start, max(breaks) + 1)
        if self._future_cues.search(self.text, clause_start, start) is not None:
            return True
        # A day already resolved after the document date in the same sentence ("سيصدر غدا
        # قرارا باعتبار السادس من أغسطس"): the sentence is about what is coming.
        doc = self.document_date
        return doc is not None and any(
            k.sentence == self._sentence and k.interval.first > doc for k in self.known[-3:]
        )

    def _year_for(
        self, match: re.Match[str], month: int, day: int | None
    ) -> tuple[int, str, str | None] | None:
        """(year, anchor, anchor_value) for a date written without its year.

        A full date shortly before in the same sentence decides ("في 13 نوفمبر 2015 ثم في 22
        مارس" is March 2016, the nearest March, not the March before publication); then a year
        named shortly before in the same sentence ("في 2001 ... هجمات 11 سبتمبر" is 2001);
        otherwise the document date, or in an undated text its first full date. An undated text
        without one leaves the year open: a year named in another sentence is as likely history
        as the time of the story ("the April 15 attack" in a report citing "in 2011").
        """
        named = self._dated_before(match.start())
        if named is not None:
            return nearest_year(named, month, day), EXPLICIT_DATE, named.isoformat()
        year_named = self._year_before(match.start())
        if year_named is not None:
            return year_named, EXPLICIT_YEAR, str(year_named)
        if self.document_date is not None:
            year = self._year_near(self.document_date, match, month, day, deadline=True)
            return year, DOCUMENT_DATE, self.document_date.isoformat()
        if self.text_anchor is not None:
            # An undated text (an encyclopaedia entry, a retrospective) is about its first full
            # date: "By June" in a piece on 21 July 1972 is June 1972, not a later year it cites.
            year = self._year_near(self.text_anchor, match, month, day, deadline=False)
            return year, EXPLICIT_DATE, self.text_anchor.isoformat()
        return None

    def _year_near(
        self, anchor: dt.date, match: re.Match[str], month: int, day: int | None, *, deadline: bool
    ) -> int:
        # ``deadline``: the anchor is the publication date (deadlines and tense apply to it).
        """The year of a day/month written without one, seen from ``anchor``.

        Written direction first (الماضي / المقبل / الجاري), then a future cue or a deadline ("by
        the end of April": the first such one on or after the anchor). Otherwise the year putting
        it nearest the anchor in which a weekday written with it agrees ("الاثنين 18 شباط" read
        on 12 February 2013 is 18 February 2013, a Monday). Otherwise, from a publication date
        the latest such day on or before it; from an undated text's first date the nearest.
        """
        groups = match.groupdict()
        if groups.get("dir_current"):
            return anchor.year
        if groups.get("dir_past"):
            return closest_year(anchor, month, day, future=False)
        future = bool(groups.get("dir_future")) or self._upcoming(match)
        if future or (deadline and groups.get("deadline")):
            if day is None and groups.get("deadline"):
                # "by the end of April" read in mid-April is this April: its end is still ahead.
                year = anchor.year if month >= anchor.month else anchor.year + 1
                return year
            return closest_year(anchor, month, day, future=True)
        weekday = lookup(self.vocab.weekdays, groups.get("weekday"))
        if weekday is not None and day is not None:
            agreeing = [
                year
                for year in (anchor.year - 1, anchor.year, anchor.year + 1)
                if (found := safe_date(year, month, day)) is not None
                and found.weekday() == int(weekday)
            ]
            if agreeing:
                return min(
                    agreeing,
                    key=lambda y: (abs((dt.date(y, month, day) - anchor).days), y),
                )
        if deadline:
            # A publication date: news reports the past ("30 June" read on 7 January is last
            # June); only a written direction, a future cue or a weekday moves it ahead.
            return closest_year(anchor, month, day, future=False)
        # An undated text's first full date: its narrative moves on in either direction.
        return nearest_year(anchor, month, day)

    def _in_sentence_before(
        self, offsets: Sequence[int], entries: Sequence[tuple[int, _T]], offset: int
    ) -> _T | None:
        """The value of the last entry shortly before ``offset`` in the same sentence."""
        i = bisect.bisect_left(offsets, offset)
        if i == 0:
            return None
        at, value = entries[i - 1]
        if offset - at > SAME_SENTENCE_REACH:
            return None
        if any(mark in self.text[at:offset] for mark in (".", "\n", "!", "?")):
            return None
        return value

    def _year_before(self, offset: int) -> int | None:
        """A year named alone shortly before, in the same sentence ("في 2001", "in 1974"), not
        as the edge of a span ("منذ 2015", "until 2024": what follows need not be in it)."""
        return self._in_sentence_before(self._year_offsets, self.explicit_years, offset)

    def _dated_before(self, offset: int) -> dt.date | None:
        """The first day of a full date (with its year) shortly before, in the same sentence."""
        return self._in_sentence_before(self._dated_offsets, self.dated, offset)

    # -- absolute dates ------------------------------------------------------------------------

    def _day_of(self, match: re.Match[str]) -> int | None:
        if match.groupdict().get("day"):
            return int(match.group("day"))
        ordinal = lookup(self.vocab.ordinals, match.groupdict().get("ordinal"))
        return int(ordinal) if ordinal is not None else None

    def _month_of(self, match: re.Match[str], group: str = "month") -> int | None:
        value = lookup(self.vocab.months, match.groupdict().get(group))
        return int(value) if value is not None else None

    def _explicit_year(self, match: re.Match[str], group: str = "year") -> int | None:
        value = match.groupdict().get(group)
        if value:
            return int(value)
        short = match.groupdict().get("year_short") if group == "year" else None
        return self._century(int(short)) if short else None

    def _century(self, short: int) -> int:
        """A two-digit year (10/31/74): the century putting it nearest the anchor, or without
        one the POSIX ``strptime %y`` rule (69-99 -> 19xx, 00-68 -> 20xx)."""
        anchor = self.document_date or self.text_anchor
        if anchor is None:
            return 1900 + short if short >= 69 else 2000 + short
        return min((1900 + short, 2000 + short), key=lambda y: (abs(y - anchor.year), y))

    def _date(self, match: re.Match[str]) -> Resolution | None:
        day, month = self._day_of(match), self._month_of(match)
        if day is None or month is None:
            return None
        granularity = "part_of_day" if match.groupdict().get("part") else "day"
        year = self._explicit_year(match)
        if year is not None:
            date = safe_date(year, month, day)
            if date is None:
                return None
            return Resolution(
                interval=Interval.day(date, granularity),
                granularity=granularity,
                anchor=ABSOLUTE,
            )
        inferred = self._year_for(match, month, day)
        if inferred is None:
            return Resolution(interval=None, granularity=granularity) if 1 <= day <= 31 else None
        date = safe_date(inferred[0], month, day)
        if date is None:
            return None
        return Resolution(
            interval=Interval.day(date, granularity),
            granularity=granularity,
            anchor=inferred[1],
            anchor_value=inferred[2],
        )

    def _range(self, match: re.Match[str], granularity: str) -> Resolution | None:
        first_day, last_day = int(match.group("day")), int(match.group("day2"))
        month = self._month_of(match)
        if month is None:
            return None
        month2 = self._month_of(match, "month2") or month
        year = self._explicit_year(match) or self._explicit_year(match, "year2")
        year2 = self._explicit_year(match, "year2") or year
        anchor, anchor_value = ABSOLUTE, None
        if year is None:
            inferred = self._year_for(match, month, first_day)
            if inferred is None:
                return Resolution(interval=None, granularity=granularity)
            year, anchor, anchor_value = inferred
            year2 = year
        assert year2 is not None
        if month2 < month and not match.groupdict().get("year2"):
            year2 = year + 1  # 28 December to 3 January
        first, last = safe_date(year, month, first_day), safe_date(year2, month2, last_day)
        if first is None or last is None or last < first or (last - first).days > 366:
            return None
        return Resolution(
            interval=Interval(first=first, last=last, granularity=granularity),
            granularity=granularity,
            anchor=anchor,
            anchor_value=anchor_value,
        )

    def _day_range(self, match: re.Match[str]) -> Resolution | None:
        return self._range(match, "day")

    def _night_range(self, match: re.Match[str]) -> Resolution | None:
        return self._range(match, "part_of_day")

    def _month_range(self, match: re.Match[str]) -> Resolution | None:
        month, month2 = self._month_of(match), self._month_of(match, "month2")
        year = self._explicit_year(match)
        if month is None or month2 is None or year is None or month2 < month:
            return None
        return Resolution(
            interval=Interval(
                first=dt.date(year, month, 1), last=month_end(year, month2), granularity="month"
            ),
            granularity="month",
            anchor=ABSOLUTE,
        )

    def _period_range(self, match: re.Match[str]) -> Resolution | None:
        """Between a month of one year and a month (or the end) of a later one."""
        month, year = self._month_of(match), self._explicit_year(match)
        year2 = self._explicit_year(match, "year2")
        if month is None or year is None or year2 is None:
            return None
        month2 = self._month_of(match, "month2") or 12
        first, last = dt.date(year, month, 1), month_end(year2, month2)
        if last < first:
            return None
        return Resolution(
            interval=Interval(first=first, last=last, granularity="month"),
            granularity="month",
            anchor=ABSOLUTE,
        )

    def _year_part(self, match: re.Match[str]) -> Resolution | None:
        """The end of a year is its last month; a half of it is six months. "By the end of"
        a year is a deadline, its last month, unless the year was over at publication (or the
        text is undated): then it sums the year up ("By the end of 1972, 300 had died")."""
        groups = match.groupdict()
        doc = self.document_date
        relative = lookup(self.vocab.relative_periods, groups.get("year_period"))
        if relative is not None:
            if doc is None:
                return Resolution(interval=None, granularity="month")
            year = doc.year + int(relative[1])
            anchor, anchor_value = DOCUMENT_DATE, doc.isoformat()
        else:
            explicit = self._explicit_year(match)
            if explicit is None:
                return None
            year, anchor, anchor_value = explicit, ABSOLUTE, None
        if groups.get("by") and groups.get("year_end") and (doc is None or year < doc.year):
            return Resolution(
                interval=Interval.year(year),
                granularity="year",
                anchor=anchor,
                anchor_value=anchor_value,
            )
        if groups.get("year_end"):
            return Resolution(
                interval=Interval.month(year, 12),
                granularity="month",
                anchor=anchor,
                anchor_value=anchor_value,
            )
        half = lookup(self.vocab.halves, match.groupdict().get("half"))
        if half is None:
            return None
        first_month = 1 if int(half) == 1 else 7
        return Resolution(
            interval=Interval(
                first=dt.date(year, first_month, 1),
                last=month_end(year, first_month + 5),
                granularity="month",
            ),
            granularity="month",
            anchor=ABSOLUTE,
        )

    def _month_year(self, match: re.Match[str]) -> Resolution | None:
        month, year = self._month_of(match), self._explicit_year(match)
        if month is None or year is None:
            return None
        return Resolution(
            interval=Interval.month(year, month), granularity="month", anchor=ABSOLUTE
        )

    def _month_relative(self, match: re.Match[str]) -> Resolution | None:
        month = self._month_of(match)
        doc = self.document_date
        if month is None:
            return None
        if doc is None:
            return Resolution(interval=None, granularity="month")
        groups = match.groupdict()
        if groups.get("dir_past") or groups.get("pre_past"):
            year = doc.year if month < doc.month else doc.year - 1
        else:
            year = doc.year if month > doc.month else doc.year + 1
        return self._relative(Interval.month(year, month), "month")

    def _month(self, match: re.Match[str]) -> Resolution | None:
        month = self._month_of(match)
        if month is None:
            return None
        inferred = self._year_for(match, month, None)
        if inferred is None:
            return Resolution(interval=None, granularity="month")
        return Resolution(
            interval=Interval.month(inferred[0], month),
            granularity="month",
            anchor=inferred[1],
            anchor_value=inferred[2],
        )

    def _year(self, match: re.Match[str]) -> Resolution | None:
        year = self._explicit_year(match)
        if year is None:
            return None
        return Resolution(interval=Interval.year(year), granularity="year", anchor=ABSOLUTE)

    def _numeric(self, match: re.Match[str]) -> Resolution | None:
        """26/7/2018, 10/31/74, on 2/15. Arabic writes the day first (d/m/y); English is read
        the US way (m/d/y) unless the first number cannot be a month (25/12/2018). A two-digit
        year takes its century from the anchor; without a year, the year nearest the anchor."""
        first, second = int(match.group("first")), int(match.group("second"))
        if self.vocab.language == "ar" or first > 12:
            day, month = first, second
        else:
            day, month = second, first
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        year = self._explicit_year(match)
        anchor, anchor_value = ABSOLUTE, None
        if year is None:
            inferred = self._year_for(match, month, day)
            if inferred is None:
                return Resolution(interval=None, granularity="day")
            year, anchor, anchor_value = inferred
        date = safe_date(year, month, day)
        if date is None:
            return None
        return Resolution(
            interval=Interval.day(date), granularity="day", anchor=anchor, anchor_value=anchor_value
        )

    def _hijri_nearest(self, month: int, day: int | None) -> Resolution | None:
        """A Hijri month or holiday without its year: the occurrence nearest the anchor."""
        from hijridate import Gregorian, Hijri

        anchor = self.document_date or self.text_anchor
        if anchor is None:
            return Resolution(interval=None, granularity="month" if day is None else "day")
        try:
            here = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year
            spans: list[Interval] = []
            for year in (here - 1, here, here + 1):
                start = dt.date(*Hijri(year, month, day or 1).to_gregorian().datetuple())
                if day is not None:
                    spans.append(Interval.day(start))
                    continue
                nxt = (year + 1, 1) if month == 12 else (year, month + 1)
                end = dt.date(*Hijri(nxt[0], nxt[1], 1).to_gregorian().datetuple())
                spans.append(
                    Interval(first=start, last=end - dt.timedelta(days=1), granularity="month")
                )
        except (ValueError, OverflowError):
            return None

        def distance(span: Interval) -> int:
            if span.first <= anchor <= span.last:
                return 0
            return min(abs((span.first - anchor).days), abs((span.last - anchor).days))

        best = min(spans, key=lambda span: (distance(span), span.first))
        source = DOCUMENT_DATE if self.document_date is not None else EXPLICIT_DATE
        return Resolution(
            interval=best,
            granularity=best.granularity,
            anchor=source,
            anchor_value=anchor.isoformat(),
        )

    def _hijri_month(self, match: re.Match[str]) -> Resolution | None:
        month = lookup(self.vocab.hijri_months, match.group("hmonth"))
        return None if month is None else self._hijri_nearest(int(month), None)

    def _holiday(self, match: re.Match[str]) -> Resolution | None:
        found = lookup(self.vocab.holidays, match.group("holiday"))
        return None if found is None else self._hijri_nearest(found[0], found[1])

    def _iso(self, match: re.Match[str]) -> Resolution | None:
        date = safe_date(
            int(match.group("year")), int(match.group("month_num")), int(match.group("day"))
        )
        if date is None:
            return None
        return Resolution(interval=Interval.day(date), granularity="day", anchor=ABSOLUTE)

    def _hijri(self, match: re.Match[str]) -> Resolution | None:
        from hijridate import Hijri  # imported on first Hijri date only; most texts have none

        year = int(match.group("hyear"))
        month = lookup(self.vocab.hijri_months, match.groupdict().get("hmonth"))
        day = match.groupdict().get("day")

        def gregorian(y: int, m: int, d: int) -> dt.date:
            return dt.date(*Hijri(y, m, d).to_gregorian().datetuple())

        try:
            if month is None:
                first, last = (
                    gregorian(year, 1, 1),
                    gregorian(year + 1, 1, 1) - dt.timedelta(days=1),
                )
                granularity = "year"
            elif day is None:
                first = gregorian(year, int(month), 1)
                nxt = (year + 1, 1) if int(month) == 12 else (year, int(month) + 1)
                last = gregorian(nxt[0], nxt[1], 1) - dt.timedelta(days=1)
                granularity = "month"
            else:
                first = last = gregorian(year, int(month), int(day))
                granularity = "day"
        except (ValueError, OverflowError):
            return None
        return Resolution(
            interval=Interval(first=first, last=last, granularity=granularity),
            granularity=granularity,
            anchor=ABSOLUTE,
        )

    # -- relative to the document date ---------------------------------------------------------

    def _weekday(self, match: re.Match[str]) -> Resolution | None:
        weekday = lookup(self.vocab.weekdays, match.group("weekday"))
        if weekday is None:
            return None
        groups = match.groupdict()
        part = groups.get("part") or groups.get("part_after")
        granularity = "part_of_day" if part else "day"
        doc = self.document_date
        if doc is None:
            return Resolution(interval=None, granularity=granularity)
        relative = lookup(self.vocab.relative_days, groups.get("rel_prefix"))
        if relative is not None:
            # "بعد غد الخميس", "yesterday Monday": the relative day decides; the weekday
            # written with it picks the nearest such day when the two disagree.
            said = doc + dt.timedelta(days=int(relative))
            back = (said.weekday() - int(weekday)) % 7
            day = (
                said - dt.timedelta(days=back) if back <= 3 else said + dt.timedelta(days=7 - back)
            )
        elif groups.get("dir_future") or groups.get("pre_future"):
            day = weekday_on_or_after(doc, int(weekday), strictly=True)
        elif groups.get("dir_past") or groups.get("pre_past"):
            day = weekday_on_or_before(doc, int(weekday), strictly=True)
        elif self._upcoming(match) and not groups.get("rel_prefix"):
            day = weekday_on_or_after(doc, int(weekday))
        else:
            day = weekday_on_or_before(doc, int(weekday))
        return self._relative(Interval.day(day, granularity), granularity)

    def _weekday_night(self, match: re.Match[str]) -> Resolution | None:
        first = lookup(self.vocab.weekdays, match.group("weekday"))
        second = lookup(self.vocab.weekdays, match.group("weekday2"))
        doc = self.document_date
        if first is None or second is None or (int(first) + 1) % 7 != int(second):
            return None
        if doc is None:
            return Resolution(interval=None, granularity="part_of_day")
        last = weekday_on_or_before(doc, int(second))
        return self._relative(
            Interval(first=last - dt.timedelta(days=1), last=last, granularity="part_of_day"),
            "part_of_day",
        )

    def _relative_day(self, match: re.Match[str]) -> Resolution | None:
        offset = lookup(self.vocab.relative_days, match.group("rel"))
        if offset is None:
            return None
        granularity = "part_of_day" if match.groupdict().get("part") else "day"
        start = match.start()
        if int(offset) == 0 and (
            self._not_today.search(self.text, max(0, start - 24), start)
            or (
                _QUOTED_TITLE.search(self.text, max(0, start - 60), start)
                and _QUOTE_CLOSE.match(self.text, match.end())
            )
        ):
            # "حتى اليوم", "until today": so far, the open end of a span; "في اليوم" per day,
            # "مثل هذا اليوم" this day in history, "ذلك اليوم" that day; "الإمارات اليوم" in
            # quotes, a title: none of them is the publication day.
            return None
        doc = self.document_date
        interval = Interval.day(doc + dt.timedelta(days=int(offset)), granularity) if doc else None
        return self._relative(interval, granularity)

    def _relative_part(self, match: re.Match[str]) -> Resolution | None:
        offset = lookup(self.vocab.relative_parts, match.group("rel"))
        if offset is None:
            return None
        doc = self.document_date
        interval = (
            Interval.day(doc + dt.timedelta(days=int(offset)), "part_of_day") if doc else None
        )
        return self._relative(interval, "part_of_day")

    def _amount(self, match: re.Match[str]) -> tuple[str, int] | None:
        unit_info = lookup(self.vocab.units, match.group("unit"))
        if unit_info is None:
            return None
        unit, implied = unit_info
        groups = match.groupdict()
        if groups.get("count"):
            amount: int | None = int(groups["count"])
        elif groups.get("count_word"):
            amount = lookup(self.vocab.counts, groups["count_word"])
        else:
            amount = implied
        if amount is None or amount <= 0 or amount > 1000:
            return None  # "منذ أيام" (for days): no number to count back
        return unit, int(amount)

    def _ago(self, match: re.Match[str]) -> Resolution | None:
        amount = self._amount(match)
        if amount is None:
            return None
        doc = self.document_date
        interval = shift(doc, amount[0], -amount[1]) if doc else None
        return self._relative(interval, "day" if amount[0] in ("day", "week") else amount[0])

    def _later(self, match: re.Match[str]) -> Resolution | None:
        """ "Two weeks from now" counts from the publication; "three days later" from the day
        last named (a narrative moves on from it), and without one it names no date."""
        amount = self._amount(match)
        if amount is None:
            return None
        granularity = "day" if amount[0] in ("day", "week") else amount[0]
        doc = self.document_date
        if match.groupdict().get("from_now"):
            return self._relative(shift(doc, amount[0], amount[1]) if doc else None, granularity)
        anchor = self._day_before(match, ANCHOR_SENTENCES)
        if anchor is None:
            return Resolution(interval=None, granularity=granularity)
        return self._from_known(anchor, amount[0], amount[1], granularity)

    def _counted(self, match: re.Match[str]) -> Resolution | None:
        """A span counted from what follows: "two days after March 3, 2016" is March 5;
        "الثلاثاء ... بعد يومين من اغتياله" dates the killing, two days before that Tuesday. Without
        a date written after it or a day named before it in the sentence, no date."""
        amount = self._amount(match)
        if amount is None:
            return None
        unit, count = amount
        granularity = "day" if unit in ("day", "week") else unit
        after = bool(match.groupdict().get("c_after"))
        following = self._full_date_after(match.end())
        if following is not None:
            interval = shift(following, unit, count if after else -count)
            if interval is None:
                return None
            return Resolution(
                interval=interval,
                granularity=granularity,
                anchor=EXPLICIT_DATE,
                anchor_value=following.isoformat(),
            )
        said = self._day_before(match, 0)
        if said is None:
            return None
        # The event named after "after" is that many units before the day of the clause.
        return self._from_known(said, unit, -count if after else count, granularity)

    def _full_date_after(self, offset: int) -> dt.date | None:
        """The day of a date written in full right after ``offset`` ("after April 15, 2013")."""
        for at, day in self.full_dates.items():
            if offset <= at <= offset + 4 and not self.text[offset:at].strip(" ,"):
                return day
        return None

    def _day_before(self, match: re.Match[str], sentences: int) -> Known | None:
        """The nearest day (or part of day) named before the match, at most ``sentences``
        sentences back."""
        for known in reversed(self.known):
            if known.offset >= match.start():
                continue
            if known.interval.granularity not in ("day", "part_of_day"):
                continue
            if self._sentence is None or known.sentence is None:
                return None
            return known if self._sentence - known.sentence <= sentences else None
        return None

    def _from_known(self, known: Known, unit: str, amount: int, granularity: str) -> Resolution:
        interval = shift(known.interval.first, unit, amount)
        return Resolution(
            interval=interval,
            granularity=interval.granularity if interval else granularity,
            anchor=EXPLICIT_DATE,
            anchor_value=known.interval.value,
            anchor_text=known.text,
        )

    def _within(self, match: re.Match[str]) -> Resolution | None:
        amount = self._amount(match)
        if amount is None:
            return None
        doc = self.document_date
        return self._relative(span_from(doc, amount[0], amount[1]) if doc else None, "week")

    def _period(self, match: re.Match[str]) -> Resolution | None:
        period = lookup(self.vocab.relative_periods, match.group("period"))
        if period is None:
            return None
        unit, step = period
        doc = self.document_date
        granularity = "week" if unit in ("week", "week_so_far", "weekend") else unit
        interval = relative_period(doc, unit, step) if doc else None
        if (
            interval is not None
            and doc is not None
            and (unit, step) == ("week", 0)
            and interval.last > doc
            and not self._upcoming(match)
        ):
            # "this week" in news reports the days so far: Monday to the document date.
            interval = Interval(first=interval.first, last=doc, granularity="week")
        return self._relative(interval, granularity)

    def _day_of_month(self, match: re.Match[str]) -> Resolution | None:
        """A day of this/last/next month: في العاشر من الشهر الجاري."""
        day = self._day_of(match)
        period = lookup(self.vocab.relative_periods, match.group("period"))
        if day is None or period is None:
            return None
        doc = self.document_date
        if doc is None:
            return Resolution(interval=None, granularity="day")
        month = relative_period(doc, "month", period[1])
        date = safe_date(month.first.year, month.first.month, day) if month else None
        if date is None:
            return None
        return self._relative(Interval.day(date), "day")

    def _recent(self, match: re.Match[str]) -> Resolution | None:
        days = lookup(self.vocab.recent_periods, match.group("recent"))
        if days is None:
            return None
        doc = self.document_date
        # "the past 24 hours" is a day and the one before; "recent weeks" a stretch of weeks.
        granularity = "day" if int(days) <= 2 else "week"
        if doc is None:
            return self._relative(None, granularity)
        said = self._day_said(match)
        if said is not None:
            # "قال الوزير الخميس إن ... خلال الأسبوعين الماضيين": the two weeks before Thursday,
            # when he spoke, not before the publication.
            return Resolution(
                interval=Interval(
                    first=said.interval.first - dt.timedelta(days=int(days)),
                    last=said.interval.first,
                    granularity=granularity,
                ),
                granularity=granularity,
                anchor=EXPLICIT_DATE,
                anchor_value=said.interval.value,
                anchor_text=said.text,
            )
        interval = Interval(
            first=doc - dt.timedelta(days=int(days)), last=doc, granularity=granularity
        )
        return self._relative(interval, granularity)

    def _day_said(self, match: re.Match[str]) -> Known | None:
        """The day named earlier in the same sentence (before the document date): the time the
        sentence speaks from, which a recent period ("the past two weeks") counts back from."""
        doc = self.document_date
        for known in reversed(self.known):
            if known.offset >= match.start():
                continue
            if known.sentence != self._sentence or self._sentence is None:
                return None
            if known.interval.granularity in ("day", "part_of_day"):
                return known if doc is None or known.interval.first < doc else None
        return None

    def _first_days(self, match: re.Match[str]) -> Resolution | None:
        unit = lookup(self.vocab.first_days, match.group("first"))
        doc = self.document_date
        if unit is None:
            return None
        if doc is None:
            return Resolution(interval=None, granularity="week")
        first = dt.date(doc.year, 1, 1) if unit == "year" else dt.date(doc.year, doc.month, 1)
        last = min(first + dt.timedelta(days=FIRST_DAYS - 1), doc)
        return self._relative(Interval(first=first, last=last, granularity="week"), "week")

    def _anchored(self, match: re.Match[str]) -> Resolution | None:
        """Count "the previous day" from the nearest day named before it, not the document date."""
        offset = lookup(self.vocab.anchored_days, match.group("anchored"))
        if offset is None:
            return None
        granularity = "part_of_day" if match.groupdict().get("part") else "day"
        # Matches are resolved in text order, so the last known day is the nearest before.
        anchor = self.known[-1] if self.known else None
        if anchor is None or anchor.offset >= match.start():
            return Resolution(interval=None, granularity=granularity)
        if (
            anchor.sentence is not None
            and self._sentence is not None
            and self._sentence - anchor.sentence > ANCHOR_SENTENCES
        ):
            return Resolution(interval=None, granularity=granularity)
        day = anchor.interval.first + dt.timedelta(days=int(offset))
        return Resolution(
            interval=Interval.day(day, granularity),
            granularity=granularity,
            anchor=EXPLICIT_DATE,
            anchor_value=anchor.interval.value,
            anchor_text=anchor.text,
        )
