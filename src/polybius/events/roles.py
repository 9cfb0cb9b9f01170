"""Who did what to whom: actor1, actor2 and associated actors of one event, from the parse.

Candidates are the sentence's ActorMentions that are parties to the event (a government body only
to an agreement: "rebels signed a peace deal with the Malian government", or as its armed forces
the doer of political violence: "a chemical attack by the Syrian government"): a mention that only
reports it (the subject of "said", the object of "according to") is not a party, unless its report
names itself as the doer by a pronoun ("the MNLA said it had retaken Menaka": the MNLA acts). Each party is
placed on a side by its path to the trigger:
- side 1, the acting side: subject of the event verb, the "by" agent of a passive, the possessor of
  an event noun ("the army's offensive"), the first of "between X and Y";
- side 2, the other side: object, passive subject ("five soldiers were killed"), the subject of a
  verb of undergoing ("a patrol came under fire"), "on/against/at X",
  "with X" ("clashed with X"), "of X" under an event noun ("the arrest of X"), the second of
  "between X and Y".
A party named inside the description of an unnamed one ("the attackers, believed to be members of a
Dogon militia") is who that one is, and takes its place; an unnamed one that someone is only said to
be ("on suspicion of being child kidnappers") is no party. Within a side, the first mention is the
actor and the rest (allies joined by "and") are associated actors. Mentions on no side fill the
empty places in order of appearance.

Battles are fought by armed actors only, so civilians never fill a side of a battle. Then ACLED's
conventions on the two places (conventions.py): civilians are actor2, protesters and rioters
actor1, and who claims an attack is its doer.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polybius.actors.groups import catalog
from polybius.actors.localize import localize
from polybius.events.conventions import CIVILIANS, UNIDENTIFIED, Roles, conventions
from polybius.events.cues import cues, undergoes
from polybius.events.taxonomy import SubEventType
from polybius.place import in_another_event
from polybius.records import Actor, ActorMention

OWN_NAME = 2  # the specificity of a group named by its own name ("Boko Haram"), not a description
DESCRIBING = frozenset({"appos"})  # "the Kurdish militia, the Syrian Democratic Forces"
# A government body is a party only to what governments themselves do, and the doer of political
# violence as its armed forces; of the rest it is a speaker.
GOVERNMENT = "Government"
GOVERNMENT_ACTS = frozenset({"Agreement"})
POLITICAL_VIOLENCE = "Political violence"
ACTING_SIDE, OTHER, BETWEEN = 1, 2, 3
ACTING = {"nsubj", "agent", "poss"}
OTHER_SIDE = {"dobj", "nsubjpass", "iobj", "attr", "oprd"}
# From a name up to the noun it belongs to, looking for a reporting verb's subject.
REPORTER_LINKS = frozenset({"conj", "appos", "compound", "npadvmod", "poss"})
TARGET_PREPOSITIONS = {"on", "against", "at", "upon", "with", "toward", "towards", "into", "from"}
# Links from an event word up to the verb that carries its participants ("air strikes targeted X",
# "were killed in clashes", "launched an attack on X").
TRIGGER_MODIFIES = {"amod", "compound"}  # "a chemical attack", "a drone strike": the noun carries the parties
CLAUSE_LINKS = {"conj", "acomp", "xcomp", "advcl", "acl", "relcl", "pcomp", "ccomp", "prep", "pobj", "dobj", "npadvmod",
                "nsubj", "nsubjpass"}


def assign_roles(sentence: SpacySpan, trigger: Token, sub_type: SubEventType,
                 mentions: list[ActorMention]) -> Roles:
    doc = sentence.doc
    speaker = _speaking_agent(trigger)
    parties = []
    spoke: list[ActorMention] = []
    for mention in sorted(mentions, key=lambda m: (m.span.start, -m.span.end)):
        if not sentence.start_char <= mention.span.start < sentence.end_char:
            continue
        head = _head(doc, mention)
        if head is None or in_another_event(head, trigger):
            continue  # "... after gunmen killed 160 people": the gunmen are the other event's
        if is_government(mention.actor) and sub_type.name not in GOVERNMENT_ACTS:
            if sub_type.disorder_type != POLITICAL_VIOLENCE or _side(head, trigger) != ACTING_SIDE:
                continue
            mention = _forces_of(mention)  # "a chemical attack by the Syrian government": its army
        if _alleged(head) and _specificity(mention.actor) < OWN_NAME:
            continue  # "beaten on suspicion of being child kidnappers": the victims, not kidnappers
        if speaker is not None and (_names_speaker(head, speaker) or _set_off_name(doc, mention, speaker)):
            spoke.append(mention)  # "the MNLA said it had retaken Menaka": the speaker did it
        elif not _is_reporter(head):
            parties.append((mention, head))
    if sub_type.event_type == "Battles":
        parties = [(m, h) for m, h in parties if m.actor.inter != CIVILIANS]
    parties = _described_by_name(parties)
    sides: dict[int, list[ActorMention]] = {ACTING_SIDE: [], OTHER: [], BETWEEN: []}
    loose: list[ActorMention] = []
    sides[ACTING_SIDE].extend(spoke)
    for mention, head in parties:
        side = _side(head, trigger)
        (sides[side] if side else loose).append(mention)
    return conventions(_fill(sides, loose, trigger), sub_type)


def _described_by_name(parties: list[tuple[ActorMention, Token]]) -> list[tuple[ActorMention, Token]]:
    """ "The attackers, believed to be members of a Dogon hunters' militia, burned huts", "captured by
    the Kurdish militia the Syrian Democratic Forces": a party named in what another is said to be
    (an apposition, a predicate) is who that one is, and a name takes the place of a description;
    otherwise it is no party of its own ("Ansar Dine, an ally of AQIM, attacked Konna")."""
    kept = list(parties)
    for inner, inner_head in parties:
        for outer, outer_head in parties:
            if outer is inner or not _describes(inner_head, outer_head):
                continue
            if (outer, outer_head) in kept and (inner, inner_head) in kept:
                if _specificity(inner.actor) > _specificity(outer.actor):
                    kept[kept.index((outer, outer_head))] = (inner, outer_head)
                kept.remove((inner, inner_head))
    return kept


def _specificity(actor: Actor) -> int:
    """0 an unidentified armed group, 1 a group named by a description ("Dogon Ethnic Militia"),
    OWN_NAME a group by its own name."""
    if actor.name.startswith(UNIDENTIFIED):
        return 0
    return 1 if catalog().match_unlocalized(actor.name) is not None else OWN_NAME


def _alleged(head: Token) -> bool:
    """What someone is said to be ("on suspicion of being child kidnappers", "women accused of being
    witches"); a group with a name of its own is still coded ("suspected of being Boko Haram members")."""
    be = head.head
    if head.dep_ != "attr" or be.lemma_ != "be" or be.dep_ != "pcomp":
        return False
    of = be.head
    return of.lower_ == "of" and of.head.lemma_.lower() in cues().alleging


def _describes(token: Token, party: Token) -> bool:
    """The token sits in an apposition to the party's noun, or in what a verb says its subject is
    ("the attackers, believed to be members of X"; "gunmen, who were members of X")."""
    current, through_description, predicate = token, False, False
    while current.head.i != current.i:
        through_description = through_description or current.dep_ in DESCRIBING
        predicate = predicate or current.dep_ == "attr"
        current = current.head
        if current.i == party.i:
            return through_description or predicate
        if predicate and current.pos_ in ("NOUN", "PROPN", "PRON"):
            return False  # what another is said to be: "police arrested men suspected of being X"
        if predicate and party.dep_ == "nsubj" and party.head.i == current.i:
            return True
    return False


def _forces_of(government: ActorMention) -> ActorMention:
    """The armed forces of a government that acts in political violence (ACLED codes no government
    as the doer of an attack): "Military Forces of Syria" for "the Syrian government"."""
    military = catalog().groups["military"]
    forces = localize(Actor(military.name(None), military.inter, None), government.actor.country)
    return ActorMention(government.span, forces)


def is_government(actor: Actor) -> bool:
    """A government body ("the Malian government", "the authorities"), not its forces."""
    return actor.name == GOVERNMENT or actor.name.startswith(GOVERNMENT + " of ")


def _speaking_agent(trigger: Token) -> Token | None:
    """The subject of a reporting verb whose report names itself as the doer by a pronoun:
    "the army said it killed 20 militants" -> "the army"."""
    heads = sorted(_event_heads(trigger), key=lambda t: t.i)
    for verb in heads:
        if not any(c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "PRON" for c in verb.children):
            continue
        token = verb
        for _ in range(3):
            if token.dep_ not in {"ccomp", "conj", "xcomp"} or token.head.i == token.i:
                break
            token = token.head
            if token.lemma_.lower() in cues().reporting_verbs:
                return next((c for c in token.children if c.dep_ == "nsubj" and c.pos_ != "PRON"), None)
    return None


def _names_speaker(head: Token, speaker: Token) -> bool:
    """The speaker itself or a name in apposition ("A Tuareg group, the MNLA, said"), not a word
    inside its modifiers ("a group formerly allied with the Islamists")."""
    token = head
    while token.i != speaker.i and token.dep_ in {"appos", "conj", "compound"} and token.head.i != token.i:
        token = token.head
    return token.i == speaker.i


def _set_off_name(doc, mention: ActorMention, speaker: Token) -> bool:
    """A name set off by a comma that closes the speaker's phrase ("A Tuareg group formerly allied
    with the Islamists, the MNLA, said"): an apposition, wherever the parser hangs it."""
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    if span is None or not speaker.i < span.start <= speaker.right_edge.i or speaker.right_edge.i < span.end - 1:
        return False
    start = span.start
    while start > 0 and doc[start - 1].dep_ == "det":
        start -= 1
    closing = doc[span.end : speaker.right_edge.i + 1]
    return doc[start - 1].text == "," and all(t.is_punct or t.is_upper for t in closing)


def _head(doc, mention: ActorMention) -> Token | None:
    span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def _is_reporter(head: Token) -> bool:
    """The mention reports the event ("X said", "according to X", "X told reporters"), or owns or
    runs who reports it ("Houthi-run media said", "the army's spokesman said")."""
    if _in_closing_attribution(head):
        return True
    token = head
    for _ in range(4):
        if token.dep_ in {"nsubj", "pobj", "agent"} and token.head.lemma_.lower() in cues().reporting_verbs:
            return True
        if token.dep_ == "pobj" and token.head.dep_ == "prep" and token.head.head.lower_ == "according":
            return True
        if token.dep_ not in REPORTER_LINKS or token.head.i == token.i:
            return False
        token = token.head
    return False


def _in_closing_attribution(head: Token) -> bool:
    """ "..., police and the organisation said.": the words between a sentence's last comma and a
    closing reporting verb with no subject of its own are its speakers, however the parser hung them
    (it may join "police" to the noun before the comma)."""
    words = [t for t in head.sent if not t.is_punct or t.text == ","]
    if len(words) < 2 or words[-1].lemma_.lower() not in cues().reporting_verbs:
        return False
    verb = words[-1]
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    comma = max((t.i for t in words if t.text == "," and t.i < head.i), default=None)
    between = head.doc[comma + 1 : verb.i] if comma is not None else []
    return bool(between) and head.i < verb.i and not any(t.pos_ in {"VERB", "AUX"} for t in between)


def _side(head: Token, trigger: Token) -> int | None:
    """ACTING, OTHER or BETWEEN by the mention's path to the event; None when the parse does not say.

    Allies joined by "and" take the role of the first of them; a noun under a preposition takes
    the preposition's role ("clashed with X", "killed by X")."""
    anchors = _event_heads(trigger)
    token = head
    for _ in range(8):
        top = _top_of_conjuncts(token)
        parent = top.head
        if parent.i == top.i:
            return None
        if parent in anchors:
            return _side_of_child(top, parent)
        if top.dep_ == "pobj" and parent.dep_ in {"prep", "agent"} and parent.head in anchors:
            if parent.lower_ == "with" and top.lemma_.lower() in cues().backing:
                return ACTING_SIDE  # "reclaimed by the army with the backing of Russian forces": an ally
            return _side_of_child(parent, parent.head)
        token = parent
    return None


def _event_heads(trigger: Token) -> set[Token]:
    """The trigger and the verbs it hangs from inside its own clause ("were killed in clashes"); a
    trigger that modifies a noun ("a chemical attack by X") hangs from that noun."""
    heads, token = {trigger}, trigger
    for _ in range(3):
        modifier = token is trigger and token.dep_ in TRIGGER_MODIFIES
        if (token.dep_ not in CLAUSE_LINKS and not modifier) or token.head.i == token.i:
            break
        token = token.head
        heads.add(token)
        if token.pos_ in {"VERB", "AUX"}:
            break
    return heads


def _top_of_conjuncts(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _side_of_child(child: Token, head: Token) -> int | None:
    if child.dep_ == "nsubj" and undergoes(head):
        return OTHER  # "a patrol came under fire": the patrol is the target
    if child.dep_ in ACTING or (child.dep_ in {"prep", "agent"} and child.lower_ == "by"):
        return ACTING_SIDE
    if child.dep_ == "prep" and child.lower_ == "of" and head.pos_ in {"NOUN", "PROPN"}:
        return OTHER  # "the arrest of two leaders", "the killing of five villagers"
    if child.dep_ in OTHER_SIDE:
        return OTHER
    if child.dep_ == "prep" and child.lower_ == "between":
        return BETWEEN
    if child.dep_ == "prep" and child.lower_ in TARGET_PREPOSITIONS:
        return OTHER
    return None


def _fill(sides: dict[int, list[ActorMention]], loose: list[ActorMention], trigger: Token) -> Roles:
    acting, other = _distinct(sides[ACTING_SIDE]), _distinct(sides[OTHER])
    between = [m for m in _distinct(sides[BETWEEN]) if not any(_same(m, o) for o in acting + other)]
    # "clashes between X and Y": X is one side, Y the other.
    if between:
        (acting if not acting else other).append(between.pop(0))
        other.extend(between)
    # Opponents joined by "and": "X and Y clashed", "a soldier and 20 rebels were killed".
    for full, empty in ((acting, other), (other, acting)):
        if not empty and len(full) > 1 and (_reciprocal(trigger) or full[1].actor.inter != full[0].actor.inter):
            empty.append(full.pop(1))
    for mention in _distinct(loose):
        if any(_same(mention, m) for m in acting + other):
            continue
        if not acting:
            acting.append(mention)
        elif not other:
            other.append(mention)
    return Roles(acting[0] if acting else None, other[0] if other else None, tuple(acting[1:]), tuple(other[1:]))


def _reciprocal(trigger: Token) -> bool:
    return trigger.lemma_.lower() in cues().reciprocal_verbs


def _distinct(mentions: list[ActorMention]) -> list[ActorMention]:
    kept: list[ActorMention] = []
    for mention in mentions:
        if not any(_same(mention, other) for other in kept):
            kept.append(mention)
    return kept


def _same(a: ActorMention, b: ActorMention) -> bool:
    return a.actor.name == b.actor.name and a.actor.country == b.actor.country
