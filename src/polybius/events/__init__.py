"""The event stage: which sentences report an event, its ACLED type, and its arguments."""
