"""What normalization produces (TimeValue) and what it reads besides the words (Context)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from polybius.time import periods
from polybius.time.periods import Period

UNKNOWN = {"day": "XXXX-XX-XX", "week": "XXXX-WXX", "weekend": "XXXX-WXX-WE", "month": "XXXX-XX",
           "quarter": "XXXX-QX", "half": "XXXX-HX", "season": "XXXX-XX", "year": "XXXX",
           "decade": "XXX", "century": "XX"}


@dataclass(frozen=True, slots=True)
class TimeValue:
    """A normalized expression without its place in a text (what normalize() returns).

    type is DATE | TIME | DURATION | SET; value is TIMEX3-style; first_day/last_day are the calendar
    days denoted (None when unresolvable or not a date); grain is the period kind (day, week,
    month, quarter, year ...), used to anchor later anaphoric expressions.
    """

    type: str
    value: str
    first_day: date | None = None
    last_day: date | None = None
    time_precision: int | None = None
    grain: str | None = None

    def period(self) -> Period | None:
        if self.first_day is None or self.last_day is None or self.grain is None:
            return None
        return Period(self.value, self.first_day, self.last_day, self.grain)


@dataclass(frozen=True, slots=True)
class Context:
    """What surrounds an expression: the publication date and what the text said before it."""

    published: date | None
    tense: str = "past"  # past | neutral | future: of the clause the expression sits in
    reference: TimeValue | None = None  # the last dated expression nearby, for "the previous day"
    recent_quarter: TimeValue | None = None  # a quarter named nearby, for "a year ago" in results
    quarter: TimeValue | None = None  # the last quarter the document named, for "the quarter"

    @property
    def future(self) -> bool:
        return self.tense == "future"


class Rejected(ValueError):
    """The words matched a pattern but name no real date ("February 30"): not an expression."""


def dated(period: Period, kind: str = "DATE", first: date | None = None, last: date | None = None,
          daypart: str | None = None) -> TimeValue:
    first, last = first or period.first, last or period.last
    value = period.value
    if daypart and period.grain == "day":
        kind, value = "TIME", f"{value}T{daypart}"
    return TimeValue(kind, value, first, last, periods.precision(first, last), period.grain)


def unknown(grain: str, kind: str = "DATE", value: str | None = None) -> TimeValue:
    return TimeValue(kind, value or UNKNOWN[grain], grain=grain)
