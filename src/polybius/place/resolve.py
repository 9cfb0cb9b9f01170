"""Toponym resolution: choose, for each toponym of an article, the gazetteer entry it names.

Each candidate gets a score (weights in data/resolution.toml):
  prior    population (log scale), feature class ("prefer towns and admin areas"), how the name refers
           to it (official name, alternate, demonym, one letter off), and whether a head word or the
           words before names its type ("the Kidal region" wants an admin area, "the X mountains" a
           mountain feature, "the town of Gao" a town);
  context  the article's country and admin1 focus (shares of its toponyms' best readings), other
           toponyms nearby (coherence; never for an admin1 area against its own namesake seat), and a
           qualifier right after it ("Springfield, Ill.").
Readings: the name as written; with a physical-feature head word, also the features of that kind
whose name holds the name as a word ("the Ifoghas mountains" -> "Adrar des Ifôghas"); only when
nothing matches, names one letter off (towns and admin areas, or features of the head word's kind).
Two passes: the priors alone pick a first reading of every toponym; the focus and neighbours they
imply then rescore every candidate. One name is read the same way throughout an article. A reading
one letter off, a hamlet abroad, or a town abroad by a weak alternate name ("Gulshan", an old name
of Tabas, Iran) is trusted only inside the article's countries, and a hamlet
named like a country only with a qualifier ("Russia, Ohio"); a country named right next to the name
constrains it (ties.py); the best trusted reading is kept.
"""

from __future__ import annotations

import math
import tomllib
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass, replace
from functools import lru_cache, reduce
from importlib import resources
from operator import or_

import numpy as np

from polybius.place.build import NameKind
from polybius.place.distance import distance_km
from polybius.place.gazetteer import Candidate, Gazetteer
from polybius.place.normalize import name_key
from polybius.place.ties import Ties, country_ties
from polybius.place.toponym import Toponym, vocabulary

_MAX_CANDIDATES = 40  # the most populous readings of a name; the long tail never wins
_PLAUSIBLE = 10  # readings of another name that may lend support to a neighbour
_NAMESAKE_KM = 250.0
_HAMLET = 2000  # a place this small is read abroad only when the article is about that country
_MINOR_AREAS = {"ADM2", "ADM3", "ADM4", "ADMD"}


@dataclass(frozen=True, slots=True)
class Resolution:
    toponym: Toponym
    candidate: Candidate | None
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Weights:
    terms: dict[str, float]
    kinds: dict[NameKind, float]
    fuzzy: float  # a name matched with one letter changed
    contained: float  # a feature whose name holds the name as a word
    features: dict[str, float]
    fuzzy_kinds: frozenset[str]  # feature classes and codes a bare name one letter off may be read as

    def feature(self, place) -> float:
        return self.features.get(place.feature_code, self.features.get(place.feature_class, 0.0))


@lru_cache(maxsize=1)
def weights() -> Weights:
    data = tomllib.loads(resources.files("polybius.place").joinpath("data/resolution.toml").read_text("utf-8"))
    kinds = {kind: float(data["kinds"][kind.name.lower()]) for kind in NameKind}
    return Weights(terms=dict(data["weights"]), kinds=kinds, fuzzy=float(data["kinds"]["fuzzy"]),
                   contained=float(data["kinds"]["contained"]), features=dict(data["features"]),
                   fuzzy_kinds=frozenset(data["fuzzy"]["classes"]) | frozenset(data["fuzzy"]["codes"]))


def resolve(text: str, toponyms: list[Toponym], gazetteer: Gazetteer,
            peoples: Counter[str] | None = None) -> list[Resolution]:
    """The best reading of each toponym (None when the gazetteer has no entry for it). `peoples`: the
    countries the text names by demonym ("Israeli", "Palestinians"), which join the country focus as
    mentions of those countries ("Gaza" beside them is in Palestine, not Mozambique)."""
    w = weights()
    groups: dict[str, list[int]] = defaultdict(list)  # one reading per name per article
    for i, toponym in enumerate(toponyms):
        groups[_group_key(toponym)].append(i)
    options = {key: _candidates(toponyms[idx[0]], gazetteer) for key, idx in groups.items()}
    qualifiers = _qualifiers(text, toponyms, groups, options)

    seats = {key: _namesake_seats(cands) for key, cands in options.items()}

    expected = {key: _expected_type([toponyms[i] for i in idx]) for key, idx in groups.items()}

    def prior(key: str, c: Candidate) -> float:
        score = w.terms["population"] * math.log10(c.place.population + 1) + w.feature(c.place)
        score += w.kinds[c.kind] + (w.fuzzy if c.fuzzy else 0.0) + (w.contained if c.contained else 0.0)
        if expected[key] is not None:
            score += w.terms["expected_type"] if _is_type(c, expected[key]) else w.terms["unexpected_type"]
        elif c.place.feature_code in _MINOR_AREAS:
            score += w.terms["bare_minor_area"]  # "Albany" names the town before the county
        elif c.place.geonameid in seats[key]:
            score += w.terms["namesake_seat"]  # "Kidal": the town before the region named after it
        return score

    priors = {key: {c.place.geonameid: prior(key, c) for c in cands} for key, cands in options.items()}
    support = {key: _support(key, cands, options, priors, w.terms["nearby_km"]) for key, cands in options.items()}
    for key, cands in options.items():
        _no_support_for_namesake_regions(cands, support[key])
    readings = {key: max(cands, key=lambda c: priors[key][c.place.geonameid]) for key, cands in options.items() if cands}
    ranked: dict[str, list[tuple[float, Candidate]]] = {}
    for _ in range(int(w.terms["rounds"])):
        focus = _Focus(readings, groups, peoples or Counter())
        for key, cands in options.items():
            scored = []
            for n, c in enumerate(cands):
                score = priors[key][c.place.geonameid] + w.terms["nearby"] * support[key][n]
                score += focus.bonus(key, c, w)
                if c.place.geonameid in qualifiers.get(key, ()):
                    score += w.terms["qualifier"]
                scored.append((score, c))
            ranked[key] = sorted(scored, key=lambda sc: -sc[0])  # stable: ties keep the gazetteer's order
        chosen = {key: scored[0][1] for key, scored in ranked.items() if scored}
        if chosen == readings:
            break
        readings = chosen  # the focus these readings imply rescores every name once more

    ties = country_ties(text, toponyms, [readings.get(_group_key(t)) for t in toponyms], gazetteer)
    group_ties = {key: reduce(or_, (ties[i] for i in idx), Ties()) for key, idx in groups.items()}
    out = []
    for toponym in toponyms:
        key = _group_key(toponym)
        # A name one letter off, or a hamlet abroad, is trusted only inside the article's countries: the
        # best trusted reading stands ("Konna" is the Malian village in a report from Mali, not the
        # Irish hamlet that scores higher on its own).
        allowed = group_ties[key].allow(ranked.get(key, []))
        tied = qualifiers.get(key, ())
        trusted = [(score, c) for score, c in allowed
                   if _trusted(key, c, readings, score) and not _hamlet_named_like_a_country(c, options[key], tied)]
        score, best = trusted[0] if trusted else (0.0, group_ties[key].fallback(gazetteer))
        out.append(Resolution(toponym, best, score))
    return out  # type: ignore[return-value]


class _Focus:
    """The article's country and admin1 focus implied by the current readings: the share of the other
    names' mentions (and of the demonyms) that lie in a country or admin1 area (a name never votes
    for itself)."""

    def __init__(self, readings: dict[str, Candidate], groups: dict[str, list[int]], peoples: Counter[str]):
        self.readings = readings
        self.mentions = {key: len(groups[key]) for key in readings}
        self.total = sum(self.mentions.values()) + sum(peoples.values())
        self.countries: Counter[str] = Counter(peoples)
        self.admin1s: Counter[tuple[str, str]] = Counter()
        for key, c in readings.items():
            self.countries[c.place.country_code] += self.mentions[key]
            if c.admin1_code:
                self.admin1s[(c.place.country_code, c.admin1_code)] += self.mentions[key]

    def bonus(self, key: str, c: Candidate, w: Weights) -> float:
        own = self.readings.get(key)
        mentions = self.mentions.get(key, 0)
        others = self.total - mentions
        if own is None or others <= 0:
            return 0.0
        country = self.countries[c.place.country_code] - (mentions if own.place.country_code == c.place.country_code else 0)
        bonus = w.terms["country_focus"] * country / others
        if c.admin1_code:
            area = (c.place.country_code, c.admin1_code)
            same = (own.place.country_code, own.admin1_code) == area
            bonus += w.terms["admin1_focus"] * (self.admin1s[area] - (mentions if same else 0)) / others
        return bonus


def _namesake_seats(cands: list[Candidate]) -> set[int]:
    """Towns that share their name with an admin1 area of their country: its seat, or a town in it."""
    areas = [c for c in cands if c.place.feature_code == "ADM1"]
    seats = {a.capital_id for a in areas}
    for c in cands:
        if c.place.feature_class == "P" and any(
            a.place.country_code == c.place.country_code and distance_km(a.place, c.place) <= _NAMESAKE_KM for a in areas
        ):
            seats.add(c.place.geonameid)
    return seats


def _no_support_for_namesake_regions(cands: list[Candidate], support: np.ndarray) -> None:
    """A name that is officially both an admin1 area and its seat ("Kidal", "Gao"): the area's centroid
    may lie nearer the article's other places than the town does, but that is no sign the text meant
    the area (the town is where its name is used; the head word "region" says otherwise)."""
    seats = {c.place.geonameid for c in cands if c.kind == NameKind.OFFICIAL and c.place.feature_class == "P"}
    for n, c in enumerate(cands):
        if c.place.feature_code == "ADM1" and c.capital_id in seats:
            support[n] = 0.0


def _trusted(key: str, c: Candidate, readings: dict[str, Candidate], score: float) -> bool:
    if _in_focus(key, c, readings):
        return True
    # "Gulshan", a quarter of Dhaka, is also an old name of Tabas in Iran: a town abroad read by an
    # alternate name alone needs a strong score of its own (a big city: "Bombay").
    weak_alternate = c.kind == NameKind.ALTERNATE and score < weights().terms["alternate_abroad_min"]
    return not (c.fuzzy or _small_and_foreign(c) or weak_alternate)


def _hamlet_named_like_a_country(c: Candidate, options: list[Candidate], tied: Collection[int]) -> bool:
    """ "Russia" is the country, not the Ohio village of 650, however many Ohio towns the article
    names; only a qualifier ("Russia, Ohio") makes it the village."""
    return (_small_and_foreign(c) and c.place.geonameid not in tied
            and any(o.place.feature_code.startswith("PCL") for o in options))


def _small_and_foreign(c: Candidate) -> bool:
    return c.place.feature_class == "P" and c.place.population < _HAMLET


def _in_focus(key: str, c: Candidate, readings: dict[str, Candidate]) -> bool:
    return any(k != key and r.place.country_code == c.place.country_code for k, r in readings.items())


def _expected_type(mentions: list[Toponym]) -> str | tuple[str, ...] | None:
    """The kind of place a name's mentions say it is: its head word ("the Kidal region"; a physical
    feature's word gives the feature codes it may name), else the words before any one of them ("the
    town of Gao" makes every bare "Gao" of the article the town)."""
    if mentions[0].head is not None:
        return _feature_codes(mentions[0]) or mentions[0].head
    return next((m.kind for m in mentions if m.kind is not None), None)


def _feature_codes(toponym: Toponym) -> tuple[str, ...]:
    """The GeoNames feature codes its head word may name ("mountains" -> MTS, MT, ...), if a feature's."""
    return vocabulary().feature_words.get(toponym.head_word or "", ())


def _group_key(toponym: Toponym) -> str:
    kind = toponym.head_word if _feature_codes(toponym) else toponym.head  # "Tilemsi valley" != "Tilemsi wadi"
    return f"{name_key(toponym.name) or toponym.name}|{kind or ''}"


def _candidates(toponym: Toponym, gazetteer: Gazetteer) -> list[Candidate]:
    """Readings of a toponym: its full name and its bare name; with a physical feature's head word, the
    features of that kind whose name holds the name as a word; when a head word asks for an admin area
    ("the Timbuktu region"), the admin1 areas of the towns so named; only when none of these exists,
    the names one letter off that may be read as what was named."""
    seen: dict[int, Candidate] = {}
    full = toponym.text.strip()
    for name in dict.fromkeys((full, toponym.name)):
        for c in gazetteer.candidates(name)[:_MAX_CANDIDATES]:
            seen.setdefault(c.place.geonameid, c)
    codes = _feature_codes(toponym)
    if codes:
        for c in gazetteer.features_containing(toponym.name, codes):
            seen.setdefault(c.place.geonameid, c)
    if not seen:
        allowed = weights().fuzzy_kinds | set(codes)
        for c in gazetteer.candidates(toponym.name, fuzzy=True)[:_MAX_CANDIDATES]:
            if c.place.feature_class in allowed or c.place.feature_code in allowed:
                seen.setdefault(c.place.geonameid, c)
    if toponym.head == "ADM1" and not any(c.place.feature_code == "ADM1" for c in seen.values()):
        for c in list(seen.values())[:5]:
            if c.place.feature_class == "P" and c.admin1_code:
                area = gazetteer.admin_area(c.place.country_code, c.admin1_code)
                if area is not None:
                    seen.setdefault(area.place.geonameid, replace(area, kind=c.kind, fuzzy=c.fuzzy))
    return list(seen.values())


def _is_type(c: Candidate, head: str | tuple[str, ...]) -> bool:
    if isinstance(head, tuple):
        return c.place.feature_code in head
    if head.startswith("ADM"):
        return c.place.feature_code == head
    return c.place.feature_class == head


def _qualifiers(text: str, toponyms: list[Toponym], groups, options) -> dict[str, set[int]]:
    """"Springfield, Ill." / "Gao, Mali": the candidates of a name that lie in the area named right after it."""
    key_of = {i: key for key, idx in groups.items() for i in idx}
    out: dict[str, set[int]] = defaultdict(set)
    for i in range(len(toponyms) - 1):
        here, after = toponyms[i], toponyms[i + 1]
        between = text[here.end : after.start]
        if between.strip() not in (",", "") or len(between) > 3:
            continue
        areas = options.get(key_of[i + 1], [])
        # "Russia, America and France" lists countries: a country's name takes no country qualifier.
        listed = any(c.place.feature_code.startswith("PCL") for c in options.get(key_of[i], []))
        for c in options.get(key_of[i], []):
            for area in areas:
                code = area.place.feature_code
                if code.startswith("PCL") and not listed and area.place.country_code == c.place.country_code:
                    out[key_of[i]].add(c.place.geonameid)
                elif code == "ADM1" and (area.place.country_code, area.admin1_code) == (
                    c.place.country_code, c.admin1_code
                ) and c.place.geonameid != area.place.geonameid:
                    out[key_of[i]].add(c.place.geonameid)
    return out


def _support(key: str, cands: list[Candidate], options, priors, within_km: float) -> np.ndarray:
    """For each candidate, how many other names of the article have a plausible reading (one of their
    best few by prior) within `within_km` of it: places named together tend to lie together."""
    if not cands:
        return np.zeros(0)
    lat = np.radians([c.place.latitude for c in cands])[:, None]
    lon = np.radians([c.place.longitude for c in cands])[:, None]
    ids = np.array([c.place.geonameid for c in cands])[:, None]
    total = np.zeros(len(cands))
    for other, other_cands in options.items():
        if other == key or not other_cands:
            continue
        best = sorted(other_cands, key=lambda c: -priors[other][c.place.geonameid])[:_PLAUSIBLE]
        lat2 = np.radians([c.place.latitude for c in best])[None, :]
        lon2 = np.radians([c.place.longitude for c in best])[None, :]
        h = np.sin((lat2 - lat) / 2) ** 2 + np.cos(lat) * np.cos(lat2) * np.sin((lon2 - lon) / 2) ** 2
        km = 2 * 6371.0088 * np.arcsin(np.sqrt(np.clip(h, 0, 1)))
        same = ids == np.array([c.place.geonameid for c in best])[None, :]
        total += ((km <= within_km) & ~same).any(axis=1)
    return total


