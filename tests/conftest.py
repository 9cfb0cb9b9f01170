"""Shared fixtures. Tests that need ../shared skip with a reason when it is absent."""

from __future__ import annotations

import pytest

from shared_data import REPO, SHARED, shared_path  # noqa: F401  (re-exported for tests)


@pytest.fixture(scope="session")
def nlp():
    from polybius import nlp as nlp_stage

    return nlp_stage.load()


@pytest.fixture
def make_document(nlp):
    """Build a Document from text by hand: tests need no ingest to exercise a stage."""
    from datetime import date

    from polybius.nlp import Document
    from polybius.records import Article

    def build(text: str, published: str | None = "2013-02-06", doc_id: str = "doc") -> Document:
        day = date.fromisoformat(published) if published else None
        return Document(Article(id=doc_id, text=text, published=day), nlp(text))

    return build
