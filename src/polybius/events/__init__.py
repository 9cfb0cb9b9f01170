"""The event stage: which sentences report an event, its ACLED type, and its arguments."""

from polybius.events.classify import classify_text

__all__ = ["classify_text"]
