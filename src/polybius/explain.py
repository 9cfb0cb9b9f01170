"""`polybius explain EVENT_ID`: an event's fields, each with the sentences that support it."""

from __future__ import annotations

import re

from rich.console import Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from polybius.records import OUTPUT_COLUMNS
from polybius.store import Store

_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])|\n+")
# Evidence fields in the order an analyst reads an event.
FIELD_ORDER = ("event_type", "sub_event_type", "event_date", "actor1", "assoc_actor_1", "actor2",
               "assoc_actor_2", "location", "fatalities", "notes")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the sentence (or sentences) holding text[start:end]."""
    left = 0
    # Search one character past `start`: the boundary's lookahead must see the span's first letter.
    for match in _SENTENCE_END.finditer(text, 0, start + 1):
        if match.end() <= start:
            left = match.end()
    right_match = _SENTENCE_END.search(text, end)
    return left, right_match.start() if right_match else len(text)


def supporting_sentences(store: Store, evidence: dict) -> dict[str, list[dict]]:
    """For each field, the sentences its spans sit in, with the span's offsets inside the sentence."""
    texts: dict[str, str] = {}
    out: dict[str, list[dict]] = {}
    for field, spans in evidence.items():
        for span in spans:
            document = span["document"]
            if document not in texts:
                texts[document] = store.article(document).text
            text = texts[document]
            left, right = sentence_around(text, span["start"], span["end"])
            out.setdefault(field, []).append({
                "document": document, "sentence": text[left:right],
                "highlight": [span["start"] - left, span["end"] - left], "span": span})
    return out


def render(store: Store, event_id: str) -> Group:
    event = store.event(event_id)
    table = Table(show_header=False, box=None, pad_edge=False)
    table.add_column(style="bold cyan", no_wrap=True)
    table.add_column()
    for column in OUTPUT_COLUMNS:
        value = event.get(column)
        if column == "documents":
            value = "; ".join(value or [])
        if value not in (None, ""):
            table.add_row(column, str(value))
    parts = [Panel(table, title=f"event {event_id}")]
    support = supporting_sentences(store, event.get("evidence") or {})
    for field in sorted(support, key=lambda f: FIELD_ORDER.index(f) if f in FIELD_ORDER else 99):
        lines = []
        for item in support[field]:
            line = Text(f"[{item['document']}] ", style="dim")
            sentence = Text(item["sentence"])
            sentence.stylize("bold black on yellow", *item["highlight"])
            lines.append(line + sentence)
        parts.append(Panel(Group(*lines), title=f"{field}: {event.get(field, '')}", title_align="left"))
    for dispute in event.get("disputes") or []:
        claims = "\n".join(f"- {c.get('value')} ({c.get('document')}, published {c.get('published', '?')})"
                           for c in dispute.get("claims", []))
        parts.append(Panel(claims, title=f"dispute on {dispute['field']} ({dispute['kind']})",
                           title_align="left", border_style="red"))
    return Group(*parts)
