"""find_places: every toponym of an article, recognised (or given) and resolved to the gazetteer."""

from __future__ import annotations

from polybius.nlp import Document
from polybius.place.gazetteer import Gazetteer
from polybius.place.recognize import demonym_countries, detect
from polybius.place.relations import is_distance_unit, relate
from polybius.place.build import NameKind
from polybius.place.resolve import resolve
from polybius.place.scene import ASIDE, aside_reason
from polybius.place.syntax import head_token, path_to_verb
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
    peoples = demonym_countries(document.doc, gazetteer)
    resolutions = resolve(text, [found[i] for i in ordered], gazetteer, peoples)
    mentions: list[PlaceMention | None] = [None] * len(found)
    for i, resolution in zip(ordered, resolutions):
        candidate, start, end = resolution.candidate, resolution.toponym.start, resolution.toponym.end
        relation, precision = relate(text, resolution.toponym, candidate)
        if relation != "distance" and _measured_from(document, start, end):
            relation, precision = "distance", 3
        demonym = candidate is not None and candidate.kind == NameKind.DEMONYM
        if relation != "near" and aside_reason(document.doc, start, end, candidate and candidate.place, demonym):
            relation = ASIDE
        mentions[i] = PlaceMention(
            span=document.span(resolution.toponym.start, resolution.toponym.end),
            place=candidate.place if candidate else None,
            relation=relation,
            geo_precision=precision,
            score=round(float(resolution.score), 3),
        )
    return mentions  # type: ignore[return-value]


def _measured_from(document: Document, start: int, end: int) -> bool:
    """"within 60 kilometres of the army's garrison at Mopti": a distance is measured from the place,
    though words stand between the figure and the name (the parse links them)."""
    token = head_token(document.doc, start, end)
    return token is not None and any(is_distance_unit(head.text) for head in path_to_verb(token))
