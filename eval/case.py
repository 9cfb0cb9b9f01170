"""CASE-2021 task 2 dev set as an event-typing benchmark for the event stage.

Run: python eval/case.py ../shared [--tune-only] [--all-confusion]   (exits 0 with a message when the data is absent)

Each snippet is treated as an article; its predicted label is the ACLED sub-type of its main event
(polybius.events.classify_text) or "no event". Reports weighted F1 over the gold labels among the
25 ACLED sub-types (a "no event" prediction for them counts as wrong), accuracy of "no event" on the
5 non-ACLED classes, and a confusion table.

The set is split by id parity: even ids are the tune half (the only snippets anyone working on the
classifier may read for error analysis); odd ids are held out. Both halves and the whole are printed,
each weighted F1 with a 95% bootstrap interval (the halves hold only 115 and 133 ACLED snippets);
--tune-only classifies and prints the tune half alone, so that working runs never see held-out figures.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from pathlib import Path

# CASE-2021 code -> ACLED sub-event type (from the shared README); None: not an ACLED event.
CASE_TO_ACLED: dict[str, str | None] = {
    "ARMED_CLASH": "Armed clash",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "CHEM_WEAP": "Chemical weapon",
    "AIR_STRIKE": "Air/drone strike",
    "SUIC_BOMB": "Suicide bomb",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "GRENADE": "Grenade",
    "SEX_VIOL": "Sexual violence",
    "ATTACK": "Attack",
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "PEACE_PROTEST": "Peaceful protest",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "VIOL_DEMONSTR": "Violent demonstration",
    "MOB_VIOL": "Mob violence",
    "AGREEMENT": "Agreement",
    "ARREST": "Arrests",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "DISR_WEAP": "Disrupted weapons use",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "ORG_CRIME": None,
    "NATURAL_DISASTER": None,
    "MAN_MADE_DISASTER": None,
    "DIPLO": None,
    "ATTRIB": None,
}
NO_EVENT = "no event"
DEV = Path("data") / "case2021_task2" / "dev.tsv"


def read_dev(shared: Path) -> list[dict]:
    with open(shared / DEV, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in rows:
        if row["SubType"] not in CASE_TO_ACLED:
            raise ValueError(f"{shared / DEV}: id {row['id']} has unknown code {row['SubType']!r}")
        row["gold"] = CASE_TO_ACLED[row["SubType"]] or NO_EVENT
        row["acled"] = CASE_TO_ACLED[row["SubType"]] is not None
    return rows


def is_tune(row: dict) -> bool:
    """The tune half: even ids. The odd ids are held out from all error analysis."""
    return int(row["id"]) % 2 == 0


def score(rows: list[dict]) -> dict:
    from sklearn.metrics import f1_score

    acled = [r for r in rows if r["acled"]]
    others = [r for r in rows if not r["acled"]]
    weighted = (
        f1_score([r["gold"] for r in acled], [r["predicted"] for r in acled], average="weighted",
                 labels=sorted({r["gold"] for r in acled}), zero_division=0)
        if acled else float("nan")
    )
    no_event = sum(r["predicted"] == NO_EVENT for r in others) / len(others) if others else float("nan")
    accuracy = sum(r["predicted"] == r["gold"] for r in acled) / len(acled) if acled else float("nan")
    return {"n": len(rows), "weighted_f1": weighted, "no_event_accuracy": no_event, "acled_accuracy": accuracy}


def interval(rows: list[dict], resamples: int = 1000, seed: int = 0) -> tuple[float, float]:
    """95% bootstrap interval of the weighted F1: how far a figure on this few snippets can move by
    the luck of which snippets were drawn (resampled with replacement, fixed seed)."""
    import random

    rng = random.Random(seed)
    scores = sorted(score([rng.choice(rows) for _ in rows])["weighted_f1"] for _ in range(resamples))
    return scores[int(0.025 * resamples)], scores[int(0.975 * resamples) - 1]


def confusion(rows: list[dict]) -> list[tuple[str, str, int]]:
    counts = Counter((r["gold"], r["predicted"]) for r in rows if r["gold"] != r["predicted"])
    return [(gold, predicted, n) for (gold, predicted), n in counts.most_common()]


def run(shared: Path, tune_only: bool = False, all_confusion: bool = False) -> int:
    path = shared / DEV
    if not path.exists():
        print(f"CASE: {path} is absent; skipping the CASE evaluation.")
        return 0
    from polybius.events import classify_text
    from polybius.events.classifier import load_classifier
    from polybius.nlp import load

    started = time.perf_counter()
    load(), load_classifier()
    load_seconds = time.perf_counter() - started
    rows = read_dev(shared)
    if tune_only:
        rows = [r for r in rows if is_tune(r)]
    started = time.perf_counter()
    for row in rows:
        label, confidence = classify_text(row["EventSnippet"])
        row["predicted"] = label or NO_EVENT
        row["confidence"] = confidence
    seconds = time.perf_counter() - started

    halves = {
        "tune (even ids)": [r for r in rows if is_tune(r)],
        "held-out (odd ids)": [r for r in rows if not is_tune(r)],
        "all": rows,
    }
    if tune_only:
        halves = {"tune (even ids)": halves["tune (even ids)"]}
    print(f"CASE-2021 task 2 dev: {len(rows)} snippets; model load {load_seconds:.1f} s; "
          f"{seconds / len(rows):.3f} s per snippet")
    print(f"{'part':<20} {'n':>4} {'weighted F1':>12} {'95% interval':>14} {'no-event acc':>13} {'ACLED acc':>10}")
    for name, part in halves.items():
        s = score(part)
        low, high = interval(part)
        print(f"{name:<20} {s['n']:>4} {s['weighted_f1']:>12.3f} {f'{low:.3f}-{high:.3f}':>14} "
              f"{s['no_event_accuracy']:>13.3f} {s['acled_accuracy']:>10.3f}")
    print("anchor: best CASE-2021 system (trained on ACLED data), weighted F1 0.839; goals: F1 >= 0.75, no-event >= 0.80")
    # The tune half's confusion by default: held-out errors stay unseen while the classifier is worked on.
    shown = "all" if all_confusion and "all" in halves else "tune (even ids)"
    print(f"\nconfusion, {shown} (gold -> predicted: count), errors only; --all-confusion for every snippet:")
    for gold, predicted, n in confusion(halves[shown]):
        print(f"  {gold} -> {predicted}: {n}")
    return 0


def main(argv: list[str] | None = None) -> int:
    # argparse, so that a mistyped flag stops with a message instead of scoring the held-out half.
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shared", type=Path, nargs="?", default=Path("../shared"))
    parser.add_argument("--tune-only", action="store_true", help="classify and print the tune half only")
    parser.add_argument("--all-confusion", action="store_true", help="print the confusion of every snippet")
    args = parser.parse_args(argv)
    return run(args.shared.resolve(), tune_only=args.tune_only, all_confusion=args.all_confusion)


if __name__ == "__main__":
    sys.exit(main())
