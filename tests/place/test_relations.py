"""How the text relates a place to what happened there, and ACLED's geo_precision."""

from place_fixtures import gazetteer, places_of  # noqa: F401 (fixtures)

from polybius.place.relations import distance_before


def _mention(mentions, text):
    return next(m for m in mentions if m.span.text == text)


def test_in_a_town_is_precision_1(places_of):
    _, mentions = places_of("A bomb exploded in Gao on Sunday.")
    gao = _mention(mentions, "Gao")
    assert (gao.relation, gao.geo_precision) == ("in", 1)


def test_near_a_town_is_precision_2(places_of):
    _, mentions = places_of("Fighting broke out near Gao on Sunday.")
    gao = _mention(mentions, "Gao")
    assert (gao.relation, gao.geo_precision) == ("near", 2)
    _, mentions = places_of("Shells fell on the outskirts of Kidal.")
    assert _mention(mentions, "Kidal").relation == "near"



def test_near_reaches_over_the_words_that_describe_the_town(places_of):
    from polybius.place.relations import is_near

    for phrase in ("near the large town of ", "around the central Malian town of ",
                   "in the area around their last stronghold of "):
        assert is_near(phrase + "Kidal", len(phrase)), phrase
    for phrase in ("in the large town of ", "fighters near Gao and the army of ", "near Gao in the north of "):
        assert not is_near(phrase + "Kidal", len(phrase)), phrase


def test_distance_expressions(places_of):
    _, mentions = places_of("The rebels held Menaka, 80 kilometres (50 miles) from the Niger border.")
    niger = _mention(mentions, "Niger")
    assert niger.relation == "distance"
    _, mentions = places_of("Jets struck a camp a few hundred kilometres north of Timbuktu.")
    timbuktu = _mention(mentions, "Timbuktu")
    assert (timbuktu.relation, timbuktu.geo_precision) == ("distance", 3)
    _, mentions = places_of("Gunmen attacked a checkpoint 15 km south of Gao.")
    assert (_mention(mentions, "Gao").relation, _mention(mentions, "Gao").geo_precision) == ("distance", 2)


def test_distance_figures():
    text = "some 300 miles northeast of "
    found = distance_before(text, len(text))
    assert round(found.km) == 483 and found.direction == "northeast"
    text = "a few hundred kilometres north of "
    assert distance_before(text, len(text)).km == 300
    assert distance_before("he went north of ", 17) is None


def test_regions_and_countries_are_precision_3(places_of):
    _, mentions = places_of("Islamists still roam northern Mali and the Kidal region.")
    assert _mention(mentions, "Mali").geo_precision == 3
    assert _mention(mentions, "Kidal region").geo_precision == 3
