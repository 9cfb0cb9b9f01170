"""find_events end to end on hand-built times, places and actors; evidence spans slice to their text."""

from datetime import date

import pytest

from polybius.events import find_events
from polybius.records import Actor, ActorMention, Place, PlaceMention, Span, TimeExpression

TEXT = ("French and Malian troops clashed with Islamist rebels near Gao on Tuesday, the army said. "
        "Gunmen killed five civilians in a village near Menaka on Monday. "
        "The minister visited Paris.")


def span(text, phrase, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Span("doc", start, start + len(phrase), phrase)


@pytest.fixture
def inputs():
    gao = Place(2457161, "Gao", 16.27, -0.04, "ML", admin1="Gao")
    menaka = Place(2454532, "Ménaka", 15.92, 2.40, "ML", admin1="Ménaka")
    places = [PlaceMention(span(TEXT, "Gao"), gao, "near", 2), PlaceMention(span(TEXT, "Menaka"), menaka, "near", 2)]
    times = [
        TimeExpression(span(TEXT, "Tuesday"), "DATE", "2013-02-05", date(2013, 2, 5), date(2013, 2, 5), 1),
        TimeExpression(span(TEXT, "Monday"), "DATE", "2013-02-04", date(2013, 2, 4), date(2013, 2, 4), 1),
    ]
    actors = [
        ActorMention(span(TEXT, "French and Malian troops"), Actor("Military Forces of France", 1, "FR")),
        ActorMention(span(TEXT, "Malian troops"), Actor("Military Forces of Mali", 1, "ML")),
        ActorMention(span(TEXT, "Islamist rebels"), Actor("Islamist Militia", 3, None)),
        ActorMention(span(TEXT, "Gunmen"), Actor("Unidentified Armed Group", 3, None)),
        ActorMention(span(TEXT, "five civilians"), Actor("Civilians", 7, None)),
    ]
    return times, places, actors


def test_two_events_with_their_arguments(make_document, inputs):
    document = make_document(TEXT, published="2013-02-06")
    clash, attack = find_events(document, *inputs)
    assert (clash.event_type, clash.sub_event_type, clash.disorder_type) == ("Battles", "Armed clash", "Political violence")
    assert clash.actor1.actor.name == "Military Forces of France"
    assert clash.actor1.actor.inter == 8  # outside its own country: external forces (actors.localize)
    assert [m.actor.name for m in clash.assoc_actor_1] == ["Military Forces of Mali"]
    assert clash.actor2.actor.name == "Islamist Militia (Mali)"  # unnamed group gets the event's country
    assert clash.date.day == date(2013, 2, 5) and clash.place.place.name == "Gao"
    assert not clash.background and not clash.aggregate

    assert attack.sub_event_type == "Attack" and attack.civilian_targeting
    assert attack.actor1.actor.name == "Unidentified Armed Group (Mali)"
    assert attack.actor2.actor.name == "Civilians (Mali)"
    assert attack.date.day == date(2013, 2, 4) and attack.place.place.name == "Ménaka"


def test_ids_and_evidence_spans_slice_to_their_text(make_document, inputs):
    document = make_document(TEXT, published="2013-02-06")
    events = find_events(document, *inputs)
    assert len({e.id for e in events}) == len(events)
    for event in events:
        assert event.id == f"doc:{event.sentence.start}:0"
        for field, spans in event.evidence().items():
            for evidence in spans:
                assert TEXT[evidence.start:evidence.end] == evidence.text, field
        assert event.trigger.start >= event.sentence.start and event.trigger.end <= event.sentence.end


def test_background_event_is_never_dated_at_publication(make_document):
    text = "Abou Zeid had been killed by French troops in the Ifoghas mountains."
    document = make_document(text, published="2014-01-25")
    [event] = find_events(document, [], [], [])
    assert event.background
    assert event.date is None  # no anchor of its own: undated rather than coded at publication


def test_aggregate_claim_is_not_a_single_day(make_document):
    text = "Several hundred militants have been killed over the 26-day operation in Konna and Gao."
    duration = TimeExpression(span(text, "26-day"), "DURATION", "P26D")
    document = make_document(text, published="2013-02-05")
    [event] = find_events(document, [duration], [], [])
    assert event.aggregate
    assert event.date is not None and event.date.time_precision >= 2 and event.date.day != date(2013, 2, 5)


def test_non_events_make_no_mentions(make_document):
    document = make_document("The minister visited Paris. Germany's cabinet agreed to send trainers to Mali.")
    assert find_events(document, [], [], []) == []


def test_bad_input_is_a_clear_error():
    with pytest.raises(ValueError, match="expects a polybius.nlp.Document"):
        find_events("not a document", [], [], [])


def test_a_sentence_naming_no_party_place_date_or_toll_is_no_mention(make_document):
    text = "Women were beaten in the yard. Gunmen killed two herders near Mopti on Sunday."
    sunday = TimeExpression(span(text, "Sunday"), "DATE", "2013-02-03", date(2013, 2, 3), date(2013, 2, 3), 1)
    gunmen = ActorMention(span(text, "Gunmen"), Actor("Unidentified Armed Group", 3, None))
    events = find_events(make_document(text), [sunday], [], [gunmen])
    assert [e.sentence.text for e in events] == ["Gunmen killed two herders near Mopti on Sunday."]


def test_a_sentence_on_a_day_of_its_own_does_not_borrow_the_place_before(make_document):
    text = "Rebels said on Wednesday they had seized Bama. They also clashed with soldiers on Sunday."
    bama = Place(2347470, "Bama", 11.52, 13.69, "NG", admin1="Borno")
    times = [TimeExpression(span(text, "Wednesday"), "DATE", "2013-02-06", date(2013, 2, 6), date(2013, 2, 6), 1),
             TimeExpression(span(text, "Sunday"), "DATE", "2013-02-03", date(2013, 2, 3), date(2013, 2, 3), 1)]
    places = [PlaceMention(span(text, "Bama"), bama)]
    document = make_document(text, published="2013-02-06")
    clash = next(e for e in find_events(document, times, places, []) if e.trigger.text == "clashed")
    assert clash.place is None or clash.place.span.text != "Bama" or clash.place.relation == "article"
    same_day = "Rebels seized Bama on Sunday. They also clashed with soldiers on Sunday."
    times = [TimeExpression(span(same_day, "Sunday", i), "DATE", "2013-02-03", date(2013, 2, 3), date(2013, 2, 3), 1)
             for i in (0, 1)]
    document = make_document(same_day, published="2013-02-06")
    clash = next(e for e in find_events(document, times, [PlaceMention(span(same_day, "Bama"), bama)], [])
                 if e.trigger.text == "clashed")
    assert clash.place is not None and clash.place.span.text == "Bama" and clash.place.relation != "article"


def _follow_up(make_document, follow, times=()):
    text = "A suicide bomber blew himself up at a crowded market in Maiduguri. " + follow
    document = make_document(text, published="2019-03-04")
    maiduguri = Place(2331447, "Maiduguri", 11.85, 13.16, "NG", admin1="Borno")
    places = [PlaceMention(span(text, "Maiduguri"), maiduguri, "in", 2)]
    events = find_events(document, list(times), places, [])
    bombings = [e for e in events if e.sub_event_type == "Suicide bomb"]
    assert len(bombings) == 1
    return bombings[0], text, events


def test_the_toll_in_the_next_sentence_is_the_events_own(make_document):
    event, text, events = _follow_up(make_document, "At least 10 civilians were killed and 45 injured.")
    assert event.fatalities.best == 10
    assert events == [event]  # the toll is not an event of its own
    assert text[event.fatalities.spans[0].start:event.fatalities.spans[0].end].endswith("10 civilians")


def test_a_running_tally_in_the_next_sentence_is_not_the_events_toll(make_document):
    event, _, _ = _follow_up(make_document, "The insurgency has killed more than 30,000 people in the north-east.")
    assert event.fatalities is None


def test_a_next_sentence_with_a_day_of_its_own_keeps_its_toll(make_document):
    follow = "On Friday, 12 people were killed in the same market."
    start = len("A suicide bomber blew himself up at a crowded market in Maiduguri. ") + 3
    friday = TimeExpression(Span("doc", start, start + 6, "Friday"), "DATE", "2019-03-01",
                            date(2019, 3, 1), date(2019, 3, 1), 1)
    event, _, _ = _follow_up(make_document, follow, [friday])
    assert event.fatalities is None or event.fatalities.best != 12


def test_the_day_a_toll_was_revised_is_no_day_of_its_own(make_document):
    follow = "Authorities initially said 11 people died but on Monday revised the toll to 10."
    start = len("A suicide bomber blew himself up at a crowded market in Maiduguri. ") + follow.index("Monday")
    monday = TimeExpression(Span("doc", start, start + 6, "Monday"), "DATE", "2019-03-04",
                            date(2019, 3, 4), date(2019, 3, 4), 1)
    event, _, _ = _follow_up(make_document, follow, [monday])
    assert event.fatalities.best == 10


def test_a_toll_typed_as_an_event_of_its_own_joins_the_event_before(make_document):
    # The classifier types "Twelve villagers were killed" as an Attack; naming no party, place or day
    # of its own, it is the raid's toll, not a second event.
    text = "Gunmen stormed a village in Zamfara. Twelve villagers were killed, residents said."
    zamfara = Place(2595349, "Zamfara", 12.17, 6.25, "NG", admin1="Zamfara")
    [event] = find_events(make_document(text, published="2019-03-04"), [],
                          [PlaceMention(span(text, "Zamfara"), zamfara, "in", 3)], [])
    assert event.fatalities.best == 12
    assert event.sentence.text.startswith("Gunmen stormed")


def test_a_death_in_the_sentence_of_a_harmless_sub_type_is_not_its_count(make_document):
    # An arrest kills no one (ACLED): the two dead of the earlier clash are that clash's toll.
    text = ("Police arrested 14 opposition activists in Bulawayo on Monday over Saturday's clash "
            "with ruling party youths in which two people were killed.")
    bulawayo = Place(894701, "Bulawayo", -20.15, 28.58, "ZW", admin1="Bulawayo")
    mentions = find_events(make_document(text, published="2019-03-04"), [],
                           [PlaceMention(span(text, "Bulawayo"), bulawayo, "in", 3)], [])
    arrests = [m for m in mentions if m.sub_event_type == "Arrests"]
    assert arrests and all(m.fatalities is None for m in arrests)


def _protest_and_force(make_document, second, between=()):
    text = "Thousands of protesters marched through Lima on Saturday. " + second
    lima = Place(3936456, "Lima", -12.04, -77.03, "PE", admin1="Lima")
    saturday = TimeExpression(span(text, "Saturday"), "DATE", "2020-11-14", date(2020, 11, 14), date(2020, 11, 14), 1)
    times = [saturday] + [TimeExpression(span(text, phrase), kind, value, day, day, 1) for phrase, kind, value, day in between]
    places = [PlaceMention(span(text, "Lima"), lima, "in", 1)]
    if "Cusco" in text:
        cusco = Place(3941584, "Cusco", -13.53, -71.97, "PE", admin1="Cusco")
        places.append(PlaceMention(span(text, "Cusco"), cusco, "in", 1))
    mentions = find_events(make_document(text, published="2020-11-16"), times, places, [])
    assert len(mentions) == 2, [m.sentence.text for m in mentions]
    return mentions[1]


def test_a_sentence_that_dates_nothing_goes_on_with_the_scene_before(make_document):
    force = _protest_and_force(make_document, "Police fired live rounds at the marchers, killing three young men.")
    assert force.date.day == date(2020, 11, 14) and force.date.rule == "scene"
    assert force.date.span.text == "Saturday"


def test_the_scene_goes_on_across_a_sentence_with_a_clock_time_but_not_a_new_day(make_document):
    force = _protest_and_force(
        make_document, "The crowd reached the square around 1 a.m. Police fired live rounds at the marchers, "
        "killing three young men.", [("1 a.m.", "TIME", "2020-11-16T01:00", date(2020, 11, 16))])
    assert force.date.day == date(2020, 11, 14) and force.date.rule == "scene"
    force = _protest_and_force(
        make_document, "The interior minister spoke to reporters on Sunday. Police fired live rounds at the marchers, "
        "killing three young men.", [("Sunday", "DATE", "2020-11-15", date(2020, 11, 15))])
    assert force.date.rule == "publication"


def test_a_sentence_set_in_another_town_does_not_take_the_scene_s_day(make_document):
    force = _protest_and_force(make_document, "In Cusco, police fired live rounds at marchers, killing three men.")
    assert force.date.day == date(2020, 11, 16) and force.date.rule == "publication"


def test_a_town_inside_the_country_the_scene_named_as_a_whole_goes_on_with_its_day(make_document):
    text = ("Protests over bread prices spread across Sudan on Thursday. A student died during violent protests "
            "in al-Qadarif, a member of parliament said.")
    sudan = Place(366755, "Sudan", 16.0, 30.0, "SD", feature_code="PCLI")
    qadarif = Place(375550, "Al Qadarif", 14.03, 35.38, "SD", admin1="Al Qadarif")
    thursday = TimeExpression(span(text, "Thursday"), "DATE", "2018-12-20", date(2018, 12, 20), date(2018, 12, 20), 1)
    places = [PlaceMention(span(text, "Sudan"), sudan, "in", 3), PlaceMention(span(text, "al-Qadarif"), qadarif, "in", 1)]
    mentions = find_events(make_document(text, published="2018-12-21"), [thursday], places, [])
    died = next(m for m in mentions if "student" in m.sentence.text)
    assert died.date.day == date(2018, 12, 20) and died.date.rule == "scene"


@pytest.mark.parametrize(("second", "total"), [
    ("Four Taliban were also killed when troops returned fire.", 11),
    ("Four Taliban were killed when troops returned fire.", 7),  # may restate part of the toll: fusion keeps the fuller
])
def test_dead_also_killed_in_the_next_sentence_add_to_the_events_toll(make_document, second, total):
    text = "Taliban fighters attacked a checkpoint in Baghlan on Tuesday, killing seven policemen. " + second
    baghlan = Place(1147290, "Baghlan", 36.13, 68.70, "AF", admin1="Baghlan")
    tuesday = TimeExpression(span(text, "Tuesday"), "DATE", "2020-06-09", date(2020, 6, 9), date(2020, 6, 9), 1)
    mentions = find_events(make_document(text, published="2020-06-10"), [tuesday],
                           [PlaceMention(span(text, "Baghlan"), baghlan, "in", 1)], [])
    assert mentions[0].fatalities.best == total


def test_the_crowd_a_protest_always_has_does_not_make_a_sentence_specific(make_document):
    # ACLED's generic Protesters actor is added after the who-where-when check, not counted by it.
    text = "The march was peaceful. Police dispersed a protest in Bamako on Sunday."
    sunday = TimeExpression(span(text, "Sunday"), "DATE", "2013-02-03", date(2013, 2, 3), date(2013, 2, 3), 1)
    bamako = Place(2460596, "Bamako", 12.65, -8.0, "ML", admin1="Bamako")
    events = find_events(make_document(text), [sunday], [PlaceMention(span(text, "Bamako"), bamako)], [])
    assert [e.sentence.text for e in events] == ["Police dispersed a protest in Bamako on Sunday."]
    assert events[0].actor1.actor.name == "Protesters (Mali)"



def test_a_sentence_with_no_place_and_no_setting_still_gets_the_articles_country():
    from polybius.events.assemble import _Setting

    country = PlaceMention(span(TEXT, "Gao"), Place(2453866, "Mali", 17.0, -4.0, "ML", feature_class="A",
                                                   feature_code="PCLI"), "article", 3)
    assert _Setting(None, country).place_for(None) == country


@pytest.mark.parametrize(("text", "kind", "names_a_day"), [
    ("around 1 a.m.", "TIME", False), ("Tuesday night", "TIME", True), ("last night", "TIME", True),
    ("on Sunday", "DATE", True),
])
def test_a_clock_time_names_no_new_day(text, kind, names_a_day):
    from polybius.events.assemble import _names_a_day

    day = date(2020, 11, 15)
    assert _names_a_day(TimeExpression(Span("doc", 0, len(text), text), kind, "x", day, day, 1)) is names_a_day
