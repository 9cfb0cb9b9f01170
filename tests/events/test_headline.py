"""A headline that restates its lede yields no mention of its own."""

from datetime import date

from polybius.events import find_events
from polybius.events.headline import headline_and_lede, is_headline_like, paragraphs
from polybius.records import Article, Paragraph


def article(text, title=None):
    return Article(id="doc", text=text, published=date(2015, 3, 4), title=title)


def test_headline_like_paragraphs():
    assert is_headline_like("Soldiers kill 14 rebels in northern raid")
    assert not is_headline_like("Soldiers killed 14 rebels in a raid on Tuesday.")
    assert is_headline_like("Soldiers killed 14 rebels in a raid on Tuesday.", title="Soldiers killed 14 rebels in a raid on Tuesday")
    assert not is_headline_like(" ".join(["word"] * 25))


def test_headline_lede_and_dateline():
    text = ("Rebels seize aid workers on Kivu road\n\n4 March 2015, 2 comments\n\n"
            "Armed men abducted four aid workers near Rutshuru on Monday, their agency said.\n\nMore follows.")
    headline, lede = headline_and_lede(article(text))
    assert text[slice(*headline)] == "Rebels seize aid workers on Kivu road"
    assert text[slice(*lede)].startswith("Armed men abducted")  # the dateline is skipped


def test_paragraphs_from_ingest_are_used_when_present():
    text = "Headline here\nBody sentence one."
    given = Article(id="doc", text=text, paragraphs=(Paragraph(0, 0, 13), Paragraph(1, 14, len(text))))
    assert paragraphs(given) == [(0, 13), (14, len(text))]


def test_no_headline_without_a_second_paragraph_or_when_the_first_is_a_sentence():
    assert headline_and_lede(article("Gunmen killed five herders near Mopti on Sunday.")) == (None, None)
    text = "Gunmen killed five herders near Mopti on Sunday.\n\nThe army sent a patrol."
    assert headline_and_lede(article(text)) == (None, None)


def test_a_restating_headline_is_dropped_but_a_new_event_in_it_is_kept(make_document):
    restated = ("Soldiers kill 14 rebels in northern raid\n\n"
                "Government soldiers killed 14 rebels in a raid on a camp north of Goma on Tuesday, an army spokesman said.")
    events = find_events(make_document(restated, published="2015-03-04"), [], [], [])
    assert [e.sentence.text[:10] for e in events] == ["Government"]

    different = ("Police shoot dead three protesters in Goma\n\n"
                 "Government soldiers killed 14 rebels in a raid on a camp north of Goma on Tuesday, an army spokesman said.")
    events = find_events(make_document(different, published="2015-03-04"), [], [], [])
    assert {e.event_type for e in events} == {"Protests", "Battles"}
