"""The classifier's own examples: valid, broad, and extensible by users."""

import json
from collections import Counter

import pytest

from polybius.events.examples import EXTRA_ENV, ExampleFileError, bundled_examples, load_examples, read_examples
from polybius.events.taxonomy import taxonomy

NON_EVENT_CLASSES = {"none:statement", "none:claim", "none:diplomacy", "none:decision", "none:troops", "none:visit",
                     "none:commemoration", "none:situation", "none:threat", "none:crime", "none:natural_disaster",
                     "none:man_made_disaster", "none:court", "none:other"}


def test_bundled_examples_cover_every_sub_type_and_non_event_class():
    counts = Counter(e.label for e in bundled_examples())
    assert sum(counts.values()) >= 900
    for name in taxonomy().sub_types:
        assert counts[name] >= 10, name
    assert NON_EVENT_CLASSES <= set(counts)
    assert sum(n for label, n in counts.items() if label.startswith("none:")) >= 250


def test_examples_are_unique():
    texts = [e.text for e in bundled_examples()]
    assert len(texts) == len(set(texts))


def test_bad_line_names_file_and_line(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"text": "Rebels shelled the town.", "label": "Shelling/artillery/missile attack"})
                    + "\n{not json}\n")
    with pytest.raises(ExampleFileError, match=r"mine.jsonl:2: expected a JSON object"):
        read_examples(path)


def test_unknown_label_is_refused(tmp_path):
    path = tmp_path / "mine.jsonl"
    path.write_text(json.dumps({"text": "Rebels shelled the town.", "label": "Shelling"}) + "\n")
    with pytest.raises(ExampleFileError, match="unknown label 'Shelling'"):
        read_examples(path)


def test_extra_files_from_argument_and_environment(tmp_path, monkeypatch):
    mine = tmp_path / "mine.jsonl"
    mine.write_text(json.dumps({"text": "Pirates boarded a tanker off Bonny Island.", "label": "none:crime"}) + "\n")
    theirs = tmp_path / "theirs.jsonl"
    theirs.write_text(json.dumps({"text": "Miners marched on the governor's office.", "label": "Peaceful protest"}) + "\n")
    monkeypatch.setenv(EXTRA_ENV, str(theirs))
    examples = load_examples((mine,))
    assert examples[-2].label == "none:crime" and examples[-1].label == "Peaceful protest"
    assert len(examples) == len(bundled_examples()) + 2
