"""k-fold cross-validation of the event typer over our own examples (never a dev set).

    python -m polybius.events.crossval [--folds 5] [--seed 0] [--classifier-only] [--extra FILE ...]

Each fold trains the classifier on the other folds and types its held-out examples the way
classify_text types a snippet: cue candidates, the classifier, then the rules of detect/refine
(--classifier-only skips cues and rules). Folds are stratified by label and fixed by the seed, so
two runs differ only by the change being measured. Printed: accuracy and weighted F1 over the
ACLED sub-types (a "no event" answer for an event example counts as wrong, as in eval/case.py),
accuracy of "no event" on the non-event examples, per-label F1 and the commonest confusions.
This is how changes to examples, cues, rules and settings are chosen.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from polybius.events.classifier import EventClassifier
from polybius.events.embed import embed_cached
from polybius.events.examples import Example, load_examples
from polybius.events.taxonomy import NO_EVENT_PREFIX

NO_EVENT = "no event"


@dataclass(frozen=True, slots=True)
class Outcome:
    example: Example
    predicted: str  # an ACLED sub-type or NO_EVENT

    @property
    def gold(self) -> str:
        return NO_EVENT if self.example.label.startswith(NO_EVENT_PREFIX) else self.example.label


@dataclass(frozen=True)
class Report:
    outcomes: list[Outcome]

    def _events(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.gold != NO_EVENT]

    @property
    def accuracy(self) -> float:
        events = self._events()
        return sum(o.predicted == o.gold for o in events) / len(events) if events else float("nan")

    @property
    def no_event_accuracy(self) -> float:
        others = [o for o in self.outcomes if o.gold == NO_EVENT]
        return sum(o.predicted == NO_EVENT for o in others) / len(others) if others else float("nan")

    def f1_by_label(self) -> dict[str, tuple[float, int]]:
        """F1 and support of every gold event label, over all outcomes (false positives included)."""
        scores = {}
        for label in sorted({o.gold for o in self._events()}):
            tp = sum(o.gold == label and o.predicted == label for o in self.outcomes)
            fp = sum(o.gold != label and o.predicted == label for o in self.outcomes)
            fn = sum(o.gold == label and o.predicted != label for o in self.outcomes)
            f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            scores[label] = (f1, tp + fn)
        return scores

    @property
    def weighted_f1(self) -> float:
        """Weighted by support over the gold sub-types, scored on event examples (as eval/case.py)."""
        events = self._events()
        if not events:
            return float("nan")
        scores = Report(events).f1_by_label()
        return sum(f1 * n for f1, n in scores.values()) / sum(n for _, n in scores.values())

    def confusions(self, top: int = 15) -> list[tuple[str, str, int]]:
        counts = Counter((o.gold, o.predicted) for o in self.outcomes if o.gold != o.predicted)
        return [(gold, predicted, n) for (gold, predicted), n in counts.most_common(top)]


def folds(examples: Sequence[Example], k: int, seed: int) -> list[int]:
    """The fold of each example: labels dealt round-robin after a seeded shuffle (stratified)."""
    by_label: dict[str, list[int]] = defaultdict(list)
    for i, example in enumerate(examples):
        by_label[example.label].append(i)
    fold_of = [0] * len(examples)
    rng = random.Random(seed)
    offset = 0
    for label in sorted(by_label):
        members = by_label[label]
        rng.shuffle(members)
        for j, i in enumerate(members):
            fold_of[i] = (offset + j) % k
        offset += len(members)
    return fold_of


class _KnownVectors:
    """A classifier whose predict() reads embeddings computed once for every text it will see."""

    def __init__(self, classifier: EventClassifier, vectors: dict[str, np.ndarray]):
        self.classifier = classifier
        self.vectors = vectors

    def predict(self, texts: Sequence[str]):
        return self.classifier.predict(texts, np.stack([self.vectors[t] for t in texts]))


def cross_validate(examples: Sequence[Example], k: int = 5, seed: int = 0, rules: bool = True) -> Report:
    if k < 2 or k > len(examples):
        raise ValueError(f"cross-validation needs 2 <= folds <= {len(examples)} examples, got {k}")
    texts = [e.text for e in examples]
    vectors = embed_cached(texts)
    fold_of = folds(examples, k, seed)
    docs, unit_vectors = _parsed(texts) if rules else ([], {})
    outcomes: list[Outcome | None] = [None] * len(examples)
    for fold in range(k):
        train = [i for i in range(len(examples)) if fold_of[i] != fold]
        test = [i for i in range(len(examples)) if fold_of[i] == fold]
        classifier = EventClassifier.train([examples[i] for i in train], vectors[train])
        if rules:
            typer = _KnownVectors(classifier, unit_vectors)
            predicted = [_main_type(docs[i], typer) for i in test]
        else:
            predicted = [p.sub_type or NO_EVENT for p in classifier.predict([texts[i] for i in test], vectors[test])]
        for i, label in zip(test, predicted):
            outcomes[i] = Outcome(examples[i], label)
    return Report([o for o in outcomes if o is not None])


def _parsed(texts: list[str]):
    from polybius import nlp
    from polybius.events.detect import candidates

    docs = list(nlp.load().pipe(texts, batch_size=64))
    units = sorted({sentence.text for doc in docs for sentence, _ in candidates(doc)})
    return docs, dict(zip(units, embed_cached(units)))


def _main_type(doc, typer) -> str:
    from polybius.events.classify import main_event
    from polybius.events.detect import detect

    main = main_event(detect(doc, typer))
    return main.sub_type.name if main is not None else NO_EVENT


def print_report(report: Report, out=sys.stdout) -> None:
    print(f"examples: {len(report.outcomes)}; sub-type accuracy {report.accuracy:.3f}, "
          f"weighted F1 {report.weighted_f1:.3f}, no-event accuracy {report.no_event_accuracy:.3f}", file=out)
    print("per-label F1 (support), weakest first:", file=out)
    for label, (f1, n) in sorted(report.f1_by_label().items(), key=lambda item: item[1][0]):
        print(f"  {f1:.3f} ({n:>3})  {label}", file=out)
    print("commonest confusions (gold -> predicted: count):", file=out)
    for gold, predicted, n in report.confusions():
        print(f"  {gold} -> {predicted}: {n}", file=out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--classifier-only", action="store_true", help="the classifier alone, without cues and rules")
    parser.add_argument("--extra", type=Path, nargs="*", default=[], help="more example files to include")
    args = parser.parse_args(argv)
    report = cross_validate(load_examples(tuple(args.extra)), args.folds, args.seed, not args.classifier_only)
    print_report(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
