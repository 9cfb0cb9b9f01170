"""The store: migrations, all-or-nothing article writes, duplicates, event queries."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from polybius.errors import ConfigError, NotFound
from polybius.records import Article, Paragraph, ParagraphLink
from polybius.store import EventFilter, Store
from polybius.store.schema import MIGRATIONS

ARTICLE = Article(id="a1", text="Troops clashed with rebels near Gao.\n\nTwo soldiers died.",
                  published=date(2013, 2, 5), source="AFP",
                  paragraphs=(Paragraph(0, 0, 36), Paragraph(1, 38, 56, ParagraphLink("zz", 3, 0.8))))


def _add(store, article=ARTICLE, digest="h1"):
    store.add_article(article, digest, [np.arange(128, dtype=np.uint32), None], [], [], [], [])


def test_migrations_run_once_and_are_recorded(tmp_path):
    path = tmp_path / "x.duckdb"
    with Store(path) as store:
        names = [r[0] for r in store.db.execute("SELECT name FROM migrations").fetchall()]
    assert names == [name for name, _ in MIGRATIONS]
    with Store(path) as store:  # reopening applies nothing twice
        assert store.db.execute("SELECT count(*) FROM migrations").fetchone()[0] == len(MIGRATIONS)


def test_article_round_trip_with_paragraph_links(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        _add(store)
        (back,) = store.articles()
    assert back == ARTICLE


def test_known_article_by_id_or_by_content(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        _add(store)
        store.add_duplicate("a2", "a1", "b.jsonl:3")
        assert store.known_article("a1", "other") == "a1"
        assert store.known_article("new", "h1") == "a1"
        assert store.known_article("a2", "whatever") == "a1"
        assert store.known_article("new", "new") is None
        assert store.duplicates() == {"a1": ["a2"]}


def test_a_failed_article_write_leaves_nothing(tmp_path, monkeypatch):
    with Store(tmp_path / "x.duckdb") as store:
        real = store._insert

        def fail_on_mentions(table, rows, chunk=400):
            if table == "mentions":
                raise RuntimeError("disk full")
            real(table, rows, chunk)

        monkeypatch.setattr(store, "_insert", fail_on_mentions)
        with pytest.raises(RuntimeError):
            _add(store)
        counts = [store.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("articles", "paragraphs")]
    assert counts == [0, 0]


def test_signatures_come_back_for_nearby_dates_only(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        _add(store)
        near = list(store.paragraph_signatures((date(2013, 2, 1), date(2013, 2, 2)), margin_days=7))
        far = list(store.paragraph_signatures((date(2014, 1, 1), date(2014, 1, 2)), margin_days=7))
    assert [(d, i) for d, i, _ in near] == [("a1", 0)] and far == []
    assert np.array_equal(near[0][2], np.arange(128, dtype=np.uint32))


def test_read_only_needs_an_existing_database(tmp_path):
    with pytest.raises(ConfigError, match="no such database"):
        Store(tmp_path / "missing.duckdb", read_only=True)


def test_unknown_event_is_a_clear_error(tmp_path):
    with Store(tmp_path / "x.duckdb") as store, pytest.raises(NotFound, match="no event 'MLI9'"):
        store.event("MLI9")


def test_event_filter_fields_are_all_applied(tmp_path):
    where = EventFilter(date_from=date(2013, 1, 1), date_to=date(2013, 12, 31), country="Mali", admin1="Gao",
                        event_type="Battles", actor="france", bbox=(-5, 10, 5, 25), limit=3)
    with Store(tmp_path / "x.duckdb") as store:
        assert store.query_events(where) == []


def test_merged_ids_are_kept_with_their_successor(tmp_path):
    with Store(tmp_path / "x.duckdb") as store:
        store.replace_events([], [("MLI2", "MLI1")], {"MLI": 2}, {})
        (merge,) = store.merges()
        with pytest.raises(NotFound, match="merged into MLI1"):
            store.event("MLI2")
        assert store.counters() == {"MLI": 2}
    assert merge[:2] == ("MLI2", "MLI1")
