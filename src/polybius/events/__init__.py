"""The event stage: which sentences report an event, its ACLED type, and its arguments.

    find_events(document, times, places, actors) -> list[EventMention]
    classify_text(text) -> (ACLED sub-event type or None, confidence)   the main event of a snippet

Language data lives in data/: taxonomy.toml (ACLED's types), cues.toml (trigger and rule words),
examples.jsonl, wire_sentences.jsonl and feature_sentences.jsonl (the classifier's own training
sentences, see examples.py; add more with $POLYBIUS_EVENT_EXAMPLES).
"""

from polybius.events.assemble import find_events
from polybius.events.classify import classify_text

__all__ = ["classify_text", "find_events"]
