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


@lru_cache(maxsize=1)
def _countries() -> dict[str, CountryInfo]:
    from polybius.place.sources import read_countries  # the package data, read once

    out = {}
    for country in read_countries():
        if country.numeric is None:
            continue
        out[country.iso2] = CountryInfo(
            iso2=country.iso2, iso3=country.iso3, iso_numeric=country.numeric, name=country.name,
            region=acled_region(country.iso2, country.subregion) or "",
        )
    return out


def country_info(iso2: str) -> CountryInfo:
    """ISO codes, name and ACLED region of a country given its ISO 3166-1 alpha-2 code."""
    if not isinstance(iso2, str) or len(iso2.strip()) != 2:
        raise ValueError(f"expected a two-letter ISO 3166-1 alpha-2 code such as 'ML', got {iso2!r}")
    found = _countries().get(iso2.strip().upper())
    if found is None:
        raise ValueError(f"unknown ISO 3166-1 alpha-2 country code {iso2!r}")
    return found
