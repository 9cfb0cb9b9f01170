"""Training examples for the event classifier: our own sentences, labelled with an ACLED sub-event
type or a 'none:<class>' non-event class (statements, diplomacy, crime, disasters ...).

The bundled set is four files in data/, all written by the team:
- examples.jsonl: single sentences, one per sub-type or non-event class;
- wire_sentences.jsonl: every sentence of half of our wire-style snippets, each labelled by what it
  reports read alone (the lede its sub-type; quotes, background and aftermath their none: class). The
  other half of those snippets is the benchmark eval/wire.py and is never trained on;
- feature_sentences.jsonl: sentences of long-form features and analysis pieces, so that description,
  history and analysis that use violent words are not taken for events;
- press_sentences.jsonl: single sentences in the many registers of real conflict copy (regional dailies,
  translated broadcast summaries, state and partisan media, monitors' reports, headlines), 30 or more per
  sub-type plus hard negatives. A further 535 such sentences are the benchmark
  eval/data/press_sentences.jsonl and are never trained on.
Users add their own, one JSON object per line ({"text": ..., "label": ...}), by listing files in
$POLYBIUS_EVENT_EXAMPLES (separated by the platform's path separator, ':' on Linux) or by passing
them to `load_examples`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from polybius.events.taxonomy import Taxonomy, taxonomy

DATA = Path(__file__).parent / "data"
BUNDLED = tuple(DATA / name for name in
                ("examples.jsonl", "wire_sentences.jsonl", "feature_sentences.jsonl", "press_sentences.jsonl"))
EXTRA_ENV = "POLYBIUS_EVENT_EXAMPLES"


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    label: str


class ExampleFileError(ValueError):
    """An examples file that cannot be used, with the file and line in the message."""


def read_examples(path: Path, known: Taxonomy | None = None) -> list[Example]:
    known = known or taxonomy()
    examples: list[Example] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ExampleFileError(f"{path}: cannot read examples file ({error.strerror})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            text, label = record["text"], record["label"]
        except (json.JSONDecodeError, KeyError, TypeError):
            raise ExampleFileError(f"{path}:{number}: expected a JSON object with \"text\" and \"label\"") from None
        if not isinstance(text, str) or not text.strip():
            raise ExampleFileError(f"{path}:{number}: \"text\" must be a non-empty string")
        if not known.is_label(label):
            raise ExampleFileError(
                f"{path}:{number}: unknown label {label!r}; use an ACLED sub-event type or 'none:<class>'"
            )
        examples.append(Example(text.strip(), label))
    return examples


def extra_example_paths() -> tuple[Path, ...]:
    configured = os.environ.get(EXTRA_ENV, "")
    return tuple(Path(part) for part in configured.split(os.pathsep) if part.strip())


def bundled_examples() -> list[Example]:
    return [example for path in BUNDLED for example in read_examples(path)]


def load_examples(extra: tuple[Path, ...] = ()) -> list[Example]:
    """The bundled examples, then those of every extra file (argument first, then the environment)."""
    examples = bundled_examples()
    for path in (*extra, *extra_example_paths()):
        examples.extend(read_examples(path))
    return examples
