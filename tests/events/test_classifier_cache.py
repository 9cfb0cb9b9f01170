"""load_classifier keeps the fitted model on disk, keyed by the examples it was trained on."""

import polybius.events.classifier as classifier_module
from polybius.events.examples import Example

EXAMPLES = [
    Example("Rebels and soldiers fought near the river crossing.", "Armed clash"),
    Example("Troops clashed with militants at the border post.", "Armed clash"),
    Example("Police arrested the opposition leader at his home.", "Arrests"),
    Example("Security forces detained six activists in the capital.", "Arrests"),
    Example("The minister said the talks would go on.", "none:statement"),
    Example("A spokesman said the situation was calm.", "none:statement"),
]


def _load(monkeypatch, tmp_path, examples):
    monkeypatch.setenv("POLYBIUS_HOME", str(tmp_path))
    monkeypatch.setattr(classifier_module, "load_examples", lambda extra=(): list(examples))
    return classifier_module.load_classifier.__wrapped__()


def test_a_second_load_reads_the_fitted_model_instead_of_training(monkeypatch, tmp_path):
    first = _load(monkeypatch, tmp_path, EXAMPLES)
    assert len(list(tmp_path.glob("classifier-*.pickle"))) == 1

    def no_training(*args, **kwargs):
        raise AssertionError("trained again although the cache holds this model")

    monkeypatch.setattr(classifier_module.EventClassifier, "train", no_training)
    second = _load(monkeypatch, tmp_path, EXAMPLES)
    text = ["Soldiers and rebels exchanged fire overnight."]
    assert second.labels == first.labels
    assert second.predict(text)[0].label == first.predict(text)[0].label


def test_other_examples_or_a_broken_file_mean_training_again(monkeypatch, tmp_path):
    _load(monkeypatch, tmp_path, EXAMPLES)
    _load(monkeypatch, tmp_path, EXAMPLES[:-1])
    assert len(list(tmp_path.glob("classifier-*.pickle"))) == 2
    for path in tmp_path.glob("classifier-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert _load(monkeypatch, tmp_path, EXAMPLES).labels == ["Armed clash", "Arrests", "none:statement"]
