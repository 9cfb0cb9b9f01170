from place_fixtures import gazetteer  # noqa: F401 (fixture)
from polybius.place import country_info
from polybius.place.normalize import edit_distance_at_most_one, name_key

import pytest


def test_name_key_folds_accents_case_dots_and_abbreviated_words():
    assert name_key("Adrar des Ifôghas") == name_key("ADRAR DES IFOGHAS") == "adrar des ifoghas"
    assert name_key("W.Va.") == "wva"
    assert name_key("St. Paul") == name_key("Saint Paul")
    assert name_key("Mt. Pleasant") == name_key("Mount Pleasant")
    assert name_key("Москва") is None  # no Latin form: never a key


def test_edit_distance_at_most_one():
    assert edit_distance_at_most_one("aguelhoc", "aguelhok")
    assert edit_distance_at_most_one("konna", "kona")
    assert not edit_distance_at_most_one("kidal", "gao")


def test_countries_admin1_and_continents_are_in_the_gazetteer(gazetteer):
    mali = [p for p in gazetteer.lookup("Mali") if p.feature_code == "PCLI"]
    assert mali and mali[0].country_code == "ML" and 10 < mali[0].latitude < 25
    kidal = {p.feature_code for p in gazetteer.lookup("Kidal") if p.country_code == "ML"}
    assert {"ADM1", "PPL"} <= kidal
    louisiana = [p for p in gazetteer.lookup("Louisiana") if p.feature_code == "ADM1"]
    assert louisiana[0].country_code == "US" and louisiana[0].admin1 == "Louisiana"
    assert any(p.feature_code == "CONT" for p in gazetteer.lookup("Africa"))


def test_admin2_names_and_news_abbreviations(gazetteer):
    parish = gazetteer.lookup("Rapides Parish")[0]
    assert (parish.feature_code, parish.admin1, parish.admin2) == ("ADM2", "Louisiana", "Rapides Parish")
    assert gazetteer.lookup("W.Va.")[0].name == "West Virginia"
    town = next(p for p in gazetteer.lookup("Timbuktu") if p.country_code == "ML")
    assert town.admin1 == "Tombouctou"


def test_demonyms_point_to_their_country_but_are_marked(gazetteer):
    from polybius.place.build import NameKind

    found = [c for c in gazetteer.candidates("Malian") if c.place.country_code == "ML"]
    assert found and found[0].kind == NameKind.DEMONYM


def test_lookup_of_unknown_or_empty_names(gazetteer):
    assert gazetteer.lookup("Qwxzzy Nowhereville") == []
    assert gazetteer.lookup("") == []


def test_country_info_gives_codes_and_acled_region():
    mali = country_info("ML")
    assert (mali.iso3, mali.iso_numeric, mali.name, mali.region) == ("MLI", 466, "Mali", "Western Africa")
    assert country_info("iq").region == "Middle East"
    assert country_info("GE").region == "Caucasus and Central Asia"  # an exception to its UN subregion
    assert country_info("AO").region == "Southern Africa"
    assert country_info("US").region == "North America"


@pytest.mark.parametrize("bad", ["", "MLI", "ZZ", None])
def test_country_info_rejects_bad_codes(bad):
    with pytest.raises(ValueError):
        country_info(bad)


def test_reopening_does_not_rebuild(gazetteer):
    from polybius.place import Gazetteer

    stamp = gazetteer.path.stat().st_mtime_ns
    again = Gazetteer.open(gazetteer.path)
    again.close()
    assert gazetteer.path.stat().st_mtime_ns == stamp
