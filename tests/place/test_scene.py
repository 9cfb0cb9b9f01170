"""Places an article names that are no event's scene: set aside by find_places, skipped by place_event."""

import pytest

from place_fixtures import gazetteer, places_of  # noqa: F401 (fixtures)

from polybius.place import place_event


def _trigger(document, word):
    return next(t for t in document.doc if t.text == word)


def _mention(mentions, text):
    return next(m for m in mentions if m.span.text == text)


def _event_place(places_of, gazetteer, text, trigger):
    document, mentions = places_of(text)
    return place_event(document, _trigger(document, trigger), mentions, gazetteer), mentions


# --- a government or its people -------------------------------------------------------------------


def test_a_country_owning_a_loss_is_not_where_it_happened(places_of, gazetteer):
    text = "Fighting went on near Tessalit on Sunday. Britain's only casualty so far was a medic killed by a mine."
    chosen, mentions = _event_place(places_of, gazetteer, text, "killed")
    assert _mention(mentions, "Britain").relation == "aside"
    assert chosen.span.text == "Tessalit"  # the sentence before names the scene


def test_a_country_in_front_of_its_troops_or_bases_says_whose_not_where(places_of, gazetteer):
    text = "Missiles hit two bases in Iraq on Wednesday. The missiles hit two Iraqi bases hosting US troops."
    chosen, mentions = _event_place(places_of, gazetteer, text, "hosting")
    assert _mention(mentions, "US").relation == "aside"
    assert chosen.span.text == "Iraq"  # the sentence before names the scene


@pytest.mark.parametrize("text, trigger", [
    ("A militant was killed in a US strike on Monday.", "killed"),
    ("A jet was shot down by rebels using a missile supplied by the US.", "shot"),
])
def test_a_country_behind_a_strike_or_as_an_agent_says_who_not_where(places_of, gazetteer, text, trigger):
    chosen, mentions = _event_place(places_of, gazetteer, text, trigger)
    assert chosen is None and _mention(mentions, "US").relation == "aside"


@pytest.mark.parametrize("text, home", [
    ("Ruhul Amin, from Aberdeen, was killed in an air strike on Raqqa.", "Aberdeen"),
    ("Dean Evans, 22, a dairy farmer from Reading, was killed in an air strike on Raqqa.", "Reading"),
    ("Anna Campbell, 26, from Lewes, East Sussex, was killed in an air strike on Raqqa.", "East Sussex"),
    ("Master Sgt Johnathan J Dunbar from Austin, Texas, was killed in an air strike on Raqqa.", "Austin"),
])
def test_where_a_person_comes_from_is_not_the_scene(places_of, gazetteer, text, home):
    chosen, mentions = _event_place(places_of, gazetteer, text, "killed")
    assert _mention(mentions, home).relation == "aside"
    assert chosen.place.name == "Ar Raqqah"


def test_what_is_withdrawn_from_is_still_the_scene(places_of, gazetteer):
    chosen, _ = _event_place(places_of, gazetteer, "The withdrawal of troops from Kidal began on Monday.",
                             "withdrawal")
    assert chosen.place.name == "Kidal"


def test_the_place_of_the_event_an_attack_answers_is_not_the_attacks(places_of, gazetteer):
    text = ("Missiles struck two bases on Wednesday, in retaliation for the killing of a general "
            "in a drone strike in Baghdad.")
    chosen, _ = _event_place(places_of, gazetteer, text, "struck")
    assert chosen is None
    chosen, _ = _event_place(places_of, gazetteer, "Rebels attacked Gao on Sunday, after an ambush near Kidal.",
                             "attacked")
    assert chosen.span.text == "Gao"
    chosen, _ = _event_place(places_of, gazetteer,
                             "The president dissolved the militia on Sunday after gunmen killed 160 people in Mopti.",
                             "dissolved")
    assert chosen is None


def test_a_dateline_is_where_the_story_was_filed(places_of, gazetteer):
    text = "YANGON (Reuters) - Security forces opened fire on protesters in Mandalay on Sunday."
    chosen, mentions = _event_place(places_of, gazetteer, text, "fire")
    assert chosen.span.text == "Mandalay"
    chosen, _ = _event_place(places_of, gazetteer, "KABUL, June 10 — Gunmen attacked a checkpoint overnight.",
                             "attacked")
    assert chosen is None or chosen.span.text != "KABUL"


def test_a_capital_owning_a_request_stands_for_its_government(places_of, gazetteer):
    chosen, mentions = _event_place(places_of, gazetteer,
                                    "Gunmen stormed a police post on Friday, hours after Nairobi's call for calm.",
                                    "stormed")
    assert chosen is None and _mention(mentions, "Nairobi").relation == "aside"


def test_a_country_owning_a_part_of_itself_is_the_place(places_of, gazetteer):
    chosen, _ = _event_place(places_of, gazetteer, "Protesters clashed with police in Mali's north on Sunday.",
                             "clashed")
    assert chosen.place.feature_code == "PCLI" and chosen.geo_precision == 3


def test_a_country_owning_a_named_site_gives_way_to_it(places_of, gazetteer):
    chosen, mentions = _event_place(places_of, gazetteer, "Militants stormed Algeria's In Amenas gas plant at dawn.",
                                    "stormed")
    assert _mention(mentions, "Algeria").relation == "aside"
    assert chosen is not None and "Amenas" in chosen.span.text


def test_a_country_as_the_subject_of_a_verb_of_deciding_is_aside(places_of, gazetteer):
    chosen, mentions = _event_place(places_of, gazetteer, "Pakistan denied any role in the bombing.", "bombing")
    assert chosen is None and _mention(mentions, "Pakistan").relation == "aside"


def test_a_capital_rocked_by_a_bomb_is_the_scene(places_of, gazetteer):
    chosen, _ = _event_place(places_of, gazetteer, "Kabul was rocked by a car bomb on Monday.", "bomb")
    assert chosen.place.name == "Kabul" and chosen.geo_precision == 1


# --- where a speaker was, what someone is ---------------------------------------------------------


@pytest.mark.parametrize("text, trigger, speaker", [
    ("A police officer was shot dead on Tuesday, the interior minister told reporters in London.", "shot", "London"),
    ("A spokesman in Kabul said ten people were killed.", "killed", "Kabul"),
])
def test_where_a_speaker_was_is_not_the_scene(places_of, gazetteer, text, trigger, speaker):
    chosen, mentions = _event_place(places_of, gazetteer, text, trigger)
    assert chosen is None and _mention(mentions, speaker).relation == "aside"


def test_the_speakers_town_gives_way_to_the_reported_one(places_of, gazetteer):
    chosen, _ = _event_place(places_of, gazetteer, "Police in Lagos said gunmen had killed four people in Ibadan.",
                             "killed")
    assert chosen.place.name == "Ibadan"


@pytest.mark.parametrize("text, name", [
    ("Gunmen from a group based in Niger attacked a market.", "Niger"),
    ("A Kano-based militia attacked a market on Monday.", "Kano"),
    ("Hundreds of fighters surrendered to the US-backed Syrian Democratic Forces on Tuesday.", "US"),
    ("A Turkey-funded militia attacked a market on Monday.", "Turkey"),
    ("Rebels from Kidal attacked a market on Monday.", "Kidal"),
])
def test_a_place_that_describes_a_group_is_not_the_scene(places_of, gazetteer, text, name):
    trigger = "surrendered" if "surrendered" in text else "attacked"
    chosen, mentions = _event_place(places_of, gazetteer, text, trigger)
    assert chosen is None and _mention(mentions, name).relation == "aside"


# --- destinations and routes -----------------------------------------------------------------------


def test_a_destination_inside_a_noun_phrase_is_aside(places_of, gazetteer):
    text = "Thousands marched on Sunday against the extradition of activists to Russia."
    chosen, mentions = _event_place(places_of, gazetteer, text, "marched")
    assert chosen is None and _mention(mentions, "Russia").relation == "aside"


def test_a_destination_of_another_verb_is_not_the_scene(places_of, gazetteer):
    chosen, _ = _event_place(places_of, gazetteer,
                             "Thousands marched on Sunday against a bill that would allow extraditions to Russia.",
                             "marched")
    assert chosen is None


def test_a_destination_the_event_itself_takes_is_its_place(places_of, gazetteer):
    chosen, _ = _event_place(places_of, gazetteer, "The rebels advanced into Douentza on Monday.", "advanced")
    assert chosen.place.name == "Douentza"


def test_a_road_named_after_two_cities_is_neither_the_district_is_the_place(places_of, gazetteer):
    text = "A roadside bomb hit an army truck on the Kabul-Kandahar highway in Ghazni province on Monday."
    chosen, mentions = _event_place(places_of, gazetteer, text, "hit")
    assert _mention(mentions, "Kabul").relation == "aside"
    assert chosen.span.text == "Ghazni province"
    assert chosen.place.feature_class == "P" and chosen.place.admin1 == "Ghaznī" and chosen.geo_precision == 3


# --- demonyms -------------------------------------------------------------------------------------


def test_a_demonym_is_aside_but_still_names_the_country(places_of):
    from polybius.place import country_place

    _, mentions = places_of("Rebels fired on the central Malian town of Ntessoukounda on Friday.")
    malian = _mention(mentions, "Malian")
    assert malian.relation == "aside" and malian.place.country_code == "ML"
    assert country_place(mentions).place.feature_code == "PCLI"


def test_what_a_speaker_claims_keeps_its_place(places_of, gazetteer):
    chosen, mentions = _event_place(places_of, gazetteer, "The group claimed the bombing in Peshawar on Monday.",
                                    "bombing")
    assert chosen.place.name == "Peshawar" and _mention(mentions, "Peshawar").relation == "in"


def test_a_country_owning_its_war_is_its_setting(places_of, gazetteer):
    chosen, _ = _event_place(places_of, gazetteer, "Shelling killed nine civilians as Yemen's civil war dragged on.",
                             "killed")
    assert chosen is not None and chosen.place.country_code == "YE"


def test_proximity_to_a_town_is_near_it(places_of):
    _, mentions = places_of("The camp's proximity to Mosul worried the officers.")
    assert _mention(mentions, "Mosul").relation == "near"


def test_a_scene_file_missing_a_list_is_an_error_naming_it():
    from importlib import resources

    from polybius.place.scene import parse_words

    text = resources.files("polybius.place").joinpath("data/scene.toml").read_text("utf-8")
    assert "retaliation" in parse_words(text).answers  # the bundled file parses
    without = text.replace("answers = ", "answer = ")
    with pytest.raises(ValueError, match=r"my_scene.toml: missing word lists \['answers'\]"):
        parse_words(without, "my_scene.toml")
