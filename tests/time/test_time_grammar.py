"""The data file and the patterns built from it."""

from __future__ import annotations

import tomllib

import pytest

from polybius.time.grammar import build_grammar, grammar, select
from polybius.time.lexicon import DATA_FILE, TimeDataError, build, load
from polybius.time.resolve import RULES

SAMPLE = (
    "Kidal, 25th January 2014 - Rebels attacked on Tuesday night and again yesterday morning, "
    "27 days ago, in late February last year, over the weekend and earlier this month. The 26-day "
    "operation, which began on Jan. 5, 2013, ended a year ago; the third quarter and the 1990s, "
    "every Friday at 3 p.m., now and then, the previous day and the day before yesterday, in the "
    "1990's, the 20th century, year-end and the year-earlier quarter."
)


def _data() -> dict:
    with DATA_FILE.open("rb") as handle:
        return tomllib.load(handle)


def test_every_pattern_names_a_known_rule():
    assert {p.rule for p in load().patterns} <= set(RULES)


def test_every_pattern_compiles():
    assert len(grammar().regexes) == len(load().patterns)


def test_key_windows_find_what_a_full_scan_finds():
    # Patterns run only near their key words, for speed; the matches must not change.
    gram = grammar()
    windowed = sorted((c.start, c.end, c.pattern) for c in gram.scan(SAMPLE))
    full = sorted(
        (m.start(), m.end(), index)
        for index, regex in enumerate(gram.regexes)
        for m in regex.finditer(SAMPLE)
        if m.end() > m.start()
    )
    assert windowed == full
    assert len(windowed) > 20


def test_longest_match_wins():
    text = "It happened in late February last year."
    assert [text[c.start:c.end] for c in select(grammar().scan(text))] == ["late February last year"]


def test_unknown_word_class_is_a_clear_error():
    data = _data()
    data["patterns"] = [{"name": "broken", "rule": "date", "pattern": "{nonsense} day"}]
    with pytest.raises(TimeDataError, match=r"broken.*unknown word class \{nonsense\}"):
        build_grammar(build(data))


def test_bad_regular_expression_is_a_clear_error():
    data = _data()
    data["patterns"] = [{"name": "unbalanced", "rule": "date", "pattern": "({month}"}]
    with pytest.raises(TimeDataError, match="unbalanced.*does not compile"):
        build_grammar(build(data))


def test_relative_words_need_an_anchor_kind():
    data = _data()
    data["relatives"]["yonder"] = {"offset": -1}
    with pytest.raises(TimeDataError, match="yonder"):
        build(data)


def test_new_words_extend_the_stage_without_code():
    # A user adds a relative word to the data: the same patterns now read it.
    data = _data()
    data["relatives"]["the prior"] = {"offset": -1, "anchor": "discourse"}
    gram = build_grammar(build(data))
    matched = ["Talks failed; the prior week, fighting stopped."[c.start:c.end]
               for c in select(gram.scan("Talks failed; the prior week, fighting stopped."))]
    assert "the prior week" in matched
