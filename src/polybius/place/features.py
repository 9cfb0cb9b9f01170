"""Physical features found by a word of their name: "the Ifoghas mountains" -> "Adrar des Ifôghas".

GeoNames often names a terrain or water feature with a generic word of a local language ("Adrar",
"Oued", "Vallée du") that English text leaves out or translates into a head word ("mountains",
"valley"). The table feature_word(word, id) indexes each word of each name key of every terrain (T),
water (H) and area (L) feature, so that such a feature is found by one of its words through the
index, never by scanning the names. Towns and admin areas are not indexed: their names are matched
whole.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable

SCHEMA = """
CREATE TABLE IF NOT EXISTS feature_word (word TEXT NOT NULL, id INTEGER NOT NULL, PRIMARY KEY (word, id))
    WITHOUT ROWID;
"""
CLASSES = ("T", "H", "L")
# Shorter words ("de", "el", "n" of "I-n-Eménas") join names; they never single a feature out.
_MIN_WORD = 3


def words_of(keys: Iterable[str]) -> set[str]:
    """The indexed words of some name keys ("adrar des ifoghas" -> {"adrar", "des", "ifoghas"})."""
    return {word for key in keys for word in key.split() if len(word) >= _MIN_WORD}


def index(db: sqlite3.Connection, rows: Iterable[tuple[int, Iterable[str]]]) -> None:
    """Index each (place id, name keys) of a feature."""
    db.executemany(
        "INSERT OR IGNORE INTO feature_word VALUES (?, ?)",
        [(word, place_id) for place_id, keys in rows for word in words_of(keys)],
    )


def index_all(db: sqlite3.Connection) -> None:
    """Create the index if missing and fill it from every feature already in the store (one pass over
    the name table; used by the build and to upgrade a store made before the index existed)."""
    db.execute(SCHEMA)
    marks = ",".join("?" * len(CLASSES))
    features = {pid for (pid,) in db.execute(f"SELECT id FROM place WHERE fclass IN ({marks})", CLASSES)}
    keys: dict[int, list[str]] = defaultdict(list)
    for key, place_id in db.execute("SELECT key, id FROM name"):
        if place_id in features:
            keys[place_id].append(key)
    index(db, keys.items())


def containing(db: sqlite3.Connection, key: str, codes: tuple[str, ...], limit: int) -> list[int]:
    """Ids of features of the given codes with every word of `key` among the words of their names,
    those of the earlier codes first (a head word's likeliest kinds of feature), at most `limit`."""
    words = sorted(words_of([key]))
    if not words or not codes:
        return []
    others = " ".join("AND f.id IN (SELECT id FROM feature_word WHERE word = ?)" for _ in words[1:])
    marks = ",".join("?" * len(codes))
    rank = " ".join(f"WHEN ? THEN {n}" for n in range(len(codes)))
    sql = (
        f"SELECT f.id FROM feature_word f JOIN place p ON p.id = f.id WHERE f.word = ? {others}"
        f" AND p.fcode IN ({marks}) ORDER BY CASE p.fcode {rank} END, p.pop DESC, p.id LIMIT ?"
    )
    return [pid for (pid,) in db.execute(sql, (*words, *codes, *codes, limit))]
