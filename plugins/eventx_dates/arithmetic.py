"""Calendar arithmetic for resolving temporal expressions (pure functions on ``datetime.date``)."""

from __future__ import annotations

import calendar
import datetime as dt

from attrs import frozen

FINE_GRANULARITIES = ("part_of_day", "day", "week")


@frozen(kw_only=True)
class Interval:
    """A resolved date: the first and last day it covers and how precise it is."""

    first: dt.date
    last: dt.date
    granularity: str

    @property
    def value(self) -> str:
        """ISO 8601 as the record contract spells it: a day, a month, a year or ``start/end``."""
        first, last = self.first, self.last
        whole_year = first == dt.date(first.year, 1, 1) and last == dt.date(first.year, 12, 31)
        if self.granularity == "year" and whole_year:
            return f"{first.year:04d}"
        whole_month = first.day == 1 and last == month_end(first.year, first.month)
        if self.granularity == "month" and whole_month:
            return f"{first.year:04d}-{first.month:02d}"
        if self.first == self.last:
            return self.first.isoformat()
        return f"{self.first.isoformat()}/{self.last.isoformat()}"

    @classmethod
    def day(cls, day: dt.date, granularity: str = "day") -> Interval:
        return cls(first=day, last=day, granularity=granularity)

    @classmethod
    def month(cls, year: int, month: int) -> Interval:
        return cls(first=dt.date(year, month, 1), last=month_end(year, month), granularity="month")

    @classmethod
    def year(cls, year: int) -> Interval:
        return cls(first=dt.date(year, 1, 1), last=dt.date(year, 12, 31), granularity="year")


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when it does not exist (31 February, month 13)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def weekday_on_or_before(anchor: dt.date, weekday: int, *, strictly: bool = False) -> dt.date:
    back = (anchor.weekday() - weekday) % 7
    if strictly and back == 0:
        back = 7
    return anchor - dt.timedelta(days=back)


def weekday_on_or_after(anchor: dt.date, weekday: int, *, strictly: bool = False) -> dt.date:
    ahead = (weekday - anchor.weekday()) % 7
    if strictly and ahead == 0:
        ahead = 7
    return anchor + dt.timedelta(days=ahead)


def closest_year(anchor: dt.date, month: int, day: int | None, *, future: bool) -> int:
    """The year for a date written without one, seen from the anchor (the publication date).

    News reports the past: without a future cue the date is the latest one on or before the
    anchor ("16 February" in March 2018 is 2018, "25 December" in January 2022 is 2021, "Feb. 20"
    in January is last February). With a future cue ("scheduled for", "من المقرر") it is the
    first one on or after the anchor. A month alone counts from its first day.
    """
    for year in (anchor.year + 1, anchor.year, anchor.year - 1, anchor.year - 2)[
        :: 1 if not future else -1
    ]:
        first = safe_date(year, month, min(day or 1, month_end(year, month).day))
        if first is None:
            continue
        if future and first >= anchor:
            return year
        if not future and first <= anchor:
            return year
    return anchor.year


def nearest_year(anchor: dt.date, month: int, day: int | None) -> int:
    """The year putting ``day month`` nearest a date named just before it, in either direction.

    "On 13 November 2015 ... then on 22 March" is March 2016: a narrative moves on from the
    date it last named; without a tense there is no reason to lean either way.
    """

    def distance(year: int) -> int:
        probe = safe_date(year, month, min(day or 15, month_end(year, month).day))
        return abs((probe - anchor).days) if probe is not None else 1 << 30

    return min((anchor.year - 1, anchor.year, anchor.year + 1), key=lambda y: (distance(y), y))


def relative_period(anchor: dt.date, unit: str, step: int) -> Interval | None:
    """``last week`` (-1), ``this month`` (0), ``next year`` (1), ``last weekend`` ... from the anchor.

    A past week is the seven days before the anchor (the dev set's reading of "last week"), not
    the previous calendar week, which depends on where a culture starts its week.
    """
    if unit == "week":
        if step < 0:
            return Interval(
                first=anchor - dt.timedelta(days=7 * -step),
                last=anchor - dt.timedelta(days=7 * (-step - 1) + 1),
                granularity="week",
            )
        if step == 0:
            monday = anchor - dt.timedelta(days=anchor.weekday())
            return Interval(first=monday, last=monday + dt.timedelta(days=6), granularity="week")
        return Interval(
            first=anchor + dt.timedelta(days=7 * (step - 1) + 1),
            last=anchor + dt.timedelta(days=7 * step),
            granularity="week",
        )
    if unit == "week_so_far":  # "earlier this week": from Monday to the day before the anchor
        monday = anchor - dt.timedelta(days=anchor.weekday())
        return Interval(
            first=monday, last=max(monday, anchor - dt.timedelta(days=1)), granularity="week"
        )
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, step)
        return Interval.month(year, month)
    if unit == "year":
        return Interval.year(anchor.year + step)
    if unit == "weekend":
        if step < 0 or anchor.weekday() in (0, 1):
            sunday = weekday_on_or_before(anchor - dt.timedelta(days=1), 6)
        elif anchor.weekday() in (5, 6):
            sunday = weekday_on_or_after(anchor, 6)
        else:
            sunday = weekday_on_or_after(anchor, 6) + dt.timedelta(days=7 * step)
        return Interval(first=sunday - dt.timedelta(days=1), last=sunday, granularity="week")
    return None


def shift(anchor: dt.date, unit: str, amount: int) -> Interval | None:
    """The day/month/year ``amount`` units from the anchor (negative: ago)."""
    if unit == "day":
        return Interval.day(anchor + dt.timedelta(days=amount))
    if unit == "week":
        return Interval.day(anchor + dt.timedelta(days=7 * amount))
    if unit == "month":
        year, month = shift_month(anchor.year, anchor.month, amount)
        return Interval.month(year, month)
    if unit == "year":
        return Interval.year(anchor.year + amount)
    return None


def span_from(anchor: dt.date, unit: str, amount: int) -> Interval | None:
    """From the anchor to ``amount`` units later (``within two days``)."""
    end = shift(anchor, unit, amount)
    if end is None:
        return None
    return Interval(first=anchor, last=max(end.last, anchor), granularity="week")
