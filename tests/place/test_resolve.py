"""Resolution: each rule, on sentences written for the test."""

from place_fixtures import gazetteer, places_of, writable_gazetteer  # noqa: F401 (fixtures)
from place_fixtures import FIXTURES

from polybius.place import find_places


def _place(mentions, text):
    return next(m.place for m in mentions if m.span.text == text)


def test_country_focus_reads_paris_in_texas(places_of):
    text = "Storms hit Tyler, Longview and Paris overnight, and Texas officials said more rain was due."
    _, mentions = places_of(text)
    paris = _place(mentions, "Paris")
    assert (paris.country_code, paris.admin1) == ("US", "Texas")


def test_without_context_the_populous_reading_wins(places_of):
    _, mentions = places_of("Delegates met in Paris.")
    assert _place(mentions, "Paris").country_code == "FR"
    _, mentions = places_of("A ferry sank off Alexandria.")
    assert _place(mentions, "Alexandria").country_code == "EG"


def test_coherence_picks_the_reading_near_the_other_names(places_of):
    text = "Residents of Paris and Henry County gathered at the courthouse on Friday."
    _, mentions = places_of(text)
    assert _place(mentions, "Paris").admin1 == "Tennessee"
    assert _place(mentions, "Henry County").admin1 == "Tennessee"


def test_feature_class_prefers_towns_and_admin_areas(places_of):
    _, mentions = places_of("The convoy drove from Gao to Kidal.")
    assert _place(mentions, "Kidal").feature_code.startswith("PPL")  # the town, not the region it names
    _, mentions = places_of("Clashes spread across the Kidal region.")
    assert _place(mentions, "Kidal region").feature_code == "ADM1"


def test_admin_names_with_head_words(places_of):
    _, mentions = places_of("Deputies in Laurel County, Ky., arrested two men.")
    county = _place(mentions, "Laurel County")
    assert (county.feature_code, county.admin1) == ("ADM2", "Kentucky")
    _, mentions = places_of("Troops patrolled the Timbuktu region after the attack.")
    region = _place(mentions, "Timbuktu region")
    assert (region.feature_code, region.country_code) == ("ADM1", "ML")


def test_qualifier_after_a_comma(places_of):
    _, mentions = places_of("He was born in Springfield, Ill., and moved away.")
    assert _place(mentions, "Springfield").admin1 == "Illinois"


def test_natural_features_named_as_such_resolve_after_import(make_document, writable_gazetteer):
    writable_gazetteer.import_dump(FIXTURES / "tiny_dump.txt")
    document = make_document("French forces fought in the Adrar des Ifoghas mountains on Tuesday.")
    mentions = find_places(document, writable_gazetteer)
    place = mentions[0].place
    assert (place.geonameid, place.feature_code) == (2493623, "MTS")
    assert mentions[0].geo_precision == 3


def test_given_spans_are_resolved_exactly(make_document, gazetteer):
    text = "The American envoy flew from Bamako to Gao."
    document = make_document(text)
    spans = [(text.index("American"), text.index("American") + 8), (text.index("Gao"), text.index("Gao") + 3)]
    mentions = find_places(document, gazetteer, toponyms=spans)
    assert [(m.span.start, m.span.end) for m in mentions] == spans
    assert mentions[0].place.country_code == "US"  # a demonym resolves when it is given as a toponym
    assert mentions[1].place.country_code == "ML"


def test_bad_spans_are_refused(make_document, gazetteer):
    import pytest

    document = make_document("Gao.")
    with pytest.raises(ValueError, match="not inside"):
        find_places(document, gazetteer, toponyms=[(2, 40)])


def test_a_people_named_in_the_text_joins_the_country_focus(places_of):
    # "Gaza" alone is read as the Mozambican province (an admin area outranks a town of its size);
    # "Palestinians" and "Palestinian" are no toponyms but say where the article is.
    text = "Israeli troops shot dead 58 Palestinians at the Gaza border on Monday, Palestinian medics said."
    _, mentions = places_of(text)
    assert _place(mentions, "Gaza").country_code == "PS"
    assert [m.span.text for m in mentions] == ["Gaza"]  # the demonyms are still no places


def test_a_country_name_is_the_country_unless_a_qualifier_makes_it_a_hamlet(places_of):
    # Dayton lies 60 km from the Ohio village of Russia (650 people): focus and coherence alone
    # would pick the village.
    _, mentions = places_of("Officials in Dayton said Russia had tried to sway the vote.")
    assert _place(mentions, "Russia").country_code == "RU"
    # A list of countries is no qualifier: "Russia, America" does not put Russia in the US.
    _, mentions = places_of("Officials in Dayton said Russia, America and France had met.")
    assert _place(mentions, "Russia").country_code == "RU"
    _, mentions = places_of("Residents of Russia, Ohio, said the vote was calm.")
    assert (_place(mentions, "Russia").country_code, _place(mentions, "Russia").admin1) == ("US", "Ohio")


def test_a_town_abroad_read_by_a_weak_alternate_name_is_not_trusted(places_of):
    # "Gulshan", a quarter of Dhaka, is also an old name of Tabas in Iran (50,000 people): in an
    # article set in Bangladesh it is left unresolved rather than put in Iran.
    text = "Gunmen stormed a cafe in the Gulshan diplomatic quarter of Dhaka, Bangladesh, on Friday night."
    _, mentions = places_of(text)
    assert _place(mentions, "Gulshan") is None or _place(mentions, "Gulshan").country_code == "BD"
    # A big city's alternate name still reads abroad: "Bombay" in a report from Bangladesh.
    _, mentions = places_of("Police in Dhaka said the suspect had flown in from Bombay on Friday.")
    assert _place(mentions, "Bombay").country_code == "IN"
