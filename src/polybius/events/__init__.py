"""The event stage: which sentences report an event, its ACLED type, and its arguments.

    find_events(document, times, places, actors) -> list[EventMention]
    classify_text(text) -> (ACLED sub-event type or None, confidence)   the main event of a snippet

Language data lives in data/: taxonomy.toml (ACLED's types), cues.toml (trigger and rule words),
fatalities.toml (words and lists of the fatality rules), and the classifier's own training sentences
(examples.jsonl, wire_sentences.jsonl, feature_sentences.jsonl, press_sentences.jsonl: see examples.py;
add more with $POLYBIUS_EVENT_EXAMPLES).
"""

from polybius.events.assemble import find_events
from polybius.events.classify import classify_text

__all__ = ["classify_text", "find_events"]
