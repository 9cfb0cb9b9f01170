"""ACLED's event taxonomy, read from data/taxonomy.toml: event types, sub-event types, disorder types."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
NO_EVENT_PREFIX = "none:"  # example labels for sentences that report no event start with this


@dataclass(frozen=True, slots=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    rank: int  # ACLED's hierarchy inside the event type: lower wins
    event_rank: int  # the event type's place in ACLED's hierarchy: lower wins
    definition: str

    @property
    def precedence(self) -> tuple[int, int]:
        """Sort key: the sub-type ACLED would code when one report mixes several."""
        return (self.event_rank, self.rank)


@dataclass(frozen=True, slots=True)
class Taxonomy:
    sub_types: dict[str, SubEventType]
    event_types: dict[str, str]  # name -> definition

    def get(self, name: str) -> SubEventType:
        try:
            return self.sub_types[name]
        except KeyError:
            raise ValueError(f"unknown ACLED sub-event type {name!r}; known: {sorted(self.sub_types)}") from None

    def is_label(self, label: str) -> bool:
        """A label the classifier may learn: an ACLED sub-event type or a 'none:<class>' non-event."""
        return label in self.sub_types or (label.startswith(NO_EVENT_PREFIX) and len(label) > len(NO_EVENT_PREFIX))


def load_taxonomy(path: Path = DATA / "taxonomy.toml") -> Taxonomy:
    with open(path, "rb") as handle:
        raw = tomllib.load(handle)
    event_ranks = {entry["name"]: entry["rank"] for entry in raw["event_type"]}
    definitions = {entry["name"]: entry["definition"] for entry in raw["event_type"]}
    sub_types: dict[str, SubEventType] = {}
    for entry in raw["sub_event_type"]:
        if entry["event_type"] not in event_ranks:
            raise ValueError(f"{path}: sub-event type {entry['name']!r} names unknown event type {entry['event_type']!r}")
        sub_types[entry["name"]] = SubEventType(
            name=entry["name"],
            event_type=entry["event_type"],
            disorder_type=entry["disorder_type"],
            rank=entry["rank"],
            event_rank=event_ranks[entry["event_type"]],
            definition=entry["definition"],
        )
    return Taxonomy(sub_types, definitions)


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The bundled taxonomy, read once per process."""
    return load_taxonomy()
