"""Import GeoNames dumps (the 19-column "geoname" format) into the gazetteer store.

Any feature class goes in: mountains (T.MTS), regions (L.RGN), wadis (H.WAD), as well as towns and
admin areas; the words of physical features' names are indexed (features.py). A row already in the store
(same geonameid) is updated: the dump is the fuller source.
"""

from __future__ import annotations

import io
import sqlite3
import zipfile
from collections.abc import Iterator
from pathlib import Path

from polybius.errors import ConfigError
from polybius.place import features
from polybius.place.build import add_names
from polybius.place.normalize import name_keys

COLUMNS = 19
_BATCH = 5000
_ADMIN_LEVELS = {"ADM1": 1, "ADM2": 2, "ADM3": 3}
# A town that is the seat of an area: ACLED codes an event known only at that area's level there.
_SEATS = {"PPLC": "PCLI", "PPLA": "ADM1", "PPLA2": "ADM2", "PPLA3": "ADM3"}


class DumpFormatError(ConfigError, ValueError):
    """The file is not a GeoNames geoname dump (the message names the file and line)."""


def import_dump(db: sqlite3.Connection, file: Path) -> int:
    if not file.exists():
        raise FileNotFoundError(f"{file}: no such GeoNames dump")
    count = 0
    places, names, admins, seats = [], [], [], []
    with db:
        db.execute(features.SCHEMA)
        for where, fields in _rows(file):
            try:
                row = _place_row(fields)
            except (ValueError, IndexError) as exc:
                raise DumpFormatError(f"{where}: not a GeoNames geoname row ({exc})") from None
            places.append(row)
            alternates = [a for a in fields[3].split(",") if a]
            names.append((row[0], fields[1], [fields[2], *alternates]))
            level = _ADMIN_LEVELS.get(row[6])
            if level is not None:
                codes = [c for c in (row[8], row[9], row[10])[:level]]
                if all(codes):
                    admins.append((".".join([row[4], *codes]), row[1], row[0]))
            if row[6] in _SEATS:
                seats.append(row)
            count += 1
            if len(places) >= _BATCH:
                _flush(db, places, names, admins)
        _flush(db, places, names, admins)
        _link_seats(db, seats)
    return count


def _rows(file: Path) -> Iterator[tuple[str, list[str]]]:
    """(file:line, columns) for each row of a dump, read from a .txt or from inside a .zip."""
    if zipfile.is_zipfile(file):
        with zipfile.ZipFile(file) as archive:
            members = [m for m in archive.namelist() if m.endswith(".txt") and "readme" not in m.lower()]
            if not members:
                raise DumpFormatError(f"{file}: the zip holds no GeoNames .txt dump")
            for member in members:
                with archive.open(member) as raw:
                    yield from _lines(f"{file}!{member}", io.TextIOWrapper(raw, encoding="utf-8"))
        return
    with open(file, encoding="utf-8") as handle:
        yield from _lines(str(file), handle)


def _lines(name: str, handle) -> Iterator[tuple[str, list[str]]]:
    for number, line in enumerate(handle, start=1):
        line = line.rstrip("\r\n")
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != COLUMNS:
            raise DumpFormatError(
                f"{name}:{number}: expected {COLUMNS} tab-separated columns of the GeoNames geoname format, "
                f"got {len(fields)}"
            )
        yield f"{name}:{number}", fields


def _place_row(fields: list[str]) -> tuple:
    latitude, longitude = float(fields[4]), float(fields[5])
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise ValueError(f"coordinates out of range: {latitude}, {longitude}")
    return (
        int(fields[0]), fields[1], latitude, longitude, fields[8], fields[6] or "P", fields[7] or "PPL",
        int(fields[14] or 0), fields[10] or None, fields[11] or None, fields[12] or None,
    )


def _flush(db: sqlite3.Connection, places: list, names: list, admins: list) -> None:
    db.executemany(
        "INSERT INTO place (id, name, lat, lon, cc, fclass, fcode, pop, a1, a2, a3) VALUES (?,?,?,?,?,?,?,?,?,?,?)"
        " ON CONFLICT (id) DO UPDATE SET"
        " name = CASE WHEN place.fcode LIKE 'PCL%' THEN place.name ELSE excluded.name END, lat = excluded.lat, lon = excluded.lon,"
        " cc = excluded.cc, fclass = excluded.fclass, fcode = excluded.fcode,"
        " pop = max(excluded.pop, place.pop), a1 = excluded.a1, a2 = coalesce(excluded.a2, place.a2),"
        " a3 = coalesce(excluded.a3, place.a3)",
        places,
    )
    for place_id, official, others in names:
        add_names(db, place_id, official, others)
    features.index(db, [
        (row[0], {key for text in (official, *others) for key in name_keys(text)})
        for row, (_, official, others) in zip(places, names) if row[5] in features.CLASSES
    ])
    db.executemany("INSERT OR IGNORE INTO admin VALUES (?, ?, ?)", admins)
    places.clear()
    names.clear()
    admins.clear()


def _link_seats(db: sqlite3.Connection, seats: list) -> None:
    """Record each imported capital (PPLC, PPLA...) as the seat of its country or admin area."""
    for row in seats:
        area_code = _SEATS[row[6]]
        if area_code == "PCLI":
            db.execute("UPDATE place SET capital = ? WHERE cc = ? AND fcode LIKE 'PCL%'", (row[0], row[4]))
            continue
        level = _ADMIN_LEVELS[area_code]
        codes = (row[8], row[9], row[10])[:level]
        if not all(codes):
            continue
        where = " AND ".join(f"a{i + 1} = ?" for i in range(level))
        db.execute(f"UPDATE place SET capital = ? WHERE cc = ? AND fcode = ? AND {where}",
                   (row[0], row[4], area_code, *codes))
