"""Readers: every supported format, and each kind of bad input named with its file and line."""

from __future__ import annotations

import json
from datetime import date

import pytest

from polybius.errors import InputProblem, Problem
from polybius.ingest import Defaults, RawArticle, read_inputs

ARTICLE = "Gunmen attacked a police post near Maiduguri on Monday, killing three officers, police said."


def _items(*paths, defaults=Defaults()):
    return list(read_inputs(paths, defaults))


def _write_jsonl(path, *lines):
    path.write_bytes(b"\n".join(line if isinstance(line, bytes) else line.encode() for line in lines) + b"\n")
    return path


def test_jsonl_reads_all_fields(tmp_path):
    record = {"id": "a1", "text": ARTICLE, "published": "2019-03-04", "source": "Reuters", "title": "T", "url": "u"}
    (item,) = _items(_write_jsonl(tmp_path / "a.jsonl", json.dumps(record)))
    assert item == RawArticle(text=ARTICLE, origin=f"{tmp_path / 'a.jsonl'}:1", id="a1",
                              published=date(2019, 3, 4), source="Reuters", title="T", url="u")


def test_only_text_is_required_and_defaults_fill_in(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", json.dumps({"text": ARTICLE}))
    (item,) = _items(path, defaults=Defaults(published=date(2020, 1, 2), source="AFP"))
    assert item.id is None and item.published == date(2020, 1, 2) and item.source == "AFP"


def test_malformed_jsonl_line_is_named_and_the_rest_is_read(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", json.dumps({"text": ARTICLE}), '{"text": "broken', json.dumps({"text": ARTICLE + " Again."}))
    items = _items(path)
    assert [type(i) for i in items] == [RawArticle, InputProblem, RawArticle]
    assert items[1].problem is Problem.BAD_JSON and f"{path}:2" in str(items[1])


@pytest.mark.parametrize("record, problem", [
    ({"text": ARTICLE, "published": "05/02/2013"}, Problem.BAD_DATE),
    ({"text": ARTICLE, "published": "2013-02-30"}, Problem.BAD_DATE),
    ({"text": "   "}, Problem.EMPTY),
    ({"title": "no text"}, Problem.EMPTY),
    ({"text": 42}, Problem.BAD_FIELD),
    ({"text": ARTICLE, "source": ["AFP"]}, Problem.BAD_FIELD),
    (["not", "an", "object"], Problem.NOT_AN_OBJECT),
])
def test_bad_records_are_reported_by_line(tmp_path, record, problem):
    path = _write_jsonl(tmp_path / "a.jsonl", json.dumps({"text": ARTICLE}), json.dumps(record))
    items = _items(path)
    assert isinstance(items[0], RawArticle)
    assert isinstance(items[1], InputProblem) and items[1].problem is problem
    assert items[1].where == f"{path}:2"


def test_bad_date_message_names_value_and_field(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", json.dumps({"text": ARTICLE, "published": "yesterday"}))
    (item,) = _items(path)
    assert "'yesterday'" in str(item) and '"published"' in str(item) and "YYYY-MM-DD" in str(item)


def test_invalid_utf8_line_is_skipped_with_offset(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", b'{"text": "caf\xe9 attack"}', json.dumps({"text": ARTICLE}))
    items = _items(path)
    assert items[0].problem is Problem.BAD_UTF8 and "byte 13" in str(items[0])
    assert isinstance(items[1], RawArticle)


def test_invalid_utf8_text_file(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"Soldiers were killed in \xff\xfe Gao.")
    (item,) = _items(path)
    assert item.problem is Problem.BAD_UTF8 and str(path) in str(item)


def test_binary_file_is_refused(tmp_path):
    path = tmp_path / "image.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (item,) = _items(path)
    assert item.problem is Problem.BINARY and str(path) in str(item)


def test_fifty_megabyte_file_is_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.write(b"Rebels attacked. " * 1000)
        f.truncate(50_000_000)  # the rest is sparse: cheap to make, slow for a reader that loads it
    (item,) = _items(path)
    assert item.problem is Problem.TOO_LARGE and "50.0 MB" in str(item)


def test_overlong_jsonl_article_is_refused(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", json.dumps({"text": "word " * 300_000}))
    (item,) = _items(path)
    assert item.problem is Problem.TOO_LARGE


def test_unreadable_file(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)
    real_open = type(path).open

    def refuse(self, *args, **kwargs):  # root reads anything, so permission errors are simulated
        if self.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(type(path), "open", refuse)
    (item,) = _items(path)
    assert item.problem is Problem.UNREADABLE and "Permission denied" in str(item) and str(path) in str(item)


def test_missing_path_and_unsupported_extension(tmp_path):
    (tmp_path / "notes.docx").write_text("x")
    missing, unsupported = _items(tmp_path / "nope.jsonl", tmp_path / "notes.docx")
    assert missing.problem is Problem.NOT_FOUND and unsupported.problem is Problem.UNSUPPORTED


def test_directory_of_text_and_html_files(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.html").write_text(
        "<html><head><title>Attack in Borno</title></head><body><nav>Home | World | Sport</nav><article>"
        f"<p>{ARTICLE}</p><p>Residents said the attackers arrived on motorcycles and fled into the bush "
        "after a gun battle that lasted about an hour.</p></article><footer>Copyright 2019</footer></body></html>")
    (tmp_path / "ignored.docx").write_text("x")
    items = _items(tmp_path, defaults=Defaults(published=date(2019, 3, 5)))
    assert [type(i) for i in items] == [RawArticle, RawArticle]
    text_item, html_item = sorted(items, key=lambda i: i.origin.endswith(".html"))
    assert text_item.text == ARTICLE and text_item.published == date(2019, 3, 5)
    assert "Gunmen attacked" in html_item.text and "Home | World" not in html_item.text
    assert html_item.title == "Attack in Borno"


def test_html_without_article_text(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><body><nav>Home</nav></body></html>")
    (item,) = _items(path)
    assert item.problem is Problem.NO_HTML_TEXT


def test_csv_with_date_column(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text('"",date,text,source\n"1",2019-04-10,"' + ARTICLE + '",Guardian\n"2",not-a-date,"x y z",Guardian\n')
    first, second = _items(path)
    assert first.published == date(2019, 4, 10) and first.source == "Guardian"
    assert second.problem is Problem.BAD_DATE and f"{path}:3" in str(second)


def test_csv_without_text_column(tmp_path):
    path = tmp_path / "news.csv"
    path.write_text("date,body\n2019-01-01,hello\n")
    (item,) = _items(path)
    assert item.problem is Problem.NO_TEXT_COLUMN


def test_json_array_document(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": ARTICLE}, {"text": ""}]))
    ok, bad = _items(path)
    assert isinstance(ok, RawArticle) and bad.problem is Problem.EMPTY and f"{path}[1]" in str(bad)


def test_toponym_spans_are_read(tmp_path):
    path = _write_jsonl(tmp_path / "a.jsonl", json.dumps({"text": ARTICLE, "toponyms": [{"start": 37, "end": 46}]}))
    (item,) = _items(path)
    assert item.toponyms == ((37, 46),)
