"""Cross-validation over our own examples: stratified fixed folds and honest scores."""

from collections import Counter

import pytest

from polybius.events.crossval import NO_EVENT, Outcome, Report, cross_validate, folds
from polybius.events.examples import Example


def test_folds_are_stratified_and_fixed_by_the_seed():
    examples = [Example(f"text {i}", "Armed clash" if i % 3 else "none:statement") for i in range(30)]
    first = folds(examples, 5, seed=1)
    assert first == folds(examples, 5, seed=1)
    assert first != folds(examples, 5, seed=2)
    for label in ("Armed clash", "none:statement"):
        sizes = Counter(f for f, e in zip(first, examples) if e.label == label)
        assert max(sizes.values()) - min(sizes.values()) <= 1


def test_scores_count_no_event_on_an_event_as_wrong():
    report = Report([
        Outcome(Example("a", "Arrests"), "Arrests"),
        Outcome(Example("b", "Arrests"), NO_EVENT),
        Outcome(Example("c", "none:crime"), NO_EVENT),
        Outcome(Example("d", "none:crime"), "Arrests"),
    ])
    assert report.accuracy == 0.5
    assert report.no_event_accuracy == 0.5
    assert report.weighted_f1 == pytest.approx(2 / 3)  # one true positive, one miss, scored on event examples
    assert ("Arrests", NO_EVENT, 1) in report.confusions()


def test_classifier_only_cross_validation_runs_on_a_small_set():
    texts = {
        "Peaceful protest": ["Nurses marched to the ministry to demand higher pay.",
                             "Students rallied peacefully outside parliament.",
                             "Farmers held a sit-in at the governor's office.",
                             "Taxi drivers demonstrated against a new fuel tax."],
        "none:natural_disaster": ["A cyclone flattened fishing villages along the coast.",
                                  "Floods swept away bridges in the valley.",
                                  "An earthquake damaged hundreds of homes in the north.",
                                  "Drought has ruined the harvest in three provinces."],
    }
    examples = [Example(t, label) for label, items in texts.items() for t in items]
    report = cross_validate(examples, k=2, seed=0, rules=False)
    assert len(report.outcomes) == len(examples)
    assert report.accuracy >= 0.5 and report.no_event_accuracy >= 0.5


def test_bad_fold_count_is_refused():
    with pytest.raises(ValueError, match="folds"):
        cross_validate([Example("a", "Arrests"), Example("b", "none:crime")], k=5)
