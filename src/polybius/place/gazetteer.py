"""The offline gazetteer: GeoNames places on disk (SQLite), looked up by normalized name.

`Gazetteer.open()` builds the store on first use (see build.py) and afterwards just opens it, so a
run holds only the rows it looks up, never the whole of GeoNames.
"""

from __future__ import annotations

import fcntl
import sqlite3
from contextlib import closing
from dataclasses import dataclass, replace
from pathlib import Path

from polybius.place import build, dump, features
from polybius.place.build import NameKind
from polybius.place.normalize import edit_distance_at_most_one, name_key
from polybius.place.regions import CountryInfo
from polybius.records import Place

_COLUMNS = """
    p.id, p.name, p.lat, p.lon, p.cc, p.fclass, p.fcode, p.pop, c.name, ad1.name, ad2.name, ad3.name,
    p.a1, p.a2, p.capital
"""
_JOINS = """
    LEFT JOIN country c ON c.iso2 = p.cc
    LEFT JOIN admin ad1 ON ad1.code = p.cc || '.' || p.a1
    LEFT JOIN admin ad2 ON ad2.code = p.cc || '.' || p.a1 || '.' || p.a2
    LEFT JOIN admin ad3 ON ad3.code = p.cc || '.' || p.a1 || '.' || p.a2 || '.' || p.a3
"""
_CACHE_LIMIT = 50_000
# Fuzzy matching only for names long enough that one changed letter is still the same name.
_FUZZY_MIN_LENGTH = 6
_CONTAINED_LIMIT = 40


@dataclass(frozen=True, slots=True)
class Candidate:
    """A gazetteer entry a name may refer to, with what resolution needs beyond the Place record."""

    place: Place
    kind: NameKind  # how the name refers to it
    admin1_code: str | None
    admin2_code: str | None
    capital_id: int | None  # the town ACLED codes a region-level event to
    fuzzy: bool = False  # matched with one letter changed
    contained: bool = False  # a physical feature whose name holds the name as a word ("Adrar des Ifôghas")


class Gazetteer:
    def __init__(self, db: sqlite3.Connection, path: Path):
        self.db = db
        self.path = path
        self._cache: dict[tuple[str, bool], list[Candidate]] = {}

    @classmethod
    def open(cls, path: Path | None = None) -> Gazetteer:
        """Open the gazetteer at `path` (default $POLYBIUS_HOME or ~/.cache/polybius), building it first if needed."""
        path = Path(path) if path is not None else build.default_path()
        if _version(path) != build.SCHEMA_VERSION:
            path.parent.mkdir(parents=True, exist_ok=True)
            with open(path.with_name(path.name + ".lock"), "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)  # one process builds; the others wait, then open
                version = _version(path)
                if version == build.UPGRADABLE_VERSION:
                    with closing(sqlite3.connect(path)) as db:
                        build.upgrade(db)  # in place: the dumps imported into it stay
                elif version != build.SCHEMA_VERSION:
                    build.build(path)
        db = sqlite3.connect(path, check_same_thread=False)
        return cls(db, path)

    def close(self) -> None:
        self.db.close()

    # --- lookups -------------------------------------------------------------------------------------

    def lookup(self, name: str) -> list[Place]:
        """Every place a name may refer to (official, alternate and short names; demonyms included)."""
        return [c.place for c in self.candidates(name)]

    def candidates(self, name: str, fuzzy: bool = False) -> list[Candidate]:
        """Candidates for a name, most populous first; `fuzzy` allows one changed letter when nothing matches."""
        key = name_key(name)
        if key is None:
            return []
        found = self._cache.get((key, fuzzy))
        if found is None:
            found = self._query("JOIN name n ON n.id = p.id WHERE n.key = ?", (key,))
            if not found and fuzzy and len(key) >= _FUZZY_MIN_LENGTH:
                found = self._fuzzy(key)
            if len(self._cache) > _CACHE_LIMIT:
                self._cache.clear()
            self._cache[(key, fuzzy)] = found
        return found

    def features_containing(self, name: str, codes: tuple[str, ...]) -> list[Candidate]:
        """Physical features of these GeoNames codes that have every word of `name` in one of their
        names, accents folded ("Ifoghas" -> "Adrar des Ifôghas"), those of the earlier codes first."""
        key = name_key(name)
        if key is None:
            return []
        ids = features.containing(self.db, key, codes, _CONTAINED_LIMIT)
        if not ids:
            return []
        found = self._query(f"WHERE p.id IN ({','.join('?' * len(ids))})", tuple(ids), with_kind=False)
        order = {place_id: n for n, place_id in enumerate(ids)}
        return [replace(c, contained=True) for c in sorted(found, key=lambda c: order[c.place.geonameid])]

    def place(self, geonameid: int) -> Place | None:
        found = self._query("WHERE p.id = ?", (geonameid,), with_kind=False)
        return found[0].place if found else None

    def candidate(self, geonameid: int) -> Candidate | None:
        found = self._query("WHERE p.id = ?", (geonameid,), with_kind=False)
        return found[0] if found else None

    def admin_area(self, country_code: str, admin1: str, admin2: str | None = None) -> Candidate | None:
        """The ADM1 (or, with admin2, the ADM2) area with these GeoNames admin codes."""
        code = f"{country_code}.{admin1}" + (f".{admin2}" if admin2 else "")
        row = self.db.execute("SELECT id FROM admin WHERE code = ?", (code,)).fetchone()
        return self.candidate(row[0]) if row and row[0] is not None else None

    def country(self, iso2: str) -> CountryInfo | None:
        row = self.db.execute(
            "SELECT iso2, iso3, numeric, name, region FROM country WHERE iso2 = ?", (iso2.upper(),)
        ).fetchone()
        if row is None or row[2] is None:
            return None
        return CountryInfo(iso2=row[0], iso3=row[1], iso_numeric=int(row[2]), name=row[3], region=row[4] or "")

    def country_place(self, iso2: str) -> Candidate | None:
        row = self.db.execute("SELECT id FROM country WHERE iso2 = ?", (iso2.upper(),)).fetchone()
        return self.candidate(row[0]) if row and row[0] is not None else None

    # --- import --------------------------------------------------------------------------------------

    def import_dump(self, file: Path) -> int:
        """Load a GeoNames dump (country file, allCountries.txt or its .zip); returns rows imported."""
        count = dump.import_dump(self.db, Path(file))
        self._cache.clear()
        return count

    # --- internals -----------------------------------------------------------------------------------

    def _query(self, where: str, params: tuple, with_kind: bool = True) -> list[Candidate]:
        kind = "n.kind" if with_kind else "0"
        sql = f"SELECT {_COLUMNS}, {kind} FROM place p {_JOINS} {where} ORDER BY p.pop DESC, p.id"
        return [_candidate(row) for row in self.db.execute(sql, params)]

    def _fuzzy(self, key: str) -> list[Candidate]:
        """Names one letter away ("Aguelhoc" for "Aguelhok"), found among keys sharing the first three letters."""
        prefix = key[:3]
        upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
        keys = [
            k for (k,) in self.db.execute("SELECT DISTINCT key FROM name WHERE key >= ? AND key < ?", (prefix, upper))
            if edit_distance_at_most_one(k, key)
        ]
        found: list[Candidate] = []
        for other in keys:
            for c in self._query("JOIN name n ON n.id = p.id WHERE n.key = ?", (other,)):
                found.append(Candidate(c.place, c.kind, c.admin1_code, c.admin2_code, c.capital_id, fuzzy=True))
        found.sort(key=lambda c: -c.place.population)
        return found


def _candidate(row: tuple) -> Candidate:
    place = Place(
        geonameid=row[0], name=row[1], latitude=row[2], longitude=row[3], country_code=row[4],
        feature_class=row[5], feature_code=row[6], population=row[7] or 0, country=row[8],
        admin1=row[9], admin2=row[10], admin3=row[11],
    )
    return Candidate(place=place, kind=NameKind(row[15]), admin1_code=row[12], admin2_code=row[13], capital_id=row[14])


def _version(path: Path) -> str | None:
    """The schema version of the store at `path` (None when there is no readable store)."""
    if not path.exists():
        return None
    try:
        db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None
