"""The whole chain on articles written for the tests: the output contract, idempotence, updates."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from polybius.export import write_outputs
from polybius.pipeline import Polybius
from polybius.records import OUTPUT_COLUMNS
from polybius.store import Store

from articles import CLASH_A, CLASH_B, CLASH_UPDATE, PROTEST

INTEGER_COLUMNS = {"year", "time_precision", "inter1", "inter2", "interaction", "iso", "geo_precision",
                   "fatalities", "timestamp", "fatalities_low", "fatalities_high"}


def _jsonl(path: Path, *records) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def run_once(tmp_path_factory):
    """One run over the first three articles, with its outputs (models load once for the module)."""
    tmp = tmp_path_factory.mktemp("run")
    source = _jsonl(tmp / "in.jsonl", CLASH_A, CLASH_B, PROTEST)
    with Polybius(tmp / "db.duckdb") as core:
        summary = core.run([source])
        write_outputs(core.store, tmp / "out", ["csv", "jsonl", "geojson", "parquet"])
        texts = {a.id: a.text for a in core.store.articles()}
    return tmp, source, summary, texts


def test_csv_has_acled_columns_in_order_and_one_row_per_event(run_once):
    tmp, _, summary, _ = run_once
    with (tmp / "out" / "events.csv").open(newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        rows = list(reader)
    assert reader.fieldnames == list(OUTPUT_COLUMNS)
    assert OUTPUT_COLUMNS[:31][-1] == "timestamp" and OUTPUT_COLUMNS[31:] == ("fatalities_low", "fatalities_high", "documents")
    assert rows and len(rows) == summary.events
    ids = [r["event_id_cnty"] for r in rows]
    assert len(ids) == len(set(ids))
    for row in rows:
        for column in INTEGER_COLUMNS:
            assert row[column] == "" or row[column].lstrip("-").isdigit(), (column, row[column])
        assert row["event_date"][:4] == row["year"]
        assert set(row["documents"].split(";")) <= {"clash-a", "clash-b", "protest-a"}


def test_jsonl_evidence_spans_slice_to_their_text(run_once):
    tmp, _, _, texts = run_once
    events = [json.loads(line) for line in (tmp / "out" / "events.jsonl").open(encoding="utf-8")]
    assert events
    checked = 0
    for event in events:
        assert isinstance(event["documents"], list) and event["evidence"]
        for spans in event["evidence"].values():
            for span in spans:
                assert texts[span["document"]][span["start"]:span["end"]] == span["text"]
                checked += 1
    assert checked >= len(events) * 2


def test_two_reports_of_one_clash_are_one_event_with_both_sources(run_once):
    tmp, _, _, _ = run_once
    events = [json.loads(line) for line in (tmp / "out" / "events.jsonl").open(encoding="utf-8")]
    clashes = [e for e in events if {"clash-a", "clash-b"} & set(e["documents"]) and e["event_type"] == "Battles"]
    assert len(clashes) == 1
    (clash,) = clashes
    assert set(clash["documents"]) >= {"clash-a", "clash-b"} and clash["event_date"] == "2019-03-04"
    assert clash["fatalities"] == 4 and clash["country"] == "Mali"
    assert "AFP" in clash["source"] and "Reuters" in clash["source"]


def test_other_formats_and_articles_are_written(run_once):
    tmp, _, summary, _ = run_once
    geo = json.loads((tmp / "out" / "events.geojson").read_text())
    assert geo["type"] == "FeatureCollection" and geo["features"]
    assert (tmp / "out" / "events.parquet").stat().st_size > 0
    assert (tmp / "out" / "merged_events.csv").read_text().startswith("event_id_cnty,merged_into,merged_at")
    articles = [json.loads(line) for line in (tmp / "out" / "articles.jsonl").open()]
    assert {a["id"] for a in articles} == {"clash-a", "clash-b", "protest-a"}
    assert all(a["text"] and a["paragraphs"] for a in articles)


def test_the_same_input_again_changes_nothing(run_once, tmp_path):
    tmp, source, _, _ = run_once
    copy = tmp_path / "db.duckdb"
    copy.write_bytes((tmp / "db.duckdb").read_bytes())
    with Store(copy) as store:
        before = store.query_events()
    with Polybius(copy) as core:
        summary = core.run([source])
        after = core.store.query_events()
    assert summary.articles_added == 0 and len(summary.already_stored) == 3
    assert after == before  # ids, rows and timestamps untouched


def test_a_later_report_updates_the_event_and_keeps_its_id(run_once, tmp_path):
    tmp, _, _, _ = run_once
    copy = tmp_path / "db.duckdb"
    copy.write_bytes((tmp / "db.duckdb").read_bytes())
    with Store(copy) as store:
        before = {e["event_id_cnty"]: e for e in store.query_events()}
    with Polybius(copy) as core:
        summary = core.run([_jsonl(tmp_path / "update.jsonl", CLASH_UPDATE)])
        after = {e["event_id_cnty"]: e for e in core.store.query_events()}
    assert summary.articles_added == 1
    (clash_id,) = [i for i, e in before.items() if "clash-a" in e["documents"] and e["event_type"] == "Battles"]
    updated = after[clash_id]
    assert "clash-c" in updated["documents"]
    assert updated["fatalities"] == 6 and updated["fatalities_low"] == 4
    assert any(d["field"] == "fatalities" and d["kind"] == "update" for d in updated["disputes"])
    assert updated["timestamp"] >= before[clash_id]["timestamp"]
    unchanged = [i for i in before if i != clash_id and i in after]
    assert all(after[i]["timestamp"] == before[i]["timestamp"] for i in unchanged)
