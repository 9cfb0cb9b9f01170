"""ACLED's conventions on who is actor1 and who actor2, applied after the parse has placed the
parties (roles.py):
- outside protests, civilians are always actor2, the side harmed or held ("a roadside bomb struck a
  minibus, wounding five civilians"; swapped in if the parse put them first);
- violence against civilians is civilian targeting, as are Excessive force against protesters and
  any explosion, mob or riot whose actor2 is civilians;
- protesters act in protests (actor1), rioters in riots, and a peaceful protest has no actor2; an
  unnamed crowd is still there (with_crowd);
- an attack with no named doer takes the armed group that claims it in the sentences after it
  (with_claimant);
- a crowd that attacks someone ("a crowd of demonstrators stabbed a teenager to death") is a mob:
  Mob violence by rioters (as_mob).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polybius.actors.groups import catalog
from polybius.events.cues import cues
from polybius.events.taxonomy import SubEventType, taxonomy
from polybius.records import Actor, ActorMention, Span

CIVILIANS, PROTESTERS, RIOTERS = 7, 6, 5
PEACEFUL_PROTEST = "Peaceful protest"
EXCESSIVE_FORCE = "Excessive force against protesters"
CROWDS = {"Protests": "protesters", "Riots": "rioters"}  # event type -> its crowd in generic.toml
ARMED_GROUPS = frozenset({2, 3, 4})  # rebels, political and identity militias
UNIDENTIFIED = "Unidentified"  # ACLED's unnamed armed group: a claimant's name replaces it
CLAIM_SENTENCES = 2  # how far after an attack its claim is looked for


@dataclass(frozen=True, slots=True)
class Roles:
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    assoc_actor_1: tuple[ActorMention, ...] = ()
    assoc_actor_2: tuple[ActorMention, ...] = ()
    civilian_targeting: bool = False


def conventions(roles: Roles, sub_type: SubEventType) -> Roles:
    actor1, actor2 = roles.actor1, roles.actor2
    assoc1, assoc2 = roles.assoc_actor_1, roles.assoc_actor_2
    event_type = sub_type.event_type
    if event_type != "Protests" and actor1 is not None and actor1.actor.inter == CIVILIANS:
        if actor2 is None or actor2.actor.inter != CIVILIANS:
            actor1, actor2, assoc1, assoc2 = actor2, actor1, assoc2, assoc1
    acting = {"Protests": PROTESTERS, "Riots": RIOTERS}.get(event_type)
    if acting is not None and actor2 is not None and actor2.actor.inter == acting and (
        actor1 is None or actor1.actor.inter != acting
    ):
        actor1, actor2, assoc1, assoc2 = actor2, actor1, assoc2, assoc1
    if sub_type.name == PEACEFUL_PROTEST:
        actor2, assoc2 = None, ()  # no one acts against a peaceful protest; what it mourns or decries is no party
    targeted = (
        event_type == "Violence against civilians"
        or sub_type.name == "Excessive force against protesters"
        or (event_type in {"Explosions/Remote violence", "Riots"} and actor2 is not None
            and actor2.actor.inter == CIVILIANS)
    )
    return Roles(actor1, actor2, assoc1, assoc2, targeted)


def with_crowd(roles: Roles, sub_type: SubEventType, evidence: Span) -> Roles:
    """ACLED codes every protest with protesters as actor1, every riot with rioters: when the
    sentence names the crowd by no word we know ("police dispersed hundreds of opposition
    supporters"), the generic crowd is actor1 (its evidence the event word) and the force that met
    it, if named, actor2; a peaceful protest has no actor2."""
    key = CROWDS.get(sub_type.event_type)
    if key is None:
        return roles
    group = catalog().groups[key]
    crowd = Actor(group.name(None), group.inter)  # "Protesters", localized later like any generic group
    if any(a is not None and a.actor.inter == crowd.inter for a in (roles.actor1, roles.actor2)):
        return roles
    if roles.actor2 is not None:
        return roles  # two other parties named: leave the parse's reading alone
    other = None if sub_type.name == PEACEFUL_PROTEST else roles.actor1  # no one acts against a peaceful one
    allies = roles.assoc_actor_1 if other else ()
    return Roles(ActorMention(evidence, crowd), other, (), allies, roles.civilian_targeting)


def with_claimant(roles: Roles, sentence: SpacySpan, sub_type: SubEventType, mentions: list[ActorMention]) -> Roles:
    """An attack whose sentence names no armed group as its doer takes the group that claims it in
    the next CLAIM_SENTENCES sentences ("A suicide bomber blew himself up outside a voter registration
    centre ... Islamic State claimed responsibility for the attack"), as ACLED codes the claimant."""
    if sub_type.disorder_type != "Political violence":
        return roles
    if roles.actor1 is not None and not roles.actor1.actor.name.startswith(UNIDENTIFIED):
        return roles
    doc = sentence.doc
    if sentence.end >= len(doc):
        return roles
    after = doc[sentence.end : min(len(doc), sentence.end + 80)]
    for later in list(after.sents)[:CLAIM_SENTENCES]:
        claimant = _claimant(later, mentions)
        if claimant is not None:
            return Roles(claimant, roles.actor2, roles.assoc_actor_1, roles.assoc_actor_2, roles.civilian_targeting)
    return roles


def _claimant(sentence: SpacySpan, mentions: list[ActorMention]) -> ActorMention | None:
    cue_set = cues()
    for verb in sentence:
        if verb.lemma_.lower() not in cue_set.claim_verbs or verb.pos_ != "VERB":
            continue
        if not any(c.dep_ == "dobj" and c.lemma_.lower() in cue_set.claimed for c in verb.children):
            continue
        for subject in (c for c in verb.children if c.dep_ == "nsubj"):
            # the subject or a group it belongs to ("Islamic State's Afghanistan affiliate claimed ...")
            first, last = subject.left_edge.idx, subject.idx + len(subject.text)
            for mention in mentions:
                if (first <= mention.span.start < last and mention.actor.inter in ARMED_GROUPS
                        and not mention.actor.name.startswith(UNIDENTIFIED)):
                    return mention
    return None


def as_mob(roles: Roles, sub_type: SubEventType, trigger: Token) -> tuple[Roles, SubEventType]:
    """Violence done by protesters or rioters is Mob violence, its doers rioters (ACLED: rioters who
    attack civilians or property are a mob, whatever brought them together): an attack by them, or
    "excessive force" whose protesters are the ones who struck ("a crowd of demonstrators stabbed
    a teenager to death")."""
    doer = roles.actor1
    if doer is None or doer.actor.inter not in (PROTESTERS, RIOTERS):
        return roles, sub_type
    if sub_type.name != "Attack" and not (sub_type.name == EXCESSIVE_FORCE and _struck(doer, trigger)):
        return roles, sub_type
    group = catalog().groups[CROWDS["Riots"]]
    rioters = ActorMention(doer.span, Actor(group.name(None), group.inter))
    mob = Roles(rioters, roles.actor2, roles.assoc_actor_1, roles.assoc_actor_2, roles.civilian_targeting)
    return mob, taxonomy().get("Mob violence")


def _struck(crowd: ActorMention, trigger: Token) -> bool:
    """The crowd is the subject of the active violent verb."""
    span = trigger.doc.char_span(crowd.span.start, crowd.span.end, alignment_mode="expand")
    if span is None:
        return False
    verb = trigger if trigger.pos_ == "VERB" else trigger.head
    return span.root.dep_ == "nsubj" and span.root.head.i == verb.i
