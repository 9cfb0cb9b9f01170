"""Rules over words and the parse for the distinctions an embedding blurs, following ACLED's own
definitions:

- weapons: Explosions/Remote violence is defined by the weapon, so the weapon words decide the
  sub-type of an explosive or anti-civilian mention (highest in ACLED's hierarchy wins), and of an
  "armed clash" in which nothing says both sides fought; a weapon that was defused, seized or
  intercepted makes a Disrupted weapons use; the weapons of the side that "came under fire" are
  not the attack's;
- protests: violent protesters make a riot; lethal force on peaceful protesters is excessive force;
  dispersal or detention without serious harm is a protest with intervention; with neither, a
  protest is peaceful, whatever it is about ("to decry the arrests"); an attack on people at a
  protest or on the protesters themselves is excessive force;
- territory: who took the place decides Government regains vs Non-state actor overtakes, and a
  take-over after a withdrawal with no fighting is a Non-violent transfer of territory; seizing
  goods (weapons, vehicles, cattle: [seized_goods]) takes no territory: by state forces it is
  disrupted weapons use, by anyone else looting;
- targets: violence whose target or dead are armed men (soldiers, militants, a base) is a battle;
- accidents: a crash, leak or spill with no sign of intent is no event at all;
- crime: an arrest or seizure for an ordinary crime (fraud, drugs, theft) with no political or armed
  word beside it is no event either.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polybius.events.classifier import Prediction
from polybius.events.cues import (
    ACCIDENT,
    ARMED_TARGET,
    CIVILIAN,
    CRIME,
    HARM,
    FIGHTING,
    GENERIC_WEAPON,
    INTENT,
    INTERVENTION,
    LETHAL,
    NON_STATE,
    POLITICAL,
    RIOT,
    STATE,
    TRANSFER,
    CueMatch,
    Cues,
    PhraseIndex,
    cues,
    undergoes,
)
from polybius.events.taxonomy import SubEventType, taxonomy

EXPLOSIONS = "Explosions/Remote violence"
PROTESTS = "Protests"
PEACEFUL = "Peaceful protest"
ABDUCTION = "Abduction/forced disappearance"
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
TARGET_PREPOSITIONS = {"on", "against", "at", "upon"}
# A weapon under these is another event's: what the event answers ("in retaliation for ..."),
# follows or recalls, or a clause of its own ("the base, which drones had struck before").
CAUSE_PREPOSITIONS = {"for", "after", "since", "following", "despite", "than"}
ELSEWHERE_CLAUSES = {"relcl", "advcl", "ccomp", "parataxis"}
MODIFIER_DEPS = {"compound", "amod", "poss", "nmod", "det", "nummod", "quantmod"}
# An attack on people at a protest ("shot dead 58 Palestinians during mass protests", "killed three
# protesters") is excessive force against protesters, whoever did it (ACLED).
PROTEST_SETTINGS = {"during", "at", "amid", "in"}
DEFINITE = {"the", "this", "that"}


def refine(sub_type: SubEventType, prediction: Prediction, sentence: SpacySpan, trigger: Token,
           cue_set: Cues | None = None) -> SubEventType:
    """The sub-type after ACLED's rules; `sub_type` is the classifier's answer."""
    cue_set = cue_set or cues()
    name = sub_type.name
    if sub_type.event_type in cue_set.weapon_types:
        name = _by_weapon(name, sub_type, prediction, sentence, trigger, cue_set)
    elif name == "Armed clash" and not cue_set.engagement.find(sentence):
        name = _by_weapon(name, sub_type, prediction, sentence, trigger, cue_set)
    if taxonomy().get(name).event_type == PROTESTS:  # also when the weapon rule made it one
        name = _by_protest_conduct(name, sentence, cue_set)
    if name in TERRITORY:
        name = _by_taker(name, sentence, trigger, cue_set)
    if name == ABDUCTION and _state_detention(sentence, trigger, cue_set):
        name = "Arrests"
    if name == "Attack" and _armed_target(trigger, cue_set):
        name = "Armed clash"
    if name == "Attack" and _at_a_protest(trigger, cue_set):
        name = "Excessive force against protesters"
    return taxonomy().get(name)


def is_accident(sentence: SpacySpan, cue_set: Cues | None = None) -> bool:
    """A crash, leak, spill or similar mishap, with no word of an attacker or a weapon used on purpose."""
    present = _labels((cue_set or cues()).accident, sentence)
    return ACCIDENT in present and INTENT not in present


def recalls_accident(sentence: SpacySpan, matches: list[CueMatch], cue_set: Cues | None = None) -> bool:
    """Told just after an accident, the sentence only refers back to it ("The blast brought down the
    roof"): each of its event words is a noun with a definite article, and nothing shows intent."""
    cue_set = cue_set or cues()
    if INTENT in _labels(cue_set.accident, sentence):
        return False
    heads = [m.head(sentence.doc) for m in matches if m.sub_types != {HARM}]
    return bool(heads) and all(
        head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ in DEFINITE for c in head.children)
        for head in heads)


def finds_their_dead(sub_type: SubEventType, trigger: Token, cue_set: Cues | None = None) -> bool:
    """"His body was dumped near the village", "the bodies were found": the dead of a killing just
    told, found (the caller checks that one was told just before)."""
    cue_set = cue_set or cues()
    return sub_type.name in cue_set.found_dead_types and trigger.lemma_.lower() in cue_set.bodies and any(
        c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in DEFINITE) for c in trigger.children)


def is_ordinary_crime(sub_type: SubEventType, sentence: SpacySpan, cue_set: Cues | None = None) -> bool:
    """An arrest or seizure for fraud, drugs or theft, with no weapon, armed or political group or
    protest in its sentence: crime, not political violence."""
    cue_set = cue_set or cues()
    if sub_type.name not in cue_set.crime_types:
        return False
    present = _labels(cue_set.crime, sentence)
    return CRIME in present and POLITICAL not in present


def _labels(index: PhraseIndex, tokens) -> set[str]:
    return {label for match in index.find(tokens) for label in match.sub_types}


def _by_weapon(name: str, sub_type: SubEventType, prediction: Prediction, sentence: SpacySpan, trigger: Token,
               cue_set: Cues) -> str:
    targets = _target_tokens(trigger, cue_set)
    matches = [m for m in cue_set.weapons.find(sentence) if m.head(sentence.doc).i not in targets]
    own = [m for m in matches if _in_own_clause(m.head(sentence.doc), _verb_of(trigger))]
    matches = own or matches
    named = {label for match in matches for label in match.sub_types}
    used = [m for m in matches if GENERIC_WEAPON not in m.sub_types]
    if used and all(_disrupted(m.head(sentence.doc), cue_set) for m in used):
        return "Disrupted weapons use"
    weapons = named - {GENERIC_WEAPON}
    if weapons:
        return min(weapons, key=lambda label: taxonomy().get(label).precedence)
    explosive = {s.name for s in taxonomy().sub_types.values() if s.event_type == EXPLOSIONS}
    if name in cue_set.named_weapons_only and GENERIC_WEAPON in named and not _named_in_article(name, sentence, cue_set):
        # "bomb attacks on Hazara neighbourhoods" is no chemical attack: that needs its own word,
        # here or elsewhere in the article ("treated patients after a bombing. ... exposure to chlorine").
        return prediction.best_outside(cue_set.named_weapons_only | (set(taxonomy().sub_types) - explosive)) or name
    if sub_type.event_type == EXPLOSIONS and GENERIC_WEAPON not in named:
        return prediction.best_outside(explosive) or name
    return name


def _named_in_article(sub_type: str, sentence: SpacySpan, cue_set: Cues) -> bool:
    return any(sub_type in m.sub_types for m in cue_set.weapons.find(sentence.doc[:]))


def _in_own_clause(token: Token, verb: Token) -> bool:
    """The weapon belongs to the event's own clause, not to what it answers or recalls: "fired
    ballistic missiles at two bases, in retaliation for the killing of Soleimani in a US drone
    strike" is a missile attack."""
    current = token
    while current.i != verb.i:
        if current.dep_ in ELSEWHERE_CLAUSES or (current.dep_ == "prep" and current.lower_ in CAUSE_PREPOSITIONS):
            return False
        if current.head.i == current.i:
            return False  # the verb is not above it
        current = current.head
    return True


def _target_tokens(trigger: Token, cue_set: Cues) -> set[int]:
    """Tokens of the side on the receiving end when the verb says so ("a patrol backed by jets came
    under fire"): the weapons named there are the target's, not the attack's."""
    verb = _verb_of(trigger)
    if not undergoes(verb, cue_set):
        return set()
    return {t.i for child in verb.children if child.dep_ == "nsubj" for t in child.subtree}


def _disrupted(weapon: Token, cue_set: Cues) -> bool:
    """The weapon is the object of a verb that defuses, seizes, intercepts or finds it."""
    head = weapon
    for _ in range(3):
        if head.dep_ in {"dobj", "nsubjpass", "conj", "pobj", "prep", "compound", "appos"} and head.head.i != head.i:
            head = head.head
            if cue_set.disrupting.find(head.doc[head.i : head.i + 2]) or cue_set.disrupting.find(head.doc[head.i : head.i + 1]):
                return True
        else:
            return False
    return False


def _by_protest_conduct(name: str, sentence: SpacySpan, cue_set: Cues) -> str:
    doc = sentence.doc
    matches = cue_set.protest.find(sentence)
    crowd_control = {i for m in matches if INTERVENTION in m.sub_types for i in range(m.start, m.end)}
    present = {label for match in matches
               if not _is_cause(match.head(doc), cue_set) and not _fires(match.head(doc), crowd_control)
               for label in match.sub_types}
    if RIOT in present:
        return "Violent demonstration"
    if LETHAL in present:
        return "Excessive force against protesters"
    if INTERVENTION in present:
        return "Protest with intervention" if name == "Peaceful protest" else name
    # Nothing was done to the protesters, only said of what they protest against: a peaceful protest.
    return "Peaceful protest" if name in {"Protest with intervention", "Excessive force against protesters"} else name


def _fires(verb: Token, crowd_control: set[int]) -> bool:
    """"Teargas fired on striking teachers": what was fired is a means of crowd control, so the
    firing is no lethal force."""
    return verb.lemma_.lower() == "fire" and any(
        c.dep_ in {"nsubj", "nsubjpass", "dobj"} and any(t.i in crowd_control for t in c.subtree)
        for c in verb.children)


def _is_cause(token: Token, cue_set: Cues) -> bool:
    """The word says what the protest is about ("over the death of a motorist", "marched to decry
    arrests", "holding up the names of the dead"); a purpose clause of the police ("fired to disperse
    the crowd") is no cause."""
    current = token
    for _ in range(8):
        if current.dep_ == "dobj" and current.head.lemma_.lower() in cue_set.protest_displayed:
            return True
        if current.dep_ == "prep" and current.lower_ in cue_set.protest_about:
            # "of" tells a cause only after a protest word ("in protest of the arrests"), not in
            # "fired rounds of tear gas"; elsewhere the walk goes on ("the names of the dead" held up)
            if current.lower_ != "of" or _is_protesting(current.head, cue_set):
                return True
        if current.dep_ in {"xcomp", "advcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children):
            # "marched to decry", "walked to denounce", not "fired to disperse"
            return _is_protesting(current.head, cue_set) or current.lemma_.lower() in cue_set.protest_purposes
        if current.head.i == current.i:
            return False
        current = current.head
    return False


def _at_a_protest(trigger: Token, cue_set: Cues) -> bool:
    """The violence was done at a protest or to the protesters: a protest word is where it happened
    ("during mass protests") or who suffered it ("shot three demonstrators", "protesters were killed")."""
    verb = _verb_of(trigger)
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in PROTEST_SETTINGS:
            if any(_only_a_protest(noun, cue_set) for noun in child.children if noun.dep_ == "pobj"):
                return True
        elif child.dep_ in ("dobj", "nsubjpass") and _only_a_protest(child, cue_set):
            return True
    return False


def _only_a_protest(token: Token, cue_set: Cues) -> bool:
    """The word names a protest and nothing else: "protests", "marchers", but not "strikes", which
    are air strikes as often as walkouts."""
    protests = {s.name for s in taxonomy().sub_types.values() if s.event_type == PROTESTS}
    covering = [m for m in cue_set.triggers.find(token.sent) if m.start <= token.i < m.end]
    return bool(covering) and all(m.sub_types <= protests for m in covering)


def _is_protesting(token: Token, cue_set: Cues) -> bool:
    """The word is (part of) a protest word: "marched", "took to the streets"."""
    return any(PEACEFUL in m.sub_types and m.start <= token.i < m.end for m in cue_set.triggers.find(token.sent))


def _head_words(noun: Token) -> list[Token]:
    """The noun and its own modifiers, without conjoined allies ("army" in "army and allied fighters");
    for a quantity ("scores of militants"), the counted noun too."""
    tokens = [t for t in noun.subtree if t.i == noun.i or (t.head.i == noun.i and t.dep_ in MODIFIER_DEPS)]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for counted in child.children:
                if counted.dep_ == "pobj":
                    tokens.extend(_head_words(counted))
    return sorted(set(tokens), key=lambda t: t.i)


def _side_words(tokens, cue_set: Cues) -> set[str]:
    doc_tokens = list(tokens)
    if not doc_tokens:
        return set()
    doc = doc_tokens[0].doc
    found: set[str] = set()
    for token in doc_tokens:
        found |= _labels(cue_set.sides, doc[token.i : token.i + 1])
    span = doc[doc_tokens[0].i : doc_tokens[-1].i + 1]
    found |= {label for m in cue_set.sides.find(span) if len(m.phrase) > 1 for label in m.sub_types}
    return found


def _verb_of(trigger: Token) -> Token:
    return trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head


def _doer_sides(verb: Token, cue_set: Cues) -> set[str]:
    """The sides ([sides] state, non_state) named in the verb's subject or agent ("by security forces")."""
    sides: set[str] = set()
    for child in verb.children:
        if child.dep_ == "nsubj":
            sides |= _side_words(_head_words(child), cue_set)
        elif child.dep_ == "agent":
            for noun in child.children:
                sides |= _side_words(_head_words(noun), cue_set)
    return sides


def _state_detention(sentence: SpacySpan, trigger: Token, cue_set: Cues) -> bool:
    """"Detectives picked up an opposition MP": state forces take someone, with no word that they
    abducted or disappeared the person."""
    verb = _verb_of(trigger)
    if {trigger.lemma_.lower(), verb.lemma_.lower()} & cue_set.abducting:
        return False
    sides = _doer_sides(verb, cue_set)
    return STATE in sides and NON_STATE not in sides and not _disappeared(sentence, cue_set)


def _disappeared(sentence: SpacySpan, cue_set: Cues) -> bool:
    """The sentence, or the one after it, says the person taken was disappeared."""
    doc = sentence.doc
    following = doc[sentence.end].sent if sentence.end < len(doc) else None
    return any(cue_set.disappearance.find(span) for span in (sentence, following) if span is not None)


def _by_taker(name: str, sentence: SpacySpan, trigger: Token, cue_set: Cues) -> str:
    verb = _verb_of(trigger)
    sides = _doer_sides(verb, cue_set)
    by_state = STATE in sides and NON_STATE not in sides
    taken = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    if taken and all(c.lemma_.lower() in cue_set.seized_goods for c in taken):
        # Goods, not ground: state forces disrupt weapons use, anyone else loots.
        return "Disrupted weapons use" if by_state else "Looting/property destruction"
    present = _labels(cue_set.transfer, sentence)
    if TRANSFER in present and FIGHTING not in present:
        return "Non-violent transfer of territory"
    if by_state:
        return "Government regains territory"
    if NON_STATE in sides and STATE not in sides:
        return "Non-state actor overtakes territory"
    return name


def _armed_target(trigger: Token, cue_set: Cues) -> bool:
    """The violence's target or dead are armed: soldiers, police, militants, a base, a checkpoint;
    a place word alone does not say so when civilians are named in it ("a camp for displaced
    people", "a convoy of buses")."""
    targets: set[str] = set()
    nouns = []
    for head in {trigger, _verb_of(trigger)}:
        for child in head.children:
            if child.dep_ in {"dobj", "nsubjpass"}:
                nouns.append(child)
            elif child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
                nouns.extend(noun for noun in child.children)
    for noun in nouns:
        targets |= _side_words(_head_words(noun), cue_set)
        if _labels(cue_set.sides, noun.doc[noun.left_edge.i : noun.right_edge.i + 1]) & {CIVILIAN}:
            targets.add(CIVILIAN)
    return bool(targets & {STATE, NON_STATE}) or (ARMED_TARGET in targets and CIVILIAN not in targets)
