"""One test per fatality rule (the rules are documented at the top of polybius/events/fatalities.py)."""

from __future__ import annotations

import pytest

from polybius.events.fatalities import count_fatalities, parse_quantity
from polybius.records import FatalityCount

# -- numbers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11", (11, 11, 11)),
        ("1,800", (1800, 1800, 1800)),
        ("1.5 million", (1_500_000, 1_500_000, 1_500_000)),
        ("eleven", (11, 11, 11)),
        ("twenty-five", (25, 25, 25)),
        ("one hundred and twenty", (120, 120, 120)),
        ("one", (1, 1, 1)),
        ("a dozen", (12, 12, 12)),
        ("two dozen", (24, 24, 24)),
    ],
)
def test_numbers_in_digits_and_words(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dozens", (12, 12, None)),  # ACLED codebook: "dozens" is 12
        ("dozens of", (12, 12, None)),
        ("tens", (10, 10, None)),  # ACLED fatality FAQ: "tens" is 10
        ("hundreds", (100, 100, None)),  # ACLED codebook: "hundreds" is 100
        ("thousands", (1000, 1000, None)),
        ("scores", (20, 20, None)),  # one score, as "dozens" is one dozen
        ("several", (3, 2, None)),  # ACLED: 3 or 10 by scale; small words take 3
        ("a few", (3, 2, None)),
        ("many", (10, 2, None)),  # ... and "many" 10
    ],
)
def test_vague_counts(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("several hundred", (100, 100, None)),  # one unit, as "hundreds" is 100
        ("a few dozen", (12, 12, None)),
        ("tens of thousands", (10_000, 10_000, None)),  # "tens" (10) of thousands
    ],
)
def test_vague_words_before_units(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("more than 20", (20, 20, None)),
        ("at least 38", (38, 38, None)),
        ("over 40", (40, 40, None)),
        ("nearly 100", (100, 100, 100)),
        ("about 40", (40, 40, 40)),
        ("some 20", (20, 20, 20)),
        ("up to 30", (30, 1, 30)),
        ("as many as 30", (30, 1, 30)),
        ("fewer than 10", (9, 1, 9)),
    ],
)
def test_qualifiers(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("two or three", (2, 2, 3)),
        ("between 5 and 10", (5, 5, 10)),
        ("5 to 10", (5, 5, 10)),
        ("5-10", (5, 5, 10)),
    ],
)
def test_ranges_keep_the_lower_figure(text, expected):
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["soldiers", "the", "", "killed", "a"])
def test_not_a_quantity(text):
    assert parse_quantity(text) is None


def test_parse_quantity_rejects_non_text():
    with pytest.raises(ValueError, match="expects a string"):
        parse_quantity(20)  # type: ignore[arg-type]


# -- counting in a sentence ---------------------------------------------------------------------------


@pytest.fixture
def count(make_document):
    """The FatalityCount of a one-sentence text, with its spans checked against the text."""

    def run(text: str, trigger: str | None = None) -> FatalityCount | None:
        document = make_document(text)
        sentence = next(iter(document.doc.sents))
        token = next((t for t in sentence if t.text == trigger), None) if trigger else None
        result = count_fatalities(document, sentence, token)
        if result is not None:
            for span in result.spans:
                assert text[span.start : span.end] == span.text
        return result

    return run


def figures(result: FatalityCount | None) -> tuple[int, int, int | None] | None:
    return None if result is None else (result.best, result.low, result.high)


def test_sum_across_sides(count):
    result = count("A French soldier and more than 20 Islamist rebels were killed during clashes in the mountains.")
    assert figures(result) == (21, 21, None)
    assert [s.text for s in result.spans] == ["A French soldier", "more than 20 Islamist rebels"]


def test_wounded_never_count(count):
    assert figures(count("The offensive ended on Friday with 11 Islamist militants killed and a French soldier wounded.")) == (11, 11, 11)


def test_number_tied_to_the_death_word_by_the_parse(count):
    assert figures(count("The army said 11 of its troops were killed and 60 wounded after the battle.")) == (11, 11, 11)


def test_injured_only_is_no_death_report(count):
    assert count("Forty people were injured when the grenade exploded.") is None


def test_captured_arrested_kidnapped_missing_never_count(count):
    assert count("Five soldiers were captured, two were kidnapped and three are missing.") is None
    assert count("Police arrested 30 protesters and detained their leaders.") is None


def test_active_killing_counts_its_objects(count):
    assert figures(count("Gunmen killed at least 38 villagers and a dozen soldiers on Sunday.")) == (50, 50, None)
    assert figures(count("The mission was able to kill more than 20 of them.")) == (20, 20, None)



def test_victims_the_parser_hung_under_the_saying_verb_still_count(count):
    # The parse makes "20 people" a subject of "said", beside the sources; the kill verb has no object.
    text = ("Coalition warplanes pounded the capital overnight, killing at least 20 people, "
            "Houthi-run media and residents said on Tuesday.")
    assert figures(count(text)) == (20, 20, None)
    assert count("Gunmen opened fire on the village, killing, residents said, nobody in particular.") is None


def test_singular_victims_count_one(count):
    assert figures(count("A legionnaire died in a clash with Islamists.")) == (1, 1, 1)
    assert figures(count("The blast killed a soldier and injured three civilians.")) == (1, 1, 1)
    assert figures(count("Abou Zeid was killed in fighting in the mountains.")) == (1, 1, 1)


def test_plural_victims_without_a_number_are_acleds_plural_rule(count):
    assert figures(count("Civilians were killed in the crossfire.")) == (3, 2, None)


def test_vague_counts_in_a_sentence(count):
    assert figures(count("Dozens of people died when the bomb exploded.")) == (12, 12, None)
    assert figures(count("Hundreds of insurgents had been killed in the offensive.")) == (100, 100, None)
    assert figures(count("The raid killed several hundred fighters.")) == (100, 100, None)


def test_ranges_in_a_sentence(count):
    assert figures(count("Two or three policemen were shot dead and nearly 100 people were wounded.")) == (2, 2, 3)
    assert figures(count("Between 5 and 10 people were killed.")) == (5, 5, 10)


def test_up_to_in_a_sentence(count):
    assert figures(count("Up to 30 protesters lost their lives in the crackdown.")) == (30, 1, 30)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The bombing left 12 dead and 40 injured.", (12, 12, 12)),
        ("Police found 15 bodies in the river.", (15, 15, 15)),
        ("The clashes caused 12 deaths.", (12, 12, 12)),
        ("The death toll rose to 40 on Monday.", (40, 40, 40)),
        ("Militants executed two hostages.", (2, 2, 2)),
        ("Gunmen massacred 17 villagers in the town.", (17, 17, 17)),
        ("Up to 30 protesters lost their lives.", (30, 1, 30)),
        ("More than 90 soldiers and civilians had their throats slit.", (90, 90, None)),
        ("Two soldiers were beheaded by the militants.", (2, 2, 2)),
        ("Five men were beaten to death by a mob on Sunday.", (5, 5, 5)),
        ("A mob stoned two women to death.", (2, 2, 2)),
    ],
)
def test_death_words(count, text, expected):
    assert figures(count(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The number of villagers killed in Sunday's raid has risen to 14, the governor said.", (14, 14, 14)),
        ("The tally of people who died in the stampede stood at 31 on Monday.", (31, 31, 31)),
    ],
)
def test_a_tally_of_the_dead_counts_its_figure_not_its_victims(count, text, expected):
    assert figures(count(text)) == expected


def test_an_unknown_tally_is_no_count(count):
    assert count("The number of soldiers killed in the ambush is not known.") is None


def test_deaths_of_the_event_that_came_before_are_not_the_events(count):
    text = ("Mali's president dissolved the militia on Sunday and sacked senior army commanders after "
            "gunmen killed about 160 people in Ogossagou on Saturday.")
    assert count(text, "dissolved") is None
    # The trigger inside the "after" clause keeps its own dead.
    assert figures(count("Troops withdrew after gunmen killed 12 soldiers at the post.", "killed")) == (12, 12, 12)


def test_a_sentence_to_death_kills_no_one(count):
    assert count("A court sentenced two men to death on Monday.") is None


def test_casualties_are_ambiguous_and_not_counted(count):
    assert count("The attack caused several casualties among the rebels.") is None
    assert count("The army reported 14 casualties after the ambush.") is None


@pytest.mark.parametrize(
    "text",
    ["There were no casualties.", "No one was hurt in the blast.", "Nobody was killed.", "The convoy passed without casualties."],
)
def test_stated_zero(count, text):
    result = count(text)
    assert figures(result) == (0, 0, 0)
    assert result.spans


def test_no_reports_of_casualties_is_unknown_not_zero(count):
    assert count("There were no immediate reports of casualties.") is None


@pytest.mark.parametrize(
    "text",
    [
        "The soldier is the second French casualty since the intervention.",
        "The death toll since 2012 has risen to 1,000.",
        "The attack brought to 40 the number of soldiers killed this year.",
        "France's sole fatality so far has been a helicopter pilot killed at the start of the operation.",
        "He was the fifth soldier killed in the region.",
    ],
)
def test_cumulative_tolls_are_not_the_events(count, text):
    assert count(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An ordinal on the event, not on who died, ranks nothing in a toll.
        ("A Chadian soldier and more than 30 jihadists were killed in what looked like the first battle "
         "for the valley, officials said on Sunday.", (31, 31, None)),
        ("The second ambush this week killed five policemen.", (5, 5, 5)),
        # Reporting one more death in a series is still a report of that death.
        ("A second peacekeeper was killed on Saturday when his patrol was attacked.", (1, 1, 1)),
    ],
)
def test_ordinals_only_rank_the_dead_themselves(count, text, expected):
    assert figures(count(text)) == expected


@pytest.mark.parametrize(
    "text",
    ["She was the third reporter killed in the country.", "The trooper was the first British fatality of the war."],
)
def test_ordinal_on_the_dead_is_a_running_tally(count, text):
    assert count(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "The governor said 48 people were killed in the raid, far fewer than the 120 given by residents.",
        "Police said 48 people were killed, revising a toll of 120 given earlier by the army.",
        "The ministry said 48 villagers died, lower than the toll of 120 given by the mayor.",
        "The ministry put the death toll at 48, down from 120 reported by residents.",
        "Police said 48 people were killed, far fewer than the 120 killed according to residents.",
    ],
)
def test_a_superseded_figure_in_the_sentence_is_not_added(count, text):
    assert figures(count(text))[0] == 48


def test_deaths_in_a_clause_that_a_since_phrase_points_to_are_that_events(count):
    # "since last Friday, when ... killing 15": the clause is the anchor of "since", not a running tally.
    text = ("Nerves have been raw since last Friday, when gunmen opened fire on demonstrators near Khilani "
            "Square, killing at least 15 people.")
    assert figures(count(text, "opened"))[0] == 15


def test_a_superlative_since_ranks_the_attack_not_its_dead(count):
    # Only a perfect "have been killed since X happened" sums a running tally.
    text = ("Six aid workers and a driver were killed in the worst single attack on humanitarian staff since "
            "civil war broke out in December 2013.")
    assert figures(count(text))[0] == 7


def test_a_toll_revised_to_a_new_figure_replaces_every_other_count(count):
    assert figures(count("Authorities initially said 11 miners died but on Monday revised the toll to 10."))[0] == 10
    assert figures(count("Officials revised the death toll to 45."))[0] == 45


def test_from_without_a_change_compares_nothing(count):
    # A misparse may hang "killed" under "from the air": only "down/up/revised from" compares.
    assert figures(count("Chlorine dropped from the air killed more than 40 people, many of them children.")) == (
        40, 40, None)


def test_an_old_figure_alone_is_not_the_events(count):
    assert count("Residents disputed the initial toll of 120 given by the army.") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The raid on the prison left 14 inmates and three guards dead, the ministry said.", (17, 17, 17)),
        ("Two traders were shot dead by soldiers at the market.", (2, 2, 2)),
        ("Six fighters lay dead after the battle.", (6, 6, 6)),
    ],
)
def test_dead_names_its_object_before_its_subject(count, text, expected):
    assert figures(count(text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nine bandits were killed.", (9, 9, 9)),
        ("A truck bomb went off near the ministry on Monday, killing 16 people including the bomber.", (16, 16, 16)),
        ("A blast hit the bus on Tuesday, killing at least 27 border guards, officials said.", (27, 27, None)),
        ("Armed men attacked the hamlet and more than 60 herders were killed.", (60, 60, None)),
    ],
)
def test_common_wire_phrasings(count, text, expected):
    assert figures(count(text)) == expected


def test_no_deaths_reported_is_zero_and_injured_only_is_unknown(count):
    assert figures(count("No deaths were reported after the riot.")) == (0, 0, 0)
    assert count("Fifty-two people were injured in the stampede.") is None


def test_cumulative_clause_does_not_hide_the_events_own_toll(count):
    text = "The raid killed 12 fighters, bringing to 40 the number of soldiers killed this year."
    assert figures(count(text)) == (12, 12, 12)


def test_trigger_limits_the_count_to_its_clause(count):
    text = "Three soldiers died in the ambush in the north, while in the capital 12 protesters were killed by police."
    assert figures(count(text, trigger="ambush")) == (3, 3, 3)
    assert figures(count(text)) == (15, 15, 15)


def test_deaths_reported_beside_the_trigger_count(count):
    text = "Soldiers clashed with rebels near the border, the army said, adding that four rebels were killed."
    assert figures(count(text, trigger="clashed")) == (4, 4, 4)


def test_earlier_deaths_reported_beside_the_trigger_do_not(count):
    text = ("Troops clashed with militants near the dam, officials said after reporting that dozens of "
            "fighters had been killed in the campaign.")
    assert count(text, trigger="clashed") is None
    assert figures(count(text, trigger="killed")) == (12, 12, None)  # the campaign's own mention


def test_no_death_words_means_unknown(count):
    assert count("French jets bombed a fuel depot near Kidal on Saturday.") is None


def test_sentence_from_another_document_is_rejected(make_document):
    first, second = make_document("Ten people died."), make_document("Ten people died.")
    with pytest.raises(ValueError, match="document's own spaCy Doc"):
        count_fatalities(first, next(iter(second.doc.sents)))


def test_only_sub_types_that_can_kill_have_fatalities():
    from polybius.events.fatalities import counts_deaths
    from polybius.events.fatalities.lexicon import lexicon
    from polybius.events.taxonomy import taxonomy

    assert lexicon().harmless_sub_types <= set(taxonomy().sub_types)  # names as the taxonomy writes them
    assert not counts_deaths("Arrests") and not counts_deaths("Peaceful protest")
    assert counts_deaths("Attack") and counts_deaths("Excessive force against protesters")
    assert counts_deaths("Disrupted weapons use")  # a bomb that goes off while being planted kills


def test_a_misspelt_harmless_sub_type_is_a_clear_error():
    from polybius.events.fatalities.lexicon import harmless_sub_types

    with pytest.raises(ValueError, match=r"fatalities.toml: \[harmless\].*'Arrest'"):
        harmless_sub_types(["Arrest", "Agreement"])


def test_a_fatality_file_missing_a_key_is_an_error_naming_it():
    from importlib import resources

    from polybius.events.fatalities.lexicon import parse_lexicon

    text = resources.files("polybius.events").joinpath("data/fatalities.toml").read_text("utf-8")
    assert parse_lexicon(text).toll_nouns  # the bundled file parses
    without = text.replace("fatal_ends = ", "fatal_endings = ")
    with pytest.raises(ValueError, match=r"my_fatalities.toml: missing table or key 'fatal_ends'"):
        parse_lexicon(without, "my_fatalities.toml")
