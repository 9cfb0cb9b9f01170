"""The fused record: conservative fatalities, updates versus conflicts, independent sources, notes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from polybius.fuse import ArticleInfo, fuse_all
from polybius.fuse.record import build_event, independent_mentions, write_note
from polybius.records import Actor, FatalityCount, Paragraph, ParagraphLink, Span

from builders import ANSAR_DINE, FRANCE, KIDAL, KIDAL_REGION, MUJAO, UNNAMED, mention


def deaths(n, doc="a"):
    return FatalityCount(n, n, n, (Span(doc, 0, 2, str(n)),))


ARTICLES = {
    "a": ArticleInfo(date(2013, 2, 5), "AFP"),
    "b": ArticleInfo(date(2013, 2, 5), "Reuters"),
    "c": ArticleInfo(date(2013, 2, 7), "AFP"),
}


def fused(*mentions, articles=ARTICLES):
    return build_event("MLI1", mentions, articles, independent_mentions(mentions, articles))


def test_within_one_article_the_fullest_figure_counts():
    event = fused(mention("a", fatalities=deaths(20)), mention("a", fatalities=deaths(21)))
    assert event.row["fatalities"] == 21 and event.disputes == []


def test_sources_disagreeing_on_the_same_day_give_the_lowest_figure_and_a_conflict():
    event = fused(mention("a", fatalities=deaths(11)), mention("b", fatalities=deaths(15)))
    assert (event.row["fatalities"], event.row["fatalities_low"], event.row["fatalities_high"]) == (11, 11, 15)
    (dispute,) = event.disputes
    assert dispute.field == "fatalities" and dispute.kind == "conflict"
    assert {c["value"] for c in dispute.claims} == {11, 15}
    assert "fatalities conflict" in event.row["tags"]


def test_a_toll_that_rises_in_later_reports_is_an_update():
    event = fused(mention("a", fatalities=deaths(11)), mention("c", fatalities=deaths(14)))
    assert event.row["fatalities"] == 14 and event.disputes[0].kind == "update"


def test_a_toll_revised_down_by_a_later_official_count_is_an_update():
    event = fused(mention("a", fatalities=deaths(95)), mention("c", fatalities=deaths(35)))
    assert event.row["fatalities"] == 35 and event.disputes[0].kind == "update"
    assert (event.row["fatalities_low"], event.row["fatalities_high"]) == (35, 95)


def test_reports_that_go_up_and_down_over_days_conflict_and_the_lowest_counts():
    articles = ARTICLES | {"d": ArticleInfo(date(2013, 2, 9), "BBC")}
    event = fused(mention("a", fatalities=deaths(11)), mention("c", fatalities=deaths(14)),
                  mention("d", fatalities=deaths(12)), articles=articles)
    assert event.row["fatalities"] == 11 and event.disputes[0].kind == "conflict"


def test_unknown_tolls_give_zero_and_no_range():
    event = fused(mention("a"), mention("b"))
    assert (event.row["fatalities"], event.row["fatalities_low"], event.row["fatalities_high"]) == (0, None, None)


def test_a_repeated_paragraph_adds_a_document_but_not_a_source():
    articles = {
        "a": ArticleInfo(date(2013, 2, 5), "AFP", (Paragraph(0, 0, 500),)),
        "b": ArticleInfo(date(2013, 2, 6), "AFP Mirror", (Paragraph(0, 0, 500, ParagraphLink("a", 0, 0.8)),)),
    }
    first, copy = mention("a", sentence=10), mention("b", sentence=10)
    flags = independent_mentions([first, copy], articles)
    assert flags == {first.id: True, copy.id: False}
    event = build_event("MLI1", [first, copy], articles, flags)
    assert event.documents == ["a", "b"] and event.row["source"] == "AFP"


def test_the_most_precise_place_and_date_win():
    vague = mention("a", place=KIDAL_REGION, geo_precision=3, day=date(2013, 2, 3), precision=2)
    exact = mention("b", place=KIDAL, day=date(2013, 2, 2))
    event = fused(vague, exact)
    assert event.row["location"] == "Kidal" and event.row["event_date"] == "2013-02-02"
    assert event.row["time_precision"] == 1


def test_a_stated_date_beats_one_set_by_a_default_rule():
    event = fused(mention("a", day=date(2013, 2, 6), rule="said-Wednesday"), mention("b", day=date(2013, 2, 5)))
    assert event.row["event_date"] == "2013-02-05"


def test_a_stated_vague_date_beats_a_defaulted_exact_one():
    weekend = mention("a", day=date(2013, 2, 2), precision=2)
    event = fused(weekend, mention("b", day=date(2013, 2, 4), rule="publication"))
    assert (event.row["event_date"], event.row["time_precision"]) == ("2013-02-02", 2)


def test_an_event_no_report_dates_is_not_a_row():
    assert fuse_all([mention("a", day=None)], ARTICLES, {}, {}, {}, now=1).events == []


def test_at_equal_precision_a_feature_beats_the_whole_country():
    from builders import MALI
    from polybius.records import Place

    mountains = Place(2493623, "Adrar des Ifoghas", 19.5, 1.9, "ML", feature_class="T", feature_code="MTS",
                      admin1="Kidal")
    event = fused(mention("a", place=MALI, geo_precision=3), mention("b", place=mountains, geo_precision=3))
    assert event.row["location"] == "Adrar des Ifoghas"


def test_row_carries_country_codes_and_interaction():
    event = fused(mention("a", place=KIDAL, actors=(FRANCE, MUJAO)))
    assert event.row["iso"] == 466 and event.row["region"] == "Western Africa"
    assert event.row["inter1"] == 8 and event.row["inter2"] == 2 and event.row["interaction"] == 28


def test_note_is_written_from_the_fields():
    row = {"sub_event_type": "Armed clash", "actor1": "Military Forces of France", "actor2": "Rebels (Mali)",
           "event_date": "2013-02-19", "time_precision": 1, "location": "Adrar des Ifoghas", "admin1": "Kidal",
           "country": "Mali", "geo_precision": 3, "fatalities": 21, "fatalities_low": 21, "fatalities_high": 21}
    assert write_note(row) == ("On 19 February 2013, Military Forces of France clashed with Rebels (Mali) in the area "
                               "of Adrar des Ifoghas (Kidal), Mali. 21 people were reported killed.")



def test_a_protest_at_which_protesters_were_killed_is_excessive_force():
    # ACLED's hierarchy within Protests: the confident march does not outvote the deaths.
    protesters = Actor("Protesters (Mali)", 6, "ML")
    march = replace(mention("a", sub="Peaceful protest", kind="Protests", actors=(protesters,), place=KIDAL),
                    confidence=0.9)
    force = mention("a", sub="Excessive force against protesters", kind="Protests", actors=(protesters,),
                    place=KIDAL)
    assert fused(march, replace(force, confidence=0.3, fatalities=deaths(3, "a"))).row["sub_event_type"] == (
        "Excessive force against protesters")
    # Without deaths the vote stands: a sentence typed as force may be "riot police stood guard".
    assert fused(march, replace(force, confidence=0.3)).row["sub_event_type"] == "Peaceful protest"


def test_note_of_excessive_force_names_the_force_as_its_doer():
    # ACLED puts protesters first in every protest event; the note must still say who used force.
    row = {"sub_event_type": "Excessive force against protesters", "actor1": "Protesters (Peru)",
           "actor2": "Police Forces of Peru", "event_date": "2020-11-14", "time_precision": 1, "location": "Lima",
           "admin1": "Lima", "country": "Peru", "geo_precision": 1, "fatalities": 3, "fatalities_low": 3,
           "fatalities_high": 3}
    assert write_note(row).startswith("On 14 November 2020, Police Forces of Peru used excessive force against a "
                                      "protest by Protesters (Peru) in Lima")


def test_an_unnamed_group_stands_for_the_one_group_another_report_names():
    # "MUJAO fighters attacked the base. The army said it repelled the attack, killing 30 militants."
    lede, account = mention("a", actors=(MUJAO,)), mention("a", actors=(FRANCE, UNNAMED))
    event = fused(lede, account)
    assert (event.row["actor1"], event.row["actor2"]) == ("Military Forces of France", MUJAO.name)
    # Two named groups: which one the militants were cannot be said.
    event = fused(lede, mention("a", actors=(ANSAR_DINE,)), account)
    assert event.row["actor2"] == UNNAMED.name


def test_evidence_spans_cover_every_report():
    event = fused(mention("a"), mention("b"))
    assert {s.document for s in event.evidence["actor1"]} == {"a", "b"}


def test_timestamp_changes_only_when_the_row_changes():
    one = [mention("a")]
    first = fuse_all(one, ARTICLES, {}, {}, {}, now=100)
    event = first.events[0]
    previous = {m.id: event.event_id_cnty for m in event.mentions}
    fingerprints = {event.event_id_cnty: (event.row["fingerprint"], 100)}
    again = fuse_all(one, ARTICLES, previous, fingerprints, first.counters, now=200)
    assert again.events[0].row["timestamp"] == 100
    grown = fuse_all(one + [mention("b", fatalities=deaths(3, "b"))], ARTICLES, previous, fingerprints,
                     first.counters, now=300)
    assert [e.event_id_cnty for e in grown.events] == [event.event_id_cnty]
    assert grown.events[0].row["timestamp"] == 300


def test_a_country_code_the_table_does_not_know_leaves_country_fields_empty():
    from dataclasses import replace

    from builders import GAO

    odd = mention("a", place=replace(GAO, country_code="QQ"))
    event = fused(odd)
    assert event.row["iso"] is None and event.row["location"] == "Gao"
    assert fuse_all([mention("b", place=replace(GAO, country_code=""))], ARTICLES, {}, {}, {}, now=1).events[0].event_id_cnty == "XXX1"


def test_a_later_recollection_does_not_lower_the_toll_of_the_time():
    from dataclasses import replace

    recalled = replace(mention("c", fatalities=deaths(1, "c")), background=True)
    event = fused(mention("a", fatalities=deaths(21)), recalled)
    assert event.row["fatalities"] == 21
    alone = fused(recalled)
    assert alone.row["fatalities"] == 1  # with no report of the time, the recollection's figure stands


def test_settings_that_disagree_leave_only_their_country():
    from dataclasses import replace

    from builders import GAO, MALI

    def guessed(doc, place, precision):
        m = mention(doc, place=place, geo_precision=precision)
        return replace(m, place=replace(m.place, relation="article"))

    event = fused(guessed("a", GAO, 2), guessed("b", MALI, 3))
    assert event.row["location"] == "Mali"
    stated = fused(mention("a", place=GAO, geo_precision=2), guessed("b", MALI, 3))
    assert stated.row["location"] == "Gao"
