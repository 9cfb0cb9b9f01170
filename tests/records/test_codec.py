"""Records survive the trip to JSON data and back (the store relies on it)."""

from __future__ import annotations

import json
from datetime import date

from polybius.codec import from_data, to_data
from polybius.records import Actor, ActorMention, EventDate, EventMention, FatalityCount, Place, PlaceMention, Span


def test_event_mention_round_trip_keeps_nones_and_nested_records():
    span = Span("d", 0, 5, "Gao x")
    original = EventMention(
        id="d:0:0", document="d", sentence=span, trigger=span, event_type="Battles", sub_event_type="Armed clash",
        disorder_type="Political violence", actor1=ActorMention(span, Actor("Military Forces of Mali", 1, "ML")),
        assoc_actor_2=(ActorMention(span, Actor("Ansar Dine", 2)),),
        fatalities=FatalityCount(20, 20, None, (span,)), date=EventDate(date(2013, 2, 5), 1, span, "anchor"),
        place=PlaceMention(span, Place(1, "Gao", 16.2, -0.04, "ML", admin1=None), geo_precision=2))
    data = json.loads(json.dumps(to_data(original)))
    assert "actor2" not in data and data["fatalities"]["best"] == 20
    assert from_data(EventMention, data) == original
