"""A capitalised particle opens a name the gazetteer knows ("In Amenas"); a country named right next to a
toponym constrains its reading ("Algeria's X", "the Lebanese city of X", "X ... in Algeria"), and a
name one letter off never leaves it. Sentences and the invented places are the tests' own."""

import pytest

from place_fixtures import gazetteer, places_of, writable_gazetteer  # noqa: F401 (fixtures)
from shared_data import shared_path

from polybius.place import find_places

# In Amenas (Illizi province, Algeria) as a GeoNames dump would give it (the packaged cities500 lacks it);
# an invented Malian village one letter off another invented name, and an invented wadi.
_ROWS = [
    (9992001, "In Amenas", "In Amenas,In Aménas,In-Amenas", 28.0503, 9.5425, "P", "PPL", "DZ", "46", 7000),
    (9992002, "Tessalout", "", 19.8, 1.1, "P", "PPL", "ML", "10", 900),
    (9992003, "Ouallamine", "", 17.2, 0.3, "H", "WAD", "ML", "09", 0),
]


@pytest.fixture
def sahel(writable_gazetteer, tmp_path):
    lines = []
    for gid, name, alternates, lat, lon, fclass, fcode, cc, admin1, population in _ROWS:
        lines.append("\t".join([
            str(gid), name, name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1,
            "", "", "", str(population), "", "400", "Africa/Algiers", "2024-01-01",
        ]))
    dump = tmp_path / "sahel.txt"
    dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    writable_gazetteer.import_dump(dump)
    return writable_gazetteer


def _places(gazetteer, make_document, text):
    return {m.span.text: m.place for m in find_places(make_document(text), gazetteer)}


# --- (a) a capitalised particle opens the name -------------------------------------------------------

def test_mid_sentence_in_opens_a_name_the_gazetteer_knows(sahel, make_document):
    places = _places(sahel, make_document, "Gunmen staged a raid on Algeria's In Amenas gas plant last week.")
    assert "Amenas" not in places
    assert places["In Amenas"].geonameid == 9992001
    places = _places(sahel, make_document, "Kidnappers struck the In Amenas gas plant at dawn.")
    assert places["In Amenas"].geonameid == 9992001


def test_packaged_in_names_are_read_whole(places_of):
    _, mentions = places_of("Smugglers crossed at the In Guezzam border post on Friday.")
    assert [(m.span.text, m.place.country_code) for m in mentions] == [("In Guezzam", "DZ")]


def test_in_at_a_sentence_start_is_the_preposition(places_of):
    _, mentions = places_of("In Gao, soldiers searched the market on Friday.")
    assert [m.span.text for m in mentions] == ["Gao"]


def test_a_particle_stays_out_when_the_gazetteer_does_not_know_the_whole_name(places_of):
    _, mentions = places_of("Soldiers Fought In Kidal, officials said.")  # no place is called "In Kidal"
    assert [(m.span.text, m.place.country_code) for m in mentions] == [("Kidal", "ML")]


# --- (b) a country named before the toponym constrains it --------------------------------------------

def test_a_possessive_country_chooses_among_namesakes(places_of):
    _, mentions = places_of("After talks in Benghazi and Misrata, the envoys flew on to Lebanon's Tripoli.")
    assert next(m for m in mentions if m.span.text == "Tripoli").place.country_code == "LB"
    _, mentions = places_of("After talks in Benghazi and Misrata, the envoys flew on to Tripoli.")
    assert next(m for m in mentions if m.span.text == "Tripoli").place.country_code == "LY"  # the control


def test_a_demonym_before_the_name_chooses_among_namesakes(places_of):
    _, mentions = places_of("After talks in Benghazi and Misrata, the envoys flew on to the Lebanese city of Tripoli.")
    assert next(m for m in mentions if m.span.text == "Tripoli").place.country_code == "LB"


def test_a_country_name_as_modifier_chooses_among_namesakes(places_of):
    _, mentions = places_of("After talks in Benghazi and Misrata, the envoys flew on to the Lebanon city of Tripoli.")
    assert next(m for m in mentions if m.span.text == "Tripoli").place.country_code == "LB"


def test_a_name_unknown_in_the_country_named_before_it_is_read_as_that_country(places_of):
    _, mentions = places_of("Gunmen attacked a checkpoint in Mauritania's Kidal, the ministry claimed.")
    kidal = next(m for m in mentions if m.span.text == "Kidal")
    assert (kidal.place.country_code, kidal.place.feature_code, kidal.geo_precision) == ("MR", "PCLI", 3)


# --- (c) a name one letter off never leaves the country named next to it ------------------------------

_MALI = "French jets struck Gao and Kidal in Mali on Sunday. "


def _resolved(gazetteer, make_document, text, names):
    """Resolve the given names at each of their occurrences (recognition is not under test here)."""
    spans = sorted((at, at + len(name)) for name in names for at in _occurrences(text, name))
    return {m.span.text: m.place for m in find_places(make_document(text), gazetteer, toponyms=spans)}


def _occurrences(text, name):
    at = text.find(name)
    while at >= 0:
        yield at
        at = text.find(name, at + 1)


_NAMES = ("Gao", "Kidal", "Mali", "Algeria", "Tessalut", "Oualamine")


def test_fuzzy_reading_stays_in_the_country_named_before(sahel, make_document):
    text = _MALI + "The group also claimed a raid on the Tessalut gas plant."
    control = _resolved(sahel, make_document, text, _NAMES)
    assert control["Tessalut"].geonameid == 9992002  # one letter off, inside the article's Mali: trusted
    for text in (_MALI + "The group also claimed a raid on Algeria's Tessalut gas plant.",
                 _MALI + "The group also claimed a raid on the Algerian Tessalut gas plant."):
        tied = _resolved(sahel, make_document, text, _NAMES)["Tessalut"]
        assert (tied.country_code, tied.feature_code) == ("DZ", "PCLI")  # Algeria itself, not the Malian village


def test_fuzzy_reading_stays_in_the_country_named_after(sahel, make_document):
    text = _MALI + "The group also claimed the Tessalut gas plant in Algeria."
    assert _resolved(sahel, make_document, text, _NAMES)["Tessalut"] is None
    text = _MALI + "The group also raided Tessalut, Algeria, at dawn."
    assert _resolved(sahel, make_document, text, _NAMES)["Tessalut"] is None
    text = _MALI + "The group raided Tessalut and then fled to Algeria."  # Algeria is no qualifier of it
    assert _resolved(sahel, make_document, text, _NAMES)["Tessalut"].geonameid == 9992002


def test_a_bare_name_one_letter_off_is_no_wadi(sahel, make_document):
    text = _MALI + "Gunmen later raided Oualamine before dawn."
    assert _resolved(sahel, make_document, text, _NAMES)["Oualamine"] is None
    text = _MALI + "Gunmen later hid in the Oualamine wadi."
    wadi = next(m for m in find_places(make_document(text), sahel) if m.span.text.startswith("Oualamine"))
    assert wadi.place is not None and wadi.place.geonameid == 9992003  # the head word asks for one


def test_a_particle_left_out_of_the_toponym_does_not_hide_the_possessive(places_of):
    # The packaged gazetteer does not know In Amenas, so only "Amenas" is a toponym; "Algeria's" still ties it.
    _, mentions = places_of("Gunmen staged a raid on Algeria's In Amenas gas plant last week.")
    amenas = next(m for m in mentions if m.span.text == "Amenas")
    assert (amenas.place.country_code, amenas.place.feature_code) == ("DZ", "PCLI")


def test_with_the_mali_dump_an_algerian_site_never_becomes_a_malian_wadi(writable_gazetteer, make_document):
    writable_gazetteer.import_dump(shared_path("data", "geonames", "ML.txt"))
    for sentence in ("The group also claimed the raid on Algeria's In Amenas gas plant.",
                     "The group also claimed a raid on the In Amenas gas plant."):
        places = _places(writable_gazetteer, make_document, _MALI + sentence)
        amenas = next(place for text, place in places.items() if text.endswith("Amenas"))
        assert amenas is None or amenas.country_code == "DZ"  # never "Amenad", a wadi in Gao 1,000 km away
