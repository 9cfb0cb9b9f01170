"""Rows for `polybius places`: one JSON-ready dict per place mention."""

from __future__ import annotations

from polybius.nlp import Document
from polybius.records import PlaceMention


def rows(document: Document, places: list[PlaceMention]) -> list[dict]:
    """{document, start, end, text, name, geonameid, latitude, longitude, country, admin1, feature_code}
    per mention; the place fields are None for a toponym the gazetteer could not resolve."""
    out = []
    for mention in places:
        place = mention.place
        out.append({
            "document": document.id,
            "start": mention.span.start,
            "end": mention.span.end,
            "text": mention.span.text,
            "name": place.name if place else None,
            "geonameid": place.geonameid if place else None,
            "latitude": place.latitude if place else None,
            "longitude": place.longitude if place else None,
            "country": place.country_code if place else None,
            "admin1": place.admin1 if place else None,
            "feature_code": place.feature_code if place else None,
        })
    return out
