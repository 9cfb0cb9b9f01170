"""Actor roles from the parse, with ActorMentions built by hand (no actor dictionary involved)."""

from polybius.events.roles import Roles, assign_roles
from polybius.events.taxonomy import taxonomy
from polybius.records import Actor, ActorMention, Span

FRANCE = Actor("Military Forces of France", 1, "FR")
MALI = Actor("Military Forces of Mali", 1, "ML")
ISLAMISTS = Actor("Islamist Militia", 3, None)
GUNMEN = Actor("Unidentified Armed Group", 3, None)
CIVILIANS = Actor("Civilians", 7, None)
POLICE = Actor("Police Forces", 1, None)
PROTESTERS = Actor("Protesters", 6, None)


def mention(text, phrase, actor, occurrence=0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return ActorMention(Span("doc", start, start + len(phrase), phrase), actor)


def roles_of(nlp, text, sub_type, trigger_word, mentions):
    doc = nlp(text)
    trigger = next(t for t in doc if t.text == trigger_word)
    return assign_roles(doc[:], trigger, taxonomy().get(sub_type), mentions)


def names(roles):
    return (roles.actor1 and roles.actor1.actor.name, roles.actor2 and roles.actor2.actor.name,
            [m.actor.name for m in roles.assoc_actor_1], [m.actor.name for m in roles.assoc_actor_2])


def test_subject_acts_and_allies_are_associated(nlp):
    text = "French and Malian troops clashed with Islamist rebels near Gao, Paris said Wednesday."
    mentions = [mention(text, "French and Malian troops", FRANCE), mention(text, "Malian troops", MALI),
                mention(text, "Islamist rebels", ISLAMISTS)]
    roles = roles_of(nlp, text, "Armed clash", "clashed", mentions)
    assert names(roles) == ("Military Forces of France", "Islamist Militia", ["Military Forces of Mali"], [])
    assert not roles.civilian_targeting


def test_the_dead_of_both_sides_are_both_parties(nlp):
    text = "A French soldier and more than 20 Islamist rebels were killed during clashes in the mountains."
    mentions = [mention(text, "A French soldier", FRANCE), mention(text, "Islamist rebels", ISLAMISTS)]
    roles = roles_of(nlp, text, "Armed clash", "killed", mentions)
    assert {roles.actor1.actor.name, roles.actor2.actor.name} == {"Military Forces of France", "Islamist Militia"}


def test_a_reporting_source_is_not_a_party(nlp):
    text = "Malian troops said gunmen attacked a convoy of traders near Mopti."
    mentions = [mention(text, "Malian troops", MALI), mention(text, "gunmen", GUNMEN)]
    roles = roles_of(nlp, text, "Attack", "attacked", mentions)
    assert roles.actor1.actor.name == "Unidentified Armed Group"
    assert roles.actor2 is None or roles.actor2.actor.name != "Military Forces of Mali"


def test_civilian_victims_are_actor2_and_targeted(nlp):
    text = "Five civilians were shot dead by gunmen in a village near Djibo."
    mentions = [mention(text, "Five civilians", CIVILIANS), mention(text, "gunmen", GUNMEN)]
    roles = roles_of(nlp, text, "Attack", "shot", mentions)
    assert roles.actor1.actor.name == "Unidentified Armed Group"
    assert roles.actor2.actor.name == "Civilians"
    assert roles.civilian_targeting


def test_the_attacker_need_not_be_actor1_but_actor1_is_a_party(nlp):
    text = "Islamist rebels were attacked by French troops near Kidal."
    mentions = [mention(text, "Islamist rebels", ISLAMISTS), mention(text, "French troops", FRANCE)]
    roles = roles_of(nlp, text, "Armed clash", "attacked", mentions)
    assert {roles.actor1.actor.name, roles.actor2.actor.name} == {"Islamist Militia", "Military Forces of France"}


def test_between_x_and_y(nlp):
    text = "Heavy fighting broke out between French troops and Islamist rebels on Tuesday."
    mentions = [mention(text, "French troops", FRANCE), mention(text, "Islamist rebels", ISLAMISTS)]
    roles = roles_of(nlp, text, "Armed clash", "fighting", mentions)
    assert (roles.actor1.actor.name, roles.actor2.actor.name) == ("Military Forces of France", "Islamist Militia")


def test_protesters_act_in_protests_and_police_intervene(nlp):
    text = "Police fired tear gas at protesters in Bamako."
    mentions = [mention(text, "Police", POLICE), mention(text, "protesters", PROTESTERS)]
    roles = roles_of(nlp, text, "Protest with intervention", "fired", mentions)
    assert (roles.actor1.actor.name, roles.actor2.actor.name) == ("Protesters", "Police Forces")
    assert not roles.civilian_targeting


def test_civilians_never_fight_battles(nlp):
    text = "Soldiers and rebels clashed near the market, and several civilians were caught in the crossfire."
    mentions = [mention(text, "Soldiers", MALI), mention(text, "rebels", ISLAMISTS), mention(text, "civilians", CIVILIANS)]
    roles = roles_of(nlp, text, "Armed clash", "clashed", mentions)
    everyone = [roles.actor1, roles.actor2, *roles.assoc_actor_1, *roles.assoc_actor_2]
    assert all(m.actor.inter != 7 for m in everyone if m is not None)


def test_mentions_outside_the_sentence_are_ignored(nlp):
    text = "Gunmen attacked the village. Civilians fled."
    mentions = [mention(text, "Gunmen", GUNMEN), mention(text, "Civilians", CIVILIANS)]
    doc = nlp(text)
    first = list(doc.sents)[0]
    roles = assign_roles(first, doc[1], taxonomy().get("Attack"), mentions)
    assert roles.actor1.actor.name == "Unidentified Armed Group" and roles.actor2 is None


def test_a_speaker_who_names_itself_as_the_doer_is_actor1(nlp):
    mnla = Actor("MNLA: National Movement for the Liberation of Azawad", 2, "ML")
    text = "The MNLA said on Wednesday it had retaken the town of Menaka from Islamist rebels."
    mentions = [mention(text, "The MNLA", mnla), mention(text, "Islamist rebels", ISLAMISTS)]
    roles = roles_of(nlp, text, "Non-state actor overtakes territory", "retaken", mentions)
    assert roles.actor1.actor.name == mnla.name
    assert roles.actor2.actor.name == "Islamist Militia"


def test_the_object_of_an_event_noun_is_the_other_side(nlp):
    leaders = Actor("Ansar Dine", 3, "ML")
    text = "The group announced the arrest of two leaders of Ansar Dine near the border."
    roles = roles_of(nlp, text, "Arrests", "arrest", [mention(text, "Ansar Dine", leaders)])
    assert roles.actor1 is None and roles.actor2.actor.name == "Ansar Dine"


def test_an_event_noun_takes_the_roles_of_its_verb(nlp):
    text = "French air strikes targeted the mountains where Islamist insurgents are hiding."
    mentions = [mention(text, "French", FRANCE), mention(text, "Islamist insurgents", ISLAMISTS)]
    roles = roles_of(nlp, text, "Air/drone strike", "strikes", mentions)
    assert roles.actor2 is not None and roles.actor2.actor.name == "Islamist Militia"


def test_the_side_that_came_under_fire_is_the_target(nlp):
    text = "Malian troops came under fire from gunmen near Mopti."
    mentions = [mention(text, "Malian troops", MALI), mention(text, "gunmen", GUNMEN)]
    roles = roles_of(nlp, text, "Armed clash", "came", mentions)
    assert roles.actor2.actor.name == "Military Forces of Mali"
    assert roles.actor1 is None or roles.actor1.actor.name == "Unidentified Armed Group"


SDF = Actor("SDF: Syrian Democratic Forces", 2, None)
ISIS = Actor("Islamic State (Syria)", 2, None)


def test_a_speaker_who_says_it_was_responsible_is_the_doer(nlp):
    text = "The SDF said it was responsible for the arrest of two Islamic State commanders."
    mentions = [mention(text, "The SDF", SDF), mention(text, "Islamic State", ISIS)]
    roles = roles_of(nlp, text, "Arrests", "arrest", mentions)
    assert roles.actor1.actor.name == SDF.name


def test_a_name_set_off_by_commas_names_the_speaker_not_its_modifiers(nlp):
    text = ("A Kurdish-led alliance formerly at odds with the Islamists, the Syrian Democratic Forces (SDF), "
            "said it had captured Baghuz.")
    mentions = [mention(text, "the Islamists", ISLAMISTS), mention(text, "Syrian Democratic Forces", SDF),
                mention(text, "SDF)", SDF)]
    roles = roles_of(nlp, text, "Non-state actor overtakes territory", "captured", mentions)
    assert roles.actor1.actor.name == SDF.name


def test_civilians_are_actor2_of_any_violence(nlp):
    # No attacker named: the wounded civilians are still the harmed side, never actor1.
    text = "A roadside bomb struck a minibus in Ghazni on Wednesday morning, wounding five civilians."
    roles = roles_of(nlp, text, "Remote explosive/landmine/IED", "struck", [mention(text, "five civilians", CIVILIANS)])
    assert roles.actor1 is None and roles.actor2.actor.name == "Civilians"


def test_who_runs_the_reporting_media_is_not_a_party(nlp):
    houthis = Actor("Military Forces of Yemen (Houthi)", 1, "YE")
    text = "Warplanes pounded the capital overnight, Houthi-run media and residents said on Tuesday."
    roles = roles_of(nlp, text, "Air/drone strike", "pounded", [mention(text, "Houthi", houthis)])
    assert roles.actor1 is None and roles.actor2 is None


def test_speakers_closing_the_sentence_are_no_party_however_parsed(nlp):
    # The parser joins "police" to "capital" here; the closing ", police and the organisation said."
    # still names who reports the abduction.
    text = ("A gang abducted 17 members of a missionary group on Saturday as they travelled back from visiting "
            "an orphanage east of the capital, police and the organisation said.")
    mentions = [mention(text, "gang", GUNMEN), mention(text, "police", POLICE)]
    roles = roles_of(nlp, text, "Abduction/forced disappearance", "abducted", mentions)
    assert roles.actor1.actor.name == "Unidentified Armed Group"
    assert roles.actor2 is None


def test_an_unnamed_crowd_is_still_actor1_of_a_protest_or_riot(nlp):
    from polybius.events.conventions import Roles, with_crowd

    text = "Kenyan police fired tear gas to disperse hundreds of opposition supporters."
    police = mention(text, "Kenyan police", POLICE)
    evidence = Span("doc", text.index("disperse"), text.index("disperse") + 8, "disperse")
    roles = with_crowd(Roles(actor1=police), taxonomy().get("Protest with intervention"), evidence)
    assert names(roles)[:2] == ("Protesters", "Police Forces") and roles.actor1.span == evidence
    riot = with_crowd(Roles(), taxonomy().get("Violent demonstration"), evidence)
    assert riot.actor1.actor.name == "Rioters" and riot.actor1.actor.inter == 5
    named = with_crowd(Roles(actor1=mention(text, "opposition supporters", PROTESTERS)),
                       taxonomy().get("Peaceful protest"), evidence)
    assert names(named)[:2] == ("Protesters", None) and named.actor1.span.text == "opposition supporters"
    assert with_crowd(Roles(actor1=police), taxonomy().get("Armed clash"), evidence) == Roles(actor1=police)
    # What a peaceful march mourns is no party to it: the crowd stands alone.
    mourned = with_crowd(Roles(actor1=police), taxonomy().get("Peaceful protest"), evidence)
    assert names(mourned)[:2] == ("Protesters", None)


def test_a_government_body_is_a_party_only_to_an_agreement(nlp):
    government = Actor("Government of Mali", 1, "ML")
    text = "Tuareg-led rebels signed a peace agreement with the Malian government in Bamako on Saturday."
    mentions = [mention(text, "Tuareg-led rebels", GUNMEN), mention(text, "the Malian government", government)]
    roles = roles_of(nlp, text, "Agreement", "signed", mentions)
    assert names(roles)[:2] == ("Unidentified Armed Group", "Government of Mali")
    text = "Soldiers shot two herders near Mopti in an operation the government had ordered."
    mentions = [mention(text, "Soldiers", MALI), mention(text, "the government", government)]
    assert "Government of Mali" not in names(roles_of(nlp, text, "Attack", "shot", mentions))[:2]


def test_the_group_that_claims_an_attack_in_the_next_sentences_is_its_doer(nlp):
    from polybius.events.conventions import with_claimant

    islamic_state = Actor("Islamic State", 2, None)
    text = ("A suicide bomber blew himself up outside a voter registration centre in Kabul on Sunday. "
            "Islamic State claimed responsibility for the attack through its news agency.")
    doc = nlp(text)
    lede = next(doc.sents)
    claim = [mention(text, "Islamic State", islamic_state)]
    attack = taxonomy().get("Suicide bomb")
    assert with_claimant(Roles(), lede, attack, claim).actor1.actor.name == "Islamic State"
    named = Roles(actor1=mention(text, "A suicide bomber", FRANCE))
    assert with_claimant(named, lede, attack, claim) == named  # a named doer stays
    # A denial or a mere mention is no claim.
    text = "A bomb went off in Kabul on Sunday. Islamic State denied any role in the attack."
    doc = nlp(text)
    assert with_claimant(Roles(), next(doc.sents), attack, [mention(text, "Islamic State", islamic_state)]).actor1 is None


def test_a_peaceful_protest_has_no_actor2(nlp):
    # What the marchers mourn or decry is not a party to their march (ACLED).
    soldiers = Actor("Military Forces of Niger", 1, "NE")
    text = "Thousands of protesters marched in Niamey on Friday to mourn the 71 soldiers killed at Inates."
    mentions = [mention(text, "Thousands of protesters", PROTESTERS), mention(text, "the 71 soldiers", soldiers)]
    roles = roles_of(nlp, text, "Peaceful protest", "marched", mentions)
    assert names(roles)[:2] == ("Protesters", None)


def test_a_party_to_the_event_that_came_before_is_not_a_party(nlp):
    militia = Actor("Dan Na Ambassagou", 4, "ML")
    text = "The president dissolved the Dan Na Ambassagou militia on Sunday after gunmen killed 160 villagers."
    mentions = [mention(text, "Dan Na Ambassagou", militia), mention(text, "gunmen", GUNMEN)]
    roles = roles_of(nlp, text, "Change to group/activity", "dissolved", mentions)
    assert "Unidentified Armed Group" not in names(roles)[:2]


def test_a_group_named_in_the_description_of_unnamed_attackers_is_who_they_are(nlp):
    dogon = Actor("Dogon Ethnic Militia", 4, "ML")
    text = "The attackers, believed to be members of a Dogon hunters' militia, burned huts and shot fleeing residents."
    mentions = [mention(text, "attackers", GUNMEN), mention(text, "Dogon hunters' militia", dogon),
                mention(text, "residents", CIVILIANS)]
    roles = roles_of(nlp, text, "Attack", "burned", mentions)
    assert names(roles)[:2] == ("Dogon Ethnic Militia", "Civilians")
    text = "Gunmen, who witnesses said were members of a Dogon militia, attacked the village of Ogossagou."
    mentions = [mention(text, "Gunmen", GUNMEN), mention(text, "a Dogon militia", dogon)]
    assert names(roles_of(nlp, text, "Attack", "attacked", mentions))[0] == "Dogon Ethnic Militia"


def test_a_name_in_apposition_beats_a_description_and_an_enemy_in_a_modifier_stays_a_party(nlp):
    kurds, sdf = Actor("Kurdish Ethnic Militia", 4, None), Actor("SDF: Syrian Democratic Forces", 2, "SY")
    text = "The two men were captured by the Kurdish militia the Syrian Democratic Forces near the border."
    mentions = [mention(text, "Kurdish militia", kurds), mention(text, "Syrian Democratic Forces", sdf)]
    assert "SDF: Syrian Democratic Forces" in names(roles_of(nlp, text, "Abduction/forced disappearance",
                                                             "captured", mentions))[:2]
    soldier, islamic_state = Actor("Military Forces of the United Kingdom", 8, "GB"), Actor("Islamic State", 2, None)
    text = "A British soldier fighting against Islamic State has died in an explosion in Syria."
    mentions = [mention(text, "A British soldier", soldier), mention(text, "Islamic State", islamic_state)]
    assert "Islamic State" in names(roles_of(nlp, text, "Remote explosive/landmine/IED", "explosion", mentions))[:2]


def test_what_an_unnamed_victim_is_said_to_be_is_no_party(nlp):
    text = "Five men were beaten to death by a mob on suspicion of being child kidnappers."
    mob = Actor("Rioters", 5, None)
    mentions = [mention(text, "a mob", mob), mention(text, "child kidnappers", GUNMEN)]
    assert names(roles_of(nlp, text, "Mob violence", "beaten", mentions))[:2] == ("Rioters", None)
    # A group with a name of its own is still who they are said to be, as ACLED codes it.
    text = "Police arrested three men suspected of being Boko Haram members in Maiduguri."
    boko_haram = Actor("Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad", 2, None)
    mentions = [mention(text, "Police", POLICE), mention(text, "Boko Haram members", boko_haram)]
    assert names(roles_of(nlp, text, "Arrests", "arrested", mentions))[:2] == ("Police Forces", boko_haram.name)


def test_a_government_doing_violence_is_its_armed_forces_and_a_speaker_is_no_party(nlp):
    text = "A chemical attack by the Syrian government killed dozens of people in Khan Sheikhun."
    syria = Actor("Government of Syria", 1, "SY")
    mentions = [mention(text, "the Syrian government", syria)]
    # The trigger "chemical" modifies "attack", which carries the parties.
    roles = roles_of(nlp, text, "Chemical weapon", "chemical", mentions)
    assert names(roles)[:2] == ("Military Forces of Syria", None)
    assert roles.actor1.actor.country == "SY"
    text = "The Syrian government said rebels had attacked a checkpoint near Hama."
    mentions = [mention(text, "The Syrian government", syria), mention(text, "rebels", ISLAMISTS)]
    assert names(roles_of(nlp, text, "Armed clash", "attacked", mentions))[:2] == ("Islamist Militia", None)


def test_who_backs_the_doer_is_its_ally(nlp):
    text = "The town was reclaimed by the army with the backing of Russian forces."
    russia = Actor("Military Forces of Russia", 1, "RU")
    mentions = [mention(text, "the army", MALI), mention(text, "Russian forces", russia)]
    roles = roles_of(nlp, text, "Government regains territory", "reclaimed", mentions)
    assert names(roles) == ("Military Forces of Mali", None, ["Military Forces of Russia"], [])


def test_a_crowd_that_attacks_is_a_mob(nlp):
    from polybius.events.conventions import Roles, as_mob

    text = "A crowd of demonstrators stabbed a teenager to death in central Baghdad on Thursday."
    doc = nlp(text)
    stabbed = next(t for t in doc if t.text == "stabbed")
    span = Span("doc", 0, 5, "crowd")
    for typed in ("Attack", "Excessive force against protesters"):
        roles, sub_type = as_mob(Roles(ActorMention(span, PROTESTERS)), taxonomy().get(typed), stabbed)
        assert sub_type.name == "Mob violence", typed
        assert roles.actor1.actor.name == "Rioters" and roles.actor1.span == span
    # Armed men who attack stay an attack.
    roles, sub_type = as_mob(Roles(ActorMention(span, GUNMEN)), taxonomy().get("Attack"), stabbed)
    assert sub_type.name == "Attack" and roles.actor1.actor.name == "Unidentified Armed Group"
    # Protesters who were shot are still the victims of excessive force.
    text = "Police shot three demonstrators in Baghdad."
    doc = nlp(text)
    shot = next(t for t in doc if t.text == "shot")
    victims = ActorMention(Span("doc", text.index("demonstrators"), text.index("demonstrators") + 13, "demonstrators"),
                           PROTESTERS)
    roles, sub_type = as_mob(Roles(victims), taxonomy().get("Excessive force against protesters"), shot)
    assert sub_type.name == "Excessive force against protesters"
