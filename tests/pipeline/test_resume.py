"""A run killed at any point leaves whole articles only; the next run completes the rest."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from polybius.store import Store

from articles import CLASH_A, CLASH_B, CLASH_UPDATE, PROTEST

# Runs the pipeline and kills its own process (SIGKILL: no cleanup, no commit) inside the transaction
# of the article named by KILL_AT, after its article row is written.
KILLER = textwrap.dedent("""
    import os, signal, sys
    from polybius.pipeline import Polybius
    from polybius.store import Store

    db, source, kill_at = sys.argv[1:4]
    real_insert = Store._insert

    def insert_then_die(self, table, rows, chunk=400):
        real_insert(self, table, rows, chunk)
        if table == "paragraphs" and rows and rows[0][0] == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    Store._insert = insert_then_die
    with Polybius(db) as core:
        core.run([source])
""")


def test_killed_mid_article_then_resumed(tmp_path: Path):
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in (CLASH_A, PROTEST, CLASH_B, CLASH_UPDATE)))
    db = tmp_path / "db.duckdb"
    killed = subprocess.run([sys.executable, "-c", KILLER, str(db), str(source), "clash-b"],
                            capture_output=True, text=True, timeout=600)
    assert killed.returncode == -9, killed.stderr[-2000:]
    with Store(db, read_only=True) as store:
        stored = {a.id for a in store.articles()}
        orphans = store.db.execute(
            "SELECT count(*) FROM paragraphs WHERE article_id NOT IN (SELECT id FROM articles)").fetchone()[0]
        half = store.db.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                                "(SELECT 1 FROM paragraphs p WHERE p.article_id = a.id)").fetchone()[0]
    assert stored == {"clash-a", "protest-a"}  # the article being written when killed is not there at all
    assert orphans == 0 and half == 0

    resumed = subprocess.run([sys.executable, "-m", "polybius.cli", "run", str(source), "--db", str(db),
                              "--out", str(tmp_path / "out"), "--no-report"], capture_output=True, text=True,
                             timeout=600)
    assert resumed.returncode == 0, resumed.stderr[-2000:]
    clean = tmp_path / "clean.duckdb"
    subprocess.run([sys.executable, "-m", "polybius.cli", "run", str(source), "--db", str(clean), "--out",
                    str(tmp_path / "clean"), "--no-report"], check=True, capture_output=True, timeout=600)

    def content(path):
        with Store(path, read_only=True) as store:
            return sorted((e["event_date"], e["sub_event_type"], tuple(e["documents"]), e["fatalities"])
                          for e in store.query_events())

    assert content(db) == content(clean)
