"""Build the gazetteer's SQLite store from the packaged GeoNames data (once; later runs just open it).

Tables:
  place(id, name, lat, lon, cc, fclass, fcode, pop, a1, a2, a3, capital)  one row per GeoNames feature
  name(key, id, kind)                        normalized names -> places (kind: see NameKind)
  admin(code, name, id)                      "ML.10" -> "Kidal"; "US.LA.079" -> "Rapides Parish"
  country(iso2, iso3, numeric, name, region, id)
  feature_word(word, id)                     words of the names of physical features (see features.py)
  meta(key, value)

Admin areas and countries get a representative point: a country the mean of its published point
and the area centroid of its mainland outline, an admin area the middle of the span of its towns (the 10th to 90th percentile of their
latitudes and longitudes); each also records its most populous town (or, after a dump import, its
GeoNames capital) in `capital`, which is where ACLED codes an event known only at region level.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import tomllib
from array import array
from collections import defaultdict
from enum import IntEnum
from importlib import resources
from pathlib import Path

from polybius.place import features, sources
from polybius.place.normalize import name_key, name_keys
from polybius.place.regions import acled_region

SCHEMA_VERSION = "6"
# A store of this version is brought up to date in place (see upgrade), keeping its imported dumps.
UPGRADABLE_VERSION = "5"

SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL, cc TEXT NOT NULL,
    fclass TEXT NOT NULL, fcode TEXT NOT NULL, pop INTEGER NOT NULL DEFAULT 0,
    a1 TEXT, a2 TEXT, a3 TEXT, capital INTEGER
);
CREATE TABLE name (key TEXT NOT NULL, id INTEGER NOT NULL, kind INTEGER NOT NULL, PRIMARY KEY (key, id))
    WITHOUT ROWID;
CREATE TABLE admin (code TEXT PRIMARY KEY, name TEXT NOT NULL, id INTEGER) WITHOUT ROWID;
CREATE TABLE country (
    iso2 TEXT PRIMARY KEY, iso3 TEXT, numeric INTEGER, name TEXT NOT NULL, region TEXT, id INTEGER
) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
""" + features.SCHEMA


class NameKind(IntEnum):
    """How a name refers to its place; lookups rank official names first."""

    OFFICIAL = 0
    ALTERNATE = 1
    ABBREVIATION = 2  # "W.Va.", "Calif.": matched only as written, dots included
    DEMONYM = 3  # "Malian", "Palestinians": refers to the country, but is not a toponym in running text


def default_path() -> Path:
    home = os.environ.get("POLYBIUS_HOME")
    base = Path(home) if home else Path.home() / ".cache" / "polybius"
    return base / "gazetteer.sqlite"


def build(path: Path) -> None:
    """Write a fresh gazetteer to `path` (atomically: a half-built file is never left in its place)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=".gazetteer-", suffix=".tmp", dir=path.parent)
    os.close(handle)
    try:
        db = sqlite3.connect(tmp)
        db.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
        with db:
            _Builder(db).run()
        db.execute("VACUUM")
        db.close()
        os.chmod(tmp, 0o644)  # mkstemp made it private; the store is shared data, not a secret
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def upgrade(db: sqlite3.Connection) -> None:
    """Bring a store of UPGRADABLE_VERSION to SCHEMA_VERSION: index the words of its features' names."""
    with db:
        features.index_all(db)
        db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (SCHEMA_VERSION,))


def add_names(db: sqlite3.Connection, place_id: int, official: str | None, others=(),
              kind: NameKind = NameKind.ALTERNATE) -> None:
    """Index a place under its official name and other names (skipping names with no Latin form)."""
    rows: dict[str, NameKind] = {}
    named = [(official, NameKind.OFFICIAL)] if official else []
    for text, text_kind in named + [(o, kind) for o in others]:
        for key in name_keys(text):
            if key not in rows or text_kind < rows[key]:
                rows[key] = text_kind
    db.executemany(
        "INSERT INTO name VALUES (?, ?, ?) ON CONFLICT (key, id) DO UPDATE SET kind = min(kind, excluded.kind)",
        [(key, place_id, int(k)) for key, k in rows.items()],
    )


class _Builder:
    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.subdivisions = {s.row: s for s in sources.read_subdivisions()}
        self.countries = sources.read_countries()
        self.country_by_row = {c.row: c for c in self.countries}
        # Towns per admin area, for its representative point and its largest town.
        self.town_lats: dict[int, array] = defaultdict(lambda: array("f"))
        self.town_lons: dict[int, array] = defaultdict(lambda: array("f"))
        self.largest_town: dict[int, tuple[int, int]] = {}
        self.town_population: dict[int, int] = defaultdict(int)
        self.country_lats: dict[str, array] = defaultdict(lambda: array("f"))
        self.country_lons: dict[str, array] = defaultdict(lambda: array("f"))

    def run(self) -> None:
        self._admin_names()
        self._cities()
        self._admin_places()
        self._countries()
        self._continents()
        self._extra_names()
        features.index_all(self.db)
        self.db.execute("CREATE INDEX place_admin ON place (cc, a1, a2)")
        self.db.execute("CREATE INDEX place_capital ON place (capital)")
        self.db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def _admin_names(self) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO admin VALUES (?, ?, ?)",
            [(s.code, s.name, s.geonameid) for s in self.subdivisions.values()],
        )

    def _admin_codes(self, links: tuple[int, ...]) -> tuple[str | None, str | None, str | None]:
        """A1/a2/a3 codes from the deepest area a town lies in ("US.LA.079" -> "LA", "079", None)."""
        deepest: list[str] = []
        for row in links:
            sub = self.subdivisions.get(row)
            if sub is not None and sub.code.count(".") > len(deepest):
                deepest = sub.code.split(".")[1:4]
        deepest += [None] * (3 - len(deepest))
        return deepest[0], deepest[1], deepest[2]

    def _cities(self) -> None:
        links = sources.read_city_links()
        rows, names = [], []
        for city in sources.iter_cities():
            city_links = links.get(city.geonameid, ())
            a1, a2, a3 = self._admin_codes(city_links)
            rows.append((city.geonameid, city.name, city.latitude, city.longitude, city.country_code, "P", "PPL",
                         city.population, a1 or city.admin1_code or None, a2, a3, None))
            names.append((city.geonameid, city.name, city.alternate_names))
            self.country_lats[city.country_code].append(city.latitude)
            self.country_lons[city.country_code].append(city.longitude)
            for row in city_links:
                self.town_population[row] += city.population
                self.town_lats[row].append(city.latitude)
                self.town_lons[row].append(city.longitude)
                if city.population >= self.largest_town.get(row, (0, -1))[1]:
                    self.largest_town[row] = (city.geonameid, city.population)
            if len(rows) >= 20000:
                self._flush(rows, names)
        self._flush(rows, names)

    def _flush(self, rows: list, names: list) -> None:
        self.db.executemany("INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
        for place_id, official, others in names:
            add_names(self.db, place_id, official, others)
        rows.clear()
        names.clear()

    def _admin_places(self) -> None:
        for sub in self.subdivisions.values():
            country = self.country_by_row.get(sub.country_row)
            lats, lons = self.town_lats.get(sub.row), self.town_lons.get(sub.row)
            if sub.geonameid is None or country is None or not lats:
                continue  # no point can be given to an area with no known town
            codes = sub.code.split(".")[1:4]
            level = len(codes)
            codes += [None] * (3 - level)
            self.db.execute(
                "INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (sub.geonameid, sub.name, _middle(lats), _middle(lons), country.iso2, "A", f"ADM{level}",
                 self.town_population[sub.row], *codes, self.largest_town[sub.row][0]),
            )
            add_names(self.db, sub.geonameid, sub.name, sub.aliases)

    def _countries(self) -> None:
        facts = sources.read_country_facts()
        populations = sources.read_country_populations()
        for country in self.countries:
            fact = facts.get(country.iso2)
            point = _country_point(fact)
            if point is None and country.iso2 in self.country_lats:
                point = _middle(self.country_lats[country.iso2]), _middle(self.country_lons[country.iso2])
            self.db.execute(
                "INSERT OR REPLACE INTO country VALUES (?,?,?,?,?,?)",
                (country.iso2, country.iso3, country.numeric, country.name,
                 acled_region(country.iso2, country.subregion), country.geonameid),
            )
            if country.geonameid is None or point is None:
                continue
            capital = self._capital(country.iso2, fact.capital if fact else None)
            self.db.execute(
                "INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (country.geonameid, country.name, point[0], point[1], country.iso2, "A", "PCLI",
                 populations.get(country.iso2, 0),
                 None, None, None, capital),
            )
            spellings = set(country.aliases) | set(fact.spellings if fact else ())
            spellings |= {country.iso3} if country.iso3 else set()
            add_names(self.db, country.geonameid, country.name, sorted(spellings))
            if fact and fact.demonym:
                demonyms = [fact.demonym, fact.demonym + "s"]
                add_names(self.db, country.geonameid, None, demonyms, NameKind.DEMONYM)
            if capital is not None:
                self.db.execute("UPDATE place SET fcode = 'PPLC' WHERE id = ? AND fcode = 'PPL'", (capital,))

    def _capital(self, iso2: str, capital: str | None) -> int | None:
        key = name_key(capital.removesuffix(" D.C.")) if capital else None
        if not key:
            return None
        found = self.db.execute(
            "SELECT p.id FROM name n JOIN place p ON p.id = n.id WHERE n.key = ? AND p.cc = ? AND p.fclass = 'P'"
            " ORDER BY p.pop DESC LIMIT 1",
            (key, iso2),
        ).fetchone()
        return found[0] if found else None

    def _continents(self) -> None:
        for continent in sources.read_continents():
            self.db.execute(
                "INSERT OR REPLACE INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (continent.geonameid, continent.name, continent.latitude, continent.longitude, "", "L", "CONT",
                 continent.population, None, None, None, None),
            )
            add_names(self.db, continent.geonameid, continent.name, continent.names)

    def _extra_names(self) -> None:
        table = tomllib.loads(resources.files("polybius.place").joinpath("data/names.toml").read_text("utf-8"))
        for code, abbreviations in table.get("abbreviations", {}).items():
            found = self.db.execute("SELECT id FROM admin WHERE code = ?", (code,)).fetchone()
            if found and found[0] is not None:
                add_names(self.db, found[0], None, abbreviations, NameKind.ABBREVIATION)
        for iso2, aliases in table.get("aliases", {}).items():
            found = self.db.execute("SELECT id FROM country WHERE iso2 = ?", (iso2,)).fetchone()
            if found and found[0] is not None:
                add_names(self.db, found[0], None, aliases)


def _middle(values: array) -> float:
    """The middle of an area's spread of towns: the midpoint of their 10th and 90th percentiles, or with
    few towns their median (GeoNames misplaces the odd town, and one stray point must not move an area)."""
    ordered = sorted(values)
    if len(ordered) < 10:
        return round(ordered[len(ordered) // 2], 5)
    low = ordered[int(0.1 * (len(ordered) - 1))]
    high = ordered[int(round(0.9 * (len(ordered) - 1)))]
    return round((low + high) / 2, 5)


def _country_point(fact: sources.CountryFacts | None) -> tuple[float, float] | None:
    """A country's centre: the mean of its published point (rounded, often coarse) and the area centroid
    of its mainland outline (blind to how the country is usually placed). Of the two alone and their
    mean, the mean came out best on the LGL tune half (countries: the published point alone misses
    the United States' centre by ~235 km, the outline centroid misses Russia's by ~190 km)."""
    if fact is None:
        return None
    points = [p for p in ((fact.latitude, fact.longitude), fact.mainland_centroid) if p and p[0] is not None]
    if not points:
        return None
    return round(sum(p[0] for p in points) / len(points), 5), round(sum(p[1] for p in points) / len(points), 5)
