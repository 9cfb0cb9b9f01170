"""GET /events/{id}, /articles/{id}, /briefing, /overview, the UI page and the offline docs."""

from __future__ import annotations

import json
import re

from report.sitrep_fixture import IMG_PAYLOAD, SCRIPT_PAYLOAD


def test_an_event_with_every_field_its_evidence_sentences_and_articles(client):
    body = client.get("/events/MLI1").json()
    assert body["event_id_cnty"] == "MLI1" and body["fatalities"] == 10
    assert body["evidence"]["actor1"] == [
        {"document": "konna-afp", "start": 21, "end": 34, "text": "Malian troops"}
    ]
    (item,) = body["support"]["actor1"]
    sentence = body["sentences"][item["sentence"]]
    assert sentence["text"][slice(*item["highlight"])] == "Malian troops"
    assert [a["id"] for a in body["articles"]] == ["konna-afp", "konna-reuters"]
    assert body["disputes"][0]["kind"] == "conflict"


def test_unknown_and_merged_events_are_404s_that_say_so(client):
    missing = client.get("/events/XYZ9")
    assert missing.status_code == 404 and missing.json() == {
        "error": "not_found",
        "detail": "no event 'XYZ9'",
    }
    merged = client.get("/events/MLI9")
    assert merged.status_code == 404
    assert merged.json() == {
        "error": "merged",
        "detail": "event 'MLI9' was merged into 'MLI1'",
        "merged_into": "MLI1",
    }


def test_an_article_with_its_text_paragraphs_and_events(client):
    body = client.get("/articles/gao-hostile").json()
    assert SCRIPT_PAYLOAD in body["text"] and IMG_PAYLOAD in body["text"]
    assert body["published"] == "2013-02-09" and body["events"] == ["MLI6"]
    assert [p["index"] for p in body["paragraphs"]] == [0, 1, 2]
    assert body["duplicates"] == []
    assert client.get("/articles/nope").json() == {"error": "not_found", "detail": "no article 'nope'"}


def test_the_briefing_takes_the_event_filters(client):
    stories = client.get("/briefing").json()["stories"]
    assert len(stories) == 7
    nigeria = client.get("/briefing?country=Nigeria").json()
    assert [s["events"] for s in nigeria["stories"]] == [["NGA1"]] and nigeria["rest"] is None
    assert client.get("/briefing?format=csv").status_code == 400


def test_the_overview_counts_and_offers_the_filter_choices(client):
    body = client.get("/overview").json()
    assert (body["events"], body["articles"], body["fatalities"]) == (10, 8, 32)
    assert (body["date_from"], body["date_to"]) == ("2012-01-24", "2013-02-12")
    assert (body["published_from"], body["published_to"]) == ("2013-01-12", "2013-02-13")
    assert body["countries"] == ["Mali", "Nigeria", "Syria"] and len(body["event_types"]) == 6


def test_the_ui_is_the_report_page_reading_the_api(client):
    response = client.get("/")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    policy = response.headers["content-security-policy"]
    assert "script-src 'sha256-" in policy and "connect-src 'self'" in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    config = re.search(
        r'<script type="application/json" id="polybius-config">(.*?)</script>', response.text
    ).group(1)
    assert json.loads(config)["api"] == ""
    assert '<script type="application/json" id="polybius-data">null</script>' in response.text


def test_openapi_docs_are_served_without_a_cdn(client):
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in docs.text and "cdn" not in docs.text.lower()
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    spec = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/articles", "/briefing"} <= set(
        spec["paths"]
    )
    parameters = {p["name"] for p in spec["paths"]["/events"]["get"]["parameters"]}
    assert parameters == {
        "date_from",
        "date_to",
        "country",
        "admin1",
        "event_type",
        "actor",
        "bbox",
        "limit",
        "format",
    }
    assert "requestBody" in spec["paths"]["/articles"]["post"]


def test_unknown_routes_and_methods_answer_in_the_same_json_shape(client):
    assert client.get("/nothing").json()["error"] == "not_found"
    response = client.delete("/events")
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"
