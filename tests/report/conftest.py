"""The fixture database of sitrep_fixture.py, built once per session (report, API and browser tests)."""

from __future__ import annotations

import pytest

from report.sitrep_fixture import build_fixture_db


@pytest.fixture(scope="session")
def fixture_db(tmp_path_factory):
    return build_fixture_db(tmp_path_factory.mktemp("sitrep") / "fixture.duckdb")
