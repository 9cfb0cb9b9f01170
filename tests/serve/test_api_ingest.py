"""POST /articles: the token, the body limit, and clear 4xx answers for bad JSON and bad fields."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from report.sitrep_fixture import build_fixture_db

from polybius.serve import create_app

GOOD = {"id": "new-1", "text": "Gunmen attacked a village near Mopti on Monday.", "published": "2013-02-11"}


def test_without_a_configured_token_writes_are_refused_and_say_how_to_enable_them(client, ingested, auth):
    response = client.post("/articles", json=GOOD, headers=auth)
    assert response.status_code == 403
    detail = response.json()["detail"]
    assert "--token" in detail and "POLYBIUS_TOKEN" in detail
    assert ingested == []


def test_a_blank_token_counts_as_none(tmp_path, ingested):
    with TestClient(create_app(build_fixture_db(tmp_path / "blank.duckdb"), token="  ")) as c:
        assert c.post("/articles", json=GOOD, headers={"Authorization": "Bearer  "}).status_code == 403


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer wrong"},
        {"Authorization": "Basic s3cret-token"},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer s3cret-tokenx"},
    ],
)
def test_a_missing_or_wrong_token_is_a_401(writer, ingested, headers):
    response = writer.post("/articles", json=GOOD, headers=headers)
    assert response.status_code == 401 and response.headers["www-authenticate"].startswith("Bearer")
    assert ingested == []


def test_one_article_is_ingested_with_the_token(writer, ingested, auth):
    response = writer.post("/articles", json=GOOD, headers=auth)
    assert response.status_code == 201, response.text
    assert response.json()["articles_added"] == 1
    assert ingested == [([GOOD], "POST /articles")]


def test_a_list_of_articles_is_ingested_in_one_call(writer, ingested, auth):
    second = GOOD | {"id": "new-2", "text": "Soldiers clashed with rebels in Gao."}
    response = writer.post("/articles", json=[GOOD, second], headers=auth)
    assert response.status_code == 201 and response.json()["articles_added"] == 2
    assert ingested[0][0] == [GOOD, second]


def test_a_body_over_the_limit_is_a_413_before_anything_is_read(writer, ingested, auth):
    big = GOOD | {"text": "word " * 1000}
    response = writer.post("/articles", json=big, headers=auth)
    assert response.status_code == 413 and "2,000-byte limit" in response.json()["detail"]
    assert ingested == []


def test_a_streamed_body_is_cut_off_at_the_limit_too(writer, ingested, auth):
    def chunks():
        yield b'{"text": "'
        for _ in range(100):
            yield b"x" * 100
        yield b'"}'

    response = writer.post("/articles", content=chunks(), headers=auth | {"Content-Type": "application/json"})
    assert response.status_code == 413 and ingested == []


@pytest.mark.parametrize(
    "body, words",
    [
        (
            b'{"text": "x",',
            "the body is not valid JSON: Expecting property name enclosed in double quotes at line 1",
        ),
        (b"", "the body is empty"),
        (b"\xff\xfe{}", "the body is not UTF-8"),
        (b"[]", "the list of articles is empty"),
    ],
)
def test_bad_json_is_a_400(writer, ingested, body, words, auth):
    response = writer.post("/articles", content=body, headers=auth | {"Content-Type": "application/json"})
    assert response.status_code == 400 and words in response.json()["detail"]
    assert ingested == []


def test_a_body_that_is_not_json_is_a_415(writer, ingested, auth):
    response = writer.post("/articles", content=b"plain text", headers=auth | {"Content-Type": "text/plain"})
    assert response.status_code == 415 and "application/json" in response.json()["detail"]


@pytest.mark.parametrize(
    "record, code",
    [
        ({"text": "Clashes in Gao.", "published": "2013-02-30"}, "P009"),
        ({"title": "no text here"}, "P005"),
        ({"text": "   "}, "P005"),
        (42, "P008"),
    ],
)
def test_bad_fields_are_a_422_naming_each_problem(writer, ingested, record, code, auth):
    response = writer.post("/articles", json=record, headers=auth)
    assert response.status_code == 422
    body = response.json()
    assert body["error"] == "bad_articles" and "nothing was stored" in body["detail"]
    (problem,) = body["problems"]
    assert problem["code"] == code and problem["where"] == "POST /articles[0]"
    assert ingested == []


def test_one_bad_article_refuses_the_whole_batch(writer, ingested, auth):
    response = writer.post("/articles", json=[GOOD, {"text": "x", "published": "13/02/2013"}], headers=auth)
    assert response.status_code == 422
    assert [p["where"] for p in response.json()["problems"]] == ["POST /articles[1]"]
    assert ingested == []


def test_too_many_articles_in_one_request_is_a_413(tmp_path, ingested, auth):
    with TestClient(create_app(build_fixture_db(tmp_path / "many.duckdb"), token="s3cret-token")) as c:
        response = c.post("/articles", content=json.dumps([GOOD] * 1001), headers=auth)
    assert response.status_code == 413 and "at most 1,000" in response.json()["detail"]


def test_a_non_positive_body_limit_is_refused():
    with pytest.raises(ValueError, match="max_body_bytes must be positive"):
        create_app("unused.duckdb", max_body_bytes=0)
