"""explain: the sentence around an evidence span."""

from __future__ import annotations

from polybius.explain import sentence_around

TEXT = "Rebels fled. Troops entered Gao on Monday. Two soldiers died.\n\nA new paragraph."


def test_span_at_a_sentence_start_gives_that_sentence_only():
    start = TEXT.index("Troops")
    left, right = sentence_around(TEXT, start, start + 6)
    assert TEXT[left:right] == "Troops entered Gao on Monday."


def test_span_inside_a_sentence_and_across_a_paragraph_break():
    start = TEXT.index("Gao")
    assert TEXT[slice(*sentence_around(TEXT, start, start + 3))] == "Troops entered Gao on Monday."
    start = TEXT.index("new")
    assert TEXT[slice(*sentence_around(TEXT, start, start + 3))] == "A new paragraph."
