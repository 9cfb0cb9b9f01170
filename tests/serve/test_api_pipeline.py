"""POST /articles end to end: the real pipeline (NLP models included) behind the API."""

from __future__ import annotations

from fastapi.testclient import TestClient

from polybius.serve import create_app

ARTICLE = {
    "id": "api-kidal-strike",
    "published": "2013-02-04",
    "source": "AFP",
    "title": "French jets strike near Kidal",
    "text": (
        "French fighter jets struck Islamist rebel positions near Kidal on Saturday, killing at least 12 "
        "fighters, the French army said on Sunday.\n\nThe strikes targeted depots in the mountains north of "
        "the town, a spokesman said."
    ),
}


def test_an_article_posted_with_the_token_becomes_events_and_is_stored_once(tmp_path):
    app = create_app(tmp_path / "live.duckdb", token="t0ken")
    auth = {"Authorization": "Bearer t0ken"}
    with TestClient(app) as client:
        first = client.post("/articles", json=ARTICLE, headers=auth)
        assert first.status_code == 201, first.text
        body = first.json()
        assert body["articles_added"] == 1 and body["problems"] == []
        assert body["events"], "the strike should be found as an event"
        stored = client.get("/articles/api-kidal-strike").json()
        assert stored["text"].startswith("French fighter jets") and stored["events"] == body["events"]
        event = client.get(f"/events/{body['events'][0]}").json()
        assert "api-kidal-strike" in event["documents"] and event["support"]
        again = client.post("/articles", json=ARTICLE, headers=auth)
        assert again.status_code == 200 and again.json()["already_stored"] == ["api-kidal-strike"]
        assert client.get("/events").json()["count"] == len(client.get("/events").json()["events"])
