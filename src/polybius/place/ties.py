"""Countries the text ties a toponym to, named right next to it, and what they allow its reading to be.

  possessive  "Algeria's In Amenas": only readings in that country;
  modifier    "the Algerian town of In Amenas", "Algerian In Amenas", "the Niger town of Arlit": readings
              in that country when it has any;
              either way, a name with no reading in that country is read as the country itself;
  after       "In Amenas, Algeria", "the In Amenas gas plant in Algeria": a country named a few words
              later, joined by a comma, "in" or "of" (words in data/resolution.toml [ties]).
Whichever way a country is tied to it, a reading one letter off (fuzzy) must lie in that country: a
misspelling is no reason to leave the country the sentence names ("Amenas" is not "Amenad" in Mali).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from polybius.place.build import NameKind
from polybius.place.gazetteer import Candidate, Gazetteer
from polybius.place.toponym import Toponym, vocabulary

_POSSESSIVE_BETWEEN = re.compile(r"['’]s?\s+")
_POSSESSIVE_END = ("'s", "’s", "'", "’")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?;:]\s")


@dataclass(frozen=True, slots=True)
class Ties:
    required: frozenset[str] = frozenset()  # ISO alpha-2 codes
    preferred: frozenset[str] = frozenset()
    nearby: frozenset[str] = frozenset()  # every tied country

    def __or__(self, other: Ties) -> Ties:
        return Ties(self.required | other.required, self.preferred | other.preferred, self.nearby | other.nearby)

    def allow(self, scored: list[tuple[float, Candidate]]) -> list[tuple[float, Candidate]]:
        """The scored readings these ties leave, in their order."""
        if self.required:
            scored = [sc for sc in scored if sc[1].place.country_code in self.required]
        if self.preferred and any(c.place.country_code in self.preferred for _, c in scored):
            scored = [sc for sc in scored if sc[1].place.country_code in self.preferred]
        if self.nearby:
            scored = [sc for sc in scored if not sc[1].fuzzy or sc[1].place.country_code in self.nearby]
        return scored

    def fallback(self, gazetteer: Gazetteer) -> Candidate | None:
        """For a name with no reading in the one country named before it, that country ("Algeria's In
        Amenas" with no In Amenas known: Algeria, as ACLED codes a place known only by its country)."""
        named = self.required or self.preferred
        return gazetteer.country_place(next(iter(named))) if len(named) == 1 else None


@dataclass(frozen=True, slots=True)
class _Words:
    after: frozenset[str]
    max_words_after: int


@lru_cache(maxsize=1)
def _words() -> _Words:
    data = tomllib.loads(resources.files("polybius.place").joinpath("data/resolution.toml").read_text("utf-8"))
    ties = data["ties"]
    return _Words(after=frozenset(ties["joined_after"]), max_words_after=int(ties["max_words_after"]))


def country_ties(text: str, toponyms: list[Toponym], readings: list[Candidate | None],
                 gazetteer: Gazetteer) -> list[Ties]:
    """The ties of each toponym (in text order), given each toponym's reading."""
    out = []
    for i, toponym in enumerate(toponyms):
        required: set[str] = set()
        nearby: set[str] = set()
        preferred = _demonym_before(text, toponym.start, gazetteer)
        if i > 0 and _country(readings[i - 1]):
            between = _without_particle(text[toponyms[i - 1].end : toponym.start])
            if _POSSESSIVE_BETWEEN.fullmatch(between) or (
                between.isspace() and toponyms[i - 1].text.endswith(_POSSESSIVE_END)
            ):
                required.add(readings[i - 1].place.country_code)
            elif " ".join(between.split()).lower() in vocabulary().kind_before:
                preferred.add(readings[i - 1].place.country_code)  # "the Niger town of Arlit"
        if i + 1 < len(toponyms) and _country(readings[i + 1]) and _joined_after(text, toponym, toponyms[i + 1]):
            nearby.add(readings[i + 1].place.country_code)
        out.append(Ties(frozenset(required), frozenset(preferred), frozenset(required | preferred | nearby)))
    return out


def _country(reading: Candidate | None) -> bool:
    return reading is not None and reading.place.feature_code.startswith("PCL")


def _without_particle(between: str) -> str:
    """The words between a country and a toponym, less a name's particle left out of the toponym
    ("Algeria's In Amenas" when only "Amenas" is known)."""
    words = between.split()
    if words and words[-1].lower() in vocabulary().particles and words[-1][0].isupper():
        return between[: between.rindex(words[-1])]
    return between


def _demonym_before(text: str, start: int, gazetteer: Gazetteer) -> set[str]:
    """"Algerian In Amenas", "the Algerian town of In Amenas": the demonym's country."""
    before = text[max(0, start - 60) : start]
    if not before[-1:].isspace():
        return set()
    words = _without_particle(before).split()
    if len(words) >= 3 and " ".join(words[-2:]).lower() in vocabulary().kind_before:
        words = words[:-2]
    if not words or not words[-1][:1].isupper():
        return set()
    return {
        c.place.country_code for c in gazetteer.candidates(words[-1])
        if c.kind == NameKind.DEMONYM and c.place.feature_code.startswith("PCL")
    }


def _joined_after(text: str, toponym: Toponym, country: Toponym) -> bool:
    between = text[toponym.end : country.start]
    if _SENTENCE_END.search(between + " "):
        return False
    words = _WORD.findall(between)
    if len(words) > _words().max_words_after:
        return False
    joiner = words[-1].lower() if words else between.strip()
    return joiner in _words().after
