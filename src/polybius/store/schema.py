"""The database schema as named migrations, applied in order and recorded (as sqlite-utils does)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone

import duckdb

MIGRATIONS: list[tuple[str, Callable[[duckdb.DuckDBPyConnection], None]]] = []


def migration(function: Callable[[duckdb.DuckDBPyConnection], None]):
    MIGRATIONS.append((function.__name__, function))
    return function


@migration
def m001_initial(db: duckdb.DuckDBPyConnection) -> None:
    db.execute("""
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,
            content_hash VARCHAR NOT NULL UNIQUE,
            published DATE,
            source VARCHAR,
            title VARCHAR,
            url VARCHAR,
            origin VARCHAR,
            text VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        )""")
    # The same text again, under another id: stored once, the extra id remembered.
    db.execute("""
        CREATE TABLE article_duplicates (
            id VARCHAR PRIMARY KEY,
            duplicate_of VARCHAR NOT NULL,
            origin VARCHAR,
            seen_at TIMESTAMP NOT NULL
        )""")
    db.execute("""
        CREATE TABLE paragraphs (
            article_id VARCHAR NOT NULL,
            idx INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            signature BLOB,
            repeats_article VARCHAR,
            repeats_paragraph INTEGER,
            similarity DOUBLE,
            PRIMARY KEY (article_id, idx)
        )""")
    # Time expressions, places and actors found in an article (kind = time | place | actor).
    db.execute("""
        CREATE TABLE mentions (
            article_id VARCHAR NOT NULL,
            kind VARCHAR NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text VARCHAR,
            data JSON
        )""")
    db.execute("""
        CREATE TABLE event_mentions (
            id VARCHAR PRIMARY KEY,
            article_id VARCHAR NOT NULL,
            data JSON NOT NULL
        )""")
    db.execute("""
        CREATE TABLE events (
            event_id_cnty VARCHAR PRIMARY KEY,
            event_date DATE, year INTEGER, time_precision INTEGER,
            disorder_type VARCHAR, event_type VARCHAR, sub_event_type VARCHAR,
            actor1 VARCHAR, assoc_actor_1 VARCHAR, inter1 INTEGER,
            actor2 VARCHAR, assoc_actor_2 VARCHAR, inter2 INTEGER,
            interaction INTEGER, civilian_targeting VARCHAR,
            iso INTEGER, region VARCHAR, country VARCHAR,
            admin1 VARCHAR, admin2 VARCHAR, admin3 VARCHAR, location VARCHAR,
            latitude DOUBLE, longitude DOUBLE, geo_precision INTEGER,
            source VARCHAR, source_scale VARCHAR, notes VARCHAR,
            fatalities INTEGER, tags VARCHAR, timestamp BIGINT,
            fatalities_low INTEGER, fatalities_high INTEGER,
            documents JSON, geonameid BIGINT,
            evidence JSON, disputes JSON, fingerprint VARCHAR
        )""")
    db.execute("""
        CREATE TABLE event_sources (
            event_id_cnty VARCHAR NOT NULL,
            mention_id VARCHAR NOT NULL,
            article_id VARCHAR NOT NULL,
            independent BOOLEAN NOT NULL
        )""")
    # Events that later evidence folded into another: published like ACLED's deletions.
    db.execute("""
        CREATE TABLE event_merges (
            old_id VARCHAR NOT NULL,
            new_id VARCHAR NOT NULL,
            merged_at TIMESTAMP NOT NULL
        )""")
    db.execute("CREATE TABLE event_counters (iso3 VARCHAR PRIMARY KEY, last_number INTEGER NOT NULL)")


def migrate(db: duckdb.DuckDBPyConnection) -> list[str]:
    """Apply the migrations this database has not had yet; return their names."""
    db.execute("CREATE TABLE IF NOT EXISTS migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP)")
    done = {row[0] for row in db.execute("SELECT name FROM migrations").fetchall()}
    applied = []
    for name, function in MIGRATIONS:
        if name in done:
            continue
        db.begin()
        try:
            function(db)
            db.execute("INSERT INTO migrations VALUES (?, ?)", [name, datetime.now(timezone.utc)])
            db.commit()
        except Exception:
            db.rollback()
            raise
        applied.append(name)
    return applied
