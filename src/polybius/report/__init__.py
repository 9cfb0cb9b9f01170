"""`polybius report`: the situation report, one self-contained offline HTML file.

Map, timeline, event table, event detail with the supporting sentences, and a briefing of stories
with citations. The page and its JS are the same the web app (polybius.serve) shows; the report
embeds its data instead of asking the API for it.
"""

from __future__ import annotations

from pathlib import Path

from polybius.report.briefing import write_briefing
from polybius.report.page import render_page
from polybius.report.payload import ArticleTexts, event_detail, legend, list_record, overview
from polybius.store import Store

__all__ = ["build_report", "report_data", "write_report"]


def report_data(store: Store) -> dict:
    """Everything the page shows, computed once from the store."""
    events = store.query_events()
    texts = ArticleTexts(store, preload=store.articles())
    return {
        "overview": overview(store, events),
        "events": [list_record(e) for e in events],
        "details": {e["event_id_cnty"]: event_detail(e, texts, with_evidence=False) for e in events},
        "briefing": write_briefing(events, texts),
    }


def build_report(store: Store) -> str:
    data = report_data(store)
    return render_page({"title": data["overview"]["title"], "legend": legend()}, data)


def write_report(store: Store, path: Path) -> None:
    """Write the report for every event in the store to `path` (one HTML file, no outside resources)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(build_report(store), encoding="utf-8")
