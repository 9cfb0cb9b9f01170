"""The report file: self-contained, data embedded safely, every evidence highlight on its span."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from polybius.report import build_report, report_data, write_report
from polybius.report.page import ASSETS, SCRIPTS, content_security_policy, json_block
from polybius.store import Store
from report.sitrep_fixture import ARTICLES, IMG_PAYLOAD, SCRIPT_PAYLOAD

SCRIPT_BLOCK = re.compile(r"<script([^>]*)>(.*?)</script>", re.S)


@pytest.fixture(scope="module")
def html(fixture_db):
    with Store(fixture_db, read_only=True) as store:
        return build_report(store)


@pytest.fixture(scope="module")
def data(fixture_db):
    with Store(fixture_db, read_only=True) as store:
        return report_data(store)


def blocks(html: str) -> dict[str, str]:
    """Each <script> block's content, keyed by its id (the page's code under 'code')."""
    out = {}
    for attrs, body in SCRIPT_BLOCK.findall(html):
        found = re.search(r'id="([^"]+)"', attrs)
        out[found.group(1) if found else "code"] = body
    return out


def test_write_report_writes_one_html_file(fixture_db, tmp_path):
    out = tmp_path / "deep" / "sitrep.html"
    with Store(fixture_db, read_only=True) as store:
        write_report(store, out)
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_the_report_loads_nothing_from_outside(html):
    assert "<link" not in html
    assert not re.search(r"<script[^>]*\ssrc=", html)
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_data_blocks_hold_the_hostile_text_only_escaped(html, data):
    found = blocks(html)
    assert set(found) == {"polybius-config", "polybius-data", "polybius-basemap", "code"}
    # Exactly the page's four script tags: no article text opened a fifth or closed one early.
    assert html.count("<script") == 4 and html.count("</script>") == 4
    for name in ("polybius-config", "polybius-data", "polybius-basemap"):
        assert "<" not in found[name] and ">" not in found[name]
    embedded = json.loads(found["polybius-data"])
    assert embedded["details"]["MLI6"] == json.loads(json.dumps(data["details"]["MLI6"]))
    texts = [s["text"] for s in embedded["details"]["MLI6"]["sentences"]]
    assert any(SCRIPT_PAYLOAD in t and IMG_PAYLOAD in t for t in texts)


def test_json_block_escapes_every_way_out():
    text = json_block({"a": "</script><!-- <script> & </SCRIPT >"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == {"a": "</script><!-- <script> & </SCRIPT >"}


def test_the_csp_allows_exactly_the_page_script(html):
    code = blocks(html)["code"]
    digest = base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode()
    policy = content_security_policy()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert 'http-equiv="Content-Security-Policy"' in html


def test_the_ui_code_never_parses_html():
    for name in SCRIPTS:
        code = (ASSETS / name).read_text(encoding="utf-8")
        for sink in (
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ):
            assert sink not in code, f"{name} uses {sink}"


def test_every_event_has_its_detail_and_list_row(data):
    ids = [e["event_id_cnty"] for e in data["events"]]
    assert len(ids) == 10 and set(ids) == set(data["details"])
    assert data["overview"]["events"] == 10 and data["overview"]["articles"] == len(ARTICLES)
    assert data["overview"]["countries"] == ["Mali", "Nigeria", "Syria"]
    row = next(e for e in data["events"] if e["event_id_cnty"] == "MLI1")
    assert row["disputes"] == 1 and row["documents"] == ["konna-afp", "konna-reuters"]
    assert "evidence" not in row  # the list stays light; evidence lives in the details


def test_every_highlight_slices_to_its_evidence_span(fixture_db, data):
    with Store(fixture_db, read_only=True) as store:
        events = {e["event_id_cnty"]: e for e in store.query_events()}
    checked = 0
    for event_id, detail in data["details"].items():
        evidence = events[event_id]["evidence"]
        for field, items in detail["support"].items():
            assert len(items) == len(evidence[field])
            for item, span in zip(items, evidence[field], strict=True):
                sentence = detail["sentences"][item["sentence"]]
                start, end = item["highlight"]
                assert sentence["document"] == span["document"]
                assert sentence["text"][start:end] == span["text"]
                checked += 1
    assert checked >= 40


def test_detail_numbers_its_articles_and_keeps_disputes(data):
    detail = data["details"]["MLI1"]
    assert [(a["n"], a["id"], a["source"]) for a in detail["articles"]] == [
        (1, "konna-afp", "AFP"),
        (2, "konna-reuters", "Reuters"),
    ]
    assert detail["disputes"][0]["field"] == "fatalities"
    assert [c["value"] for c in detail["disputes"][0]["claims"]] == [12, 10]
    assert detail["fatalities_low"] == 10 and detail["fatalities_high"] == 12


def test_an_event_without_evidence_or_place_still_renders(data):
    detail = data["details"]["MLI7"]
    assert detail["latitude"] is None and detail["location"] is None
    assert list(detail["support"]) == ["notes"]


def test_an_empty_database_gives_a_page_with_no_events(tmp_path):
    with Store(tmp_path / "empty.duckdb") as store:
        html = build_report(store)
        data = report_data(store)
    assert data["events"] == [] and data["briefing"] == {"stories": [], "rest": None}
    assert data["overview"]["date_from"] is None
    assert "<title>Polybius situation report</title>" in html


def test_polybius_report_command_writes_the_file(fixture_db, tmp_path):
    from typer.testing import CliRunner

    from polybius.cli import app

    out = tmp_path / "sitrep.html"
    result = CliRunner().invoke(app, ["report", "--db", str(fixture_db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "MLI6" in out.read_text(encoding="utf-8")
