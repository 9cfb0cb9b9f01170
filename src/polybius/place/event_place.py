"""Which of an article's places is THIS event's place, with ACLED's geo_precision.

The event's place is looked for in the trigger's own clause first, then in its sentence, then (for
a sentence that names no place, "The jihadists were using rockets yesterday") in the sentence before.
Within a sentence, a place governed by the trigger's clause beats one that only sets context:
  "French troops clashed with rebels in the Adrar des Ifoghas mountains" -> Adrar des Ifoghas;
  "... some 300 miles northeast of Timbuktu, near Kidal" -> Kidal, not Timbuktu: a place reached by a
  distance expression is only a reference point when the sentence names another place;
  "Paris pushed for ..." (a capital as metonym for a government) -> never the event's place.
A region-level place is coded to its capital, as ACLED does (geo_precision 3); a country alone too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Token

from polybius.nlp import Document
from polybius.place.gazetteer import Gazetteer
from polybius.records import PlaceMention

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
_REGION_CODES = ("ADM1", "PCL", "CONT")


def place_event(
    document: Document, trigger: Token, places: list[PlaceMention], gazetteer: Gazetteer | None = None
) -> PlaceMention | None:
    """The place of the event whose trigger word is `trigger`, chosen among `places` (find_places output).
    With the gazetteer, a region-level place is coded to its capital, as ACLED codes it."""
    if trigger.doc is not document.doc:
        raise ValueError("the trigger token must come from this document's spaCy Doc")
    sentence = trigger.sent
    in_sentence = [p for p in places if sentence.start_char <= p.span.start < sentence.end_char]
    in_sentence = [p for p in in_sentence if not _is_metonym(document, p)]
    chosen = _choose(document, trigger, in_sentence)
    if chosen is None and sentence.start > 0:
        previous = document.doc[sentence.start - 1].sent
        before = [p for p in places if previous.start_char <= p.span.start < previous.end_char]
        chosen = _choose(document, trigger, [p for p in before if not _is_metonym(document, p)])
    return _as_event_place(chosen, gazetteer) if chosen is not None else None


def focus_place(places: list[PlaceMention]) -> PlaceMention | None:
    """Where the article as a whole is set, for an event sentence that names no place itself.

    The town the article names most often (it must be the clear favourite, in the article's main
    country) at geo_precision 2 at least, as the location is implied rather than stated; else the main
    country, when the article names it, at precision 3; else nothing.
    """
    resolved = [p for p in places if p.place is not None]
    if not resolved:
        return None
    country = Counter(p.place.country_code for p in resolved).most_common(1)[0][0]
    local = [p for p in resolved if p.place.country_code == country]
    towns = Counter(p.place.geonameid for p in local if not p.place.feature_code.startswith(("PCL", "CONT")))
    ranked = towns.most_common(2)
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        first = next(p for p in local if p.place.geonameid == ranked[0][0])
        return replace(first, relation="article", geo_precision=max(2, first.geo_precision))
    return country_place(local)


def country_place(places: list[PlaceMention]) -> PlaceMention | None:
    """The article's mention of its main country, as a country-level event place (precision 3)."""
    resolved = [p for p in places if p.place is not None]
    if not resolved:
        return None
    country = Counter(p.place.country_code for p in resolved).most_common(1)[0][0]
    named = next((p for p in resolved if p.place.country_code == country and p.place.feature_code.startswith("PCL")),
                 None)
    return replace(named, relation="article", geo_precision=3) if named else None


def _choose(document: Document, trigger: Token, candidates: list[PlaceMention]) -> PlaceMention | None:
    if not candidates:
        return None
    direct = [p for p in candidates if p.relation != "distance"]
    pool = direct or candidates  # a distance reference is the place only when nothing else is named
    return min(pool, key=lambda p: _rank(document, trigger, p))


def _rank(document: Document, trigger: Token, mention: PlaceMention) -> tuple:
    """Lower is better: governed by the trigger's clause, resolved, precise, close in the text."""
    token = _token_at(document, mention.span.start)
    governed = token is not None and _governed_by(token, trigger)
    precision = mention.geo_precision if mention.place is not None else 4
    distance = abs(mention.span.start - trigger.idx)
    return (0 if governed else 1, 0 if mention.place is not None else 1, precision, distance)


def _governed_by(token: Token, trigger: Token) -> bool:
    """The place hangs off the trigger's clause (via prepositions and nouns), not off another verb."""
    head = token
    for _ in range(12):
        if head == trigger:
            return True
        if head.head == head:
            return False
        if head.pos_ == "VERB" and head != token:
            return head == trigger
        head = head.head
    return False


def _is_metonym(document: Document, mention: PlaceMention) -> bool:
    """"Paris pushed for...", "Washington said": a capital or country that is the subject of a verb of saying
    or deciding stands for its government, not for where anything happened."""
    token = _token_at(document, mention.span.start)
    if token is None or mention.place is None:
        return False
    end_token = _token_at(document, mention.span.end - 1) or token
    capital = mention.place.feature_code in ("PPLC",) or mention.place.feature_code.startswith("PCL")
    return capital and end_token.dep_ in _SUBJECT_DEPS and end_token.head.pos_ == "VERB"


def _token_at(document: Document, char: int) -> Token | None:
    span = document.doc.char_span(char, char + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _as_event_place(mention: PlaceMention, gazetteer: Gazetteer | None) -> PlaceMention:
    """ACLED's coding of an event's place: a region or country is coded to its capital (precision 3, a
    district 2), and "some 300 km north of Timbuktu" to the reference town's region (precision 3)."""
    place = mention.place
    if place is None:
        return mention
    regional = place.feature_code.startswith(_REGION_CODES) or place.feature_class in ("T", "H", "L")
    if gazetteer is None:
        return replace(mention, geo_precision=max(3, mention.geo_precision)) if regional else mention
    entry = gazetteer.candidate(place.geonameid)
    if entry is None:
        return mention
    if mention.relation == "distance" and mention.geo_precision >= 3 and place.feature_class == "P" and entry.admin1_code:
        area = gazetteer.admin_area(place.country_code, entry.admin1_code)
        entry = area if area is not None else entry
    # A region is coded to its capital; a whole country is not (its capital would put a northern
    # event in the south), it keeps its central point at precision 3.
    is_country = entry.place.feature_code.startswith("PCL")
    if entry.place.feature_class == "A" and entry.capital_id is not None and not is_country:
        capital = gazetteer.place(entry.capital_id)
        if capital is not None:
            precision = 2 if entry.place.feature_code in ("ADM2", "ADM3") else 3
            return replace(mention, place=capital, geo_precision=max(precision, mention.geo_precision))
    return replace(mention, geo_precision=max(3, mention.geo_precision)) if regional else mention
