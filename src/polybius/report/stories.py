"""Group fused events into stories: runs of related events in one area over a few days.

A story is what a briefing paragraph is about ("French strikes around Kidal, 2-5 February 2013").
Events are taken in date order; each joins the open story of its country that it is closest to, if
it falls within a few days of that story's last event and in the same first-level admin area or
within a short distance of one of its events. Otherwise it starts a story of its own.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from polybius.place import great_circle_km

# A story goes on while its events follow each other within STORY_GAP_DAYS, but never spans more
# than STORY_MAX_DAYS: a month-long campaign reads better as several dated stories.
STORY_GAP_DAYS = 3
STORY_MAX_DAYS = 14
# Events further apart than this (and in different admin1 areas) are different stories: about the
# distance between neighbouring towns of one front (Konna-Mopti ~60 km, Gao-Ansongo ~100 km).
STORY_RADIUS_KM = 150.0


@dataclass
class Story:
    events: list[dict] = field(default_factory=list)
    days: list[date] = field(default_factory=list)

    @property
    def first(self) -> date:
        return self.days[0]

    @property
    def last(self) -> date:
        return self.days[-1]

    @property
    def country(self) -> str | None:
        return self.events[0].get("country")

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(d for e in self.events for d in e.get("documents") or []))

    @property
    def fatalities(self) -> int:
        return sum(e.get("fatalities") or 0 for e in self.events)

    @property
    def weight(self) -> float:
        """How much a briefing should care: events, reports, and deaths on a log scale (one
        article's claim of thousands killed must not outrank a week of well-reported fighting)."""
        return len(self.events) + 2 * len(self.documents) + 3 * math.log10(1 + self.fatalities)

    def most_common(self, column: str) -> list[tuple[str, int]]:
        return Counter(e[column] for e in self.events if e.get(column)).most_common()

    def add(self, event: dict, day: date) -> None:
        self.events.append(event)
        self.days.append(day)


def group_stories(events: list[dict]) -> list[Story]:
    """Stories of the dated events that have a country, each in date order; in order of first date."""
    dated = sorted(
        (
            (date.fromisoformat(e["event_date"]), e)
            for e in events
            if e.get("event_date") and e.get("country")
        ),
        key=lambda p: (p[0], p[1]["event_id_cnty"]),
    )
    stories: list[Story] = []
    for day, event in dated:
        home = _closest_open_story(stories, event, day)
        if home is None:
            home = Story()
            stories.append(home)
        home.add(event, day)
    return stories


def _closest_open_story(stories: list[Story], event: dict, day: date) -> Story | None:
    best, best_distance = None, math.inf
    for story in reversed(stories):
        if (day - story.last).days > STORY_MAX_DAYS:
            break  # stories are in order of first date; older ones are closed for good
        if (
            story.country != event["country"]
            or (day - story.last).days > STORY_GAP_DAYS
            or (day - story.first).days > STORY_MAX_DAYS
        ):
            continue
        distance = min(_distance(event, other) for other in story.events)
        if distance < best_distance:
            best, best_distance = story, distance
    return best if best_distance <= STORY_RADIUS_KM else None


def _distance(a: dict, b: dict) -> float:
    """Kilometres between two events; 0 in the same admin1 area; infinite when it cannot be told."""
    if a.get("admin1") and a.get("admin1") == b.get("admin1"):
        return 0.0
    if None in (a.get("latitude"), a.get("longitude"), b.get("latitude"), b.get("longitude")):
        return math.inf
    return great_circle_km(a["latitude"], a["longitude"], b["latitude"], b["longitude"])


