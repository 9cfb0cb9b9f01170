"""Background and aggregate mentions, and their dates (never a single day at publication)."""

from datetime import date

from polybius.events.context import (
    aggregate_date, background_date, duration_days, has_background_words, is_aggregate, is_background,
    is_pluperfect,
)
from polybius.records import EventDate, PlaceMention, Span, TimeExpression

PUBLISHED = date(2014, 1, 25)


def token(doc, word):
    return next(t for t in doc if t.text == word)


def test_pluperfect_marks_background(nlp):
    assert is_pluperfect(token(nlp("The group said it had seized the town."), "seized"))
    assert is_pluperfect(token(nlp("Eleven soldiers had been killed in the raid."), "killed"))
    assert not is_pluperfect(token(nlp("Eleven soldiers were killed in the raid."), "killed"))


def test_anniversary_and_last_year_mark_background(nlp):
    assert has_background_words(nlp("Residents marked the anniversary of the massacre.")[:])
    assert has_background_words(nlp("Abou Zeid was killed in late February last year.")[:])
    assert not has_background_words(nlp("Troops killed eleven militants on Friday.")[:])


def test_an_old_anchor_marks_background(nlp):
    doc = nlp("The massacre of January 24, 2012 killed dozens of soldiers.")
    old = EventDate(date(2012, 1, 24), 1, Span("doc", 14, 30, "January 24, 2012"), "anchor")
    assert is_background(token(doc, "massacre"), old, PUBLISHED)
    recent = EventDate(date(2014, 1, 24), 1, None, "anchor")
    assert not is_background(token(doc, "massacre"), recent, PUBLISHED)
    # A publication-day default says nothing about age.
    assert not is_background(token(doc, "massacre"), EventDate(PUBLISHED, 1, None, "publication"), PUBLISHED)


def test_background_keeps_its_own_date_never_the_publication_day():
    own = EventDate(date(2013, 2, 23), 2, Span("doc", 0, 5, "late February last year"), "anchor")
    assert background_date(own) == own
    assert background_date(EventDate(PUBLISHED, 1, None, "publication")) is None


def test_aggregate_claims(nlp):
    assert is_aggregate(nlp("Several hundred militants were killed over the 26-day operation in Konna and Gao.")[:])
    assert is_aggregate(nlp("More than 60,000 people have died since the conflict began.")[:])
    assert not is_aggregate(nlp("Eleven militants were killed on Friday north of Timbuktu.")[:])


def test_aggregate_over_a_duration_spans_it_up_to_publication(nlp):
    text = "Several hundred militants were killed over the 26-day operation."
    doc = nlp(text)
    start = text.index("26-day")
    duration = TimeExpression(Span("doc", start, start + 6, "26-day"), "DURATION", "P26D")
    published = date(2013, 2, 5)
    dated = aggregate_date(EventDate(published, 1, None, "publication"), doc[:], [duration], published)
    assert dated.time_precision >= 2
    assert dated.day != published
    assert dated.day == date(2013, 1, 23)


def test_aggregate_since_a_day_spans_to_publication(nlp):
    doc = nlp("Forty soldiers have been killed since January 11.")
    since = EventDate(date(2013, 1, 11), 1, Span("doc", 0, 1, "January 11"), "anchor")
    dated = aggregate_date(since, doc[:], [], date(2013, 2, 5))
    assert dated.time_precision == 3 and date(2013, 1, 11) < dated.day < date(2013, 2, 5)


def test_aggregate_with_no_span_is_left_undated(nlp):
    doc = nlp("Thousands have died since the conflict began.")
    assert aggregate_date(EventDate(PUBLISHED, 1, None, "publication"), doc[:], [], PUBLISHED) is None
    month = EventDate(date(2014, 1, 15), 3, None, "anchor")
    assert aggregate_date(month, doc[:], [], PUBLISHED) == month


def test_duration_values():
    assert duration_days("P26D") == 26 and duration_days("P2W") == 14 and duration_days("PT5H") is None


def test_an_event_at_an_earlier_stage_of_a_campaign_is_background(make_document):
    from polybius.events import find_events

    for text in ("A medic was killed by a sniper at the beginning of the offensive.",
                 "Early in the war, rebels ambushed a supply convoy in the valley, killing nine soldiers."):
        [event] = find_events(make_document(text, published="2014-01-25"), [], [], [])
        assert event.background
        assert event.date is None  # no date of its own: never the publication day


def test_a_recalled_death_keeps_the_date_its_own_anchor_gives(make_document):
    from polybius.events import find_events

    text = "The army's only loss so far has been a soldier killed in an ambush at the start of the operation 19 days ago."
    start = text.index("19 days ago")
    ago = TimeExpression(Span("doc", start, start + 11, "19 days ago"), "DATE", "2014-01-06",
                         date(2014, 1, 6), date(2014, 1, 6), 1)
    [event] = find_events(make_document(text, published="2014-01-25"), [ago], [], [])
    assert event.background
    assert event.date.day == date(2014, 1, 6)


def test_a_campaign_that_kills_over_a_stated_length_is_aggregate(nlp):
    assert is_aggregate(nlp("The minister said the 40-day offensive has killed scores of fighters.")[:])
    assert not is_aggregate(nlp("The minister said a four-day siege ended with 38 hostages dead.")[:])


def test_deaths_over_weeks_of_fighting_are_aggregate(nlp):
    assert is_aggregate(nlp("The health ministry says 340 people were killed in the three weeks of fighting.")[:])
    assert is_aggregate(nlp("Gunmen stormed the city, setting off three weeks of fighting in which more than "
                            "200 people died.")[:])
    # Fighting that led up to the event is no tally of it, and the dead of a battle of a few days are its own.
    assert not is_aggregate(nlp("Taliban fighters captured Kunduz on Sunday after days of fighting.")[:])
    assert not is_aggregate(nlp("Troops entered the town after two days of fighting in which dozens of militants "
                                "were killed.")[:])


def test_a_present_perfect_tally_of_a_named_campaign_is_aggregate(nlp):
    tally = nlp("Nigerian troops have killed hundreds of insurgents in an operation to clear the Sambisa forest.")
    assert is_aggregate(tally[:], token(tally, "killed"))
    single = nlp("Nigerian troops killed twelve insurgents in an operation near Bama on Sunday.")
    assert not is_aggregate(single[:], token(single, "killed"))
    no_campaign = nlp("Gunmen have killed twelve villagers near Bama, residents said.")
    assert not is_aggregate(no_campaign[:], token(no_campaign, "killed"))


def _placed(doc, word, place):
    start = doc.text.index(word)
    return PlaceMention(Span("doc", start, start + len(word), word), place)


def test_one_clause_set_in_towns_far_apart_is_aggregate(nlp):
    from builders import GAO, KIDAL, NEAR_GAO

    far = nlp("The army said the rebels died in air strikes and in combat in Kidal and Gao.")
    assert is_aggregate(far[:], token(far, "died"), [_placed(far, "Kidal", KIDAL), _placed(far, "Gao", GAO)])
    close = nlp("The army said the rebels died in combat in Gao and Sossokoira.")
    assert not is_aggregate(close[:], token(close, "died"),
                            [_placed(close, "Gao", GAO), _placed(close, "Sossokoira", NEAR_GAO)])


def test_a_speech_day_does_not_open_a_tally(nlp):
    doc = nlp("On Tuesday the minister said hundreds of fighters had died in the war.")
    said = EventDate(date(2013, 2, 5), 1, None, "said-tuesday")
    assert aggregate_date(said, doc[:], [], date(2013, 2, 6)) is None
    since = EventDate(date(2013, 1, 11), 1, None, "anchor")
    assert aggregate_date(since, doc[:], [], date(2013, 2, 6)).time_precision >= 2


def test_a_relative_clause_without_a_date_of_its_own_is_background(nlp):
    doc = nlp("Boko Haram, which seized Bama before being driven out by the army, has regrouped.")
    assert is_background(token(doc, "driven"), EventDate(PUBLISHED, 1, None, "publication"), PUBLISHED)
    dated_doc = nlp("The militants, who attacked a checkpoint on Monday, were arrested.")
    monday = EventDate(date(2014, 1, 20), 1, None, "anchor")
    assert not is_background(token(dated_doc, "attacked"), monday, PUBLISHED)


def test_reported_speech_pluperfect_is_not_background(nlp):
    doc = nlp("The SDF said it had captured the village of Baghuz.")
    assert is_pluperfect(token(doc, "captured"))
    assert not is_background(token(doc, "captured"), EventDate(PUBLISHED, 1, None, "publication"), PUBLISHED)
    recalled = nlp("The village had been captured by the SDF.")
    assert is_background(token(recalled, "captured"), EventDate(PUBLISHED, 1, None, "publication"), PUBLISHED)
