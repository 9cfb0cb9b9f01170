"""TimeBank 1.2: how well polybius.time finds and normalizes TIMEX3 DATE expressions.

    .venv/bin/python eval/timebank.py ../shared [--errors]

Each file is read as an article published on its document creation time (DCT). For the gold DATE
expressions (the DCT itself excluded) it reports:
  recall     gold DATEs overlapped by one of our expressions;
  value acc  among those found, our value == the gold value (our expression overlapping most);
  value F1   TempEval-3 style: precision over our DATE expressions that overlap a gold TIMEX3
             (correct when an overlapping gold TIMEX3 has the same value), recall = correct gold
             DATEs / all gold DATEs. "strict P" also counts our DATEs that overlap no gold TIMEX3.
Files are split by sorted name: even index = "tune" (the only half used for error analysis:
--errors prints its mistakes), odd index = "held-out" (never inspected). Anchor: HeidelTime
value F1 0.776 on TempEval-3; goal (issue 4): DATE value accuracy >= 0.80.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeml import GoldTimex, TimeMLDocument, read  # noqa: E402


@dataclass
class Tally:
    gold: int = 0
    found: int = 0
    correct: int = 0
    ours_overlapping: int = 0
    ours_correct: int = 0
    ours_all: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        for name in ("gold", "found", "correct", "ours_overlapping", "ours_correct", "ours_all"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def line(self, label: str) -> str:
        recall = self.found / self.gold if self.gold else 0.0
        accuracy = self.correct / self.found if self.found else 0.0
        precision = self.ours_correct / self.ours_overlapping if self.ours_overlapping else 0.0
        value_recall = self.correct / self.gold if self.gold else 0.0
        f1 = 2 * precision * value_recall / (precision + value_recall) if precision + value_recall else 0.0
        strict = self.ours_correct / self.ours_all if self.ours_all else 0.0
        return (f"{label:9} gold DATE {self.gold:5}  recall {recall:.3f}  value acc {accuracy:.3f}  "
                f"value P {precision:.3f} R {value_recall:.3f} F1 {f1:.3f}  (strict P {strict:.3f})")


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def score(document: TimeMLDocument, ours: list) -> Tally:
    tally = Tally()
    golds = [g for g in document.timexes if g.function != "CREATION_TIME"]
    for gold in (g for g in golds if g.type == "DATE"):
        tally.gold += 1
        touching = [(overlap(gold.start, gold.end, t.span.start, t.span.end), t) for t in ours]
        touching = [(size, t) for size, t in touching if size > 0]
        if not touching:
            tally.errors.append(f"MISSED  {gold.text!r} = {gold.value}  | {_context(document, gold)}")
            continue
        tally.found += 1
        best = max(touching, key=lambda pair: pair[0])[1]
        if best.value == gold.value:
            tally.correct += 1
        else:
            tally.errors.append(f"VALUE   {gold.text!r} = {gold.value}  ours {best.span.text!r} = {best.value}"
                                f"  | {_context(document, gold)}")
    for expression in (t for t in ours if t.type == "DATE"):
        tally.ours_all += 1
        matching = [g for g in golds if overlap(g.start, g.end, expression.span.start, expression.span.end)]
        if matching:
            tally.ours_overlapping += 1
            tally.ours_correct += any(g.type == "DATE" and g.value == expression.value for g in matching)
        else:
            tally.errors.append(f"EXTRA   ours {expression.span.text!r} = {expression.value}  | {document.name}")
    return tally


def _context(document: TimeMLDocument, gold: GoldTimex, width: int = 60) -> str:
    left = document.text[max(0, gold.start - width):gold.start].replace("\n", " ")
    right = document.text[gold.end:gold.end + width].replace("\n", " ")
    return f"{document.name} [{document.created}] ...{left}[[{gold.text}]]{right}..."


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else Path("../shared")
    folder = shared / "data" / "timeml" / "TimeBank"
    if not folder.is_dir():
        print(f"TimeBank: skipped, {folder} is not present")
        return 0
    from polybius.nlp import Document, load
    from polybius.records import Article
    from polybius.time import find_times

    files = sorted(folder.glob("*.tml"))
    documents = [read(path) for path in files]
    nlp = load()
    started = time.perf_counter()
    spacy_seconds = time_seconds = 0.0
    halves = {"tune": Tally(), "held-out": Tally()}
    for index, document in enumerate(documents):
        t0 = time.perf_counter()
        doc = nlp(document.text)
        t1 = time.perf_counter()
        ours = find_times(Document(Article(document.name, document.text, document.created), doc))
        t2 = time.perf_counter()
        spacy_seconds, time_seconds = spacy_seconds + t1 - t0, time_seconds + t2 - t1
        tally = score(document, ours)
        half = halves["tune" if index % 2 == 0 else "held-out"]
        half.add(tally)
        if index % 2 == 0:
            half.errors.extend(tally.errors)
    total = Tally()
    for tally in halves.values():
        total.add(tally)
    print(f"TimeBank 1.2: {len(documents)} files (tune = even index, held-out = odd, by sorted name)")
    print(halves["tune"].line("tune"))
    print(halves["held-out"].line("held-out"))
    print(total.line("all"))
    print("anchor: HeidelTime value F1 0.776 (TempEval-3); goal: DATE value accuracy >= 0.80")
    print(f"time: {time.perf_counter() - started:.1f} s total, spaCy {spacy_seconds:.1f} s, "
          f"find_times {time_seconds:.2f} s = {1000 * time_seconds / len(documents):.1f} ms/article")
    if "--errors" in argv:
        print("\nErrors on the tune half only:")
        for error in halves["tune"].errors:
            print(" ", error)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
