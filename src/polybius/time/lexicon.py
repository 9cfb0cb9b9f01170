"""The time stage's language data (data/time_words.toml), loaded once into typed tables.

Everything English about dates lives in the data file; this module only reads it, checks it and
offers lookups (a word to its month number, a count phrase to its number, ...).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from polybius.numbers import cardinals, parse_cardinal

DATA_FILE = Path(__file__).parent / "data" / "time_words.toml"

ANCHORS = ("publication", "discourse")
# Directions may also count from their own object ("27 days after January 11").
DIRECTION_ANCHORS = (*ANCHORS, "object")


class TimeDataError(ValueError):
    """The time stage's data file is malformed (the message names the table and the entry)."""


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    timex: str  # TIMEX3 duration letter(s): D, W, M, Y, DE, CE, H ...
    grain: str | None  # the calendar period it names (None for clock units)
    clock: bool = False  # written after a T in durations (PT5H)
    factor: int = 1  # a fortnight is 2 weeks
    needs_number: bool = False


@dataclass(frozen=True, slots=True)
class Relative:
    offset: int
    anchor: str  # publication | discourse


@dataclass(frozen=True, slots=True)
class Direction:
    sign: int
    anchor: str


@dataclass(frozen=True, slots=True)
class PeriodPart:
    start: float = 0.0  # fraction of the period's days where the part begins
    end: float = 1.0
    side: str | None = None  # before | after the anchor day


@dataclass(frozen=True, slots=True)
class Deictic:
    days: int
    daypart: str | None = None


@dataclass(frozen=True, slots=True)
class Season:
    code: str
    months: tuple[int, ...]
    needs_qualifier: bool = False


@dataclass(frozen=True, slots=True)
class Pattern:
    name: str
    rule: str
    template: str
    fields: tuple[tuple[str, str], ...] = ()
    keys: tuple[str, ...] = ()  # word classes or words one of which every match contains


def phrase_key(text: str) -> str:
    """Lookup key of a matched phrase: lower case, single spaces, no trailing dot."""
    return re.sub(r"\s+", " ", text.strip().lower()).rstrip(".")


@dataclass(frozen=True)
class Lexicon:
    months: dict[str, int]
    short_months: frozenset[str]
    weekdays: dict[str, int]  # ISO weekday, Monday = 1
    short_weekdays: frozenset[str]
    ambiguous_months: frozenset[str]
    parts_of_year: dict[str, int]  # quarter: 4, half: 2
    seasons: dict[str, Season]
    ones: dict[str, int]
    teens: dict[str, int]
    tens: dict[str, int]
    number_words: dict[str, int]
    vague: frozenset[str]
    approximate: tuple[str, ...]
    ordinals: dict[str, int]
    units: dict[str, Unit]  # every form, singular and plural
    singular_units: frozenset[str]
    relatives: dict[str, Relative]
    directions: dict[str, Direction]
    period_parts: dict[str, PeriodPart]
    deictic: dict[str, Deictic]
    dayparts: dict[str, str]
    references: dict[str, str]
    decade_words: dict[str, int]
    future_auxiliaries: frozenset[str]
    past_auxiliaries: frozenset[str]
    past_prepositions: frozenset[str]
    future_verbs: frozenset[str]
    reporting_verbs: frozenset[str]
    temporal_subordinators: frozenset[str]
    circumstantial_subordinators: frozenset[str]
    scene_subordinators: frozenset[str]
    anaphoric_objects: frozenset[str]
    future_tolerance_days: int
    neutral_tolerance_days: int
    patterns: tuple[Pattern, ...]

    # Lookups on matched text ----------------------------------------------------------------

    def month(self, text: str) -> int:
        return self.months[phrase_key(text)]

    def weekday(self, text: str) -> int:
        return self.weekdays[phrase_key(text)]

    def unit(self, text: str) -> Unit:
        return self.units[phrase_key(text)]

    def number(self, text: str) -> int | None:
        """A count phrase to its number; None for vague counts ("several")."""
        key = phrase_key(text).replace("-", " ")
        if key in self.vague:
            return None
        if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", key):
            return int(key.replace(",", ""))
        if re.fullmatch(r"\d+\.\d+", key):
            return None  # "1.5 years": no whole count; the value keeps an X
        if key in self.number_words:
            return self.number_words[key]
        total = parse_cardinal(key.split())
        if total is None:
            raise ValueError(f"not a count: {text!r}")
        return total

    def ordinal(self, text: str) -> int:
        key = phrase_key(text)
        digits = re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", key)
        if digits:
            return int(digits.group(1))
        if key in self.ordinals:
            return self.ordinals[key]
        tens, _, unit = key.replace(" ", "-").partition("-")
        if tens in self.tens and unit in self.ordinals:
            return self.tens[tens] + self.ordinals[unit]
        raise ValueError(f"not an ordinal: {text!r}")

    def spoken_year(self, text: str) -> int:
        """'nineteen ninety-six' -> 1996, 'nineteen oh five' -> 1905, 'two thousand and five' -> 2005."""
        words = [w for w in phrase_key(text).replace("-", " ").split() if w not in ("and", "oh")]
        if words[:2] == ["two", "thousand"]:
            century, rest = 2000, words[2:]
        else:
            century, rest = 100 * (self.number(words[0]) or 0), [w for w in words[1:] if w != "hundred"]
        return century + ((self.number(" ".join(rest)) or 0) if rest else 0)


def _table(data: dict, name: str) -> dict:
    value = data.get(name)
    if not isinstance(value, dict):
        raise TimeDataError(f"{DATA_FILE.name}: missing table [{name}]")
    return value


def _forms(groups: list[list[str]], table: str) -> tuple[dict[str, int], frozenset[str]]:
    """[[full, short...], ...] -> ({form: 1-based index}, short forms)."""
    index: dict[str, int] = {}
    short: set[str] = set()
    for number, forms in enumerate(groups, start=1):
        if not forms:
            raise TimeDataError(f"{DATA_FILE.name}: [{table}] entry {number} has no names")
        for position, form in enumerate(forms):
            index[form.lower()] = number
            if position:
                short.add(form.lower())
    return index, frozenset(short)


def _units(table: dict) -> tuple[dict[str, Unit], frozenset[str]]:
    units: dict[str, Unit] = {}
    singular: set[str] = set()
    for name, spec in table.items():
        unit = Unit(name, spec["timex"], spec.get("grain"), bool(spec.get("clock", False)),
                    int(spec.get("factor", 1)), bool(spec.get("needs_number", False)))
        for form in spec["forms"]:
            units[form] = unit
        singular.add(spec["forms"][0])
    return units, frozenset(singular)


def _anchored(table: dict, name: str, key: str, cls, anchors: tuple[str, ...] = ANCHORS):
    out = {}
    for phrase, spec in table.items():
        if spec.get("anchor") not in anchors:
            raise TimeDataError(f"{DATA_FILE.name}: [{name}] {phrase!r} needs anchor = one of {anchors}")
        out[phrase] = cls(int(spec[key]), spec["anchor"])
    return out


def build(data: dict) -> Lexicon:
    """A Lexicon from the parsed data file (tests build variants from edited copies)."""
    calendar = _table(data, "calendar")
    months, short_months = _forms(calendar["months"], "calendar.months")
    weekdays, short_weekdays = _forms(calendar["weekdays"], "calendar.weekdays")
    if len(set(months.values())) != 12 or len(set(weekdays.values())) != 7:
        raise TimeDataError(f"{DATA_FILE.name}: [calendar] needs 12 months and 7 weekdays")
    numbers = _table(data, "numbers")
    units, singular = _units(_table(data, "units"))
    context = _table(data, "context")
    patterns = tuple(
        Pattern(p["name"], p["rule"], p["pattern"], tuple(sorted(p.get("fields", {}).items())),
                tuple(p.get("keys", ())))
        for p in data.get("patterns", [])
    )
    return Lexicon(
        months=months,
        short_months=short_months,
        weekdays=weekdays,
        short_weekdays=short_weekdays,
        ambiguous_months=frozenset(calendar.get("ambiguous_months", [])),
        parts_of_year=dict(calendar["parts_of_year"]),
        seasons={k: Season(v["code"], tuple(v["months"]), bool(v.get("needs_qualifier", False)))
                 for k, v in _table(data, "seasons").items()},
        ones={word: n for word, n in cardinals().units.items() if 1 <= n <= 9},
        teens={word: n for word, n in cardinals().units.items() if 10 <= n <= 19},
        tens=dict(cardinals().tens),
        number_words=dict(numbers["words"]),
        vague=frozenset(numbers["vague"]),
        approximate=tuple(numbers["approximate"]),
        ordinals=dict(_table(data, "ordinals")),
        units=units,
        singular_units=singular,
        relatives=_anchored(_table(data, "relatives"), "relatives", "offset", Relative),
        directions=_anchored(_table(data, "directions"), "directions", "sign", Direction, DIRECTION_ANCHORS),
        period_parts={k: PeriodPart(float(v.get("from", 0.0)), float(v.get("to", 1.0)), v.get("side"))
                      for k, v in _table(data, "period_parts").items()},
        deictic={k: Deictic(int(v["days"]), v.get("daypart")) for k, v in _table(data, "deictic").items()},
        dayparts=dict(_table(data, "dayparts")),
        references=dict(_table(data, "references")),
        decade_words=dict(_table(data, "decades")["words"]),
        future_auxiliaries=frozenset(context["future_auxiliaries"]),
        past_auxiliaries=frozenset(context["past_auxiliaries"]),
        past_prepositions=frozenset(context["past_prepositions"]),
        future_verbs=frozenset(context["future_verbs"]),
        reporting_verbs=frozenset(context["reporting_verbs"]),
        temporal_subordinators=frozenset(context["temporal_subordinators"]),
        circumstantial_subordinators=frozenset(context["circumstantial_subordinators"]),
        scene_subordinators=frozenset(context["scene_subordinators"]),
        anaphoric_objects=frozenset(_table(data, "anaphoric_objects")["words"]),
        future_tolerance_days=int(_table(data, "settings")["future_tolerance_days"]),
        neutral_tolerance_days=int(_table(data, "settings")["neutral_tolerance_days"]),
        patterns=patterns,
    )


@lru_cache(maxsize=1)
def load() -> Lexicon:
    with DATA_FILE.open("rb") as handle:
        return build(tomllib.load(handle))
