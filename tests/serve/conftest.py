"""API tests run in-process (FastAPI's TestClient) against the deterministic fixture database."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from fastapi.testclient import TestClient
from report.sitrep_fixture import build_fixture_db  # tests/report/sitrep_fixture.py

from polybius.serve import create_app
from polybius.serve.database import Database

TOKEN = "s3cret-token"


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory):
    return build_fixture_db(tmp_path_factory.mktemp("api") / "fixture.duckdb")


@pytest.fixture(scope="module")
def client(fixture_db):
    with TestClient(create_app(fixture_db)) as test_client:
        yield test_client


@pytest.fixture
def ingested(monkeypatch):
    """Stand in for the NLP pipeline behind POST /articles: record what it was asked to ingest."""
    calls = []

    def fake_ingest(self, records, origin):
        calls.append((records, origin))
        return SimpleNamespace(
            articles_added=len(records),
            already_stored=[],
            duplicates=[],
            problems=[],
            event_mentions=0,
            events=9,
        )

    monkeypatch.setattr(Database, "ingest", fake_ingest)
    return calls


@pytest.fixture
def auth() -> dict[str, str]:
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def writer(tmp_path, ingested):
    """A client of a server started with a token, on a database of its own."""
    with TestClient(
        create_app(build_fixture_db(tmp_path / "w.duckdb"), token=TOKEN, max_body_bytes=2_000)
    ) as c:
        yield c
