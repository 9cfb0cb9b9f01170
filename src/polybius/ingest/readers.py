"""Readers: files and directories of JSONL, JSON, CSV, text and HTML → raw article records.

A reader never stops at bad input: it yields an InputProblem naming the file (and line) and goes on
with the rest. Whether a problem is fatal is the caller's decision (--strict).
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from polybius.errors import InputProblem, Problem

# One article is a few thousand words; anything past these limits is not an article (and a 50 MB
# "article" would stall the parser), so it is refused with a message instead.
MAX_FILE_BYTES = 5_000_000  # one .txt or .html file
MAX_ARTICLE_CHARS = 1_000_000  # one article's text, from any format
SNIFF_BYTES = 8192
MIN_HTML_WORDS = 5  # less than this from a page is navigation the extractor fell back on, not an article
SUPPORTED = {".jsonl", ".ndjson", ".json", ".csv", ".txt", ".text", ".html", ".htm"}


@dataclass(frozen=True, slots=True)
class Defaults:
    """Values for articles that do not carry their own (CLI --published, --source)."""

    published: date | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class RawArticle:
    text: str
    origin: str
    id: str | None = None
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None
    toponyms: tuple[tuple[int, int], ...] | None = None  # spans of the raw text to geocode as given


Item = RawArticle | InputProblem


def read_inputs(paths: Iterable[str | Path], defaults: Defaults = Defaults()) -> Iterator[Item]:
    """Every article (or problem) under the given files and directories, in a stable order."""
    for path in paths:
        if str(path) == "-":
            yield from _read_jsonl_lines(sys.stdin.buffer, "<stdin>", defaults)
            continue
        path = Path(path)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.suffix.lower() in SUPPORTED and not child.name.startswith("."):
                    yield from read_file(child, defaults)
        elif path.exists():
            yield from read_file(path, defaults)
        else:
            yield InputProblem(Problem.NOT_FOUND, str(path))


def read_records(records: Iterable[object], origin: str, defaults: Defaults = Defaults()) -> Iterator[Item]:
    """Articles given as already-parsed JSON objects (e.g. the body of POST /articles)."""
    for index, record in enumerate(records):
        yield _from_record(record, f"{origin}[{index}]", defaults)


def read_file(path: Path, defaults: Defaults = Defaults()) -> Iterator[Item]:
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield InputProblem(Problem.UNSUPPORTED, str(path), detail=repr(suffix or "(none)"))
        return
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
            if b"\x00" in head:
                yield InputProblem(Problem.BINARY, str(path), offset=head.index(b"\x00"))
                return
            stream.seek(0)
            if suffix in {".jsonl", ".ndjson"}:
                yield from _read_jsonl_lines(stream, str(path), defaults)
                return
            size = path.stat().st_size
            if suffix in {".txt", ".text", ".html", ".htm"} and size > MAX_FILE_BYTES:
                yield InputProblem(Problem.TOO_LARGE, str(path), size=_megabytes(size),
                                   limit=_megabytes(MAX_FILE_BYTES))
                return
            data = stream.read()
    except OSError as exc:
        yield InputProblem(Problem.UNREADABLE, str(path), detail=exc.strerror or str(exc))
        return
    if suffix in {".html", ".htm"}:
        yield from _read_html(data, str(path), defaults)
        return
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        yield InputProblem(Problem.BAD_UTF8, str(path), offset=exc.start, detail=exc.reason)
        return
    if suffix == ".json":
        yield from _read_json_document(text, str(path), defaults)
    elif suffix == ".csv":
        yield from _read_csv(text, str(path), defaults)
    else:
        yield _checked(RawArticle(text=text, origin=str(path), published=defaults.published,
                                  source=defaults.source))


def _read_jsonl_lines(stream: io.BufferedIOBase, name: str, defaults: Defaults) -> Iterator[Item]:
    for number, line in enumerate(stream, start=1):
        where = f"{name}:{number}"
        if not line.strip():
            continue
        if b"\x00" in line:
            yield InputProblem(Problem.BINARY, where, offset=line.index(b"\x00"))
            continue
        try:
            decoded = line.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError as exc:
            yield InputProblem(Problem.BAD_UTF8, where, offset=exc.start, detail=exc.reason)
            continue
        try:
            record = json.loads(decoded)
        except json.JSONDecodeError as exc:
            yield InputProblem(Problem.BAD_JSON, where, detail=f"{exc.msg} at column {exc.colno}")
            continue
        yield _from_record(record, where, defaults)


def _read_json_document(text: str, name: str, defaults: Defaults) -> Iterator[Item]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield InputProblem(Problem.BAD_JSON, f"{name}:{exc.lineno}", detail=f"{exc.msg} at column {exc.colno}")
        return
    records = data if isinstance(data, list) else [data]
    for index, record in enumerate(records):
        yield _from_record(record, f"{name}[{index}]" if isinstance(data, list) else name, defaults)


def _read_csv(text: str, name: str, defaults: Defaults) -> Iterator[Item]:
    csv.field_size_limit(MAX_ARTICLE_CHARS * 4)
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if "text" not in (reader.fieldnames or []):
        yield InputProblem(Problem.NO_TEXT_COLUMN, name, detail=", ".join(reader.fieldnames or []) or "none")
        return
    try:
        for row in reader:
            yield _from_record({k: v for k, v in row.items() if k}, f"{name}:{reader.line_num}", defaults)
    except csv.Error as exc:
        yield InputProblem(Problem.BAD_FIELD, f"{name}:{reader.line_num}", field="csv", detail=str(exc))


def _read_html(data: bytes, name: str, defaults: Defaults) -> Iterator[Item]:
    import trafilatura  # imported here: only HTML input pays for it

    extracted = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    text = getattr(extracted, "text", None) if extracted is not None else None
    if not text or len(text.split()) < MIN_HTML_WORDS:
        yield InputProblem(Problem.NO_HTML_TEXT, name)
        return
    published = _parse_date(getattr(extracted, "date", None)) or defaults.published
    yield _checked(RawArticle(text=text, origin=name, published=published, source=defaults.source,
                              title=getattr(extracted, "title", None), url=getattr(extracted, "url", None)))


def _from_record(record: object, where: str, defaults: Defaults) -> Item:
    if not isinstance(record, dict):
        return InputProblem(Problem.NOT_AN_OBJECT, where, detail=type(record).__name__)
    text = record.get("text")
    if text is None or (isinstance(text, str) and not text.strip()):
        return InputProblem(Problem.EMPTY, where, detail=' ("text" is missing or blank)')
    if not isinstance(text, str):
        return InputProblem(Problem.BAD_FIELD, where, field="text", detail=f"expected a string, got {type(text).__name__}")
    strings = {}
    for field in ("id", "source", "title", "url"):
        value = record.get(field)
        if isinstance(value, int) and field == "id" and not isinstance(value, bool):
            value = str(value)
        if value is not None and not isinstance(value, str):
            return InputProblem(Problem.BAD_FIELD, where, field=field,
                                detail=f"expected a string, got {type(value).__name__}")
        strings[field] = value.strip() if isinstance(value, str) and value.strip() else None
    date_field = "published" if record.get("published") not in (None, "") else "date"
    raw_date = record.get(date_field)
    published = defaults.published
    if raw_date not in (None, ""):
        published = _parse_date(raw_date)
        if published is None:
            return InputProblem(Problem.BAD_DATE, where, value=raw_date, field=date_field)
    toponyms = record.get("toponyms")
    if toponyms is not None:
        try:
            toponyms = tuple((int(t["start"]), int(t["end"])) for t in toponyms)
        except (TypeError, KeyError, ValueError):
            return InputProblem(Problem.BAD_FIELD, where, field="toponyms",
                                detail='expected a list of {"start": int, "end": int}')
    return _checked(RawArticle(text=text, origin=where, id=strings["id"], published=published,
                               source=strings["source"] or defaults.source, title=strings["title"],
                               url=strings["url"], toponyms=toponyms))


def _parse_date(value: object) -> date | None:
    """YYYY-MM-DD, or an ISO timestamp whose date part is taken; anything else is not a date."""
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _checked(raw: RawArticle) -> Item:
    if not raw.text.strip():
        return InputProblem(Problem.EMPTY, raw.origin, detail="")
    if len(raw.text) > MAX_ARTICLE_CHARS:
        return InputProblem(Problem.TOO_LARGE, raw.origin, size=f"{len(raw.text):,} characters",
                            limit=f"{MAX_ARTICLE_CHARS:,}-character")
    return raw


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"
