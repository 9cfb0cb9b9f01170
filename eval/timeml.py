"""Read TimeML (.tml) files: plain text, document creation time, and gold TIMEX3 offsets in the text.

Used by eval/timebank.py only; the polybius package never reads TimeML.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)((?:\s+[^>]*?)?)\s*(/?)>")
ATTRIBUTE = re.compile(r'([A-Za-z_]+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str
    function: str  # functionInDocument: CREATION_TIME for the document's own date


@dataclass(frozen=True, slots=True)
class TimeMLDocument:
    name: str
    text: str
    created: date
    timexes: tuple[GoldTimex, ...]


def _section(source: str, tag: str, name: str) -> str:
    match = re.search(rf"<{tag}>(.*?)</{tag}>", source, re.DOTALL)
    if match is None:
        raise ValueError(f"{name}: no <{tag}> section")
    return match.group(1)


def parse(source: str, name: str = "<tml>") -> TimeMLDocument:
    """Strip the tags of the <TEXT> section, keeping each TIMEX3's offsets in the plain text."""
    dct = ATTRIBUTE.findall(_section(source, "DCT", name))
    created = date.fromisoformat(dict(dct)["value"][:10])
    body = _section(source, "TEXT", name)
    pieces: list[str] = []
    length = 0
    open_timexes: list[tuple[int, dict[str, str]]] = []
    timexes: list[GoldTimex] = []
    position = 0
    for match in TAG.finditer(body):
        chunk = html.unescape(body[position:match.start()])
        pieces.append(chunk)
        length += len(chunk)
        position = match.end()
        closing, tag, attributes, self_closing = match.groups()
        if tag != "TIMEX3" or self_closing:
            continue
        if not closing:
            open_timexes.append((length, dict(ATTRIBUTE.findall(attributes))))
            continue
        start, attrs = open_timexes.pop()
        text = "".join(pieces)[start:length]
        timexes.append(GoldTimex(start, length, text, attrs.get("type", ""), attrs.get("value", ""),
                                 attrs.get("functionInDocument", "NONE")))
    pieces.append(html.unescape(body[position:]))
    return TimeMLDocument(name, "".join(pieces), created, tuple(timexes))


def read(path: Path) -> TimeMLDocument:
    return parse(path.read_text(encoding="utf-8"), path.name)
