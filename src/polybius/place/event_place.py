"""Which of an article's places is THIS event's place, with ACLED's geo_precision.

The event's place is looked for in the trigger's sentence; a sentence that names only a compass part
of the country ("fighting in the north") gets the article's country at precision 3; a sentence that
names no place at all ("The jihadists were using rockets yesterday") the place of the sentence before.
Places that are no event's scene never are (relation "aside", see scene.py: a government or people,
a speaker's whereabouts, a destination, a route), nor is a destination the event's own verb does not
take. Among the rest, a place governed by the trigger's clause beats one that only sets context:
  "French troops clashed with rebels in the Adrar des Ifoghas mountains" -> Adrar des Ifoghas;
  "... some 300 miles northeast of Timbuktu, near Kidal" -> Kidal, not Timbuktu: a place reached by a
  distance expression is only a reference point when the sentence names another place.
A region-level place is coded to its capital, as ACLED does (geo_precision 3); a country keeps its own
point at precision 3.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from spacy.tokens import Span as SentenceSpan
from spacy.tokens import Token

from polybius.nlp import Document, in_dateline
from polybius.place.build import NameKind
from polybius.place.gazetteer import Candidate, Gazetteer
from polybius.place.relations import names_compass_area
from polybius.place.scene import ASIDE, destination_of, in_another_event, sent_elsewhere
from polybius.place.syntax import governed_by, head_token
from polybius.place.toponym import vocabulary
from polybius.records import Place, PlaceMention

_REGION_CODES = ("ADM1", "PCL", "CONT")


def place_event(
    document: Document, trigger: Token, places: list[PlaceMention], gazetteer: Gazetteer | None = None
) -> PlaceMention | None:
    """The place of the event whose trigger word is `trigger`, chosen among `places` (find_places output).
    With the gazetteer, a region-level place is coded to its capital, as ACLED codes it."""
    if trigger.doc is not document.doc:
        raise ValueError("the trigger token must come from this document's spaCy Doc")
    sentence = trigger.sent
    chosen = _choose(document, trigger, _on_scene(document, trigger, places, sentence))
    if chosen is None and names_compass_area(sentence):
        chosen = country_place(places)  # "fighting in the north": a part of the country, at precision 3
    if chosen is None and sentence.start > 0:
        previous = document.doc[sentence.start - 1].sent
        # Its first scene, not the one nearest this sentence: "recaptured Bartella, east of Mosul".
        chosen = _choose(document, previous[0], _on_scene(document, None, places, previous))
    return _as_event_place(chosen, gazetteer) if chosen is not None else None


def focus_place(places: list[PlaceMention]) -> PlaceMention | None:
    """Where the article as a whole is set, for an event sentence that names no place itself.

    The town the article names most often as a scene (the clear favourite, in the article's main
    country; never a place only measured from or set aside) at geo_precision 2 at least, as the
    location is implied rather than stated; else the main country, when the article names it, at
    precision 3; else nothing.
    """
    country = _main_country(places)
    if country is None:
        return None
    local = [p for p in places if p.place is not None and p.place.country_code == country]
    scenes = [p for p in local if p.relation not in (ASIDE, "distance")]
    towns = Counter(p.place.geonameid for p in scenes if not p.place.feature_code.startswith(("PCL", "CONT")))
    most = max(towns.values(), default=0)
    top = [geonameid for geonameid, n in towns.items() if n == most]
    if len(top) > 1:
        top = _inside_the_others(top, scenes)
    if len(top) == 1:
        first = next(p for p in scenes if p.place.geonameid == top[0])
        return replace(first, relation="article", geo_precision=max(2, first.geo_precision))
    return country_place(local)


def _inside_the_others(tied: list[int], scenes: list[PlaceMention]) -> list[int]:
    """ "Maharashtra's Dhule district": a place named as often as the region it lies in is the
    narrower setting; the regions drop out of the tie."""
    places = {p.place.geonameid: p.place for p in scenes if p.place.geonameid in tied}
    regions = {g for g, place in places.items() if place.feature_code == "ADM1"
               and any(other.admin1 == place.admin1 and o != g for o, other in places.items())}
    return [g for g in tied if g not in regions]


def country_place(places: list[PlaceMention], gazetteer: Gazetteer | None = None) -> PlaceMention | None:
    """The article's mention of its main country, as a country-level event place (precision 3). The
    mention may be one set aside ("Malian troops", "Mali's army"): it still names the country.
    An article may never name its country ("police fired on marchers in Lima"): with the gazetteer,
    the country of its scenes stands in, its evidence the first scene that places it there."""
    country = _main_country(places)
    named = next((p for p in places if p.place is not None and p.place.country_code == country
                  and p.place.feature_code.startswith("PCL")), None)
    if named is not None:
        return replace(named, relation="article", geo_precision=3)
    whole = gazetteer.country_place(country) if gazetteer is not None and country is not None else None
    if whole is None:
        return None
    scene = next(p for p in places if p.place is not None and p.place.country_code == country)
    return replace(scene, place=whole.place, relation="article", geo_precision=3)


def _main_country(places: list[PlaceMention]) -> str | None:
    """The country most of the article's scenes lie in (all its places when none is a scene): "France
    said ..." and "the minister told reporters in Paris" do not make a report from Mali French."""
    resolved = [p for p in places if p.place is not None]
    scenes = [p for p in resolved if p.relation != ASIDE] or resolved
    if not scenes:
        return None
    return Counter(p.place.country_code for p in scenes).most_common(1)[0][0]


def _on_scene(document: Document, trigger: Token | None, places: list[PlaceMention],
              sentence: SentenceSpan) -> list[PlaceMention]:
    """The places of `sentence` that may be the event's scene (trigger None: a sentence before it)."""
    out = []
    for p in places:
        if not (sentence.start_char <= p.span.start < sentence.end_char) or p.relation == ASIDE:
            continue
        if in_dateline(document.doc, p.span.start):
            continue  # where the story was filed; it still tells the article's country and setting
        token = head_token(document.doc, p.span.start, p.span.end)
        elsewhere = token is not None and trigger is not None and (
            sent_elsewhere(token, trigger) or in_another_event(token, trigger))
        if elsewhere:
            continue
        if token is not None and trigger is None and destination_of(token) is not None:
            continue
        out.append(p)
    return out


def _choose(document: Document, trigger: Token, candidates: list[PlaceMention]) -> PlaceMention | None:
    if not candidates:
        return None
    direct = [p for p in candidates if p.relation != "distance"]
    pool = direct or candidates  # a distance reference is the place only when nothing else is named
    return min(pool, key=lambda p: _rank(document, trigger, p))


def _rank(document: Document, trigger: Token, mention: PlaceMention) -> tuple:
    """Lower is better: governed by the trigger's clause (a destination it takes last), resolved,
    precise, close in the text."""
    token = head_token(document.doc, mention.span.start, mention.span.end)
    governed = token is not None and token.sent == trigger.sent and governed_by(token, trigger)
    destination = token is not None and destination_of(token) is not None
    precision = mention.geo_precision if mention.place is not None else 4
    distance = abs(mention.span.start - trigger.idx)
    return (0 if governed else 1, destination, 0 if mention.place is not None else 1, precision, distance)


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
    if entry.place.feature_class == "A" and not is_country:
        capital = _seat(gazetteer, entry)
        if capital is not None:
            precision = 2 if entry.place.feature_code in ("ADM2", "ADM3") else 3
            return replace(mention, place=capital, geo_precision=max(precision, mention.geo_precision))
    return replace(mention, geo_precision=max(3, mention.geo_precision)) if regional else mention


def _seat(gazetteer: Gazetteer, area: Candidate) -> Place | None:
    """The town an admin area's events are coded to: the town in it that bears its name ("Pulwama
    district" -> Pulwama, its seat, though Pampore is larger), else its recorded capital."""
    words = area.place.name.split()
    if len(words) > 1 and words[-1].lower() in vocabulary().head_words:
        words = words[:-1]  # "Gao Region" -> "Gao"
    for c in gazetteer.candidates(" ".join(words)):
        inside = (c.place.country_code, c.admin1_code) == (area.place.country_code, area.admin1_code) and (
            area.place.feature_code == "ADM1" or c.admin2_code == area.admin2_code
        )
        if c.place.feature_class == "P" and c.kind == NameKind.OFFICIAL and inside:
            return c.place
    return gazetteer.place(area.capital_id) if area.capital_id is not None else None
