"""API latency: p50/p95 of GET /events (and variants) over HTTP on loopback; the report's size and build time.

usage: python bench/api_latency.py DB [--requests N]
       python bench/api_latency.py --synthetic EVENTS [--requests N]

DB is a Polybius database (e.g. the 249 Guardian articles:
`polybius run ../shared/data/news/guardian_2019.csv --db /tmp/g.duckdb --no-report`). With
--synthetic, a throwaway database of that many generated events (over 249 generated articles) is
measured instead, so the benchmark runs without ../shared or the NLP models. The server is the real
app under uvicorn in its own process; requests are sequential, from one client, to 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import httpx

from polybius.records import Article, Event, Paragraph, Span
from polybius.report import write_report
from polybius.store import Store

SERVER = (
    "import sys, uvicorn; from polybius.serve import create_app; "
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')"
)
QUERIES = (
    "/events",
    "/events?format=csv",
    "/events?format=geojson",
    "/events?event_type=Battles",
    "/events?date_from={mid}&date_to={mid}",
    "/events?actor=forces",
    "/events?limit=100",
)
PLACES = [
    ("Mali", 466, "Gao", 16.27, -0.04),
    ("Mali", 466, "Kidal", 18.44, 1.41),
    ("Nigeria", 566, "Borno", 11.85, 13.16),
    ("Syria", 760, "Aleppo", 36.2, 37.16),
    ("Yemen", 887, "Taizz", 13.58, 44.02),
    ("Sudan", 729, "Khartoum", 15.5, 32.56),
]
TYPES = [
    ("Battles", "Armed clash"),
    ("Explosions/Remote violence", "Air/drone strike"),
    ("Violence against civilians", "Attack"),
    ("Protests", "Peaceful protest"),
    ("Riots", "Mob violence"),
    ("Strategic developments", "Arrests"),
]


def synthetic_db(path: Path, events: int, articles: int = 249, seed: int = 6) -> Path:
    """A database of generated articles and events with evidence spans (deterministic for a seed)."""
    rng = random.Random(seed)
    start = date(2019, 1, 1)
    with Store(path) as store:
        texts = {}
        for i in range(articles):
            text = " ".join(
                f"Sentence {j} of report {i} says forces clashed with gunmen near town {j}."
                for j in range(40)
            )
            texts[f"a{i}"] = text
            store.add_article(
                Article(
                    f"a{i}",
                    text,
                    start + timedelta(days=i % 365),
                    "Synthetic Wire",
                    f"Report {i}",
                    paragraphs=(Paragraph(0, 0, len(text)),),
                ),
                f"h{i}",
                [None],
                [],
                [],
                [],
                [],
            )
        out = []
        for n in range(events):
            country, iso, admin1, lat, lon = rng.choice(PLACES)
            event_type, sub = rng.choice(TYPES)
            day = start + timedelta(days=rng.randrange(365))
            documents = sorted({f"a{rng.randrange(articles)}" for _ in range(rng.randint(1, 3))})
            evidence = {}
            for field in ("event_type", "actor1", "location", "notes"):
                doc = rng.choice(documents)
                at = texts[doc].index("forces", rng.randrange(len(texts[doc]) - 400))
                evidence[field] = [Span(doc, at, at + 6, "forces")]
            row = {
                "event_id_cnty": f"SYN{n + 1}",
                "event_date": day.isoformat(),
                "year": day.year,
                "time_precision": 1,
                "disorder_type": "Political violence",
                "event_type": event_type,
                "sub_event_type": sub,
                "actor1": f"Military Forces of {country}",
                "inter1": 1,
                "actor2": f"Unidentified Armed Group ({country})",
                "inter2": 3,
                "interaction": 13,
                "iso": iso,
                "region": "Synthetic",
                "country": country,
                "admin1": admin1,
                "location": admin1,
                "latitude": lat + rng.uniform(-1, 1),
                "longitude": lon + rng.uniform(-1, 1),
                "geo_precision": 1,
                "source": "Synthetic Wire",
                "notes": f"On {day}, forces clashed with gunmen in {admin1}.",
                "fatalities": rng.choice([0, 0, 1, 3, 12]),
                "timestamp": 1_560_000_000 + n,
                "fingerprint": f"f{n}",
            }
            row["fatalities_low"] = row["fatalities_high"] = row["fatalities"]
            out.append(Event(row["event_id_cnty"], [], row, documents, evidence, []))
        store.replace_events(out, merges=[], counters={}, independent={})
    return path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def measure(db: Path, requests: int) -> None:
    with Store(db, read_only=True) as store:
        events = store.query_events()
        started = time.perf_counter()
        with tempfile.TemporaryDirectory() as tmp:
            report = Path(tmp) / "sitrep.html"
            write_report(store, report)
            size = report.stat().st_size
        built = time.perf_counter() - started
    days = sorted(e["event_date"] for e in events if e["event_date"])
    mid = days[len(days) // 2] if days else "2019-01-01"
    print(f"database: {db} ({len(events)} events)")
    print(f"report: {size / 1e6:.2f} MB, built in {built:.2f} s")

    # The server runs in its own process, as `polybius serve` would, so client and server do not
    # share one interpreter lock.
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(db), str(port)])
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"http://127.0.0.1:{port}/overview", timeout=5).raise_for_status()
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline or server.poll() is not None:
                server.kill()
                raise SystemExit("api_latency: the server did not start") from None
            time.sleep(0.2)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as client:
            print(f"{'request':48} {'p50 ms':>8} {'p95 ms':>8} {'bytes':>10}")
            for query in QUERIES:
                url = query.format(mid=mid)
                client.get(url).raise_for_status()  # warm-up
                times = []
                for _ in range(requests):
                    t0 = time.perf_counter()
                    response = client.get(url)
                    times.append((time.perf_counter() - t0) * 1000)
                    response.raise_for_status()
                times.sort()
                p95 = times[min(len(times) - 1, int(round(0.95 * len(times))) - 1)]
                print(f"GET {url:44} {statistics.median(times):8.1f} {p95:8.1f} {len(response.content):10,}")
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", type=Path, help="a Polybius DuckDB file")
    parser.add_argument(
        "--synthetic", type=int, metavar="EVENTS", help="measure a generated database instead"
    )
    parser.add_argument("--requests", type=int, default=100, help="requests per query (default 100)")
    args = parser.parse_args(argv)
    if args.requests < 1:
        parser.error("--requests must be at least 1")
    if args.synthetic:
        with tempfile.TemporaryDirectory() as tmp:
            measure(synthetic_db(Path(tmp) / "synthetic.duckdb", args.synthetic), args.requests)
        return 0
    if args.db is None or not args.db.exists():
        print(
            "api_latency: give a database (the docstring says how to build the Guardian one) or --synthetic N"
        )
        return 0 if args.db is None else 2
    measure(args.db, args.requests)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
