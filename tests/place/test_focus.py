"""Where an article is set: the place of event sentences that name none."""

from __future__ import annotations

from place_fixtures import gazetteer  # noqa: F401 (fixture)

from polybius.place import country_place, focus_place
from polybius.records import Place, PlaceMention, Span

GAO = Place(2457163, "Gao", 16.27, -0.04, "ML", admin1="Gao")
KIDAL = Place(2455290, "Kidal", 18.44, 1.41, "ML", admin1="Kidal")
MALI = Place(2453866, "Mali", 17.0, -4.0, "ML", feature_class="A", feature_code="PCLI")
PARIS = Place(2988507, "Paris", 48.85, 2.35, "FR", feature_code="PPLC")
MAHARASHTRA = Place(1264418, "Maharashtra", 19.5, 75.0, "IN", feature_class="A", feature_code="ADM1", admin1="Maharashtra")
DHULE = Place(1272979, "Dhule", 20.9, 74.77, "IN", admin1="Maharashtra")


def at(place, start=0):
    return PlaceMention(Span("d", start, start + 3, "xyz"), place)


def test_the_clear_favourite_town_of_the_main_country_at_precision_two():
    focus = focus_place([at(GAO), at(MALI), at(GAO, 50), at(KIDAL, 90), at(PARIS, 120)])
    assert focus.place == GAO and focus.geo_precision == 2 and focus.relation == "article"


def test_no_clear_favourite_falls_back_to_the_country_named():
    focus = focus_place([at(GAO), at(KIDAL, 40), at(MALI, 80)])
    assert focus.place == MALI and focus.geo_precision == 3


def test_a_single_town_is_the_focus_and_nothing_resolved_gives_nothing():
    assert focus_place([at(KIDAL)]).place == KIDAL
    assert focus_place([PlaceMention(Span("d", 0, 5, "Konna"), None)]) is None


def test_a_town_named_as_often_as_its_region_is_the_narrower_setting():
    # "Maharashtra's Dhule district": one mention each, the town inside the region.
    assert focus_place([at(MAHARASHTRA), at(DHULE, 20)]).place == DHULE
    assert focus_place([at(GAO), at(KIDAL, 20)]) is None  # two towns apart: no setting, no country named


def test_country_place_needs_the_country_to_be_named():
    assert country_place([at(GAO)]) is None
    assert country_place([at(GAO), at(MALI, 10)]).place == MALI


def test_an_unnamed_country_comes_from_the_gazetteer_with_its_scene_as_evidence(gazetteer):
    # "Police fired on marchers in Lima": Peru is never named, yet the event's country is known.
    found = country_place([at(GAO, 20)], gazetteer)
    assert found.place.country_code == "ML" and found.geo_precision == 3 and found.span.start == 20
    assert country_place([PlaceMention(Span("d", 0, 5, "Konna"), None)], gazetteer) is None
