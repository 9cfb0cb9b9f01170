"""Cardinal numbers in words or digits: the one reader that time and fatality counting share.

    cardinals().tens["twenty"]                       # 20
    parse_cardinal(["one", "hundred", "and", "twenty"])  # 120
    parse_cardinal(["twenty", "-", "seven"])         # 27

The words live in data/cardinals.toml, so that users extend them without touching code.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_DIGITS = re.compile(r"\d+(?:\.\d+)?")


@dataclass(frozen=True, slots=True)
class Cardinals:
    units: dict[str, int]  # zero to nineteen
    tens: dict[str, int]
    multipliers: dict[str, int]
    one_words: frozenset[str]  # "a", "an", "one": one, before a multiplier

    @property
    def words(self) -> frozenset[str]:
        return frozenset(self.units) | frozenset(self.tens) | frozenset(self.multipliers) | self.one_words


@lru_cache(maxsize=1)
def cardinals() -> Cardinals:
    raw = tomllib.loads(resources.files("polybius.numbers").joinpath("data/cardinals.toml").read_text("utf-8"))
    return Cardinals(
        units=dict(raw["units"]),
        tens=dict(raw["tens"]),
        multipliers=dict(raw["multipliers"]),
        one_words=frozenset(w.lower() for w in raw["one_words"]),
    )


def parse_cardinal(words: list[str]) -> int | None:
    """An exact number in digits or lower-case words: "1800", "1.5 million", "one hundred and
    twenty", "a dozen", "twenty - seven"; None when the words are not one number."""
    lex = cardinals()
    total, current, seen = 0, 0.0, False
    for i, word in enumerate(words):
        previous = words[i - 1] if i else ""
        following = words[i + 1] if i + 1 < len(words) else ""
        if _DIGITS.fullmatch(word):
            current += float(word)
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word in lex.one_words and following in lex.multipliers and not seen:
            current += 1
        elif word == "-" and previous in lex.tens and following in lex.units:
            continue
        elif word == "and" and previous in lex.multipliers and following and following not in lex.multipliers:
            continue
        elif word in lex.multipliers:
            multiplier = lex.multipliers[word]
            if multiplier >= 1000:
                total, current = total + current * multiplier, 0.0
            else:
                current = (current or 1) * multiplier
        else:
            return None
        seen = True
    return int(total + current) if seen else None
