"""The report file and the served UI in headless Chromium: filter, open an event, read its evidence,
and the hostile article is shown as text, never run."""

from __future__ import annotations

import pytest

from polybius.report import write_report
from polybius.store import Store

pytestmark = pytest.mark.browser


def check_page(seen: dict, live: bool) -> None:
    assert "error" not in seen, seen.get("error")
    assert seen["rowsAll"] == 10 and seen["dotsAll"] == 9  # MLI7 has no place: in the table, not on the map
    assert seen["stories"][0].startswith(
        "Fighting involving Military Forces of Mali (2012-2013) in Konna, Mali"
    )
    assert any(
        "<b>Suicide</b> bomber strikes Gao <img src=x onerror=alert(1)>" in s for s in seen["briefingSources"]
    )
    # The timeline spans the reporting period: the massacre recalled from 2012 is counted, not drawn.
    assert (
        seen["timelineNote"] == "Not drawn: 1 event dated before 11 Jan 2013 (set From and To to see them)."
    )
    assert seen["timelineBars"] == 33  # 11 January to 12 February 2013, a bar a day
    assert "Tessalit" in seen["tooltip"] and "Kidal · Mali" in seen["tooltip"]

    assert seen["rowsMali"] == 8 and seen["dotsMali"] == 7
    assert sorted(seen["rowsMujao"]) == ["MLI2", "MLI6"]

    assert "Suicide bomb" in seen["detailTitle"] and "MLI6" in seen["detailTitle"]
    evidence = {item["field"]: item for item in seen["evidence"]}
    assert evidence["event_type"]["marks"] == ["blew himself up"]
    assert evidence["fatalities"]["marks"] == ["killing only himself"]
    assert evidence["actor1"]["quotes"][0].endswith(
        "MUJAO said it carried out the attack in a call to a news agency."
    )
    assert evidence["notes"]["marks"] == [
        "<script>window.polybiusPwned = true; alert(1)</script>",
        '<img src=x onerror="window.polybiusPwned = true; alert(1)">',
    ]
    assert seen["payloadVisible"] is True
    assert "Wire <script>x</script>" in seen["sourceCell"]

    # The payloads never ran: no flag, no alert, no <img> element, no extra <script>, no errors.
    assert seen["pwned"] is False
    assert seen["seen"]["dialogs"] == []
    assert seen["images"] == 0 and seen["scripts"] == 4
    assert seen["seen"]["pageErrors"] == [] and seen["seen"]["consoleErrors"] == []
    assert seen["seen"]["outsideRequests"] == []

    assert seen["sortedByFatalities"][:3] == ["MLI8", "MLI1", "MLI6"]
    assert "MLI1" in seen["mapDetail"]["title"]
    assert seen["mapDetail"]["fatalityMarks"] == [
        "11 Malian soldiers dead",
        "A French helicopter pilot",
        "at least nine soldiers and a French pilot died",
    ]
    assert "sources disagree" in seen["mapDetail"]["disputes"]
    assert seen["mapDetail"]["articles"] == [
        "French troops halt Islamist push at Konna",
        "Malian army says Konna retaken",
    ]
    assert seen["clippedQuote"].startswith("[1] … province and to launch")
    assert "coordinated an assault" in seen["clippedQuote"] and "The airfield" not in seen["clippedQuote"]
    assert seen["fullQuote"].startswith("[1] The airfield, which") and seen["fullQuote"].endswith(
        "by telephone."
    )
    assert seen["dayFilter"] == "2013-02-05" and seen["rowsDay"] == ["MLI4", "MLI5"]
    assert seen["storyFilter"] == ["2013-02-02", "2013-02-05", "Mali"]
    assert seen["rowsStory"] == ["MLI3", "MLI4", "MLI5", "MLI7"]
    assert "MLI4" in seen["briefingOpened"]
    if live:
        assert "<script>window.polybiusPwned = true; alert(1)</script>" in seen["readerText"]


def test_the_report_file_in_chromium(drive, browser_db, tmp_path):
    report = tmp_path / "sitrep.html"
    with Store(browser_db, read_only=True) as store:
        write_report(store, report)
    seen = drive(report.as_uri(), tmp_path)
    check_page(seen, live=False)
    assert (tmp_path / "page.png").stat().st_size > 50_000


def test_the_served_ui_in_chromium(drive, live_server, tmp_path):
    seen = drive(f"{live_server}/", tmp_path, origin=live_server, live=True)
    check_page(seen, live=True)
    assert seen["title"] == "Polybius"
    assert (tmp_path / "page.png").stat().st_size > 50_000
