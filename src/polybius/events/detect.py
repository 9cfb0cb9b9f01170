"""Which sentences report an event, of which ACLED sub-type, and which word is its trigger.

A sentence is a candidate only when it holds a trigger or harm cue (data/cues.toml); candidates are
embedded together and classified. The trigger is the cue of the predicted sub-type nearest to the
root of the parse. Only sub-types that a real cue of the sentence supports are possible
(support.py); a mention whose every cue is unreal (planned, threatened, denied, negated) is
dropped: it reports no event that happened. A sentence that revises the toll of a named event
reports that event, whatever the classifier says (updates.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from polybius.events.classifier import EventClassifier, Prediction, load_classifier
from polybius.events.cues import HARM, CueMatch, Cues, cues
from polybius.events.fatalities import in_running_tally
from polybius.events.refine import finds_their_dead, is_accident, is_ordinary_crime, recalls_accident, refine
from polybius.events.support import DISRUPTED, supported_types
from polybius.events.taxonomy import SubEventType, taxonomy
from polybius.events.updates import updated_event

# How far up the parse an unreal governor is looked for ("threatened to launch an attack").
UNREAL_DEPTH = 5
REFERENCE_REACH = 2  # how many candidate sentences after an accident or a killing may still refer back to it
UNREAL_PATH = {"xcomp", "ccomp", "pobj", "pcomp", "prep", "acl", "dobj", "relcl", "advcl", "compound", "amod",
               "nsubjpass", "conj"}


@dataclass(frozen=True, slots=True)
class Detection:
    sentence: SpacySpan
    trigger: Token
    sub_type: SubEventType
    confidence: float
    prediction: Prediction


def units(doc: Doc) -> list[SpacySpan]:
    """The sentences of a text, also cut at paragraph breaks: a headline without a full stop is
    parsed into one sentence with the lede below it, yet it is a report of its own."""
    found = []
    for sentence in doc.sents:
        start = sentence.start
        for token in sentence:
            if token.is_space and token.text.count("\n") >= 2:
                if token.i > start:
                    found.append(doc[start : token.i])
                start = token.i + 1
        if start < sentence.end:
            found.append(doc[start : sentence.end])
    return [unit for unit in found if any(not t.is_space for t in unit)]


def candidates(doc: Doc, cue_set: Cues | None = None) -> list[tuple[SpacySpan, list[CueMatch]]]:
    """Sentences that hold at least one trigger or harm cue, with their cues."""
    cue_set = cue_set or cues()
    found = []
    for sentence in units(doc):
        matches = cue_set.triggers.find(sentence)
        if matches:
            found.append((sentence, matches))
    return found


def classify_sentences(doc: Doc, classifier: EventClassifier | None = None
                       ) -> list[tuple[SpacySpan, list[CueMatch], Prediction]]:
    """Each candidate sentence with its cues and the classifier's prediction (one embedding batch)."""
    pending = candidates(doc)
    if not pending:
        return []
    predictions = (classifier or load_classifier()).predict([sentence.text for sentence, _ in pending])
    return [(sentence, matches, prediction) for (sentence, matches), prediction in zip(pending, predictions)]


def detect(doc: Doc, classifier: EventClassifier | None = None,
           classified: list[tuple[SpacySpan, list[CueMatch], Prediction]] | None = None) -> list[Detection]:
    """Event-reporting sentences of a parsed text, in text order."""
    if classified is None:
        classified = classify_sentences(doc, classifier)
    detections = []
    accidents: list[int] = []  # positions, among the candidates, of the accidents told so far
    violent: list[int] = []  # positions of the violent events detected so far
    for position, (sentence, matches, prediction) in enumerate(classified):
        if is_accident(sentence):
            accidents.append(position)
            continue
        if accidents and position - accidents[-1] <= REFERENCE_REACH and recalls_accident(sentence, matches):
            continue
        real = [m for m in matches if not is_unreal(m.head(doc))]
        revised = updated_event(doc, sentence, real) if prediction.sub_type is None else None
        if revised is not None:  # a revised toll reports the event it names
            matches = [revised]
            prediction = prediction.as_event(set(revised.sub_types))
        elif prediction.sub_type is None or only_tallies_deaths(doc, real):
            continue
        else:
            prediction = prediction.within(supported_types(sentence, real), cues().stand_ins)
        if prediction.sub_type is None:
            continue
        sub_type = taxonomy().get(prediction.sub_type)
        trigger = choose_trigger(doc, sentence, matches, sub_type)
        if trigger is None:
            continue
        if sub_type.name in cues().found_dead_types and trigger.lemma_.lower() in cues().bodies:
            sub_type, trigger = killing_behind_the_dead(doc, sentence, real, prediction, sub_type, trigger)
        sub_type = refine(sub_type, prediction, sentence, trigger)
        if is_ordinary_crime(sub_type, sentence):
            continue
        if violent and position - violent[-1] <= REFERENCE_REACH and finds_their_dead(sub_type, trigger):
            continue
        if sub_type.event_type in cues().violent_types:
            violent.append(position)
        detections.append(Detection(sentence, trigger, sub_type, prediction.confidence, prediction))
    return detections


def killing_behind_the_dead(doc: Doc, sentence: SpacySpan, real: list[CueMatch], prediction: Prediction,
                            sub_type: SubEventType, trigger: Token) -> tuple[SubEventType, Token]:
    """"The bodies of 17 miners were recovered ... two days after fighters stormed the mining site":
    a sentence of the dead found that also tells the violence that killed them reports that violence,
    typed by the classifier's best violent sub-type its cues support."""
    cue_set = cues()
    violent = [m for m in real if not _about_the_dead(m.head(doc), cue_set.bodies)
               and any(taxonomy().get(label).event_type in cue_set.violent_types
                       for label in m.sub_types if label != HARM)]
    if not violent:
        return sub_type, trigger
    allowed = {name for m in violent for name in m.sub_types - {HARM}
               if taxonomy().get(name).event_type in cue_set.violent_types}
    best = prediction.best_outside(set(taxonomy().sub_types) - allowed)
    if best is None:
        return sub_type, trigger
    killing = taxonomy().get(best)
    return killing, choose_trigger(doc, sentence, violent, killing) or trigger


def _about_the_dead(token: Token, bodies: frozenset[str]) -> bool:
    """The cue is a body word, acts on one ("recovered the bodies", "the bodies were found") or is
    who did ("vigilantes recovered the bodies")."""
    def on_bodies(verb: Token) -> bool:
        return any(c.dep_ in {"dobj", "nsubjpass"} and c.lemma_.lower() in bodies for c in verb.children)

    return token.lemma_.lower() in bodies or on_bodies(token) or (token.dep_ == "nsubj" and on_bodies(token.head))


def only_tallies_deaths(doc: Doc, real: list[CueMatch]) -> bool:
    """Every real cue is a word of harm inside a running tally, or sits in the tally's "since"
    anchor: "the soldier is the second French casualty since the intervention to oust the rebels"
    counts deaths already reported, it reports no event."""
    tallies = [m for m in real if HARM in m.sub_types and in_running_tally(m.head(doc))]
    if not tallies:
        return False
    # The tally's own words ("234 protesters have been killed") and who tells it ("the Oslo-based
    # group says") are no event of their own.
    told = {t.i for m in tallies for t in [*_tallied(m.head(doc)), *_teller(m.head(doc))]}
    return all(m in tallies or m.head(doc).i in told or in_since_anchor(m.head(doc)) for m in real)


def _tallied(tally: Token) -> list[Token]:
    """Who the tally counts: "234 protesters have been killed"; not the events it names ("a soldier
    killed in an ambush" still reports the ambush)."""
    return [t for c in tally.children if c.dep_ in ("nsubj", "nsubjpass", "dobj") for t in c.subtree]


def _teller(tally: Token) -> list[Token]:
    """The subject of the saying verb a tally is the complement of ("the group says 234 were killed")."""
    verb = tally.head
    if tally.dep_ != "ccomp" or verb.lemma_.lower() not in cues().reporting_verbs:
        return []
    return [t for c in verb.children if c.dep_ == "nsubj" for t in c.subtree]


def in_since_anchor(token: Token) -> bool:
    """The word lies in a "since ..." phrase or clause ("since troops deployed to fight")."""
    for current in (token, *token.ancestors):
        if current.lower_ == "since" or any(c.dep_ == "mark" and c.lower_ == "since" for c in current.children):
            return True
    return False


def choose_trigger(doc: Doc, sentence: SpacySpan, matches: list[CueMatch], sub_type: SubEventType) -> Token | None:
    """The real cue that best names this sub-type; None when every fitting cue is unreal."""
    family = {s.name for s in taxonomy().sub_types.values() if s.event_type == sub_type.event_type}

    def fit(match: CueMatch) -> int:
        if sub_type.name in match.sub_types:
            return 0
        if match.sub_types & family:
            return 1
        return 2 if match.sub_types - {HARM} else 3

    if sub_type.name == DISRUPTED:  # "cleared mines": the disrupting word names the event
        matches = [*matches, *(CueMatch(m.start, m.end, m.phrase, frozenset({DISRUPTED}))
                               for m in cues().disrupting.find(sentence))]
    heads = [(fit(m), depth(m.head(doc)), m.start, m.head(doc)) for m in matches]
    real = [entry for entry in heads if not is_unreal(entry[3])]
    if not real:
        return None
    return min(real, key=lambda entry: entry[:3])[3]


def depth(token: Token) -> int:
    steps = 0
    while token.head.i != token.i and steps < 50:
        token = token.head
        steps += 1
    return steps


def is_unreal(token: Token, cue_set: Cues | None = None) -> bool:
    """The event word is planned, threatened, feared, denied, negated or habitual rather than
    reported, says what something is for ("a force to fight"), or acts on a record ("released a
    video")."""
    cue_set = cue_set or cues()
    if acts_on_record(token, cue_set) or is_purpose(token):
        return True
    # A quoted slogan or name the word lies outside of ("a 'We want to live' protest") is opaque:
    # its verbs and negations say nothing of whether the event happened.
    inside = quoted(token.sent)
    opaque = inside if token.i not in inside else set()
    current = token
    for _ in range(UNREAL_DEPTH + 1):
        if current.i in opaque:
            current = current.head
            continue
        for child in current.children:
            if child.dep_ == "neg" or is_habitual(child, cue_set):
                return True
            if child.dep_ == "aux" and child.lower_ in cue_set.modal_aux:
                return True
        if current.i != token.i and current.lemma_.lower() in cue_set.unreal_governors:
            return True
        if current.dep_ not in UNREAL_PATH or current.head.i == current.i:
            return False
        current = current.head
    return False


def quoted(sentence: SpacySpan) -> set[int]:
    """Indices of the tokens between paired quotation marks of a sentence."""
    marks = [t.i for t in sentence if t.is_quote and t.text not in {"'s", "’s"}]
    inside: set[int] = set()
    for opening, closing in zip(marks[::2], marks[1::2]):
        inside.update(range(opening + 1, closing))
    return inside


def is_habitual(modifier: Token, cue_set: Cues) -> bool:
    """"regularly", "often", "every week": the clause tells a habit, not one event."""
    if modifier.dep_ == "advmod" and modifier.lower_ in cue_set.habitual:
        return True
    return modifier.dep_ in {"npadvmod", "advmod"} and any(
        c.dep_ == "det" and c.lower_ in {"every", "each"} for c in modifier.children)


def is_purpose(token: Token) -> bool:
    """The event word says what a thing or group is for: "a force to fight the jihadists", "the
    decision to withdraw". (Not a purpose clause of a verb: "fired tear gas to disperse the
    crowd" reports a dispersal.)"""
    return token.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def acts_on_record(token: Token, cue_set: Cues) -> bool:
    """"released a video", "a statement issued", "the footage released by the group"."""
    if token.dep_ in {"acl", "amod", "relcl"} and token.head.lemma_.lower() in cue_set.records:
        return True
    return any(child.dep_ in {"dobj", "nsubjpass"} and child.lemma_.lower() in cue_set.records
               for child in token.children)
