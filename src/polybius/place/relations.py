"""How the text relates an event to a place, and ACLED's geo_precision for it.

"in Gao" -> in, 1; "near Gao" -> near, 2; "80 km from the Niger border" -> distance, 3;
"the Kidal region" -> in, 3 (a larger region, coded to its capital); "Laurel County" -> in, 2.
The phrases live in data/relations.toml.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from polybius.place.gazetteer import Candidate
from polybius.place.toponym import Toponym

_SMALL_AREAS = {"ADM2", "ADM3", "ADM4", "ADMD", "PPLX", "SECT"}  # a small area or a part of a town
_LOOKBACK = 80  # characters before a toponym that may hold its relation


@dataclass(frozen=True, slots=True)
class Distance:
    km: float | None  # None when the text gives no figure ("a long way north of")
    direction: str | None


@dataclass(frozen=True, slots=True)
class _Patterns:
    near: re.Pattern
    distance: re.Pattern
    amounts: dict[str, float]
    miles: frozenset[str]
    units: frozenset[str]
    directions: frozenset[str]
    area_prepositions: frozenset[str]
    near_km: float


@lru_cache(maxsize=1)
def _patterns() -> _Patterns:
    data = tomllib.loads(resources.files("polybius.place").joinpath("data/relations.toml").read_text("utf-8"))
    def alternation(words) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # "near Gao", "near the large town of Gao", "in the area around their last stronghold of Kidal"
    kind = r"(?:(?!(?:and|or|but|with|in|on|at|to|from)\s)[\w'-]+\s+){1,4}?of\s+"
    near = re.compile(rf"\b(?:{alternation(data['near'])})\s+(?:the\s+)?(?:{kind})?$", re.I)
    amount = rf"(?:\d[\d,.]*|{alternation(data['amounts'])})"
    distance = re.compile(
        rf"(?P<amount>{amount})\s*(?:-|\s)?(?P<unit>{alternation(data['units'])})\b\.?"
        rf"(?:\s*\([^)]{{0,30}}\))?\s*(?P<direction>{alternation(data['directions'])})?\s*"
        rf"(?:{alternation(data['links'])})\s+(?:the\s+)?$",
        re.I,
    )
    return _Patterns(near, distance, {k.lower(): float(v) for k, v in data["amounts"].items()},
                     frozenset(data["miles"]), frozenset(data["units"]), frozenset(data["directions"]),
                     frozenset(data["area_prepositions"]), float(data["limits"]["near_km"]))


def distance_before(text: str, start: int) -> Distance | None:
    """The distance expression ending right before a toponym, if any."""
    match = _patterns().distance.search(text[max(0, start - _LOOKBACK) : start])
    if match is None:
        return None
    amount = match.group("amount").lower()
    figure = _patterns().amounts.get(amount)
    if figure is None:
        try:
            figure = float(amount.replace(",", ""))
        except ValueError:
            figure = None
    if figure is not None and match.group("unit").lower() in _patterns().miles:
        figure *= 1.609344
    direction = match.group("direction")
    return Distance(km=figure, direction=direction.lower().replace(" ", "-") if direction else None)


def is_distance_unit(word: str) -> bool:
    """"kilometres", "miles", "km": a word that measures a distance."""
    return word.lower().rstrip(".") in _patterns().units


def names_compass_area(sentence) -> bool:
    """"fighting in the north", "across the far northeast": the sentence places its event in a part of
    the country it does not name (a spaCy sentence span)."""
    patterns = _patterns()
    for token in sentence:
        if token.lower_ not in patterns.directions or token.pos_ not in ("NOUN", "PROPN"):
            continue
        determined = any(child.lower_ == "the" for child in token.children)
        located = token.dep_ == "pobj" and token.head.lower_ in patterns.area_prepositions
        if determined and located:
            return True
    return False


def is_near(text: str, start: int) -> bool:
    return _patterns().near.search(text[max(0, start - _LOOKBACK) : start]) is not None


def relate(text: str, toponym: Toponym, candidate: Candidate | None) -> tuple[str, int]:
    """(relation, geo_precision) of a place mention: in | near | distance, and 1, 2 or 3."""
    distance = distance_before(text, toponym.start)
    if distance is not None:
        close = distance.km is not None and distance.km <= _patterns().near_km
        return "distance", 2 if close else 3
    if is_near(text, toponym.start):
        return "near", max(2, _precision(candidate))
    return "in", _precision(candidate)


def _precision(candidate: Candidate | None) -> int:
    if candidate is None:
        return 3
    place = candidate.place
    if place.feature_code in _SMALL_AREAS:
        return 2
    if place.feature_class == "P":
        return 1
    return 3
