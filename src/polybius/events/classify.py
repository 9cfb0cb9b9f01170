"""The main ACLED sub-type of a short text (a snippet, a lede): used by the CASE evaluation."""

from __future__ import annotations

from polybius import nlp
from polybius.events.detect import Detection, classify_sentences, detect


def main_event(detections: list[Detection]) -> Detection | None:
    """The event a text is mainly about: its most confidently typed event sentence (earliest on ties).

    Chosen over "the first event sentence" because ledes often name an attack loosely ("an attack
    by rebels") that a later sentence types clearly ("rebels attacked a police post")."""
    return max(detections, key=lambda d: d.confidence) if detections else None


def classify_text(text: str) -> tuple[str | None, float]:
    """(ACLED sub-event type of the text's main event, or None for no event; confidence)."""
    if not isinstance(text, str):
        raise ValueError(f"classify_text expects a string, got {type(text).__name__}")
    if not text.strip():
        return None, 1.0
    classified = classify_sentences(nlp.load()(text))
    main = main_event(detect(classified[0][0].doc, classified=classified) if classified else [])
    if main is not None:
        return main.sub_type.name, main.confidence
    # No event: as sure as the most event-like sentence allows.
    return None, min((1.0 - p.event_probability for _, _, p in classified), default=1.0)
