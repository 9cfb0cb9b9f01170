"""place_event: which place is this event's place, coded the way ACLED codes it."""

import pytest

from place_fixtures import FIXTURES, gazetteer, places_of, writable_gazetteer  # noqa: F401 (fixtures)

from polybius.place import place_event


def _trigger(document, word):
    return next(t for t in document.doc if t.text == word)


def test_the_clause_place_beats_context_places(places_of, gazetteer):
    text = ("Paris said on Monday that French jets bombed a depot near Kidal, some 300 miles northeast "
            "of Timbuktu.")
    document, mentions = places_of(text)
    chosen = place_event(document, _trigger(document, "bombed"), mentions, gazetteer)
    assert chosen.span.text == "Kidal"
    assert (chosen.relation, chosen.geo_precision) == ("near", 2)


def test_a_capital_speaking_for_its_government_is_not_the_place(places_of, gazetteer):
    document, mentions = places_of("Paris pushed for a quick deployment of African troops in Mali.")
    chosen = place_event(document, _trigger(document, "deployment"), mentions, gazetteer)
    assert chosen.span.text == "Mali"


def test_a_distance_reference_is_coded_to_its_region(places_of, gazetteer):
    document, mentions = places_of("Eleven militants were killed in clashes a few hundred kilometres north of Timbuktu.")
    chosen = place_event(document, _trigger(document, "clashes"), mentions, gazetteer)
    assert chosen.relation == "distance" and chosen.geo_precision == 3
    assert chosen.place.admin1 == "Tombouctou"


def test_a_region_is_coded_to_its_capital(places_of, gazetteer):
    document, mentions = places_of("Jets carried out air strikes in the Kidal region over the weekend.")
    chosen = place_event(document, _trigger(document, "strikes"), mentions, gazetteer)
    assert chosen.geo_precision == 3
    assert chosen.place.feature_class == "P" and chosen.place.admin1 == "Kidal"


def test_no_place_in_the_sentence_falls_back_to_the_one_before(places_of, gazetteer):
    document, mentions = places_of("There were clashes around Gao yesterday. The jihadists were using rockets.")
    chosen = place_event(document, _trigger(document, "using"), mentions, gazetteer)
    assert chosen.span.text == "Gao"


def test_the_sentence_before_gives_its_first_scene_not_its_nearest_reference(places_of, gazetteer):
    document, mentions = places_of("Iraqi troops recaptured the town of Bartella, east of Mosul, on Tuesday, "
                                   "the army said. Dozens of militants were killed in the fighting.")
    chosen = place_event(document, _trigger(document, "killed"), mentions, gazetteer)
    assert chosen.span.text == "Bartella"


def test_no_place_at_all(places_of, gazetteer):
    document, mentions = places_of("The group said it had arrested two leaders.")
    assert place_event(document, _trigger(document, "arrested"), mentions, gazetteer) is None


def test_trigger_from_another_document_is_refused(places_of, make_document):
    document, mentions = places_of("A bomb exploded in Gao.")
    other = make_document("A bomb exploded in Gao.")
    with pytest.raises(ValueError):
        place_event(document, _trigger(other, "exploded"), mentions)


# --- the quality pass: which place, and how precisely ------------------------------------------------


def test_near_the_large_town_of_is_near_the_town(places_of, gazetteer):
    text = ("Government troops clashed with rebels near the large town of Kidal, the ministry said on Tuesday "
            "after reporting heavy losses in the fight to retake the north of the country.")
    document, mentions = places_of(text)
    chosen = place_event(document, _trigger(document, "clashed"), mentions, gazetteer)
    assert chosen.span.text == "Kidal" and chosen.place.feature_class == "P"
    assert (chosen.relation, chosen.geo_precision) == ("near", 2)


def test_the_town_of_reads_the_town_for_every_bare_mention(places_of):
    document, mentions = places_of("Fighting broke out in the town of Mopti. By noon Mopti was calm again.")
    assert [m.place.feature_code for m in mentions if m.span.text == "Mopti"] == ["PPL", "PPL"]
    assert mentions[0].geo_precision == 1


def test_a_distance_measured_through_other_words_is_a_reference(places_of, gazetteer):
    text = ("Insurgents overran the village of Kouakourou on Thursday, pushing to within 40 kilometres of "
            "the army's base at Djenne.")
    document, mentions = places_of(text)
    djenne = next(m for m in mentions if m.span.text == "Djenne")
    assert (djenne.relation, djenne.geo_precision) == ("distance", 3)
    chosen = place_event(document, _trigger(document, "overran"), mentions, gazetteer)
    assert chosen.span.text == "Kouakourou"  # the scene, known to no gazetteer: its country is coded


def test_an_unknown_name_after_the_village_of_is_still_a_place(places_of, gazetteer):
    document, mentions = places_of("Gunmen attacked the village of Ntessoukounda on Friday.")
    assert [(m.span.text, m.place) for m in mentions] == [("Ntessoukounda", None)]


def test_a_named_region_is_coded_to_its_capital_at_precision_three(places_of, gazetteer):
    document, mentions = places_of("Gunmen killed 12 villagers in the Segou region on Sunday.")
    chosen = place_event(document, _trigger(document, "killed"), mentions, gazetteer)
    assert chosen.place.feature_class == "P" and chosen.place.admin1 == "Ségou" and chosen.geo_precision == 3


def test_northern_country_keeps_the_countrys_own_point(places_of, gazetteer):
    document, mentions = places_of("Jihadists attacked an army post in northern Burkina Faso.")
    chosen = place_event(document, _trigger(document, "attacked"), mentions, gazetteer)
    assert chosen.place.feature_code == "PCLI" and chosen.geo_precision == 3
    capital = gazetteer.place(gazetteer.country_place("BF").capital_id)
    assert (chosen.place.latitude, chosen.place.longitude) != (capital.latitude, capital.longitude)


def test_a_district_is_coded_to_the_town_that_bears_its_name(places_of, gazetteer):
    document, mentions = places_of("Police opened fire on rioters in Kheda district on Sunday.")
    chosen = place_event(document, _trigger(document, "fire"), mentions, gazetteer)
    assert chosen.place.name == "Kheda" and chosen.place.feature_class == "P"  # not the larger Nadiad
    assert chosen.geo_precision == 2


def test_a_mountain_range_is_the_place_at_precision_three(make_document, writable_gazetteer):
    from polybius.place import find_places

    writable_gazetteer.import_dump(FIXTURES / "tiny_dump.txt")
    text = ("Two soldiers and a dozen militants died in the first clashes in the Adrar des Ifoghas mountain range "
            "where the rebels have been hiding in northern Mali, officials said.")
    document = make_document(text)
    mentions = find_places(document, writable_gazetteer)
    chosen = place_event(document, _trigger(document, "died"), mentions, writable_gazetteer)
    assert (chosen.place.feature_code, chosen.geo_precision) == ("MTS", 3)


def test_a_village_known_only_by_an_alternate_name_resolves_inside_the_articles_country(
    make_document, writable_gazetteer
):
    from polybius.place import find_places

    writable_gazetteer.import_dump(FIXTURES / "tiny_dump.txt")
    # Alone, the Irish hamlet "Conna" (an alternate spelling "Konna") outscores a Malian village of no
    # recorded population; a hamlet abroad is not trusted, and the best trusted reading stands.
    document = make_document("French jets struck rebel positions around Konna, in Mali, on Friday, the ministry in "
                             "Paris said.")
    mentions = find_places(document, writable_gazetteer)
    konna = next(m for m in mentions if m.span.text == "Konna")
    assert konna.place is not None and konna.place.geonameid == 2454857  # not the Irish hamlet "Conna"
    assert (konna.relation, konna.geo_precision) == ("near", 2)


def test_the_north_alone_is_the_articles_country_at_precision_three(places_of, gazetteer):
    text = ("Soldiers retook Douentza in Mali on Monday. Fighting continued in the north on Tuesday, "
            "officials said.")
    document, mentions = places_of(text)
    chosen = place_event(document, _trigger(document, "Fighting"), mentions, gazetteer)
    assert chosen.place.feature_code == "PCLI" and chosen.place.country_code == "ML" and chosen.geo_precision == 3
    text = "Soldiers retook Douentza in Mali on Monday. Fighting continued on Tuesday, officials said."
    document, mentions = places_of(text)
    chosen = place_event(document, _trigger(document, "Fighting"), mentions, gazetteer)
    assert chosen.place.name == "Douentza"  # no part of the country named: the sentence before decides
