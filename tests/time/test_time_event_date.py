"""date_event: the expression tied to the event's clause, and the documented defaults."""

from __future__ import annotations

from datetime import date

import pytest

from polybius.time import date_event, find_times


@pytest.fixture
def dated(make_document):
    """EventDate of the event whose trigger is the first token spelled `trigger`."""

    def run(text: str, trigger: str, published: str | None = "2013-02-07"):
        document = make_document(text, published=published)
        token = next(t for t in document.doc if t.text == trigger)
        return date_event(document, token, find_times(document))

    return run


def test_date_in_the_event_clause_wins_over_the_reporting_clause(dated):
    result = dated("Chadian soldiers fought insurgents outside Kidal on Tuesday, the army said Thursday.", "fought")
    assert result.day == date(2013, 2, 5)
    assert result.rule == "anchor"
    assert result.span.text == "Tuesday"


def test_a_clause_that_describes_a_date_is_dated_by_it(dated):
    text = ("Nerves in the protest camps have been raw since last Friday, when gunmen in cars without number "
            "plates opened fire on demonstrators near Khilani Square, killing at least 15 people.")
    result = dated(text, "opened", "2019-12-12")
    assert result.day == date(2019, 12, 6)
    assert result.span.text == "last Friday"


def test_the_reporting_date_is_not_the_event_anchor(dated):
    # Thursday belongs to "said": the event clause has no date of its own, so the report dates it.
    result = dated("Chadian soldiers fought insurgents outside Kidal, the army said Thursday.", "fought")
    assert result.rule == "said-thursday"
    assert result.day == date(2013, 2, 7)


def test_said_yesterday_dates_the_event_to_the_report(dated):
    result = dated("Gunmen attacked a checkpoint near Mopti, local officials said yesterday.", "attacked",
                   "2013-02-20")
    assert result.rule == "said-yesterday"
    assert result.day == date(2013, 2, 19)
    assert result.time_precision == 1


def test_no_anchor_falls_back_to_publication(dated):
    result = dated("Gunmen attacked a checkpoint near Mopti.", "attacked", "2013-02-20")
    assert result.rule == "publication"
    assert result.day == date(2013, 2, 20) and result.time_precision == 1
    assert result.span is None


def test_no_anchor_and_no_publication_gives_none(dated):
    assert dated("Gunmen attacked a checkpoint near Mopti.", "attacked", None) is None


def test_background_event_keeps_its_own_date(dated):
    result = dated("The commander was killed in an ambush in the hills in late February last year, "
                   "while his deputy escaped.", "killed", "2014-01-25")
    assert result.span.text == "late February last year"
    assert result.time_precision == 2
    assert date(2013, 2, 19) <= result.day <= date(2013, 2, 28)


def test_temporal_clause_dates_the_main_clause(dated):
    result = dated("When the garrison fell on January 24 2012, dozens of soldiers were executed by the rebels.",
                   "executed", "2014-01-25")
    assert result.day == date(2012, 1, 24)
    assert result.rule == "when-clause"


def test_date_on_the_head_chain_of_a_participle(dated):
    result = dated("The operation ended on Friday with nine fighters killed near Bourem.", "killed", "2014-01-25")
    assert result.day == date(2014, 1, 24)
    assert result.rule == "anchor"


def test_date_inside_a_noun_trigger(dated):
    result = dated("The group claimed the arrest on Sunday of two commanders.", "arrest", "2013-02-05")
    assert result.day == date(2013, 2, 3)


def test_a_span_is_dated_to_its_middle_cut_at_publication(dated):
    weekend = dated("Jets bombed depots around Tessalit over the weekend.", "bombed", "2013-02-04")
    assert weekend.day == date(2013, 2, 2) and weekend.time_precision == 2
    month = dated("Jets bombed depots around Tessalit this month.", "bombed", "2013-02-07")
    # February 1-7 (cut at publication), not the whole month: a week's span, precision 2.
    assert date(2013, 2, 1) <= month.day <= date(2013, 2, 7) and month.time_precision == 2


def test_dates_of_other_sentences_are_not_used(dated):
    result = dated("Rebels took the town on Monday. Soldiers fled.", "fled", "2013-02-07")
    assert result.rule == "publication"


def test_the_trigger_must_belong_to_the_document(dated, make_document):
    other = make_document("Troops fought on Monday.")
    document = make_document("Troops fought on Monday.")
    with pytest.raises(ValueError, match="Token from this document"):
        date_event(document, other.doc[1], find_times(document))


def test_participle_clause_shares_the_main_clause_date(dated):
    result = dated("On Tuesday, militants stormed a police post near Diffa, killing five officers.", "killing",
                   "2019-04-10")
    assert result.day == date(2019, 4, 9)
    assert result.rule == "anchor"


def test_temporal_subordinate_clause_shares_the_main_clause_date(dated):
    result = dated("Three soldiers died on Friday after their truck hit a mine.", "hit", "2019-04-10")
    assert result.day == date(2019, 4, 5)


def test_causal_clause_does_not_borrow_the_main_clause_date(dated):
    result = dated("Rebels raided the base on Monday because troops had detained their leader.", "detained",
                   "2019-04-10")
    assert result.rule == "publication"


# -- which adverbial clauses lend their date (time_words.toml [context] temporal_subordinators) -----


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        # Wire-lede "as": another development, with its own day, joined to the event.
        ("French jets pounded rebel depots in the north, as Paris pushed on Monday for African troops.", "pounded"),
        ("Gunmen shot dead two guards while the convoy crossed the bridge on Monday.", "shot"),
        # A contrasting "while"-clause keeps its own, unsaid, day.
        ("Three soldiers died in an ambush on Monday, while in the capital police killed two protesters.", "killed"),
        # "before": the two lie an unknown stretch apart.
        ("Rebels looted the market before troops arrived on Tuesday.", "looted"),
    ],
)
def test_as_while_and_before_clauses_lend_no_date(dated, text, trigger):
    result = dated(text, trigger, "2013-02-07")
    assert result.rule == "publication"
    assert result.span is None


def test_subjectless_while_clause_is_the_same_actor_at_the_same_time(dated):
    result = dated("A medic died on Monday while helping the wounded after an air raid.", "helping", "2013-02-07")
    assert result.day == date(2013, 2, 4)
    result = dated("Two soldiers were killed while escorting a convoy near Gao on Monday.", "killed", "2013-02-07")
    assert result.day == date(2013, 2, 4)


def test_as_clause_of_the_same_scene_lends_its_date(dated):
    # A pronoun subject: the villagers of the main clause, one scene, one time.
    result = dated("Militants fired on the villagers as they tried to flee on Wednesday.", "fired", "2013-02-08")
    assert result.day == date(2013, 2, 6)
    assert result.rule == "when-clause"


def test_as_clause_takes_the_date_of_its_main_clause(dated):
    # What was going on "as" the event happened was going on that day.
    result = dated("Two soldiers were killed on Monday as troops battled rebels near the airport.", "battled",
                   "2013-02-07")
    assert result.day == date(2013, 2, 4)
    assert result.rule == "anchor"


def test_after_clause_lends_its_date_to_the_sequel(dated):
    result = dated("Troops opened fire after protesters stormed the gate on Monday.", "opened", "2013-02-07")
    assert result.day == date(2013, 2, 4)
    assert result.rule == "when-clause"


def test_a_clause_measuring_the_gap_lends_the_measure_not_the_other_date(dated):
    # Monday is the seizure's day; the retaking is three days later.
    result = dated("Troops retook the town three days after rebels seized it on Monday.", "retook", "2013-02-08")
    assert result.day == date(2013, 2, 7)
    assert result.span.text == "three days after"


def test_a_measured_clause_does_not_take_the_main_clause_date(dated):
    result = dated("Troops retook the town on Thursday, three days after rebels seized it.", "seized", "2013-02-08")
    assert result.rule == "publication"


def test_a_measured_gap_after_a_preposition_keeps_the_dates_apart(dated):
    result = dated("In 2012 the colonel died in an ambush, four years after being wounded in a raid.", "wounded",
                   "2013-02-07")
    assert result.rule == "publication"


def test_days_ago_on_the_start_of_an_operation_dates_the_death(dated):
    # "27 days ago" hangs on "killed" (through "the start of the operation"): that day, precision 1.
    result = dated("The army's only loss so far is a pilot killed at the start of the offensive 27 days ago.",
                   "killed", "2013-02-06")
    assert result.day == date(2013, 1, 10)
    assert result.time_precision == 1
    assert result.span.text == "27 days ago"


def test_a_date_between_the_verb_of_saying_and_the_reported_subject_dates_the_saying(dated):
    result = dated("The rebels said on Wednesday they had retaken the town of Menaka.", "retaken")
    assert result.rule == "said-wednesday"
    assert result.day == date(2013, 2, 6)


@pytest.mark.parametrize("text", [
    "KABUL, June 10 — Taliban fighters attacked a checkpoint in Baghlan province on Tuesday night.",
    "SRINAGAR, June 10: Taliban fighters attacked a checkpoint in Baghlan province on Tuesday night.",
    "KABUL (Reuters) June 10, 2020 - Taliban fighters attacked a checkpoint in Baghlan on Tuesday night.",
])
def test_a_dateline_is_when_the_story_was_filed_not_when_the_event_was(dated, text):
    result = dated(text, "attacked", "2020-06-10")
    assert result.day == date(2020, 6, 9) and result.span.text == "Tuesday night"


def test_a_dateline_alone_does_not_date_the_event(dated):
    result = dated("KABUL, June 10 — Taliban fighters attacked a checkpoint in Baghlan province.", "attacked",
                   "2020-06-11")
    assert result.rule == "publication"
    # A date after a preposition at the start of a sentence is no dateline.
    result = dated("On June 9, Taliban fighters attacked a checkpoint in Baghlan province.", "attacked", "2020-06-11")
    assert result.day == date(2020, 6, 9) and result.rule == "anchor"
