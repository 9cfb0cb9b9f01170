"""The stage's public functions other stages and the CLI call: normalize, rows."""

from __future__ import annotations

import json
from datetime import date

import pytest

from polybius.time import TimeValue, normalize, rows
from polybius.time.output import ROW_FIELDS


def test_normalize_a_bare_phrase():
    value = normalize("late February last year", date(2014, 1, 25))
    assert isinstance(value, TimeValue)
    assert (value.type, value.value, value.time_precision) == ("DATE", "2013-02", 2)


def test_normalize_returns_the_longest_expression():
    assert normalize("on the morning of 5 January 2013", None).value == "2013-01-05"


def test_normalize_without_a_date_gives_none():
    assert normalize("the soldiers went home", date(2013, 2, 6)) is None


def test_normalize_rejects_impossible_dates():
    assert normalize("February 30", date(2013, 2, 6)).value == "2013-02"  # only the month is real


def test_normalize_needs_text():
    with pytest.raises(ValueError, match="needs a str"):
        normalize(None, date(2013, 2, 6))


def test_normalize_needs_a_date():
    with pytest.raises(ValueError, match="published"):
        normalize("yesterday", "2013-02-06")


def test_rows_for_the_dates_command(make_document):
    document = make_document("Rebels attacked Gao yesterday and held it for 10 months.", doc_id="a1")
    found = rows(document)
    assert [tuple(row) for row in found] == [ROW_FIELDS, ROW_FIELDS]
    first, second = found
    assert first == {"document": "a1", "start": 20, "end": 29, "text": "yesterday", "type": "DATE",
                     "value": "2013-02-05", "time_precision": 1}
    assert (second["type"], second["value"], second["time_precision"]) == ("DURATION", "P10M", None)
    for row in found:
        assert document.article.text[row["start"]:row["end"]] == row["text"]
        json.dumps(row)  # JSONL-ready: plain types only
