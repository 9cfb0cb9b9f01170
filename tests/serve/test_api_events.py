"""GET /events: every filter, the three formats by format= or Accept, and clear 400s for bad filters."""

from __future__ import annotations

import csv
import io
from concurrent.futures import ThreadPoolExecutor

import pytest

from polybius.records import OUTPUT_COLUMNS

ALL = ["MLI8", "MLI1", "MLI2", "MLI3", "MLI7", "MLI4", "MLI5", "MLI6", "NGA1", "SYR1"]


def ids(response):
    assert response.status_code == 200, response.text
    return [e["event_id_cnty"] for e in response.json()["events"]]


def test_all_events_in_date_order_with_their_evidence(client):
    response = client.get("/events")
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert body["count"] == 10 and ids(response) == ALL
    konna = body["events"][1]
    assert list(konna)[: len(OUTPUT_COLUMNS)] == list(OUTPUT_COLUMNS)
    span = konna["evidence"]["fatalities"][0]
    assert span["document"] == "konna-afp" and span["text"] == "11 Malian soldiers dead"
    text = client.get("/articles/konna-afp").json()["text"]
    assert text[span["start"] : span["end"]] == span["text"]


@pytest.mark.parametrize(
    "query, expected",
    [
        ("date_from=2013-02-05", ["MLI4", "MLI5", "MLI6", "NGA1", "SYR1"]),
        ("date_to=2013-01-26", ["MLI8", "MLI1", "MLI2"]),
        ("date_from=2013-02-05&date_to=2013-02-05", ["MLI4", "MLI5"]),
        ("country=nigeria", ["NGA1"]),
        ("admin1=KIDAL", ["MLI8", "MLI3", "MLI4", "MLI5"]),
        ("event_type=battles", ["MLI8", "MLI1", "MLI2", "SYR1"]),
        ("event_type=Explosions/Remote%20violence", ["MLI3", "MLI4", "MLI6"]),
        ("actor=mujao", ["MLI2", "MLI6"]),
        ("actor=france", ["MLI1", "MLI2", "MLI3", "MLI7", "MLI4"]),  # associated actors count too
        ("bbox=-1,17,3,21", ["MLI8", "MLI3", "MLI4", "MLI5"]),
        ("bbox=-180,-90,180,90", [e for e in ALL if e != "MLI7"]),  # no point, no place in a box
        ("limit=2", ["MLI8", "MLI1"]),
        ("country=Mali&event_type=Battles&actor=Ansar", ["MLI1"]),
        ("country=Chad", []),
    ],
)
def test_filters(client, query, expected):
    assert ids(client.get(f"/events?{query}")) == expected


def test_csv_by_format_parameter(client):
    response = client.get("/events?format=csv&country=Mali")
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert list(rows[0]) == list(OUTPUT_COLUMNS)
    assert [r["event_id_cnty"] for r in rows] == ALL[:8]
    assert rows[1]["documents"] == "konna-afp;konna-reuters" and rows[1]["fatalities"] == "10"


@pytest.mark.parametrize(
    "accept, kind",
    [
        ("text/csv", "text/csv; charset=utf-8"),
        ("application/geo+json", "application/geo+json"),
        ("application/json", "application/json"),
        ("*/*", "application/json"),
        ("text/csv;q=0.5, application/geo+json", "application/geo+json"),
        ("text/html;q=0.9, text/csv;q=0.8", "text/csv; charset=utf-8"),
    ],
)
def test_format_by_accept_header(client, accept, kind):
    response = client.get("/events", headers={"Accept": accept})
    assert response.status_code == 200 and response.headers["content-type"] == kind
    assert response.headers["vary"] == "Accept"


def test_geojson_points_are_lon_lat_and_unplaced_events_are_left_out(client):
    body = client.get("/events?format=geojson").json()
    assert body["type"] == "FeatureCollection"
    features = {f["id"]: f for f in body["features"]}
    assert set(features) == set(ALL) - {"MLI7"}
    assert features["MLI4"]["geometry"] == {"type": "Point", "coordinates": [1.4078, 18.4411]}
    assert features["MLI4"]["properties"]["admin1"] == "Kidal"


def test_the_format_parameter_wins_over_accept(client):
    response = client.get("/events?format=geojson", headers={"Accept": "text/csv"})
    assert response.headers["content-type"] == "application/geo+json"


def test_an_unanswerable_accept_header_is_a_406(client):
    response = client.get("/events", headers={"Accept": "text/html"})
    assert response.status_code == 406
    assert "format=json|csv|geojson" in response.json()["detail"]


@pytest.mark.parametrize(
    "query, words",
    [
        ("format=xml", "format='xml' is not one of json, csv, geojson"),
        ("date_from=2013-13-01", "date_from='2013-13-01' is not a date; expected YYYY-MM-DD"),
        ("date_to=yesterday", "date_to='yesterday' is not a date"),
        ("date_from=2013-02-10&date_to=2013-02-01", "date_from 2013-02-10 is after date_to 2013-02-01"),
        ("bbox=1,2,3", "must be four numbers: min_lon,min_lat,max_lon,max_lat"),
        ("bbox=a,b,c,d", "must be four numbers"),
        ("bbox=10,0,5,5", "need -180 <= min_lon <= max_lon <= 180"),
        ("bbox=0,0,200,5", "need -180 <= min_lon <= max_lon <= 180"),
        ("bbox=nan,0,1,1", "must be four numbers"),
        ("event_type=Battle", "is not an ACLED event type; choose from: Battles, Explosions/Remote violence"),
        ("limit=0", "limit='0' must be a whole number from 1"),
        ("limit=-5", "must be a whole number"),
        ("limit=ten", "must be a whole number"),
        ("countr=Mali", "unknown parameter(s) countr; known: date_from"),
        ("country=" + "x" * 201, "country is 201 characters long"),
    ],
)
def test_bad_filters_are_400_with_a_clear_message(client, query, words):
    response = client.get(f"/events?{query}")
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["error"] in ("bad_filter", "bad_format") and words in body["detail"]


def test_concurrent_readers_each_get_their_own_cursor(client):
    def fetch(i):
        query = ["", "?country=Mali", "?format=csv", "?actor=france"][i % 4]
        return client.get(f"/events{query}").status_code

    with ThreadPoolExecutor(max_workers=8) as pool:
        codes = list(pool.map(fetch, range(64)))
    assert codes == [200] * 64
