import json

from place_fixtures import gazetteer, places_of  # noqa: F401 (fixtures)

from polybius.place import rows

KEYS = ["document", "start", "end", "text", "name", "geonameid", "latitude", "longitude", "country", "admin1",
        "feature_code"]


def test_rows_have_the_places_format_and_slice_to_their_text(places_of):
    text = "Troops entered Gao, then moved towards the Adrar des Ifoghas mountains."
    document, mentions = places_of(text)
    out = rows(document, mentions)
    assert out and all(list(row) == KEYS for row in out)
    for row in out:
        assert text[row["start"] : row["end"]] == row["text"]
        json.dumps(row)
    gao = next(r for r in out if r["text"] == "Gao")
    assert gao["country"] == "ML" and gao["feature_code"].startswith("PPL") and gao["document"] == "doc"
    unresolved = next(r for r in out if r["text"].startswith("Adrar"))
    assert unresolved["geonameid"] is None
