"""GET /events in JSON, CSV or GeoJSON: chosen by `format=`, else by the Accept header."""

from __future__ import annotations

import csv
import io
import json

from fastapi.responses import Response

from polybius.export import csv_row, geojson, json_record
from polybius.records import OUTPUT_COLUMNS
from polybius.serve.errors import ApiError

MEDIA_TYPES = {"json": "application/json", "csv": "text/csv", "geojson": "application/geo+json"}
# What an Accept header may name for each format; wildcards mean JSON, the API's default.
_ACCEPTED = {
    "application/json": "json",
    "text/csv": "csv",
    "application/geo+json": "geojson",
    "application/vnd.geo+json": "geojson",
    "application/*": "json",
    "*/*": "json",
}


def choose_format(format_param: str | None, accept: str | None) -> str:
    if format_param:
        name = format_param.strip().lower()
        if name not in MEDIA_TYPES:
            raise ApiError(
                400, "bad_format", f"format={format_param!r} is not one of {', '.join(MEDIA_TYPES)}"
            )
        return name
    if not accept:
        return "json"
    for media_type in _by_preference(accept):
        if media_type in _ACCEPTED:
            return _ACCEPTED[media_type]
    raise ApiError(
        406,
        "not_acceptable",
        f"cannot answer with {accept!r}; the API speaks "
        f"{', '.join(MEDIA_TYPES.values())} (or pass format=json|csv|geojson)",
    )


def _by_preference(accept: str) -> list[str]:
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media_type, *options = [p.strip() for p in part.split(";")]
        quality = 1.0
        for option in options:
            key, _, value = option.partition("=")
            if key.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        if quality > 0 and media_type:
            ranked.append((-quality, position, media_type.lower()))
    return [media_type for *_, media_type in sorted(ranked)]


def events_response(events: list[dict], fmt: str) -> Response:
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=OUTPUT_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(csv_row(e) for e in events)
        body = buffer.getvalue()
    elif fmt == "geojson":
        body = json.dumps(geojson(events), ensure_ascii=False, separators=(",", ":"))
    else:
        body = json.dumps(
            {"count": len(events), "events": [json_record(e) for e in events]},
            ensure_ascii=False,
            separators=(",", ":"),
        )
    media_type = MEDIA_TYPES[fmt] + ("; charset=utf-8" if fmt == "csv" else "")
    return Response(body, media_type=media_type, headers={"Vary": "Accept"})
