"""eval/wire.py: our own wire-style snippets, read and kept apart from the training examples."""

import importlib.util
import json
from pathlib import Path

import pytest

from polybius.events.examples import bundled_examples

REPO = Path(__file__).resolve().parents[2]


def _wire():
    # eval/ is not a package: load the script by path.
    spec = importlib.util.spec_from_file_location("wire_eval", REPO / "eval" / "wire.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_bundled_snippets_are_labelled_and_never_training_examples():
    wire = _wire()
    rows = wire.read_snippets()
    assert len(rows) > 300
    assert {row["gold"] for row in rows if not row["acled"]} == {"no event"}
    assert len({row["gold"] for row in rows if row["acled"]}) == 25
    # No snippet is, or contains, a training sentence (the other half's sentences are training data);
    # stock phrases of a few words ("No injuries were reported.") may recur anywhere.
    training = {example.text for example in bundled_examples() if len(example.text.split()) >= 6}
    assert not any(sentence in row["text"] for row in rows for sentence in training)


def test_the_press_benchmark_is_labelled_and_never_training_examples():
    wire = _wire()
    rows = wire.read_snippets(wire.PRESS)
    assert len(rows) > 500
    assert len({row["gold"] for row in rows if row["acled"]}) == 25
    assert sum(not row["acled"] for row in rows) > 150
    training = {example.text for example in bundled_examples()}
    assert not any(row["text"] in training for row in rows)
    longer = {text for text in training if len(text.split()) >= 6}
    assert not any(sentence in row["text"] for row in rows for sentence in longer)


def test_a_bad_line_names_the_file_and_line(tmp_path):
    path = tmp_path / "snippets.jsonl"
    path.write_text(json.dumps({"text": "Rebels shelled the port.", "label": "Armed clash"}) + "\n{oops\n")
    with pytest.raises(ValueError, match=r"snippets.jsonl:2: expected a JSON object"):
        _wire().read_snippets(path)
