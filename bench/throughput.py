"""Throughput benchmark: the whole pipeline on ../shared/data/news/guardian_2019.csv (249 articles).

usage: python bench/throughput.py [SHARED_DIR]
Prints articles/s, words/s and peak RSS of a full `run` into a fresh database, then the time of a bare
spaCy pass over the same cleaned texts, so the pipeline's own overhead shows as a ratio.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

from polybius import nlp
from polybius.pipeline import Polybius
from polybius.store import Store


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> int:
    shared = Path(argv[0] if argv else "../shared")
    corpus = shared / "data" / "news" / "guardian_2019.csv"
    if not corpus.exists():
        print(f"bench: skipped, {corpus} is not present (../shared is absent)")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.duckdb"
        nlp.load()  # model loading is start-up, not throughput
        started = time.perf_counter()
        with Polybius(db) as core:
            _ = core.gazetteer, core.actor_dictionary  # likewise for the gazetteer and dictionary
            loaded = time.perf_counter()
            summary = core.run([corpus])
        finished = time.perf_counter()
        with Store(db, read_only=True) as store:
            texts = [a.text for a in store.articles()]
    pipeline_s = finished - loaded
    words = summary.words
    print(f"articles: {summary.articles_added} ({len(summary.problems)} skipped), words: {words:,}")
    print(f"start-up (gazetteer, dictionaries, models): {loaded - started:.1f} s")
    print(f"pipeline: {pipeline_s:.1f} s = {summary.articles_added / pipeline_s:.2f} articles/s, "
          f"{words / pipeline_s:,.0f} words/s")
    print(f"event mentions: {summary.event_mentions}, events after fusion: {summary.events}")
    print(f"peak RSS: {peak_rss_mb():,.0f} MB")
    spacy_started = time.perf_counter()
    for _ in nlp.load().pipe(texts, batch_size=16):
        pass
    spacy_s = time.perf_counter() - spacy_started
    print(f"bare spaCy pass: {spacy_s:.1f} s = {len(texts) / spacy_s:.2f} articles/s; "
          f"pipeline/spaCy time ratio {pipeline_s / spacy_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
