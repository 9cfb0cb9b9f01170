import zipfile

import pytest

from shared_data import shared_path
from polybius.place import DumpFormatError

from place_fixtures import FIXTURES, gazetteer, writable_gazetteer  # noqa: F401 (fixtures)


def _ml(gazetteer, name):
    return [p for p in gazetteer.lookup(name) if p.country_code == "ML"]


def test_tiny_dump_adds_natural_features_and_alternate_names(writable_gazetteer):
    assert not _ml(writable_gazetteer, "Adrar des Ifoghas")
    assert writable_gazetteer.import_dump(FIXTURES / "tiny_dump.txt") == 7
    mountains = _ml(writable_gazetteer, "Adrar des Ifôghas")
    assert [(p.geonameid, p.feature_class, p.feature_code) for p in mountains] == [(2493623, "T", "MTS")]
    assert _ml(writable_gazetteer, "Adrar des Ifoghas")[0].geonameid == 2493623
    assert 2454857 in {p.geonameid for p in _ml(writable_gazetteer, "Konna")}
    assert 2461247 in {p.geonameid for p in _ml(writable_gazetteer, "Aguel-Hoc")}
    assert _ml(writable_gazetteer, "Wadi Testbed")[0].feature_code == "WAD"
    assert _ml(writable_gazetteer, "Testland Plateau Region")[0].feature_code == "RGN"
    # The imported PPLA becomes the seat that region-level events are coded to.
    region = writable_gazetteer.admin_area("ML", "10")
    assert region is not None and region.capital_id == 2455290


def test_zip_dump_is_read_too(writable_gazetteer, tmp_path):
    archive = tmp_path / "ML.zip"
    with zipfile.ZipFile(archive, "w") as out:
        out.write(FIXTURES / "tiny_dump.txt", "ML.txt")
        out.writestr("readme.txt", "not a dump")
    assert writable_gazetteer.import_dump(archive) == 7


def test_bad_dump_names_file_and_line(writable_gazetteer, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("2454857\tKona\tonly three columns\n", encoding="utf-8")
    with pytest.raises(DumpFormatError, match=r"bad.txt:1: expected 19"):
        writable_gazetteer.import_dump(bad)
    with pytest.raises(FileNotFoundError):
        writable_gazetteer.import_dump(tmp_path / "missing.txt")


def test_mali_country_dump_resolves_mountains_konna_and_aguelhok(writable_gazetteer):
    dump = shared_path("data", "geonames", "ML.txt")
    assert writable_gazetteer.import_dump(dump) > 20000
    assert 2493623 in {p.geonameid for p in _ml(writable_gazetteer, "Adrar des Ifôghas")}
    assert 2493623 in {p.geonameid for p in _ml(writable_gazetteer, "Adrar des Ifoghas")}
    assert 2454857 in {p.geonameid for p in _ml(writable_gazetteer, "Kona")}
    assert 2454857 in {p.geonameid for p in _ml(writable_gazetteer, "Konna")}
    assert 2461247 in {p.geonameid for p in _ml(writable_gazetteer, "Aguelhok")}
    assert 2461247 in {c.place.geonameid for c in writable_gazetteer.candidates("Aguelhoc", fuzzy=True)}
