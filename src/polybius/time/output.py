"""Rows for `polybius dates`: one JSON-ready dict per temporal expression of a document."""

from __future__ import annotations

from polybius.nlp import Document
from polybius.time.recognize import find_times

ROW_FIELDS = ("document", "start", "end", "text", "type", "value", "time_precision")


def rows(document: Document) -> list[dict]:
    """{document, start, end, text, type, value, time_precision} for each expression, in text order."""
    return [
        {
            "document": expression.span.document,
            "start": expression.span.start,
            "end": expression.span.end,
            "text": expression.span.text,
            "type": expression.type,
            "value": expression.value,
            "time_precision": expression.time_precision,
        }
        for expression in find_times(document)
    ]
