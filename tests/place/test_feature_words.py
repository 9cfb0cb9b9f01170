"""A physical feature's word after a name ("the Ifoghas mountains") finds the feature whose GeoNames
name holds that name as a word ("Adrar des Ifôghas"); sentences and invented features are the tests' own."""

import sqlite3

import pytest

from place_fixtures import FIXTURES, gazetteer, writable_gazetteer  # noqa: F401 (fixtures)
from shared_data import shared_path

from polybius.place import Gazetteer, find_places
from polybius.place import build

# Invented features (ids 9991xxx are no GeoNames ids): two "Testara" mountains, one in Mali and one in
# Algeria, a Testara valley, a well whose name only begins like it, and a hamlet sharing its name.
_FEATURES = [
    (9991001, "Adrar Testara", "Adrar Testara,Adrar Testâra", 19.9, 1.6, "T", "MTS", "ML", "10", 0),
    (9991002, "Jebel Testara", "", 24.1, 5.2, "T", "MTS", "DZ", "53", 0),
    (9991003, "Vallée de la Testâra", "", 19.2, 1.2, "T", "VAL", "ML", "10", 0),
    (9991004, "Puits Testarane", "", 19.0, 1.1, "H", "WLL", "ML", "10", 0),
    (9991005, "Testara", "", 14.0, -4.0, "P", "PPL", "ML", "05", 300),
]


def _dump(tmp_path) -> str:
    lines = []
    for gid, name, alternates, lat, lon, fclass, fcode, cc, admin1, population in _FEATURES:
        ascii_name = name.replace("é", "e").replace("â", "a")
        lines.append("\t".join([
            str(gid), name, ascii_name, alternates, str(lat), str(lon), fclass, fcode, cc, "", admin1,
            "", "", "", str(population), "", "400", "Africa/Bamako", "2024-01-01",
        ]))
    path = tmp_path / "features.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _resolved(gazetteer, make_document, text: str) -> dict[str, object]:
    document = make_document(text)
    return {m.span.text: m.place for m in find_places(document, gazetteer)}


@pytest.fixture
def testara(writable_gazetteer, tmp_path):
    writable_gazetteer.import_dump(FIXTURES / "tiny_dump.txt")
    writable_gazetteer.import_dump(_dump(tmp_path))
    return writable_gazetteer


def test_feature_word_finds_the_feature_named_differently(testara, make_document):
    places = _resolved(testara, make_document, "Troops pushed into the far-northern Ifoghas mountains on Monday.")
    assert places["Ifoghas mountains"].geonameid == 2493623  # "Adrar des Ifôghas": accents folded


def test_without_a_feature_word_no_feature_is_guessed(testara, make_document):
    places = _resolved(testara, make_document, "The patrol reached Ifoghas on Monday.")
    assert all(p is None or p.geonameid != 2493623 for p in places.values())


def test_the_article_focus_picks_among_namesake_features(testara, make_document):
    mali = _resolved(testara, make_document, "Jets struck the Testara mountains north of Kidal in Mali.")
    assert mali["Testara mountains"].geonameid == 9991001
    algeria = _resolved(testara, make_document,
                        "Smugglers hid in the Testara mountains, far from Tamanrasset in Algeria.")
    assert algeria["Testara mountains"].geonameid == 9991002


def test_the_feature_word_chooses_the_kind_of_feature(testara, make_document):
    valley = _resolved(testara, make_document, "A convoy drove up the Testara valley toward Kidal in Mali.")
    assert valley["Testara valley"].geonameid == 9991003  # the valley, not the mountains or the hamlet
    mountains = _resolved(testara, make_document, "A convoy drove into the Testara mountains toward Kidal.")
    assert mountains["Testara mountains"].feature_code == "MTS"


def test_a_name_is_matched_as_a_whole_word(testara):
    assert not testara.features_containing("Testar", ("WLL", "MTS"))
    assert [c.place.geonameid for c in testara.features_containing("Testarane", ("WLL",))] == [9991004]
    found = testara.features_containing("testâra", ("MTS", "VAL"))
    assert [c.place.geonameid for c in found][:2] == [9991001, 9991002] and all(c.contained for c in found)


def test_a_store_of_the_previous_version_is_upgraded_in_place(testara):
    path = testara.path
    testara.close()
    with sqlite3.connect(path) as db:  # as a store built before the word index existed
        db.execute("DROP TABLE feature_word")
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (build.UPGRADABLE_VERSION,))
    reopened = Gazetteer.open(path)
    try:
        assert reopened.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()[0] == build.SCHEMA_VERSION
        # the imported dumps are still there, and indexed
        assert [c.place.geonameid for c in reopened.features_containing("Ifoghas", ("MTS",))] == [2493623]
    finally:
        reopened.close()


def test_mali_dump_finds_mountains_named_in_english(writable_gazetteer, make_document):
    writable_gazetteer.import_dump(shared_path("data", "geonames", "ML.txt"))
    places = _resolved(writable_gazetteer, make_document,
                       "French troops searched the far-northern Ifoghas mountains and the Tigharghar "
                       "mountains near Kidal.")
    assert places["Ifoghas mountains"].geonameid == 2493623
    tigharghar = places["Tigharghar mountains"]
    assert (tigharghar.country_code, tigharghar.feature_class) == ("ML", "T")  # not the wadi of that name
