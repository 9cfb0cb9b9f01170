"""One test per normalization rule of issue 4, on Documents built by hand (texts written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest

from polybius.time import find_times


@pytest.fixture
def times(make_document):
    """The temporal expressions of `text` published on `published`, as {text: TimeExpression}."""

    def run(text: str, published: str | None = "2013-02-06") -> dict:
        return {t.span.text: t for t in find_times(make_document(text, published=published))}

    return run


def test_yesterday_is_the_day_before_publication(times):
    found = times("Rebels shelled the airport yesterday.")
    assert found["yesterday"].value == "2013-02-05"
    assert found["yesterday"].time_precision == 1


def test_weekday_is_the_most_recent_past_one(times):
    # Published Wednesday 2013-02-06: "on Monday" is two days earlier, not next week.
    found = times("Troops entered the town on Monday.")
    assert found["Monday"].value == "2013-02-04"


def test_weekday_of_publication_is_the_publication_day(times):
    # News convention: a Wednesday paper's "said on Wednesday" is that day, not a week earlier.
    found = times("The ministry said on Wednesday that the road was open.")
    assert found["Wednesday"].value == "2013-02-06"


def test_last_weekday_of_publication_is_a_week_earlier(times):
    found = times("The convoy was ambushed last Wednesday.")
    assert found["last Wednesday"].value == "2013-01-30"


def test_this_weekday_is_in_the_current_week(times):
    found = times("Talks resumed this Monday and end this Friday.")
    assert found["this Monday"].value == "2013-02-04"
    assert found["this Friday"].value == "2013-02-08"


def test_weekday_in_a_future_clause_is_the_next_one(times):
    found = times("The ministers will meet on Monday in Bamako.")
    assert found["Monday"].value == "2013-02-11"


def test_days_ago(times):
    found = times("A pilot died 27 days ago.")
    assert found["27 days ago"].value == "2013-01-10"
    assert found["27 days ago"].type == "DATE"


def test_weeks_ago_is_a_week(times):
    found = times("The camp was emptied two weeks ago.")
    assert found["two weeks ago"].value == "2013-W04"
    assert found["two weeks ago"].time_precision == 2


def test_month_day_prefers_the_past(times):
    found = times("France intervened on January 11 after the rebels advanced.")
    assert found["January 11"].value == "2013-01-11"
    # Published early January, a past-tense "January 11" is last year's, a week's tolerance aside.
    assert times("France intervened on January 8.", "2013-01-02")["January 8"].value == "2013-01-08"
    assert times("France intervened on January 21.", "2013-01-02")["January 21"].value == "2012-01-21"


def test_month_day_in_a_future_clause_is_the_next_one(times):
    found = times("Elections will be held on January 5.", "2013-02-06")
    assert found["January 5"].value == "2014-01-05"


def test_month_day_in_a_present_clause_may_be_a_near_deadline(times):
    found = times("The ultimatum expires March 1, the governor's office says.", "2013-02-06")
    assert found["March 1"].value == "2013-03-01"


def test_last_month(times):
    found = times("The battle took place last month.")
    assert found["last month"].value == "2013-01"
    assert (found["last month"].first_day, found["last month"].last_day) == (date(2013, 1, 1), date(2013, 1, 31))
    assert found["last month"].time_precision == 3


def test_late_february_last_year(times):
    found = times("The commander was killed in late February last year.", "2014-01-25")
    expression = found["late February last year"]
    assert expression.value == "2013-02"  # TIMEX3 keeps the month; "late" narrows the days
    assert expression.first_day == date(2013, 2, 19) and expression.last_day == date(2013, 2, 28)
    assert expression.time_precision == 2


def test_over_the_weekend(times):
    found = times("Jets struck depots over the weekend.", "2013-02-04")  # a Monday
    weekend = found["the weekend"]
    assert weekend.value == "2013-W05-WE"
    assert (weekend.first_day, weekend.last_day) == (date(2013, 2, 2), date(2013, 2, 3))
    assert weekend.time_precision == 2


def test_last_week(times):
    found = times("Troops retook the city last week.")
    assert found["last week"].value == "2013-W05"
    assert (found["last week"].first_day, found["last week"].last_day) == (date(2013, 1, 28), date(2013, 2, 3))
    assert found["last week"].time_precision == 2


def test_last_week_in_a_sunday_paper_is_the_week_just_ending(times):
    found = times("Troops retook the city last week.", "2013-02-10")  # a Sunday
    assert found["last week"].value == "2013-W06"


def test_thursday_night_is_a_time(times):
    found = times("Gunfire was heard Thursday night.")
    assert found["Thursday night"].type == "TIME"
    assert found["Thursday night"].value == "2013-01-31TNI"
    assert found["Thursday night"].time_precision == 1


def test_friday_morning_is_a_time(times):
    found = times("A patrol hit a mine Friday morning.")
    assert found["Friday morning"].value == "2013-02-01TMO"


@pytest.mark.parametrize(
    ("text", "published", "expression", "value"),
    [
        ("Kidal, 25th January 2014 - Fighting resumed.", "2014-01-25", "25th January 2014", "2014-01-25"),
        ("Gao, Jan. 5 - The bridge reopened.", "2013-02-06", "Jan. 5", "2013-01-05"),
        ("Mopti, 5 January 2013 - Crowds gathered.", "2013-02-06", "5 January 2013", "2013-01-05"),
        ("The town fell on January 24 2012.", "2014-01-25", "January 24 2012", "2012-01-24"),
        ("The town fell on January 24, 2012.", "2014-01-25", "January 24, 2012", "2012-01-24"),
        ("The report is dated 2013-02-05.", "2013-02-06", "2013-02-05", "2013-02-05"),
    ],
)
def test_dateline_and_calendar_dates(times, text, published, expression, value):
    assert times(text, published)[expression].value == value


def test_earlier_this_month(times):
    found = times("Two soldiers were killed earlier this month.")
    expression = found["earlier this month"]
    assert expression.value == "2013-02"
    assert (expression.first_day, expression.last_day) == (date(2013, 2, 1), date(2013, 2, 5))
    assert expression.time_precision == 2


def test_this_year_last_year_and_explicit_years(times):
    found = times("Attacks rose this year after a quiet last year, unlike in 2012.", "2014-03-01")
    assert found["this year"].value == "2014"
    assert found["last year"].value == "2013"
    assert found["2012"].value == "2012"
    assert found["2012"].time_precision == 3


def test_a_year_ago(times):
    found = times("The rebellion began a year ago.")
    assert found["a year ago"].value == "2012"


def test_the_previous_day_follows_the_last_date_mentioned(times):
    found = times("Rebels seized the town on Monday. The previous day, soldiers had left their posts.", "2013-02-07")
    assert found["Monday"].value == "2013-02-04"
    assert found["The previous day"].value == "2013-02-03"


def test_a_part_of_the_next_day_follows_the_last_date_mentioned(times):
    found = times("Gunmen took the cafe on the night of July 1, 2016. Commandos stormed it the next morning.",
                  "2019-11-27")
    assert found["the next morning"].value == "2016-07-02"


def test_the_day_before_without_an_earlier_date_counts_from_publication(times):
    found = times("Officials said the bridge had been blown up the day before.")
    assert found["the day before"].value == "2013-02-05"


def test_days_after_a_dated_object_count_from_that_date(times):
    # "after" counts from its object, not from publication (2013-02-06): January 11 + 27 days.
    found = times("The offensive is in its fourth week, 27 days after the operation began on January 11.")
    assert found["27 days after"].value == "2013-02-07"
    assert found["27 days after"].time_precision == 1
    assert found["January 11"].value == "2013-01-11"  # the object's own date stays an expression


def test_days_before_a_dated_object_count_back_from_it(times):
    found = times("Militants left the town two days before French troops arrived on January 28.")
    assert found["two days before"].value == "2013-01-26"


def test_weeks_after_a_date_are_the_week_so_many_weeks_on(times):
    found = times("Talks opened two weeks after Jan. 11, 2013, in Ouagadougou.")
    assert found["two weeks after"].value == "2013-W04"


def test_days_after_an_undated_object_are_only_a_duration(times):
    # Never publication + 27: with no date in "the operation began" there is no date to count from.
    found = times("Rebels attacked the town on Monday. Soldiers retook it 27 days after the operation began.")
    assert "27 days after" not in found
    assert found["27 days"].type == "DURATION" and found["27 days"].value == "P27D"
    assert found["27 days"].first_day is None


def test_object_date_cut_off_by_a_comma_is_not_the_anchor(times):
    found = times("Villagers returned three days after the raid, on Friday, witnesses said.")
    assert found["three days"].type == "DURATION"


def test_days_after_an_object_with_a_coarser_date_stay_a_duration(times):
    found = times("Police came back three days after last week's raid.")
    assert found["three days"].value == "P3D"


def test_the_day_after_an_undated_event_is_a_day_of_unknown_value(times):
    found = times("Soldiers returned the day after the raid.")
    assert found["the day after"].type == "DATE"
    assert found["the day after"].value == "XXXX-XX-XX" and found["the day after"].first_day is None


def test_the_decades_after_a_date_are_no_single_date(times):
    found = times("In the decades after the war of 1967, the border stayed closed.")
    assert found["the decades after"].type == "DURATION"
    assert found["the decades after"].value == "PXDE"


def test_days_ago_still_count_from_publication(times):
    found = times("Rebels seized the town on January 11. A pilot died 27 days ago.")
    assert found["27 days ago"].value == "2013-01-10"


def test_a_year_after_that_counts_from_the_last_date_mentioned(times):
    found = times("The mutiny broke out in March 2012. A year after that, the army split.")
    assert found["A year after"].value == "2013-03"  # the month named, a year on


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Rebels had held the north for 10 months.", "10 months", "P10M"),
        ("The 26-day intervention cost millions.", "26-day", "P26D"),
        ("After a three-week campaign the army withdrew.", "three-week", "P3W"),
        ("The dynasty ruled for 210 years.", "210 years", "P210Y"),
        ("Fighting lasted five hours.", "five hours", "PT5H"),
        ("Raids went on for several weeks.", "several weeks", "PXW"),
    ],
)
def test_durations_are_never_dates(times, text, expression, value):
    found = times(text)[expression]
    assert found.type == "DURATION"
    assert found.value == value
    assert found.first_day is None and found.time_precision is None


def test_the_past_weeks_is_a_duration_but_last_week_a_date(times):
    found = times("Over the past three months aid stopped; last week it resumed.")
    assert found["the past three months"].type == "DURATION"
    assert found["last week"].type == "DATE"


def test_references_have_no_days(times):
    found = times("The town is now calm, though fighting flared recently.")
    assert found["now"].value == "PRESENT_REF"
    assert found["recently"].value == "PAST_REF"
    assert found["now"].first_day is None


def test_recurrences_are_sets(times):
    found = times("Convoys leave every Friday and patrols go out each day.")
    assert found["every Friday"].type == "SET" and found["every Friday"].value == "XXXX-WXX-5"
    assert found["each day"].value == "P1D"


def test_words_that_only_look_like_dates_are_not_dates(times):
    found = times("Police may detain 2000 protesters; the march to the fall of the city went on.")
    assert found == {}


def test_may_the_month_is_still_a_month(times):
    found = times("The vote was held in May.")
    assert found["May"].value == "2012-05"


def test_years_before_plural_nouns(times):
    found = times("Some 1500 troops arrived before the 2012 elections.", "2013-02-06")
    assert "1500" not in found
    assert found["2012"].value == "2012"


def test_no_publication_date_leaves_relative_values_unresolved(times):
    found = times("Rebels attacked on Tuesday and yesterday, in March and on January 11, 2013.", None)
    assert found["Tuesday"].value == "XXXX-WXX-2"
    assert found["yesterday"].value == "XXXX-XX-XX"
    assert found["March"].value == "XXXX-03"
    assert found["January 11, 2013"].value == "2013-01-11"  # absolute dates need no anchor
    assert found["yesterday"].first_day is None


def test_expressions_are_sorted_document_spans(make_document):
    document = make_document("On Monday, rebels attacked; on Tuesday and last week, troops struck back.")
    found = find_times(document)
    assert [t.span.start for t in found] == sorted(t.span.start for t in found)
    for expression in found:
        assert document.article.text[expression.span.start:expression.span.end] == expression.span.text
        assert expression.span.document == document.id


def test_large_and_fractional_counts(times):
    found = times("Ruins from 1,000 years ago; a 1.5 years siege; 5000 years of history.")
    assert found["1,000 years ago"].value == "1013"
    assert found["1.5 years"].value == "P1.5Y"
    assert found["5000 years"].value == "P5000Y"
