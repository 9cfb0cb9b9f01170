"""Countries as actor names use them: ISO code -> name, and nationality words -> ISO code.

The table is language data (data/countries.toml); this module only reads and indexes it.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # as ACLED writes it in actor names: "Mali", "Democratic Republic of Congo"
    takes_the: bool = False  # "Military Forces of the United States"

    @property
    def after_of(self) -> str:
        """The name as it reads after "of": "the Philippines", "Mali"."""
        return f"the {self.name}" if self.takes_the else self.name


@dataclass(frozen=True, slots=True)
class CountryTable:
    by_code: dict[str, Country]
    by_word: dict[str, str]  # lower-cased demonym or country name -> code
    longest_word: int  # in tokens, to bound look-ups over n-grams

    def get(self, code: str) -> Country:
        try:
            return self.by_code[code.upper()]
        except KeyError:
            raise ValueError(f"unknown country code {code!r}: expected an ISO 3166-1 alpha-2 code such as 'ML'") from None

    def lookup(self, words: str) -> str | None:
        """The country code named by a nationality or country name ("Malian", "Burkina Faso"), if any."""
        return self.by_word.get(words.lower())


@lru_cache(maxsize=1)
def countries() -> CountryTable:
    """The bundled country table (read once per process)."""
    raw = tomllib.loads(resources.files("polybius.actors").joinpath("data/countries.toml").read_text("utf-8"))
    by_code: dict[str, Country] = {}
    by_word: dict[str, str] = {}
    for code, entry in raw["countries"].items():
        by_code[code] = Country(code, entry["name"], bool(entry.get("the", False)))
        for word in (entry["name"], *entry.get("demonyms", ()), *entry.get("aliases", ())):
            by_word.setdefault(word.lower(), code)
    longest = max(len(word.replace("-", " - ").split()) for word in by_word)
    return CountryTable(by_code, by_word, longest)
