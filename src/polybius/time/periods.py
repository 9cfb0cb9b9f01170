"""Calendar periods and their arithmetic: the days a TIMEX3 value denotes.

A Period is a run of calendar days with its TIMEX3 value and its grain (day, week, weekend, month,
quarter, half, season, year, decade, century). Everything here is pure date arithmetic: no words.
"""

from __future__ import annotations

import calendar
import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

GRAINS = ("day", "weekend", "week", "month", "season", "quarter", "half", "year", "decade", "century")
# A coarser grain never inherits from a finer one; this order decides which is finer.
GRAIN_RANK = {grain: rank for rank, grain in enumerate(GRAINS)}
SEASON_OF_MONTH_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


@dataclass(frozen=True, slots=True)
class Period:
    value: str
    first: date
    last: date
    grain: str

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1


def add_months(day: date, months: int) -> date:
    """The same day of the month `months` later, clamped to the month's end (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def of_day(day: date) -> Period:
    return Period(day.isoformat(), day, day, "day")


def of_week(day: date) -> Period:
    """The ISO week (Monday to Sunday) containing `day`."""
    monday = day - timedelta(days=day.weekday())
    year, week, _ = monday.isocalendar()
    return Period(f"{year:04d}-W{week:02d}", monday, monday + timedelta(days=6), "week")


def of_weekend(day: date) -> Period:
    """The Saturday and Sunday of the ISO week containing `day`."""
    week = of_week(day)
    return Period(f"{week.value}-WE", week.first + timedelta(days=5), week.last, "weekend")


def of_month(year: int, month: int) -> Period:
    last = calendar.monthrange(year, month)[1]
    return Period(f"{year:04d}-{month:02d}", date(year, month, 1), date(year, month, last), "month")


def of_quarter(year: int, quarter: int) -> Period:
    first_month = 3 * (quarter - 1) + 1
    last = of_month(year, first_month + 2).last
    return Period(f"{year:04d}-Q{quarter}", date(year, first_month, 1), last, "quarter")


def of_half(year: int, half: int) -> Period:
    first_month = 6 * (half - 1) + 1
    last = of_month(year, first_month + 5).last
    return Period(f"{year:04d}-H{half}", date(year, first_month, 1), last, "half")


def of_season(year: int, code: str) -> Period:
    """A season of `year`; winter starts in the December before (Dec 2012 - Feb 2013 is 2013-WI)."""
    start_month = SEASON_OF_MONTH_START[code]
    first = date(year - 1 if start_month == 12 else year, start_month, 1)
    last = add_months(first, 3) - timedelta(days=1)
    return Period(f"{year:04d}-{code}", first, last, "season")


def of_year(year: int) -> Period:
    return Period(f"{year:04d}", date(year, 1, 1), date(year, 12, 31), "year")


def of_decade(first_year: int) -> Period:
    start = first_year - first_year % 10
    return Period(f"{start // 10:03d}", date(start, 1, 1), date(start + 9, 12, 31), "decade")


def of_century(first_year: int) -> Period:
    """TIMEX3 centuries are named by their first two digits: the 20th century (1900s) is '19'."""
    start = first_year - first_year % 100
    return Period(f"{start // 100:02d}", date(start, 1, 1), date(start + 99, 12, 31), "century")


def containing(day: date, grain: str) -> Period:
    """The period of `grain` that contains `day`."""
    if grain == "day":
        return of_day(day)
    if grain == "week":
        return of_week(day)
    if grain == "weekend":
        return of_weekend(day)
    if grain == "month":
        return of_month(day.year, day.month)
    if grain == "quarter":
        return of_quarter(day.year, (day.month - 1) // 3 + 1)
    if grain == "half":
        return of_half(day.year, (day.month - 1) // 6 + 1)
    if grain == "season":
        for code, start in SEASON_OF_MONTH_START.items():
            months = {(start + k - 1) % 12 + 1 for k in range(3)}
            if day.month in months:
                return of_season(day.year + (1 if day.month == 12 else 0), code)
    if grain == "year":
        return of_year(day.year)
    if grain == "decade":
        return of_decade(day.year)
    if grain == "century":
        return of_century(day.year)
    raise ValueError(f"unknown grain {grain!r}; expected one of {GRAINS}")


def shift(period: Period, count: int, grain: str | None = None) -> Period:
    """The period `count` units of `grain` (default: its own grain) away, at the period's grain."""
    grain = grain or period.grain
    if grain == "day":
        return containing(period.first + timedelta(days=count), period.grain)
    if grain in ("week", "weekend"):
        return containing(period.first + timedelta(weeks=count), period.grain)
    months = {"month": 1, "quarter": 3, "season": 12, "half": 6, "year": 12, "decade": 120,
              "century": 1200}[grain] * count
    if period.grain == "season":  # a season a year on keeps its name
        year = int(period.value[:4]) + months // 12
        return of_season(year, period.value[5:])
    if period.grain == "day":
        return of_day(add_months(period.first, months))
    return containing(add_months(period.first, months), period.grain)


def part(period: Period, start: float, end: float) -> tuple[date, date]:
    """The days of a fraction [start, end) of `period` ("late February" = the last third)."""
    first = period.first + timedelta(days=math.floor(start * period.days))
    last = period.first + timedelta(days=max(math.ceil(end * period.days) - 1, 0))
    return first, max(first, min(last, period.last))


def precision(first: date, last: date) -> int:
    """ACLED time_precision for a run of days: 1 one day, 2 up to two weeks, 3 longer."""
    days = (last - first).days + 1
    if days <= 1:
        return 1
    if days <= 14:
        return 2
    return 3


def with_value(period: Period, value: str) -> Period:
    return replace(period, value=value)
