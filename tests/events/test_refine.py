"""ACLED rules over the classifier's answer: weapons, disrupted weapons, protests, territory, targets."""

import pytest

from polybius.events.classifier import Prediction
from polybius.events.detect import detect
from polybius.events.refine import refine
from polybius.events.taxonomy import taxonomy


def apply(nlp, text, sub_type, trigger_word, ranked=()):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == trigger_word)
    prediction = Prediction(sub_type, 0.5, sub_type, 0.9, tuple(ranked) or ((sub_type, 0.5),))
    return refine(taxonomy().get(sub_type), prediction, doc[:], trigger).name


def test_the_weapon_decides_explosions(nlp):
    assert apply(nlp, "A grenade was thrown into the bar, wounding nine.", "Attack", "thrown") == "Grenade"
    assert apply(nlp, "Mortar rounds hit the market, killing four.", "Air/drone strike", "hit") == \
        "Shelling/artillery/missile attack"
    # Highest in ACLED's hierarchy wins: a suicide car bomb is a suicide bomb.
    assert apply(nlp, "A suicide car bomb exploded at the gate.", "Remote explosive/landmine/IED", "exploded") == \
        "Suicide bomb"


def test_an_explosion_type_without_any_weapon_word_falls_back(nlp):
    ranked = (("Air/drone strike", 0.4), ("Armed clash", 0.3))
    assert apply(nlp, "Insurgents attacked the camp at night.", "Air/drone strike", "attacked", ranked) == "Armed clash"


def test_a_chemical_attack_needs_a_chemical_word(nlp):
    ranked = (("Chemical weapon", 0.4), ("Remote explosive/landmine/IED", 0.3), ("Attack", 0.2))
    text = "Bomb attacks on Hazara neighbourhoods of Quetta killed more than 200 people."
    assert apply(nlp, text, "Chemical weapon", "killed", ranked) == "Remote explosive/landmine/IED"
    gas = "A gas attack on Douma killed dozens of people."
    assert apply(nlp, gas, "Chemical weapon", "killed", ranked) == "Chemical weapon"
    # The chemical word may come in another sentence of the article.
    doc = nlp("Doctors treated patients in Shifounieh after a bombing. They showed signs of exposure to chlorine.")
    first = next(iter(doc.sents))
    trigger = next(t for t in first if t.text == "bombing")
    prediction = Prediction("Chemical weapon", 0.4, "Chemical weapon", 0.9, ranked)
    assert refine(taxonomy().get("Chemical weapon"), prediction, first, trigger).name == "Chemical weapon"


def test_a_one_sided_strike_is_not_a_clash(nlp):
    assert apply(nlp, "Militants fired rockets at the army base.", "Armed clash", "fired") == \
        "Shelling/artillery/missile attack"
    assert apply(nlp, "Troops fought the militants, who fired rockets.", "Armed clash", "fought") == "Armed clash"


def test_a_defused_or_seized_weapon_is_disrupted_use(nlp):
    assert apply(nlp, "Sappers defused hundreds of landmines near Taiz.", "Remote explosive/landmine/IED",
                 "defused") == "Disrupted weapons use"


def test_protesters_who_use_violence_make_a_riot(nlp):
    assert apply(nlp, "Protesters threw stones at the police in Dakar.", "Protest with intervention", "threw") == \
        "Violent demonstration"


def test_lethal_force_on_peaceful_protesters_is_excessive_force(nlp):
    assert apply(nlp, "Police shot dead two people at a peaceful march.", "Peaceful protest", "shot") == \
        "Excessive force against protesters"


def test_dispersal_without_harm_is_intervention(nlp):
    assert apply(nlp, "Police used tear gas to disperse the march.", "Peaceful protest", "disperse") == \
        "Protest with intervention"


def test_who_takes_a_town_decides_the_territory_type(nlp):
    assert apply(nlp, "Syrian army and allied fighters captured the district.",
                 "Non-state actor overtakes territory", "captured") == "Government regains territory"
    assert apply(nlp, "Islamic State fighters recaptured the village from the army.",
                 "Government regains territory", "recaptured") == "Non-state actor overtakes territory"


def test_taking_a_town_after_a_withdrawal_without_a_fight_is_a_transfer(nlp):
    assert apply(nlp, "Rebels took the town after the army withdrew.", "Non-state actor overtakes territory",
                 "took") == "Non-violent transfer of territory"


def test_violence_against_armed_men_is_a_battle(nlp):
    assert apply(nlp, "Gunmen killed four soldiers at a checkpoint.", "Attack", "killed") == "Armed clash"
    assert apply(nlp, "The army killed scores of militants in the hills.", "Attack", "killed") == "Armed clash"
    assert apply(nlp, "Gunmen killed four farmers in their fields.", "Attack", "killed") == "Attack"


def test_what_a_protest_is_about_does_not_change_its_type(nlp):
    assert apply(nlp, "Hundreds marched on Sunday over the death of a motorist shot by police.", "Peaceful protest",
                 "marched") == "Peaceful protest"
    assert apply(nlp, "Protesters took to the streets to decry the arrests and violence.", "Peaceful protest",
                 "took") == "Peaceful protest"
    assert apply(nlp, "Hundreds marched in protest of the arrests of two activists.", "Protest with intervention",
                 "marched") == "Peaceful protest"


def test_of_tells_a_cause_only_after_a_protest_word(nlp):
    # "volleys of tear gas" is what was done to the marchers, not what they marched about
    assert apply(nlp, "Police fired volleys of tear gas at hundreds of marchers in Conakry on Tuesday.",
                 "Peaceful protest", "marchers") == "Protest with intervention"


def test_weapons_of_the_side_that_came_under_fire_are_not_the_attacks(nlp):
    ranked = (("Air/drone strike", 0.4), ("Armed clash", 0.3))
    text = "A company of marines supported by fighter planes came under fire near the river crossing on Tuesday."
    assert apply(nlp, text, "Air/drone strike", "came", ranked) == "Armed clash"
    # The attacker's own weapon still decides: here the fire came from the aircraft.
    assert apply(nlp, "Fighter jets bombed the marines near the river crossing.", "Air/drone strike", "bombed",
                 ranked) == "Air/drone strike"


def test_a_lorry_bomb_is_a_remote_explosive(nlp):
    assert apply(nlp, "Lorry bomb wrecks busy crossroads in Kabul", "Air/drone strike", "bomb") == \
        "Remote explosive/landmine/IED"


def test_a_weapon_of_the_event_answered_or_recalled_is_not_the_events(nlp):
    text = ("Iran fired more than a dozen ballistic missiles at two Iraqi bases early on Wednesday, in "
            "retaliation for the killing of a general in a US drone strike in Baghdad last week.")
    assert apply(nlp, text, "Air/drone strike", "fired") == "Shelling/artillery/missile attack"


def test_seizing_goods_takes_no_territory(nlp):
    assert apply(nlp, "The group said its fighters had seized weapons and vehicles.",
                 "Non-state actor overtakes territory", "seized") == "Looting/property destruction"
    assert apply(nlp, "Troops seized weapons and ammunition in a raid on the camp.", "Government regains territory",
                 "seized") == "Disrupted weapons use"
    assert apply(nlp, "Jihadists seized the town of Konna on Thursday.", "Non-state actor overtakes territory",
                 "seized") == "Non-state actor overtakes territory"


def test_an_attack_on_people_at_a_protest_is_excessive_force(nlp):
    # The classifier reads "shot dead 58 Palestinians" as an attack on civilians; the protest they
    # were shot at makes it excessive force against protesters (ACLED), whoever fired.
    [found] = detect(nlp("Israeli troops shot dead 58 Palestinians during mass protests on the Gaza border on Monday."))
    assert found.sub_type.name == "Excessive force against protesters"
    [found] = detect(nlp("Three demonstrators were killed in Baghdad on Friday."))
    assert found.sub_type.name == "Excessive force against protesters"
    [found] = detect(nlp("Gunmen killed two villagers in an attack on a market in Borno."))
    assert found.sub_type.name == "Attack"
    # "strikes" are air strikes as often as walkouts: no protest.
    [found] = detect(nlp("At least 14 civilians including three children were killed in strikes on Sunday."))
    assert found.sub_type.name != "Excessive force against protesters"


def test_serious_injury_or_firing_on_protesters_is_excessive_force(nlp):
    # ACLED: lethal force, or violence that leaves serious injuries, on peaceful protesters.
    skull = "A nurse suffered a fractured skull after riot police charged a peaceful sit-in outside the ministry in Lusaka."
    assert apply(nlp, skull, "Excessive force against protesters", "charged") == "Excessive force against protesters"
    fired = "Soldiers fired on villagers who were demonstrating against a new checkpoint near Bunia."
    assert apply(nlp, fired, "Excessive force against protesters", "fired") == "Excessive force against protesters"


def test_tear_gas_fired_on_protesters_is_intervention(nlp):
    text = "Tear gas was fired on nurses marching to parliament in Nairobi."
    assert apply(nlp, text, "Peaceful protest", "fired") == "Protest with intervention"


def test_stun_grenades_are_crowd_control_not_grenades(nlp):
    text = "Riot police threw stun grenades into a crowd of demonstrators in Tbilisi, injuring dozens."
    ranked = (("Grenade", 0.5), ("Protest with intervention", 0.3))
    assert apply(nlp, text, "Grenade", "threw", ranked) == "Protest with intervention"
    assert apply(nlp, "A man threw a hand grenade into a bar in Bangui.", "Attack", "threw") == "Grenade"


AIR = (("Air/drone strike", 0.6), ("Armed clash", 0.2))
CHEMICAL_OR_GRENADE = (("Chemical weapon", 0.4), ("Grenade", 0.3))
CHEMICAL_OR_SHELLING = (("Chemical weapon", 0.4), ("Shelling/artillery/missile attack", 0.3))
ATTACK_OR_IED = (("Attack", 0.6), ("Remote explosive/landmine/IED", 0.2))
# (text, classifier's guess, trigger, its ranking, sub-type after the weapon words of cues.toml)
WEAPON_WORDS = {
    "a drone is an air weapon": (
        "Drones launched by the rebels hit a fuel depot in Kassala overnight, setting three tanks ablaze.",
        "Air/drone strike", "hit", AIR, "Air/drone strike"),
    "a downed drone is a disrupted weapon": (
        "Air defences downed nine drones over the Kursk region overnight.",
        "Air/drone strike", "downed", AIR, "Disrupted weapons use"),
    "chloropicrin is a chemical": (
        "Troops dropped grenades filled with chloropicrin on trenches near Siversk, poisoning four soldiers.",
        "Chemical weapon", "dropped", CHEMICAL_OR_GRENADE, "Chemical weapon"),
    "chemical shells are chemical": (
        "Troops fired chemical shells at two villages near Monywa, leaving dozens with burns.",
        "Chemical weapon", "fired", CHEMICAL_OR_SHELLING, "Chemical weapon"),
    "mining is no mine": (
        "Gunmen shot dead a village chief who had opposed a mining concession near Butembo.",
        "Attack", "shot", ATTACK_OR_IED, "Attack"),
    "a mine is a mine": (
        "A lorry struck a mine outside Arbinda, killing the driver.",
        "Attack", "struck", ATTACK_OR_IED, "Remote explosive/landmine/IED"),
}


@pytest.mark.parametrize("case", WEAPON_WORDS, ids=list(WEAPON_WORDS))
def test_weapon_words_name_the_weapon(nlp, case):
    text, guess, trigger, ranked, expected = WEAPON_WORDS[case]
    assert apply(nlp, text, guess, trigger, ranked) == expected


def test_state_forces_taking_someone_make_an_arrest_unless_they_disappear_the_person(nlp):
    ranked = (("Abduction/forced disappearance", 0.5), ("Arrests", 0.3))
    taken = "Plain-clothes police picked up a student leader outside the university in Lahore on Monday."
    assert apply(nlp, taken, "Abduction/forced disappearance", "picked", ranked) == "Arrests"
    disappeared = ("Security forces picked up eight men in Quetta on Sunday and their families have not been "
                   "told where they are held.")
    assert apply(nlp, disappeared, "Abduction/forced disappearance", "picked", ranked) == \
        "Abduction/forced disappearance"
    said_abducted = "Police abducted a trade unionist from his home in Harare on Monday, his lawyer said."
    assert apply(nlp, said_abducted, "Abduction/forced disappearance", "abducted", ranked) == \
        "Abduction/forced disappearance"


def test_a_purpose_clause_says_what_a_walk_protests(nlp):
    text = "Hundreds of women dressed in black walked in silence through Beni on Sunday to denounce the massacres of civilians."
    assert apply(nlp, text, "Excessive force against protesters", "walked") == "Peaceful protest"
