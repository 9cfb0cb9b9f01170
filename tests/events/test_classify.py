"""classify_text on sentences written for these tests (none of them is in examples.jsonl)."""

import pytest

from polybius.events import classify_text
from polybius.events.examples import bundled_examples

EVENTS = [
    ("Armed clash", "Rebels and government soldiers fought for six hours near the town of Kindu on Thursday."),
    ("Government regains territory", "Iraqi troops recaptured the village of Badush from Islamic State fighters after a day of heavy fighting."),
    ("Non-state actor overtakes territory", "Jihadist fighters overran the garrison town of Tin-Akoff after soldiers fled the assault."),
    ("Air/drone strike", "An airstrike by government jets hit a fuel depot in rebel-held Idlib on Monday."),
    ("Suicide bomb", "A suicide bomber blew himself up outside a police academy in Kabul, killing eight cadets."),
    ("Shelling/artillery/missile attack", "Artillery shells fired by separatists struck a hospital in Avdiivka, wounding three nurses."),
    ("Remote explosive/landmine/IED", "A roadside bomb tore through a military truck near Timbuktu, killing two soldiers."),
    ("Grenade", "A man hurled a grenade into a crowded tea shop in Bujumbura, injuring seven people."),
    ("Chemical weapon", "Doctors said victims of Tuesday's sarin attack on the village showed signs of nerve agent poisoning."),
    ("Attack", "Gunmen shot dead seven farmers in their fields near Jos in Plateau state."),
    ("Abduction/forced disappearance", "Armed men kidnapped twelve passengers from a bus on the Abuja-Kaduna highway."),
    ("Sexual violence", "Militiamen raped at least ten women during a raid on a village in South Kivu, doctors said."),
    ("Peaceful protest", "Several thousand teachers marched through Harare on Monday to demand better pay."),
    ("Protest with intervention", "Police fired tear gas to break up a student march in Kampala and detained twenty people."),
    ("Excessive force against protesters", "Soldiers opened fire on peaceful demonstrators in Mandalay, killing five of them."),
    ("Violent demonstration", "Protesters hurled stones at police and set fire to a bus in Conakry."),
    ("Mob violence", "A mob beat to death a man accused of stealing a goat in a village near Kisumu."),
    ("Agreement", "The government and the rebel coalition signed a ceasefire in Doha on Saturday."),
    ("Arrests", "Police arrested the leader of the main opposition party in Dhaka on Tuesday."),
    ("Change to group/activity", "Around three hundred rebel fighters defected to the army in the eastern province."),
    ("Disrupted weapons use", "Army engineers defused a car bomb parked near the governor's office in Mogadishu."),
    ("Headquarters or base established", "Russian troops set up a new military base near the airport of Menaka."),
    ("Looting/property destruction", "Militiamen looted shops and burned granaries after residents fled the village."),
    ("Non-violent transfer of territory", "Rebels entered Tessit without a fight after the army abandoned its camp."),
    ("Other", "Soldiers seized power in Ouagadougou, dissolved the government and suspended the constitution."),
]

NON_EVENTS = [
    ("organized crime", "Police arrested two men suspected of robbing a jewellery store in Lyon."),
    ("natural disaster", "Floods after a week of heavy rain forced thousands of people from their homes in Assam."),
    ("man-made disaster", "A lorry and a bus collided on the highway near Kumasi, killing nine passengers."),
    ("diplomacy", "The foreign ministers of Kenya and Ethiopia met in Nairobi to discuss regional trade."),
    ("attribution", "The Islamic State group claimed responsibility for the bombing of the checkpoint."),
    ("statement", "The president said the army would defeat the insurgents within months."),
    ("decision abroad", "Germany's parliament approved sending 300 troops to train soldiers in Niger."),
    ("troop total", "Some 5,000 French soldiers are currently deployed in the Sahel."),
    ("visit", "The defence minister visited troops at the base in Gao on Sunday."),
    ("commemoration", "Hundreds gathered in Kigali to commemorate the victims of the genocide."),
    ("standing situation", "Seven foreign hostages are believed to be held by the group in the desert."),
    ("threat", "The rebels threatened to attack the capital if talks failed."),
]


# Words of regional and less common copy that cues.toml must know, or the sentence is never a candidate
# (or its sub-type is not supported): "pledged allegiance", "broke out of jail", "dharna", "martyred".
REGIONAL = [
    ("Change to group/activity", "A breakaway faction of the Mai-Mai militia pledged allegiance to the M23 rebels on Sunday, local officials in Masisi said."),
    ("Other", "More than 40 inmates broke out of the district jail in Kotli overnight after overpowering guards, police said."),
    ("Peaceful protest", "Hundreds of teachers staged a dharna outside the secretariat in Lucknow on Monday demanding regular pay."),
    ("Sexual violence", "Militants forced at least eight girls into marriage with their fighters after storming the village, elders said."),
    ("Armed clash", "Two policemen were martyred when militants opened fire on their patrol in Dera Ismail Khan on Friday."),
    ("Looting/property destruction", "Armed men smashed the windows of the opposition party's office in Harare and wrecked its furniture overnight."),
]


def test_test_sentences_are_not_training_examples():
    known = {e.text for e in bundled_examples()}
    assert not known & {text for _, text in EVENTS + NON_EVENTS + REGIONAL}


@pytest.mark.parametrize("expected,text", REGIONAL, ids=[e for e, _ in REGIONAL])
def test_regional_vocabulary(expected, text):
    assert classify_text(text)[0] == expected


@pytest.mark.parametrize("expected,text", EVENTS, ids=[e for e, _ in EVENTS])
def test_each_sub_type(expected, text):
    label, confidence = classify_text(text)
    assert label == expected
    assert 0.0 < confidence <= 1.0


@pytest.mark.parametrize("kind,text", NON_EVENTS, ids=[k for k, _ in NON_EVENTS])
def test_non_events_yield_no_event(kind, text):
    label, confidence = classify_text(text)
    assert label is None
    assert 0.5 <= confidence <= 1.0


def test_main_event_of_a_snippet_is_its_most_confident_event():
    text = ("An attack was reported near the border on Monday. "
            "Militants fired mortar rounds at an army post in Kidal, killing two soldiers.")
    assert classify_text(text)[0] in {"Shelling/artillery/missile attack", "Armed clash"}


def test_empty_and_bad_input():
    assert classify_text("   ") == (None, 1.0)
    with pytest.raises(ValueError, match="expects a string"):
        classify_text(None)


ATTRIBUTIONS = [
    "Provincial officials blamed the Lakurawa group for the explosion that wrecked a market in Sokoto on Tuesday.",
    "The police chief said a local militia was behind the ambush that killed three rangers near Garamba on Friday.",
    "The insurgents said their fighters were responsible for the mortar fire that struck the airport on Monday.",
    "A faction of the group claimed responsibility for the car bombing in Baidoa that killed five soldiers.",
]


@pytest.mark.parametrize("text", ATTRIBUTIONS)
def test_a_text_that_only_attributes_an_event_has_no_main_event(text):
    # CASE-2021's ATTRIB class: the text is about who did it.
    assert classify_text(text)[0] is None


def test_an_attribution_off_the_main_line_leaves_the_event_reported():
    text = ("Four herders were killed by a blast near their camp in Menaka on Sunday, elders said, "
            "blaming a mine laid by jihadists.")
    assert classify_text(text)[0] is not None


def test_attributed_events_stay_in_the_dataset():
    # Only the choice of a text's main event sets them aside; the pipeline still codes the ambush.
    from polybius import nlp as nlp_stage
    from polybius.events.detect import detect

    assert detect(nlp_stage.load()(ATTRIBUTIONS[1]))


# Cues of a release, a disappearance and a protest's demand (cues.toml [triggers]).
RELEASES_AND_TAKINGS = [
    ("Other", "Jihadists freed the mayor of a commune near Mopti whom they had held for four months, his brother said."),
    ("Abduction/forced disappearance",
     "Relatives of a blogger from Mombasa say he has been missing since Friday, when unknown men bundled him into a car."),
    ("Peaceful protest",
     "Mothers of conscripts laid flowers outside the defence ministry in Moscow on Saturday, demanding that their sons come home."),
]


@pytest.mark.parametrize("expected,text", RELEASES_AND_TAKINGS, ids=[e for e, _ in RELEASES_AND_TAKINGS])
def test_releases_takings_and_demands(expected, text):
    assert classify_text(text)[0] == expected
