"""Country facts rows carry: ISO codes and ACLED's region name (the table is data/acled_regions.toml)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class CountryInfo:
    iso2: str
    iso3: str
    iso_numeric: int
    name: str
    region: str  # ACLED region, e.g. "Western Africa", "Middle East"


@lru_cache(maxsize=1)
def _table() -> dict:
    text = resources.files("polybius.place").joinpath("data/acled_regions.toml").read_text("utf-8")
    return tomllib.loads(text)


def acled_region(iso2: str, subregion: str | None) -> str | None:
    """ACLED's region for a country, from its UN subregion unless the table names an exception."""
    table = _table()
    return table["countries"].get(iso2) or table["subregions"].get(subregion or "")
