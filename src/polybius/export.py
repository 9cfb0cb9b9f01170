"""Write the dataset out: events as CSV, JSONL, GeoJSON and Parquet; articles as JSONL; merged ids."""

from __future__ import annotations

import csv
import json
from collections.abc import Sequence
from pathlib import Path

from polybius.codec import to_data
from polybius.records import OUTPUT_COLUMNS
from polybius.store import EventFilter, Store

FORMATS = ("csv", "jsonl", "geojson", "parquet")


def write_outputs(store: Store, out_dir: Path, formats: Sequence[str] = ("csv", "jsonl"),
                  where: EventFilter = EventFilter()) -> dict[str, Path]:
    """Write the chosen event formats plus articles.jsonl into out_dir; return what was written."""
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown:
        raise ValueError(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    out_dir.mkdir(parents=True, exist_ok=True)
    events = store.query_events(where)
    written = {}
    for fmt in formats:
        path = out_dir / f"events.{fmt}"
        if fmt == "parquet":
            store.export_events_parquet(path)
        else:
            WRITERS[fmt](events, path)
        written[fmt] = path
    written["articles"] = write_articles(store, out_dir / "articles.jsonl")
    written["merges"] = write_merges(store, out_dir / "merged_events.csv")
    return written


def write_merges(store: Store, path: Path) -> Path:
    """Ids that no longer exist because later reports showed them to be part of another event (ACLED
    publishes such deletions so that users can update their copies)."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["event_id_cnty", "merged_into", "merged_at"])
        writer.writerows((old, new, when.isoformat(timespec="seconds")) for old, new, when in store.merges())
    return path


def csv_row(event: dict) -> dict:
    row = {c: event.get(c) for c in OUTPUT_COLUMNS}
    row["documents"] = ";".join(event.get("documents") or [])
    return {k: "" if v is None else v for k, v in row.items()}


def write_csv(events: list[dict], path: Path) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.DictWriter(f, fieldnames=OUTPUT_COLUMNS)
        writer.writeheader()
        writer.writerows(csv_row(e) for e in events)


def json_record(event: dict) -> dict:
    """An event as events.jsonl writes it: the ACLED columns, documents, evidence and disputes."""
    record = {c: event.get(c) for c in OUTPUT_COLUMNS}
    record.update(documents=event.get("documents") or [], geonameid=event.get("geonameid"),
                  evidence=event.get("evidence") or {}, disputes=event.get("disputes") or [])
    return record


def write_jsonl(events: list[dict], path: Path) -> None:
    with path.open("w", encoding="utf-8") as f:
        for event in events:
            f.write(json.dumps(json_record(event), ensure_ascii=False) + "\n")


def geojson(events: list[dict]) -> dict:
    features = [{
        "type": "Feature",
        "id": e["event_id_cnty"],
        "geometry": {"type": "Point", "coordinates": [e["longitude"], e["latitude"]]},
        "properties": {c: e.get(c) for c in OUTPUT_COLUMNS if c not in ("latitude", "longitude")}
        | {"documents": e.get("documents") or []},
    } for e in events if e.get("latitude") is not None and e.get("longitude") is not None]
    return {"type": "FeatureCollection", "features": features}


def write_geojson(events: list[dict], path: Path) -> None:
    path.write_text(json.dumps(geojson(events), ensure_ascii=False), encoding="utf-8")


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "geojson": write_geojson}


def write_articles(store: Store, path: Path) -> Path:
    duplicates = store.duplicates()
    with path.open("w", encoding="utf-8") as f:
        for article in store.articles():
            record = {
                "id": article.id, "published": article.published.isoformat() if article.published else None,
                "source": article.source, "title": article.title, "url": article.url, "origin": article.origin,
                "text": article.text,
                "paragraphs": [to_data(p) for p in article.paragraphs],
                "repeats": [{"paragraph": p.index, **to_data(p.repeats)} for p in article.paragraphs if p.repeats],
                "duplicates": duplicates.get(article.id, []),
            }
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path
