"""Detection rules: candidates by cue, unreal mentions (threats, plans, denials, negation), accidents."""

from polybius.events.detect import candidates, detect, is_unreal, units
from polybius.events.refine import is_accident


def token(doc, word):
    return next(t for t in doc if t.text == word)


def test_sentences_without_any_cue_are_not_candidates(nlp):
    doc = nlp("The weather in Bamako was mild. Gunmen killed three traders near Mopti.")
    found = candidates(doc)
    assert [s.text for s, _ in found] == ["Gunmen killed three traders near Mopti."]


def test_threats_plans_and_denials_are_unreal(nlp):
    assert is_unreal(token(nlp("The rebels threatened to attack the capital."), "attack"))
    assert is_unreal(token(nlp("The army plans to launch an offensive next week."), "offensive"))
    assert is_unreal(token(nlp("The militia will attack the town."), "attack"))
    assert is_unreal(token(nlp("The group denied carrying out the bombing."), "bombing"))
    assert is_unreal(token(nlp("Soldiers did not fire on the crowd."), "fire"))
    assert is_unreal(token(nlp("The group claimed responsibility for the bombing."), "bombing"))
    # Burying the dead is no attack, and rejecting an agreement is no agreement.
    assert is_unreal(token(nlp("The governor led the burial of 43 victims in Zabarmari on Sunday."), "victims"))
    assert is_unreal(token(nlp("A breakaway group rejected Thursday's agreement."), "agreement"))


def test_reported_events_are_real(nlp):
    assert not is_unreal(token(nlp("Police said gunmen attacked the village on Sunday."), "attacked"))
    assert not is_unreal(token(nlp("Troops clashed with rebels near Gao."), "clashed"))


def test_a_quoted_slogan_does_not_make_the_event_unreal(nlp):
    # The parser hangs "beat" under the slogan's "want"; the slogan's verbs are a name, not a wish.
    doc = nlp("Security men beat participants in a 'We want to live' protest with clubs, rights groups said.")
    assert not is_unreal(token(doc, "beat"))
    assert not is_unreal(token(doc, "protest"))
    # Inside the quote the words keep their force: a quoted threat is still a threat.
    assert is_unreal(token(nlp('The rebels said: "We will attack the town tomorrow."'), "attack"))


def test_a_threat_yields_no_detection(nlp):
    assert detect(nlp("The jihadists vowed to attack French troops across the Sahel.")) == []


def test_accidents_are_not_events(nlp):
    assert is_accident(nlp("Two buses collided near Kano, killing twelve passengers.")[:])
    assert is_accident(nlp("A chlorine leak at a water plant sickened forty residents.")[:])
    assert not is_accident(nlp("Militants fired chlorine shells at the village.")[:])
    assert detect(nlp("A tanker crash and explosion on the expressway killed six people.")) == []


def test_detection_carries_trigger_and_type(nlp):
    doc = nlp("Boko Haram fighters abducted forty girls from a school in Borno state on Tuesday.")
    [found] = detect(doc)
    assert found.sub_type.name == "Abduction/forced disappearance"
    assert found.trigger.text == "abducted"
    assert found.sentence.text == doc.text


def test_a_headline_above_its_lede_is_a_unit_of_its_own(nlp):
    doc = nlp("Troops kill 11 militants in the north\n\n25th January 2014\n\nThe offensive ended on Friday.")
    found = [u.text for u in units(doc)]
    assert found[0] == "Troops kill 11 militants in the north"
    assert found[-1] == "The offensive ended on Friday."
    assert not any("\n\n" in text for text in found)


def test_habits_records_and_purposes_are_not_events(nlp):
    assert is_unreal(token(nlp("Militants regularly ambush convoys on the road to the border."), "ambush"))
    assert is_unreal(token(nlp("Gunmen attack the villages every week."), "attack"))
    assert is_unreal(token(nlp("The group released a video of the prisoners."), "released"))
    assert is_unreal(token(nlp("A video released by the rebels showed the captives."), "released"))
    assert is_unreal(token(nlp("The region now has a joint force to fight the jihadists."), "fight"))
    assert is_unreal(token(nlp("It was the first attempt to retake the town."), "retake"))
    assert not is_unreal(token(nlp("The rebels released twelve hostages on Monday."), "released"))
    assert not is_unreal(token(nlp("Police fired tear gas to disperse the crowd."), "disperse"))


def test_a_disrupted_weapon_is_triggered_by_the_disrupting_word(nlp):
    [found] = detect(nlp("Engineers cleared dozens of mines from the road to the airport on Monday."))
    assert found.sub_type.name == "Disrupted weapons use"
    assert found.trigger.text == "cleared"


def test_deployments_searches_and_aftermath_are_not_events(nlp):
    for text in ("The defence ministry sent troops to the province on Thursday.",
                 "The police said on Monday that officers were searching the marshes for the escaped gunmen.",
                 "Scores more were hurt, and firefighters were still pulling victims out of the burning market."):
        assert detect(nlp(text)) == [], text


def test_a_raid_that_frees_captives_is_a_battle_not_a_change_of_activity(nlp):
    [found] = detect(nlp("Commandos stormed the embassy room by room and rescued the diplomats held there by the gunmen."))
    assert found.sub_type.name == "Armed clash"


def test_a_sentence_that_only_ranks_a_death_in_a_tally_reports_no_event(nlp):
    # The event words of the "since" clause date the tally; they report nothing of their own.
    assert detect(nlp("The corporal is the third British casualty since troops deployed last year to fight "
                      "the insurgents in Helmand.")) == []
    assert detect(nlp("The trooper is the fifth Kenyan soldier killed since the army entered Somalia to fight "
                      "al-Shabaab militants.")) == []
    # A tally since an event ("since Amini died"), its victims and who tells it are no event either.
    assert detect(nlp("The Oslo-based group Iran Human Rights says at least 234 protesters have been killed "
                      "since Amini died in the custody of the morality police last month.")) == []
    # A death with a clash of its own is still reported, whatever tally follows.
    [found] = detect(nlp("Two soldiers were killed in a clash with rebels, bringing to 14 the number of troops "
                         "killed since the mission began."))
    assert found.sub_type.name == "Armed clash"


def test_a_person_called_a_figure_is_not_a_record(nlp):
    # "figure" once sat among the record words ("released figures"), so an arrest of "an
    # opposition figure" was read as acting on a document.
    doc = nlp("Intelligence agents detained a senior opposition figure at his home before dawn.")
    assert not is_unreal(token(doc, "detained"))


def test_an_arrest_or_seizure_for_ordinary_crime_is_no_event(nlp):
    # ACLED codes political violence; CASE-2021 labels such reports ORG_CRIME.
    assert detect(nlp("Police in Kano arrested 23 suspects and seized 150 kg of cannabis during a raid on a "
                      "warehouse on Tuesday, the command spokesman said.")) == []
    assert detect(nlp("Gendarmes detained five suspected cattle thieves in a village near Bouar on Wednesday, "
                      "a local official said.")) == []


def test_an_arrest_with_a_political_or_armed_word_stays_an_event(nlp):
    [smuggled_arms] = detect(nlp("Troops arrested four men smuggling rifles to the rebels across the lake on Monday."))
    assert smuggled_arms.sub_type.name == "Arrests"
    [activists] = detect(nlp("Police arrested twelve activists who had protested against drug-related killings in Manila."))
    assert activists.sub_type.name in {"Arrests", "Protest with intervention"}


def test_a_sentence_that_only_refers_back_to_an_accident_is_no_event(nlp):
    text = ("Five members of a family were killed when a gas cylinder exploded at their home in Mardan on "
            "Sunday, rescue officials said. The explosion brought down the walls of the house and damaged two "
            "cars parked outside.")
    assert detect(nlp(text)) == []


def test_an_attack_told_after_an_accident_is_still_an_event(nlp):
    text = ("Two people died when a fuel tanker overturned near Kaduna on Monday. "
            "Later that day, gunmen attacked a police post in the town, killing three officers.")
    assert [d.sub_type.name for d in detect(nlp(text))] in (["Attack"], ["Armed clash"])


def test_an_overturned_truck_is_an_accident_but_protesters_overturning_one_riot(nlp):
    assert detect(nlp("Three soldiers died when their lorry overturned on a mountain road near Kidal on Friday.")) == []
    [riot] = detect(nlp("Angry traders overturned a police truck and pelted officers with stones in Lilongwe."))
    assert riot.sub_type.name == "Violent demonstration"


def test_a_protest_about_a_crash_is_no_accident(nlp):
    [protest] = detect(nlp("Hundreds of relatives marched in Dhaka on Sunday demanding justice for the victims "
                           "of the ferry crash and holding up the names of the dead."))
    assert protest.sub_type.name == "Peaceful protest"


def test_the_dead_found_after_a_killing_just_told_are_its_aftermath(nlp):
    text = ("Gunmen seized a village chief near Gao and shot him dead on Monday, residents said. "
            "His body was left by the road outside the village.")
    assert [d.sub_type.name for d in detect(nlp(text))] == ["Attack"]


def test_the_dead_found_with_the_violence_that_killed_them_report_that_violence(nlp):
    attack = ("The bodies of eleven farmers were found in a ravine near Djibo on Friday, a day after gunmen "
              "attacked their village, residents said.")
    [found] = detect(nlp(attack))
    assert (found.sub_type.name, found.trigger.text) == ("Attack", "attacked")
    battle = ("Police said the bodies of 14 men were recovered near the river after a night-long gun battle "
              "between rival militias in Ituri.")
    assert [d.sub_type.name for d in detect(nlp(battle))] == ["Armed clash"]
    # A mass grave on its own stays what ACLED calls it: Other.
    grave = "A mass grave containing at least 30 bodies was found near a former militia camp outside the town."
    assert [d.sub_type.name for d in detect(nlp(grave))] == ["Other"]


def test_a_riot_over_a_road_accident_is_no_accident(nlp):
    text = ("Angered by the death of a pupil in a road accident, students blocked the highway in Mardan for two "
            "hours on Monday and smashed the windows of passing buses.")
    assert [d.sub_type.name for d in detect(nlp(text))] == ["Violent demonstration"]
