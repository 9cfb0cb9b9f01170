"""Query parameters of GET /events and GET /briefing, checked with messages that say what to send."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date

from polybius.report.payload import event_types
from polybius.serve.errors import ApiError
from polybius.store import EventFilter

FILTER_PARAMS = {
    "date_from": "first day, YYYY-MM-DD",
    "date_to": "last day, YYYY-MM-DD",
    "country": "country name, any case",
    "admin1": "first-level admin area, any case",
    "event_type": "one of ACLED's six event types, any case",
    "actor": "part of an actor's name, any case",
    "bbox": "min_lon,min_lat,max_lon,max_lat",
    "limit": "at most this many events",
}
OTHER_PARAMS = {"format": "json, csv or geojson (else the Accept header decides)"}
MAX_LIMIT = 1_000_000


def parse_filter(
    params: Mapping[str, str], allowed: Mapping[str, str] = FILTER_PARAMS | OTHER_PARAMS
) -> EventFilter:
    """An EventFilter from query parameters; unknown or malformed parameters are a 400."""
    unknown = sorted(set(params) - set(allowed))
    if unknown:
        raise _bad(f"unknown parameter(s) {', '.join(unknown)}; known: {', '.join(allowed)}")
    date_from, date_to = _day(params, "date_from"), _day(params, "date_to")
    if date_from and date_to and date_from > date_to:
        raise _bad(f"date_from {date_from} is after date_to {date_to}")
    return EventFilter(
        date_from=date_from,
        date_to=date_to,
        country=_text(params, "country"),
        admin1=_text(params, "admin1"),
        event_type=_event_type(params),
        actor=_text(params, "actor"),
        bbox=_bbox(params),
        limit=_limit(params),
    )


def _bad(message: str) -> ApiError:
    return ApiError(400, "bad_filter", message)


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > 200:
        raise _bad(f"{name} is {len(value)} characters long; at most 200 are allowed")
    return value.strip()


def _day(params: Mapping[str, str], name: str) -> date | None:
    value = _text(params, name)
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _bad(f"{name}={value!r} is not a date; expected YYYY-MM-DD") from None


def _event_type(params: Mapping[str, str]) -> str | None:
    value = _text(params, "event_type")
    if value is None:
        return None
    known = [t["name"] for t in event_types()["event_type"]]
    for name in known:
        if name.lower() == value.lower():
            return name
    raise _bad(f"event_type={value!r} is not an ACLED event type; choose from: {', '.join(known)}")


def _bbox(params: Mapping[str, str]) -> tuple[float, float, float, float] | None:
    value = _text(params, "bbox")
    if value is None:
        return None
    parts = value.split(",")
    try:
        numbers = [float(p) for p in parts]
    except ValueError:
        numbers = []
    if len(numbers) != 4 or not all(math.isfinite(n) for n in numbers):
        raise _bad(f"bbox={value!r} must be four numbers: {FILTER_PARAMS['bbox']}")
    min_lon, min_lat, max_lon, max_lat = numbers
    if not (-180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90):
        raise _bad(
            f"bbox={value!r}: need -180 <= min_lon <= max_lon <= 180 and -90 <= min_lat <= max_lat <= 90"
        )
    return min_lon, min_lat, max_lon, max_lat


def _limit(params: Mapping[str, str]) -> int | None:
    value = _text(params, "limit")
    if value is None:
        return None
    if not value.isdigit() or not 1 <= int(value) <= MAX_LIMIT:
        raise _bad(f"limit={value!r} must be a whole number from 1 to {MAX_LIMIT:,}")
    return int(value)
