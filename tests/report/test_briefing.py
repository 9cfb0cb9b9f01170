"""Stories and the briefing: grouping rules, titles, dates, and citations for every borrowed sentence."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from polybius.report.briefing import date_range, write_briefing
from polybius.report.payload import ArticleTexts
from polybius.report.stories import STORY_GAP_DAYS, STORY_MAX_DAYS, group_stories
from polybius.store import Store


@pytest.fixture(scope="module")
def briefing(fixture_db):
    with Store(fixture_db, read_only=True) as store:
        return write_briefing(store.query_events(), ArticleTexts(store, store.articles()))


@pytest.fixture(scope="module")
def article_texts(fixture_db):
    with Store(fixture_db, read_only=True) as store:
        return {a.id: a.text for a in store.articles()}


def event(event_id, day, admin1="Kidal", lat=18.44, lon=1.41, country="Mali", **extra):
    return {
        "event_id_cnty": event_id,
        "event_date": day,
        "country": country,
        "admin1": admin1,
        "latitude": lat,
        "longitude": lon,
        **extra,
    }


def ids(stories):
    return [[e["event_id_cnty"] for e in s.events] for s in stories]


def test_events_close_in_time_and_area_make_one_story():
    stories = group_stories([event("A", "2013-02-02"), event("B", "2013-02-04"), event("C", "2013-02-05")])
    assert ids(stories) == [["A", "B", "C"]]


def test_a_gap_longer_than_the_story_gap_starts_a_new_story():
    later = (date(2013, 2, 2) + timedelta(days=STORY_GAP_DAYS + 1)).isoformat()
    assert ids(group_stories([event("A", "2013-02-02"), event("B", later)])) == [["A"], ["B"]]


def test_no_story_spans_more_than_the_maximum():
    days = [(date(2013, 1, 1) + timedelta(days=2 * i)).isoformat() for i in range(15)]
    stories = group_stories([event(f"E{i}", d) for i, d in enumerate(days)])
    assert len(stories) >= 2
    assert all((s.last - s.first).days <= STORY_MAX_DAYS for s in stories)


def test_nearby_places_in_another_admin_area_join_but_distant_ones_do_not():
    gao = event("GAO", "2013-02-08", admin1="Gao", lat=16.27, lon=-0.04)
    ansongo = event("ANS", "2013-02-09", admin1="Ansongo-area", lat=15.66, lon=0.50)  # ~90 km away
    kidal = event("KID", "2013-02-09", admin1="Kidal", lat=18.44, lon=1.41)  # ~290 km away
    assert ids(group_stories([gao, ansongo, kidal])) == [["GAO", "ANS"], ["KID"]]


def test_other_countries_and_undated_events_stay_out():
    stories = group_stories(
        [
            event("M", "2013-02-08"),
            event("N", "2013-02-08", country="Niger"),
            event("X", None),
            event("Y", "2013-02-08", country=None),
        ]
    )
    assert ids(stories) == [["M"], ["N"]]


def test_date_ranges_read_like_a_briefing():
    assert date_range(date(2013, 2, 5), date(2013, 2, 5)) == "5 February 2013"
    assert date_range(date(2013, 2, 2), date(2013, 2, 5)) == "2–5 February 2013"
    assert date_range(date(2013, 1, 28), date(2013, 2, 3)) == "28 January–3 February 2013"
    assert date_range(date(2012, 12, 30), date(2013, 1, 2), " and ") == "30 December 2012 and 2 January 2013"


def test_the_kidal_story_is_titled_and_told_from_its_events(briefing):
    kidal = next(s for s in briefing["stories"] if s["events"] == ["MLI3", "MLI4", "MLI5"])
    assert kidal["title"] == (
        "Remote violence and strategic developments involving Military Forces of France "
        "around Kidal, Mali, 2–5 February 2013"
    )
    lead = kidal["paragraphs"][0][0]["text"]
    assert lead.startswith(
        "Between 2 and 5 February 2013, 3 events were reported around Kidal, Mali: "
        "2 air or drone strikes and a non-violent transfer of territory."
    )
    assert "No deaths were reported." in lead
    assert [s["id"] for s in kidal["sources"]] == ["kidal-guardian", "kidal-afp"]


def test_the_deadliest_story_comes_first_and_names_its_dispute(briefing):
    konna = briefing["stories"][0]
    assert konna["events"] == ["MLI1"]
    text = "".join(p.get("text", f"[{p.get('cite')}]") for para in konna["paragraphs"] for p in para)
    assert "Sources disagree on the death toll of the event of 11 January: 12 [1] and 10 [2]." in text


def test_each_event_sentence_cites_the_articles_of_its_event(fixture_db, briefing):
    with Store(fixture_db, read_only=True) as store:
        documents = {e["event_id_cnty"]: e["documents"] for e in store.query_events()}
    seen = 0
    for story in briefing["stories"]:
        numbers = {s["n"]: s["id"] for s in story["sources"]}
        for paragraph in story["paragraphs"]:
            for i, segment in enumerate(paragraph):
                if "cite" in segment:
                    assert numbers[segment["cite"]] == segment["document"]
                if "event" in segment and segment["text"].startswith(("On ", "Around ", "In ")):
                    cites = [
                        s["document"] for s in paragraph[i + 1 : i + 1 + len(documents[segment["event"]])]
                    ]
                    assert cites == documents[segment["event"]]
                    seen += 1
    assert seen == 9


def test_no_sentence_of_an_article_appears_without_its_citation(briefing, article_texts):
    sentences = [
        (doc, s.strip())
        for doc, text in article_texts.items()
        for s in re.split(r"(?<=[.!?])\s+", text)
        if len(s.strip()) > 25
    ]
    quoted = 0
    for story in briefing["stories"]:
        for paragraph in story["paragraphs"]:
            for i, segment in enumerate(paragraph):
                for doc, sentence in sentences:
                    if sentence in segment.get("text", ""):
                        following = paragraph[i + 1] if i + 1 < len(paragraph) else {}
                        assert following.get("document") == doc, f"uncited copy of {sentence!r}"
                        quoted += 1
    assert quoted >= 4  # each story quotes its reporters once


def test_a_short_briefing_says_what_it_left_out(fixture_db):
    with Store(fixture_db, read_only=True) as store:
        short = write_briefing(store.query_events(), ArticleTexts(store), limit=2)
    assert len(short["stories"]) == 2
    shown = sum(len(s["events"]) for s in short["stories"])
    assert short["rest"] == f"{10 - shown} more events in 5 smaller stories are in the event table."


def test_events_recalled_as_background_stay_out_of_the_stories(briefing):
    told = {event for story in briefing["stories"] for event in story["events"]}
    assert "MLI8" not in told  # the Aguelhok massacre of 2012, recalled in a 2013 article
    assert told == {"MLI1", "MLI2", "MLI3", "MLI4", "MLI5", "MLI6", "MLI7", "NGA1", "SYR1"}


def test_a_huge_toll_from_one_report_does_not_outrank_a_well_reported_week():
    week = [event(f"K{i}", f"2013-02-0{i}", documents=[f"d{i}", f"e{i}"], fatalities=2) for i in range(2, 6)]
    claim = [event("H", "2013-02-03", admin1="Gao", lat=16.27, lon=-0.04, documents=["x"], fatalities=5000)]
    stories = sorted(group_stories(week + claim), key=lambda s: -s.weight)
    assert [e["event_id_cnty"] for e in stories[0].events] == ["K2", "K3", "K4", "K5"]


def test_the_lead_names_three_kinds_of_event_and_counts_the_rest(fixture_db):
    kinds = [
        "Armed clash",
        "Armed clash",
        "Air/drone strike",
        "Arrests",
        "Attack",
        "Looting/property destruction",
    ]
    events = [
        event(f"E{i}", "2013-02-05", sub_event_type=kind, event_type="Battles", documents=["konna-afp"])
        for i, kind in enumerate(kinds)
    ]
    with Store(fixture_db, read_only=True) as store:
        (story,) = write_briefing(events, ArticleTexts(store))["stories"]
    assert story["paragraphs"][0][0]["text"].startswith(
        "On 5 February 2013, 6 events were reported around Kidal, Mali: 2 armed clashes, "
        "an air or drone strike, a wave of arrests and 2 other events."
    )
