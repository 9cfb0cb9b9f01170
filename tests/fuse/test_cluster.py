"""Fusion: ACLED's same-event rule, the cases it leaves open, blocking, and stable ids."""

from __future__ import annotations

from datetime import date

import pytest

from polybius.fuse import cluster as cluster_module
from polybius.fuse.cluster import assign_ids, cluster_mentions as cluster
from polybius.records import Actor

from builders import ANSAR_DINE, FRANCE, GAO, KIDAL, KIDAL_REGION, MAIDUGURI, MALI, MUJAO, NEAR_GAO, UNNAMED, mention



def groups(mentions):
    return sorted(sorted(m.document for m in c) for c in cluster(mentions))


def test_same_actors_day_place_and_family_are_one_event():
    assert groups([mention("a"), mention("b"), mention("c")]) == [["a", "b", "c"]]


@pytest.mark.parametrize("difference", [
    {"day": date(2013, 2, 6)},
    {"place": KIDAL},
    {"actors": (FRANCE, ANSAR_DINE)} ,
    {"sub": "Peaceful protest", "kind": "Protests"},
    {"sub": "Arrests", "kind": "Strategic developments"},
])
def test_a_different_day_place_actor_or_family_is_another_event(difference):
    first = mention("a", actors=(MUJAO,)) if "actors" in difference else mention("a")
    assert len(cluster([first, mention("b", **difference)])) == 2


def test_vague_date_joins_the_exact_event_inside_its_span():
    weekend = mention("b", day=date(2013, 2, 3), precision=2)
    assert groups([mention("a", day=date(2013, 2, 2)), weekend]) == [["a", "b"]]


def test_vague_date_does_not_join_an_event_outside_its_span():
    weekend = mention("b", day=date(2013, 2, 3), precision=2)
    assert len(cluster([mention("a", day=date(2013, 2, 20)), weekend])) == 2


def test_a_date_known_only_from_when_a_source_spoke_joins_the_exact_day_before_it():
    said = mention("b", day=date(2013, 2, 6), rule="said-Wednesday")
    assert groups([mention("a", day=date(2013, 2, 5)), said]) == [["a", "b"]]
    later = mention("c", day=date(2013, 2, 4), rule="publication")
    assert len(cluster([mention("d", day=date(2013, 2, 5)), later])) == 2


def test_a_town_joins_its_region_and_a_point_next_to_it():
    region = mention("b", place=KIDAL_REGION, geo_precision=3)
    assert groups([mention("a", place=KIDAL), region]) == [["a", "b"]]
    assert groups([mention("c", place=GAO), mention("d", place=NEAR_GAO, geo_precision=2)]) == [["c", "d"]]


def test_a_report_naming_only_the_country_joins_a_town_in_it():
    country = mention("b", place=MALI, geo_precision=3)
    assert groups([mention("a", place=GAO), country]) == [["a", "b"]]


def test_mentions_without_a_country_fuse_only_within_their_article():
    assert len(cluster([mention("a", place=None), mention("b", place=None)])) == 2
    assert groups([mention("a", place=None), mention("a", place=None)]) == [["a", "a"]]


def test_no_contradiction_is_not_enough_without_shared_evidence():
    # A vague date, a whole country and unnamed actors: nothing says these two reports are one event.
    exact = mention("a", place=MALI, geo_precision=3, actors=(UNNAMED,))
    vague = mention("b", place=MALI, geo_precision=3, actors=(UNNAMED,), day=date(2013, 2, 7), precision=2)
    assert len(cluster([exact, vague])) == 2


def test_a_state_force_and_a_sub_type_in_common_are_weak_evidence():
    exact = mention("a", place=MALI, geo_precision=3, actors=(FRANCE,))
    vague = mention("b", place=MALI, geo_precision=3, actors=(FRANCE,), day=date(2013, 2, 7), precision=2)
    assert len(cluster([exact, vague])) == 2
    assert groups([mention("c", place=MALI, geo_precision=3, actors=(FRANCE,)),
                   mention("d", place=MALI, geo_precision=3, actors=(FRANCE,))]) == [["c", "d"]]  # same stated day


def test_a_place_inherited_from_the_article_setting_is_weak_evidence():
    from dataclasses import replace

    first = mention("a", actors=(UNNAMED,), sub="Attack", kind="Violence against civilians")
    inherited = mention("b", actors=(UNNAMED,))  # another report, whose sentence names no place
    inherited = replace(inherited, place=replace(inherited.place, relation="article"))
    assert len(cluster([first, inherited])) == 2


def test_one_report_returning_to_its_event_is_one_event():
    # The article's setting places both; the same report, day and sub-type make them one event.
    from dataclasses import replace

    first = mention("a", actors=(UNNAMED,), sub="Attack", kind="Violence against civilians")
    again = replace(first, id="a:900:0", sentence=replace(first.sentence, start=900),
                    place=replace(first.place, relation="article"))
    assert groups([first, again]) == [["a", "a"]]



def test_one_report_telling_a_protest_and_the_force_against_it_is_one_event():
    # "Thousands marched in Lima on Saturday. Police fired on the marchers, killing three."
    protesters, police = Actor("Protesters (Peru)", 6, "PE"), Actor("Police Forces of Peru", 1, "PE")
    march = mention("a", sub="Peaceful protest", kind="Protests", actors=(protesters,), place=MALI, geo_precision=3)
    force = mention("a", sub="Excessive force against protesters", kind="Protests", actors=(protesters, police),
                    place=GAO)
    assert groups([march, force]) == [["a", "a"]]
    # Told by two reports, with nothing else in common, they stay apart.
    assert groups([march, mention("b", sub="Excessive force against protesters", kind="Protests",
                                  actors=(protesters, police), place=GAO)]) == [["a"], ["b"]]


def test_unnamed_group_joins_a_named_one():
    assert groups([mention("a"), mention("b", actors=(FRANCE, UNNAMED))]) == [["a", "b"]]


def test_clashes_and_rocket_fire_on_the_same_day_and_town_are_one_event():
    rockets = mention("b", sub="Shelling/artillery/missile attack", kind="Explosions/Remote violence")
    assert groups([mention("a"), rockets]) == [["a", "b"]]


def test_two_events_from_one_sentence_stay_two():
    assert len(cluster([mention("a", sentence=5000), mention("a", sentence=5000)])) == 2


def test_countries_are_separate_blocks(monkeypatch):
    calls = []
    real = cluster_module.compatible
    monkeypatch.setattr(cluster_module, "compatible", lambda p, m: calls.append(m) or real(p, m))
    cluster([mention("a"), mention("b", place=MAIDUGURI, actors=())])
    assert calls == []  # the Nigerian event was never compared with the Malian one


def test_exact_mentions_are_only_compared_with_clusters_of_their_day(monkeypatch):
    calls = []
    real = cluster_module.compatible
    monkeypatch.setattr(cluster_module, "compatible", lambda p, m: calls.append(m) or real(p, m))
    cluster([mention(str(i), day=date(2013, 1, 1 + i)) for i in range(20)])
    assert calls == []


def test_ids_stay_with_their_event_and_new_ones_continue_the_count():
    a, b, c = mention("a"), mention("b"), mention("c", place=KIDAL)
    previous = {a.id: "MLI7"}
    ids = assign_ids([[a, b], [c]], previous, {"MLI": 7}, lambda members: "MLI")
    assert ids.ids == ["MLI7", "MLI8"] and ids.counters == {"MLI": 8} and ids.merges == []


def test_events_joined_by_new_evidence_are_recorded_as_merged():
    a, b, c = mention("a"), mention("b"), mention("c")
    previous = {a.id: "MLI1", b.id: "MLI1", c.id: "MLI2"}
    ids = assign_ids([[a, b, c]], previous, {"MLI": 2}, lambda members: "MLI")
    assert ids.ids == ["MLI1"] and ids.merges == [("MLI2", "MLI1")]


def test_a_split_event_keeps_its_id_on_the_larger_part():
    a, b, c = mention("a"), mention("b"), mention("c")
    previous = {a.id: "MLI1", b.id: "MLI1", c.id: "MLI1"}
    ids = assign_ids([[c], [a, b]], previous, {"MLI": 1}, lambda members: "MLI")
    assert ids.ids == ["MLI2", "MLI1"] and ids.merges == []


def test_an_unopposed_takeover_and_a_battle_for_the_town_may_be_one_event():
    taken = mention("a", sub="Non-violent transfer of territory", kind="Strategic developments", actors=(MUJAO,))
    fought = mention("b", sub="Non-state actor overtakes territory", actors=(MUJAO,))
    assert groups([taken, fought]) == [["a", "b"]]


def test_reports_naming_different_sides_are_not_a_contradiction():
    # One report names the French forces, another the group they fought; they share the town.
    assert groups([mention("a", actors=(FRANCE,)), mention("b", actors=(MUJAO,))]) == [["a", "b"]]
    assert len(cluster([mention("a", actors=(MUJAO,)), mention("b", actors=(ANSAR_DINE,))])) == 2


def test_unnamed_islamist_militia_never_contradicts_a_named_group():
    islamists = Actor("Islamist Militia (Mali)", 3, "ML")
    assert groups([mention("a", actors=(FRANCE, islamists)), mention("b", actors=(MUJAO,))]) == [["a", "b"]]


def test_the_same_toll_in_one_report_is_evidence_of_one_event():
    from polybius.records import FatalityCount, Span

    def toll(n):
        return FatalityCount(n, n, n, (Span("a", 0, 2, str(n)),))

    own = mention("a", place=MALI, geo_precision=3, fatalities=toll(11))
    restated = mention("a", place=KIDAL, day=date(2013, 2, 6), rule="publication", actors=(), fatalities=toll(11))
    assert groups([own, restated]) == [["a", "a"]]
    other_toll = mention("a", place=KIDAL, day=date(2013, 2, 6), rule="publication", actors=(), fatalities=toll(3))
    assert len(cluster([own, other_toll])) == 2
