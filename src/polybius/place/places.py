"""find_places: every toponym of an article, recognised (or given) and resolved to the gazetteer."""

from __future__ import annotations

from polybius.nlp import Document
from polybius.place.gazetteer import Gazetteer
from polybius.place.recognize import detect
from polybius.place.relations import relate
from polybius.place.resolve import resolve
from polybius.place.toponym import make_toponym
from polybius.records import PlaceMention


def find_places(
    document: Document, gazetteer: Gazetteer, toponyms: list[tuple[int, int]] | None = None
) -> list[PlaceMention]:
    """All toponyms in the article, resolved, in text order. With `toponyms` (character spans), resolve
    exactly those spans instead of detecting them (one mention per span, in the order given)."""
    text = document.article.text
    if toponyms is None:
        found = detect(document, gazetteer)
    else:
        found = [make_toponym(text, int(start), int(end)) for start, end in toponyms]
    ordered = sorted(range(len(found)), key=lambda i: (found[i].start, found[i].end))
    resolutions = resolve(text, [found[i] for i in ordered], gazetteer)
    mentions: list[PlaceMention | None] = [None] * len(found)
    for i, resolution in zip(ordered, resolutions):
        relation, precision = relate(text, resolution.toponym, resolution.candidate)
        mentions[i] = PlaceMention(
            span=document.span(resolution.toponym.start, resolution.toponym.end),
            place=resolution.candidate.place if resolution.candidate else None,
            relation=relation,
            geo_precision=precision,
            score=round(float(resolution.score), 3),
        )
    return mentions  # type: ignore[return-value]
