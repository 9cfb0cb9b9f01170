"""Rules over words and the parse for the distinctions an embedding blurs (ACLED's own criteria):

- weapons: Explosions/Remote violence is defined by the weapon, so the weapon words decide the
  sub-type of an explosive or anti-civilian mention (highest in ACLED's hierarchy wins);
- territory: who took the place decides Government regains vs Non-state actor overtakes, and a
  take-over after a withdrawal with no fighting is a Non-violent transfer of territory;
- targets: an "attack" whose target is armed (soldiers, a base, a checkpoint) is a battle.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polybius.events.classifier import Prediction
from polybius.events.cues import (
    ARMED_TARGET,
    FIGHTING,
    GENERIC_WEAPON,
    NON_STATE,
    STATE,
    TRANSFER,
    Cues,
    PhraseIndex,
    cues,
)
from polybius.events.taxonomy import SubEventType, taxonomy

EXPLOSIONS = "Explosions/Remote violence"
TERRITORY = {"Government regains territory", "Non-state actor overtakes territory"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent"}
TARGET_DEPS = {"dobj", "nsubjpass", "pobj"}


def refine(sub_type: SubEventType, prediction: Prediction, sentence: SpacySpan, trigger: Token,
           cue_set: Cues | None = None) -> SubEventType:
    cue_set = cue_set or cues()
    known = taxonomy()
    name = sub_type.name
    if sub_type.event_type in cue_set.weapon_types:
        name = _by_weapon(name, sub_type, prediction, sentence, cue_set)
    if name in TERRITORY:
        name = _by_taker(name, sentence, trigger, cue_set)
    if name == "Attack" and _armed_target(sentence, trigger, cue_set):
        name = "Armed clash"
    return known.get(name)


def _labels(index: PhraseIndex, tokens) -> set[str]:
    return {label for match in index.find(tokens) for label in match.sub_types}


def _by_weapon(name: str, sub_type: SubEventType, prediction: Prediction, sentence: SpacySpan, cue_set: Cues) -> str:
    named = _labels(cue_set.weapons, sentence)
    weapons = named - {GENERIC_WEAPON}
    if weapons:
        return min(weapons, key=lambda label: taxonomy().get(label).precedence)
    if sub_type.event_type == EXPLOSIONS and GENERIC_WEAPON not in named:
        explosive = {s.name for s in taxonomy().sub_types.values() if s.event_type == EXPLOSIONS}
        return prediction.best_outside(explosive) or name
    return name


def _side_words(tokens, cue_set: Cues) -> set[str]:
    return _labels(cue_set.sides, tokens)


def _subtree(token: Token):
    return token.doc[token.left_edge.i : token.right_edge.i + 1]


def _by_taker(name: str, sentence: SpacySpan, trigger: Token, cue_set: Cues) -> str:
    present = _labels(cue_set.transfer, sentence)
    if TRANSFER in present and FIGHTING not in present:
        return "Non-violent transfer of territory"
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    takers = [child for child in verb.children if child.dep_ in {"nsubj", "agent"}]
    sides: set[str] = set()
    for child in takers:
        sides |= _side_words(_subtree(child), cue_set)
    if STATE in sides and NON_STATE not in sides:
        return "Government regains territory"
    if NON_STATE in sides and STATE not in sides:
        return "Non-state actor overtakes territory"
    return name


def _armed_target(sentence: SpacySpan, trigger: Token, cue_set: Cues) -> bool:
    """The attack's target or its dead are armed men (and the attacker is not the state)."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    attackers: set[str] = set()
    targets: set[str] = set()
    for child in verb.children:
        words = _side_words(_subtree(child), cue_set)
        if child.dep_ in {"nsubj", "agent"}:
            attackers |= words
        elif child.dep_ in TARGET_DEPS or child.dep_ == "prep":
            targets |= words
    if STATE in attackers:
        return False
    return bool(targets & {STATE, ARMED_TARGET})
