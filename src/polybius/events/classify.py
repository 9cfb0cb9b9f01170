"""The main ACLED sub-type of a short text (a snippet, a lede): used by the CASE evaluation."""

from __future__ import annotations

from spacy.tokens import Token

from polybius import nlp
from polybius.events.cues import Cues, cues
from polybius.events.detect import Detection, classify_sentences, detect

# The dependencies of a sentence's main line: its root, what the root says or is, and their objects
# ("police said [the group was] [behind] [the bomb]"). An attribution off this line ("..., blaming a
# landmine planted by the group") leaves the sentence reporting its event.
MAIN_LINE = {"ROOT", "ccomp", "acomp", "prep", "dobj", "conj"}


def main_event(detections: list[Detection]) -> Detection | None:
    """The event a text is mainly about: its most confidently typed event sentence (earliest on ties),
    among the events it reports rather than only attributes (see `is_attributed`).

    Chosen over "the first event sentence" because ledes often name an attack loosely ("an attack
    by rebels") that a later sentence types clearly ("rebels attacked a police post")."""
    reported = [d for d in detections if not is_attributed(d.trigger)]
    return max(reported, key=lambda d: d.confidence) if reported else None


def is_attributed(trigger: Token, cue_set: Cues | None = None) -> bool:
    """The event word is what an attribution on the sentence's main line is about: "officials
    blamed the group for the explosion", "said its fighters were behind the ambush", "claimed
    responsibility for the bombing that killed four". Such a text is about who did it (CASE-2021's
    ATTRIB), though the event stays in the dataset."""
    cue_set = cue_set or cues()
    child, current = trigger, trigger
    while current.head.i != current.i:
        child, current = current, current.head
        lemma = current.lemma_.lower()
        if lemma in cue_set.attribution or (lemma in cue_set.claim_verbs and child.dep_ == "dobj"):
            return _on_main_line(current)
    return False


def _on_main_line(token: Token) -> bool:
    while token.head.i != token.i:
        if token.dep_ not in MAIN_LINE:
            return False
        token = token.head
    return True


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
