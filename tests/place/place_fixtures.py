"""Fixtures for the place tests (imported by each test module: a second conftest.py would shadow the shared one): one gazetteer built per machine (in $POLYBIUS_HOME or ~/.cache/polybius),
and a private copy for tests that import dumps into it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def gazetteer():
    from polybius.place import Gazetteer

    opened = Gazetteer.open()
    yield opened
    opened.close()


@pytest.fixture
def writable_gazetteer(gazetteer, tmp_path):
    """A copy of the built gazetteer that a test may import into without touching the shared one."""
    from polybius.place import Gazetteer

    copy = tmp_path / "gazetteer.sqlite"
    shutil.copyfile(gazetteer.path, copy)
    opened = Gazetteer.open(copy)
    yield opened
    opened.close()


@pytest.fixture
def places_of(make_document, gazetteer):
    """find_places over a text written in the test: {surface text: PlaceMention} (last mention wins)."""
    from polybius.place import find_places

    def run(text: str, toponyms=None):
        document = make_document(text)
        return document, find_places(document, gazetteer, toponyms=toponyms)

    return run
