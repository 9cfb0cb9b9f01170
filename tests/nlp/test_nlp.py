"""The shared spaCy pipeline and our additions to it."""

from __future__ import annotations


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
