"""Records built by hand for tests of later stages (fusion, store, export): no model needed."""

from __future__ import annotations

from datetime import date
from itertools import count

from polybius.records import Actor, ActorMention, EventDate, EventMention, Place, PlaceMention, Span

GAO = Place(2457163, "Gao", 16.2717, -0.0447, "ML", admin1="Gao")
NEAR_GAO = Place(9999001, "Gao airport", 16.25, -0.005, "ML", admin1="Gao")
KIDAL = Place(2455290, "Kidal", 18.4411, 1.4078, "ML", admin1="Kidal")
KIDAL_REGION = Place(2455289, "Kidal region", 19.5, 1.0, "ML", feature_class="A", feature_code="ADM1", admin1="Kidal")
MALI = Place(2453866, "Mali", 17.0, -4.0, "ML", feature_class="A", feature_code="PCLI")
MAIDUGURI = Place(2331447, "Maiduguri", 11.8464, 13.1603, "NG", admin1="Borno")

FRANCE = Actor("Military Forces of France", 8, "FR")
MUJAO = Actor("MUJAO: Movement for Oneness and Jihad in West Africa", 2, "ML")
ANSAR_DINE = Actor("Ansar Dine", 2, "ML")
UNNAMED = Actor("Unidentified Armed Group (Mali)", 3, "ML")

_counter = count()


def mention(doc="a", sub="Armed clash", kind="Battles", day=date(2013, 2, 5), precision=1, place=GAO,
            geo_precision=1, actors=(FRANCE, MUJAO), sentence=None, fatalities=None, rule="anchor") -> EventMention:
    start = next(_counter) * 100 if sentence is None else sentence
    span = Span(doc, start, start + 10, "x" * 10)
    roles = [ActorMention(span, a) for a in actors]
    return EventMention(
        id=f"{doc}:{start}:{next(_counter)}", document=doc, sentence=span, trigger=span, event_type=kind,
        sub_event_type=sub, disorder_type="Political violence",
        actor1=roles[0] if roles else None, actor2=roles[1] if len(roles) > 1 else None,
        date=EventDate(day, precision, rule=rule) if day else None,
        place=PlaceMention(span, place, geo_precision=geo_precision) if place else None,
        fatalities=fatalities)
