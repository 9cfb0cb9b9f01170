"""`polybius run` and `explain` end to end: the summary, bad input, --strict, provenance."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from polybius.cli import app

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "pipeline"))
from articles import CLASH_A, CLASH_B  # noqa: E402

runner = CliRunner()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    (folder / "good.jsonl").write_text(json.dumps(CLASH_A) + "\n{not json\n" + json.dumps(CLASH_B) + "\n")
    (folder / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    return folder


@pytest.fixture(scope="module")
def ran(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    result = runner.invoke(app, ["run", str(corpus), "--out", str(out), "--db", str(out / "db.duckdb"),
                                 "--no-report"])
    return result, out


def test_bad_input_is_skipped_named_and_counted(ran, corpus):
    result, out = ran
    assert result.exit_code == 0, result.output
    assert re.search(r"skipped \(bad input\)\s*│\s*2\s*│", result.output)
    assert f"{corpus / 'good.jsonl'}:2" in result.output and "not valid JSON" in result.output
    assert f"{corpus / 'photo.txt'}" in result.output and "binary" in result.output
    assert (out / "events.csv").exists() and (out / "articles.jsonl").exists()


def test_strict_makes_the_first_problem_fatal(corpus, tmp_path):
    result = runner.invoke(app, ["run", str(corpus), "--out", str(tmp_path), "--db", str(tmp_path / "db.duckdb"),
                                 "--strict", "--no-report"])
    assert result.exit_code == 1
    assert "error:" in result.output and "good.jsonl:2" in result.output


def test_explain_shows_fields_and_the_sentences_behind_them(ran):
    _, out = ran
    event = json.loads((out / "events.jsonl").read_text().splitlines()[0])
    result = runner.invoke(app, ["explain", event["event_id_cnty"], "--db", str(out / "db.duckdb")])
    assert result.exit_code == 0, result.output
    assert event["event_id_cnty"] in result.output and "sub_event_type" in result.output
    first_span = next(iter(event["evidence"].values()))[0]
    assert first_span["text"].split()[0] in result.output


def test_explain_an_unknown_event(ran):
    _, out = ran
    result = runner.invoke(app, ["explain", "MLI999", "--db", str(out / "db.duckdb")])
    assert result.exit_code == 1 and "no event 'MLI999'" in result.output
