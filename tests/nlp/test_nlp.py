"""The shared spaCy pipeline and our additions to it."""

from __future__ import annotations

import pytest

from polybius import nlp


def test_a_paragraph_break_always_ends_a_sentence(make_document):
    document = make_document("French army kills 11 militants in Mali\n\n25th January 2014\n\n"
                             "An offensive ended on Friday with 11 militants killed. A soldier was hurt.")
    sentences = [s.text.strip() for s in document.doc.sents]
    assert not any("\n" in s for s in sentences)
    assert sentences[0] == "French army kills 11 militants in Mali"
    assert "An offensive ended on Friday with 11 militants killed." in sentences


def test_document_spans_slice_the_article_text(make_document):
    document = make_document("Rebels attacked Gao on Tuesday.")
    span = document.span(16, 19)
    assert span.text == "Gao" and span.document == "doc"


@pytest.mark.parametrize(("text", "word", "expected"), [
    ("YANGON (Reuters) - Troops fired on marchers in Mandalay.", "YANGON", True),
    ("KABUL, June 10 — Gunmen attacked a checkpoint.", "June", True),
    ("SRINAGAR, Jan 12: Two militants were killed.", "SRINAGAR", True),
    ("Headline\n\nBAGHDAD (Test) - Iran fired missiles.", "BAGHDAD", True),
    ("YANGON (Reuters) - Troops fired on marchers in Mandalay.", "Mandalay", False),
    ("A Kano-based militia attacked a market on Monday.", "Kano", False),
    ("Troops retook Gao - the rebels fled.", "Gao", False),
])
def test_a_dateline_opens_a_paragraph_with_names_and_numbers_up_to_a_dash_or_colon(text, word, expected):
    doc = nlp.load()(text)
    assert nlp.in_dateline(doc, text.index(word)) is expected
