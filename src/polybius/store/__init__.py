"""The store: one DuckDB file holding articles, their analysis, event mentions and fused events.

This package holds the only SQL in Polybius. Every article is written in one transaction together with
everything found in it, so a run killed at any point leaves whole articles only, and the next run
picks up the rest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

import duckdb
import numpy as np

from polybius.codec import from_data, to_data
from polybius.errors import ConfigError, NotFound
from polybius.records import (
    OUTPUT_COLUMNS, ActorMention, Article, Event, EventMention, Paragraph, ParagraphLink, PlaceMention,
    TimeExpression,
)
from polybius.store.schema import migrate

DEFAULT_DB = "polybius.duckdb"
_EVENT_COLUMNS = tuple(c for c in OUTPUT_COLUMNS if c != "documents") + (
    "documents", "geonameid", "evidence", "disputes", "fingerprint")
_JSON_COLUMNS = {"documents", "evidence", "disputes"}


@dataclass(frozen=True)
class EventFilter:
    """What GET /events, exports and reports may ask for; None means no restriction."""

    date_from: date | None = None
    date_to: date | None = None
    country: str | None = None
    admin1: str | None = None
    event_type: str | None = None
    actor: str | None = None  # a substring of actor1, actor2 or an associated actor, any case
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    limit: int | None = None


class Store:
    def __init__(self, path: str | Path = DEFAULT_DB, read_only: bool = False):
        self.path = Path(path)
        if read_only and not self.path.exists():
            raise ConfigError(f"{self.path}: no such database (run `polybius run` first)")
        if not read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = duckdb.connect(str(self.path), read_only=read_only)
        except duckdb.Error as exc:
            raise ConfigError(f"{self.path}: cannot open the database: {exc}") from exc
        if not read_only:
            migrate(self.db)

    def cursor(self) -> Store:
        """This store on a cursor of its own: one per thread, as DuckDB connections are not thread-safe."""
        other = object.__new__(Store)
        other.path, other.db = self.path, self.db.cursor()
        return other

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- articles ---------------------------------------------------------------------------

    def known_article(self, article_id: str, content_hash: str) -> str | None:
        """The stored id this article is (the same id, or the same text under another id), if any."""
        row = self.db.execute(
            "SELECT id FROM articles WHERE id = ? OR content_hash = ? UNION ALL "
            "SELECT duplicate_of FROM article_duplicates WHERE id = ? LIMIT 1",
            [article_id, content_hash, article_id]).fetchone()
        return row[0] if row else None

    def add_duplicate(self, article_id: str, duplicate_of: str, origin: str) -> None:
        self.db.execute("INSERT OR IGNORE INTO article_duplicates VALUES (?, ?, ?, ?)",
                        [article_id, duplicate_of, origin, _now()])

    def add_article(self, article: Article, content_hash: str, signatures: Sequence[np.ndarray | None],
                    times: Sequence[TimeExpression], places: Sequence[PlaceMention],
                    actors: Sequence[ActorMention], event_mentions: Sequence[EventMention]) -> None:
        """Write an article and everything found in it, all or nothing."""
        self.db.begin()
        try:
            self.db.execute("INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
                article.id, content_hash, article.published, article.source, article.title, article.url,
                article.origin, article.text, _now()])
            self._insert("paragraphs", [
                (article.id, p.index, p.start, p.end, None if sig is None else sig.tobytes(),
                 p.repeats.document if p.repeats else None, p.repeats.paragraph if p.repeats else None,
                 p.repeats.similarity if p.repeats else None)
                for p, sig in zip(article.paragraphs, signatures)])
            self._insert("mentions", [
                (article.id, kind, m.span.start, m.span.end, m.span.text, json.dumps(to_data(m)))
                for kind, found in (("time", times), ("place", places), ("actor", actors)) for m in found])
            self._insert("event_mentions", [
                (m.id, article.id, json.dumps(to_data(m))) for m in event_mentions])
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise

    def _insert(self, table: str, rows: list[tuple], chunk: int = 400) -> None:
        # One multi-row VALUES statement per chunk: DuckDB's executemany is ~7x slower.
        for i in range(0, len(rows), chunk):
            part = rows[i : i + chunk]
            marks = ",".join(["(" + ",".join("?" * len(part[0])) + ")"] * len(part))
            self.db.execute(f"INSERT INTO {table} VALUES {marks}", [v for row in part for v in row])

    def paragraph_signatures(self, around: tuple[date, date] | None = None,
                             margin_days: int = 14) -> Iterator[tuple[str, int, np.ndarray]]:
        """Stored paragraph signatures, of articles published near the given dates (or all)."""
        sql = ("SELECT p.article_id, p.idx, p.signature FROM paragraphs p JOIN articles a ON a.id = p.article_id "
               "WHERE p.signature IS NOT NULL")
        params: list = []
        if around is not None:
            sql += (" AND (a.published IS NULL OR a.published BETWEEN ?::DATE - ?::INTEGER "
                    "AND ?::DATE + ?::INTEGER)")
            params = [around[0], margin_days, around[1], margin_days]
        for article_id, idx, blob in self.db.execute(sql, params).fetchall():
            yield article_id, idx, np.frombuffer(blob, dtype=np.uint32)

    def article_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def articles(self, ids: Iterable[str] | None = None) -> list[Article]:
        sql = "SELECT id, text, published, source, title, url, origin FROM articles"
        params: list = []
        if ids is not None:
            params = [list(ids)]
            sql += " WHERE list_contains(?, id)"
        rows = self.db.execute(sql + " ORDER BY published NULLS LAST, id", params).fetchall()
        paragraphs = self._paragraphs([r[0] for r in rows])
        return [Article(id=r[0], text=r[1], published=r[2], source=r[3], title=r[4], url=r[5], origin=r[6],
                        paragraphs=paragraphs.get(r[0], ())) for r in rows]

    def article(self, article_id: str) -> Article:
        found = self.articles([article_id])
        if not found:
            raise NotFound(f"no article {article_id!r} in {self.path}")
        return found[0]

    def _paragraphs(self, ids: list[str]) -> dict[str, tuple[Paragraph, ...]]:
        out: dict[str, list[Paragraph]] = {}
        rows = self.db.execute(
            "SELECT article_id, idx, start_char, end_char, repeats_article, repeats_paragraph, similarity "
            "FROM paragraphs WHERE list_contains(?, article_id) ORDER BY article_id, idx", [ids]).fetchall()
        for article_id, idx, start, end, rep_doc, rep_par, similarity in rows:
            link = ParagraphLink(rep_doc, rep_par, similarity) if rep_doc else None
            out.setdefault(article_id, []).append(Paragraph(idx, start, end, link))
        return {k: tuple(v) for k, v in out.items()}

    def article_infos(self) -> dict[str, tuple[date | None, str | None, tuple[Paragraph, ...]]]:
        """Publication date, source and paragraphs of every article, without their text (for fusion)."""
        rows = self.db.execute("SELECT id, published, source FROM articles").fetchall()
        paragraphs = self._paragraphs([r[0] for r in rows])
        return {r[0]: (r[1], r[2], paragraphs.get(r[0], ())) for r in rows}

    def published_range(self) -> tuple[date | None, date | None]:
        """The first and last publication dates of the stored articles (the reporting period)."""
        return tuple(self.db.execute("SELECT min(published), max(published) FROM articles").fetchone())

    def duplicates(self) -> dict[str, list[str]]:
        """For each stored article, the other ids its exact text arrived under."""
        out: dict[str, list[str]] = {}
        for dup, original in self.db.execute(
                "SELECT id, duplicate_of FROM article_duplicates ORDER BY id").fetchall():
            out.setdefault(original, []).append(dup)
        return out

    def mentions(self, article_id: str, kind: str) -> list[dict]:
        rows = self.db.execute("SELECT data FROM mentions WHERE article_id = ? AND kind = ? ORDER BY start_char",
                               [article_id, kind]).fetchall()
        return [json.loads(r[0]) for r in rows]

    # -- events -----------------------------------------------------------------------------

    def event_mentions(self) -> list[EventMention]:
        rows = self.db.execute("SELECT data FROM event_mentions ORDER BY id").fetchall()
        return [from_data(EventMention, json.loads(r[0])) for r in rows]

    def event_assignments(self) -> dict[str, str]:
        """Which stored event each event mention belongs to (mention id -> event id)."""
        return dict(self.db.execute("SELECT mention_id, event_id_cnty FROM event_sources").fetchall())

    def event_fingerprints(self) -> dict[str, tuple[str, int]]:
        rows = self.db.execute("SELECT event_id_cnty, fingerprint, timestamp FROM events").fetchall()
        return {r[0]: (r[1], r[2]) for r in rows}

    def counters(self) -> dict[str, int]:
        return dict(self.db.execute("SELECT iso3, last_number FROM event_counters").fetchall())

    def replace_events(self, events: Sequence[Event], merges: Sequence[tuple[str, str]],
                       counters: dict[str, int], independent: dict[str, bool]) -> None:
        """Write the fused events in one transaction (ids, timestamps and merges decided by fuse)."""
        self.db.begin()
        try:
            self.db.execute("DELETE FROM events")
            self.db.execute("DELETE FROM event_sources")
            self._insert("events", [_event_values(e) for e in events])
            self._insert("event_sources", [
                (e.event_id_cnty, m.id, m.document, independent.get(m.id, True)) for e in events for m in e.mentions])
            now = _now()
            self._insert("event_merges", [(old, new, now) for old, new in merges])
            for iso3, number in counters.items():
                self.db.execute("INSERT OR REPLACE INTO event_counters VALUES (?, ?)", [iso3, number])
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise

    def event_ids_for_articles(self, article_ids: Iterable[str]) -> list[str]:
        """The events that list any of these articles among their documents, sorted by id."""
        rows = self.db.execute(
            "SELECT event_id_cnty FROM events WHERE len(list_intersect(from_json(documents, '[\"VARCHAR\"]'), ?)) > 0 "
            "ORDER BY event_id_cnty", [list(article_ids)]).fetchall()
        return [r[0] for r in rows]

    def merges(self) -> list[tuple[str, str, datetime]]:
        """Events folded into another by later evidence: (old id, id it lives on as, when)."""
        return self.db.execute(
            "SELECT old_id, new_id, merged_at FROM event_merges ORDER BY merged_at, old_id").fetchall()

    def query_events(self, where: EventFilter = EventFilter()) -> list[dict]:
        """Fused events as dicts (ACLED columns, documents, evidence, disputes), by date then id."""
        clauses, params = [], []
        for column, op, value in (("event_date", ">=", where.date_from), ("event_date", "<=", where.date_to),
                                  ("lower(country)", "=", where.country and where.country.lower()),
                                  ("lower(admin1)", "=", where.admin1 and where.admin1.lower()),
                                  ("lower(event_type)", "=", where.event_type and where.event_type.lower())):
            if value is not None:
                clauses.append(f"{column} {op} ?")
                params.append(value)
        if where.actor:
            clauses.append("lower(concat_ws('|', actor1, actor2, assoc_actor_1, assoc_actor_2)) LIKE ?")
            params.append(f"%{where.actor.lower()}%")
        if where.bbox:
            clauses.append("longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?")
            params += [where.bbox[0], where.bbox[2], where.bbox[1], where.bbox[3]]
        sql = f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        sql += " ORDER BY event_date, event_id_cnty"
        if where.limit:
            sql += f" LIMIT {int(where.limit)}"
        return [_event_dict(row) for row in self.db.execute(sql, params).fetchall()]

    def export_events_parquet(self, path: Path) -> None:
        columns = ", ".join(c for c in _EVENT_COLUMNS if c != "fingerprint")
        self.db.execute(f"COPY (SELECT {columns} FROM events ORDER BY event_date, event_id_cnty) "
                        f"TO '{_quoted(path)}' (FORMAT parquet)")

    def event(self, event_id: str) -> dict:
        rows = self.db.execute(f"SELECT {', '.join(_EVENT_COLUMNS)} FROM events WHERE event_id_cnty = ?",
                               [event_id]).fetchall()
        if not rows:
            merged = self.db.execute("SELECT new_id FROM event_merges WHERE old_id = ?", [event_id]).fetchone()
            hint = f" (merged into {merged[0]})" if merged else ""
            raise NotFound(f"no event {event_id!r} in {self.path}{hint}")
        return _event_dict(rows[0])


def _event_values(event: Event) -> tuple:
    row = event.row
    values = [row.get(c) for c in _EVENT_COLUMNS[: len(OUTPUT_COLUMNS) - 1]]
    return (*values, json.dumps(event.documents), row.get("geonameid"),
            json.dumps({k: [s.as_dict() for s in v] for k, v in event.evidence.items()}),
            json.dumps([to_data(d) for d in event.disputes]), row.get("fingerprint"))


def _event_dict(row: tuple) -> dict:
    out = dict(zip(_EVENT_COLUMNS, row))
    for column in _JSON_COLUMNS:
        out[column] = json.loads(out[column]) if out[column] else ([] if column != "evidence" else {})
    if isinstance(out.get("event_date"), date):
        out["event_date"] = out["event_date"].isoformat()
    return out


def _quoted(path: Path) -> str:
    return str(path).replace("'", "''")


def _now() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)
