"""Calendar arithmetic behind the TIMEX3 values."""

from __future__ import annotations

from datetime import date

from polybius.time import periods


def test_iso_week_and_weekend():
    week = periods.of_week(date(2013, 2, 6))
    assert (week.value, week.first, week.last) == ("2013-W06", date(2013, 2, 4), date(2013, 2, 10))
    weekend = periods.of_weekend(date(2013, 2, 6))
    assert (weekend.value, weekend.first, weekend.last) == ("2013-W06-WE", date(2013, 2, 9), date(2013, 2, 10))


def test_week_at_the_turn_of_the_year_takes_the_iso_year():
    assert periods.of_week(date(2013, 12, 31)).value == "2014-W01"


def test_quarters_halves_and_seasons():
    assert periods.of_quarter(1989, 3).first == date(1989, 7, 1)
    assert periods.of_quarter(1989, 3).last == date(1989, 9, 30)
    assert periods.of_half(1990, 1).value == "1990-H1"
    winter = periods.of_season(2013, "WI")
    assert (winter.first, winter.last) == (date(2012, 12, 1), date(2013, 2, 28))
    assert periods.containing(date(2012, 12, 15), "season").value == "2013-WI"


def test_decades_and_centuries_use_timex_prefixes():
    assert periods.of_decade(1994).value == "199"
    assert periods.of_century(1900).value == "19"


def test_shift_keeps_the_grain_and_clamps_month_ends():
    assert periods.shift(periods.of_month(2013, 1), -1).value == "2012-12"
    assert periods.shift(periods.of_quarter(1989, 3), -1, "year").value == "1988-Q3"
    assert periods.add_months(date(2013, 1, 31), 1) == date(2013, 2, 28)
    assert periods.shift(periods.of_day(date(2012, 2, 29)), -1, "year").value == "2011-02-28"


def test_parts_of_a_period():
    february = periods.of_month(2013, 2)
    assert periods.part(february, 0.6667, 1.0) == (date(2013, 2, 19), date(2013, 2, 28))
    assert periods.part(february, 0.0, 0.3333) == (date(2013, 2, 1), date(2013, 2, 10))


def test_precision_from_the_number_of_days():
    assert periods.precision(date(2013, 2, 5), date(2013, 2, 5)) == 1
    assert periods.precision(date(2013, 2, 2), date(2013, 2, 3)) == 2
    assert periods.precision(date(2013, 1, 28), date(2013, 2, 3)) == 2
    assert periods.precision(date(2013, 1, 1), date(2013, 1, 31)) == 3
