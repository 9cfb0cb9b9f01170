"""Score Polybius on the five seed articles against ../shared/gold/seeds_events.json.

usage: python eval/seeds.py [SHARED_DIR] [--keep DIR] [--no-import]
Runs the whole pipeline into a fresh database, then prints ../shared/tools/score_events.py's report.
As an analyst of Mali would, it first imports the GeoNames dump of Mali (../shared/data/geonames/ML.txt)
into a copy of the gazetteer, for the mountains and villages that the packaged data lacks;
--no-import scores with the packaged gazetteer alone.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from polybius.export import write_outputs
from polybius.pipeline import Polybius
from polybius.place import Gazetteer


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", nargs="?", default="../shared", type=Path)
    parser.add_argument("--keep", type=Path, help="write the outputs here instead of a temporary directory")
    parser.add_argument("--no-import", action="store_true", help="do not import the GeoNames dump of Mali")
    args = parser.parse_args(argv)
    shared = args.shared
    seeds, gold, scorer = (shared / "seeds" / "seeds.jsonl", shared / "gold" / "seeds_events.json",
                           shared / "tools" / "score_events.py")
    if not all(p.exists() for p in (seeds, gold, scorer)):
        print(f"eval-seeds: skipped, {shared} has no seeds/gold/scorer (../shared is not present)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        gazetteer = None
        dump = shared / "data" / "geonames" / "ML.txt"
        if dump.exists() and not args.no_import:
            gazetteer = Path(tmp) / "gazetteer.sqlite"
            shutil.copy(Gazetteer.open().path, gazetteer)
            print(f"== gazetteer: packaged data + {Gazetteer.open(gazetteer).import_dump(dump):,} features of {dump}")
        database = out / "seeds.duckdb"
        database.unlink(missing_ok=True)  # always a fresh run
        with Polybius(database, gazetteer=gazetteer) as core:
            summary = core.run([seeds])
            write_outputs(core.store, out, ["jsonl", "csv"])
        print(f"== seeds: {summary.articles_added} articles, {summary.event_mentions} event mentions, "
              f"{summary.events} events in {time.perf_counter() - started:.1f} s")
        result = subprocess.run([sys.executable, str(scorer), str(out / "events.jsonl"), str(gold)],
                                capture_output=True, text=True)
        print(result.stdout, end="")
        print(result.stderr, end="", file=sys.stderr)
        return result.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
