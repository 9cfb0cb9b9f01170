"""place_event: which place is this event's place, coded the way ACLED codes it."""

import pytest

from place_fixtures import gazetteer, places_of  # noqa: F401 (fixtures)

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


def test_no_place_at_all(places_of, gazetteer):
    document, mentions = places_of("The group said it had arrested two leaders.")
    assert place_event(document, _trigger(document, "arrested"), mentions, gazetteer) is None


def test_trigger_from_another_document_is_refused(places_of, make_document):
    document, mentions = places_of("A bomb exploded in Gao.")
    other = make_document("A bomb exploded in Gao.")
    with pytest.raises(ValueError):
        place_event(document, _trigger(other, "exploded"), mentions)
