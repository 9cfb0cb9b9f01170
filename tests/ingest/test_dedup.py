"""Exact duplicates and paragraph-level near-duplicates."""

from __future__ import annotations

from polybius.ingest import ParagraphIndex, RawArticle, content_hash, link_repeats, prepare, signatures

SHARED = ("Mali said 11 of its troops were killed and 60 wounded after the battle at Konna last month "
          "but has not since released a new death toll.")
EDITED = ("Mali said 11 of its troops were killed and 60 wounded after the battle at Konna last month "
          "but it has not since released a new death toll.")


def _article(id_, *paragraphs):
    return prepare(RawArticle(text="\n\n".join(paragraphs), origin=id_, id=id_))


def test_content_hash_ignores_spacing_case_and_punctuation():
    assert content_hash("Troops  clashed, rebels fled.") == content_hash("troops clashed rebels fled")
    assert content_hash("Troops clashed") != content_hash("Troops did not clash")


def test_a_lightly_edited_paragraph_is_linked_to_the_one_it_repeats():
    index = ParagraphIndex()
    first = _article("a", "French jets struck depots around Kidal over the weekend, the ministry in Paris said.", SHARED)
    second = _article("b", "Chadian troops entered Kidal on Tuesday, a day after French forces secured its airport.", EDITED)
    link_repeats(first, signatures(first), index)
    linked = link_repeats(second, signatures(second), index)
    assert linked.paragraphs[0].repeats is None
    assert linked.paragraphs[1].repeats.document == "a" and linked.paragraphs[1].repeats.paragraph == 1
    assert linked.paragraphs[1].repeats.similarity > 0.6


def test_different_reporting_on_the_same_topic_is_not_linked():
    index = ParagraphIndex()
    first = _article("a", SHARED)
    other = _article("b", "The army said nine of its soldiers died in an ambush near Konna, and that reinforcements "
                          "had been sent from Mopti to hold the bridge.")
    link_repeats(first, signatures(first), index)
    assert link_repeats(other, signatures(other), index).paragraphs[0].repeats is None


def test_short_paragraphs_are_never_linked():
    index = ParagraphIndex()
    first, second = _article("a", "No one was hurt."), _article("b", "No one was hurt.")
    link_repeats(first, signatures(first), index)
    assert signatures(second) == [None]
    assert link_repeats(second, signatures(second), index).paragraphs[0].repeats is None
