"""Death figures that are not the reported event's own: running tallies and superseded figures."""

from __future__ import annotations

from spacy.tokens import Token

from polybius.events.fatalities.lexicon import Lexicon, lexicon


def told_as_tally(cue: Token) -> bool:
    """A death told in the perfect or present ("the war has killed 10,000", "attacks kill dozens each
    month"): a sum over more than one event."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children)
    return perfect or (verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "be")


def in_running_tally(cue: Token) -> bool:
    """A death word that sums or ranks deaths in a running tally ("the second French casualty since
    the intervention", "killed so far this year") rather than reporting deaths of its own event."""
    return is_cumulative(cue, lexicon())


def is_cumulative(cue: Token, lex: Lexicon) -> bool:
    """A death word inside a running tally: "since", "so far", "this year", "bringing", ordinals."""
    tokens = {cue.i: cue}
    scoped = ("prep", "npadvmod", "advmod", "nsubj", "nsubjpass", "dobj", "attr", "oprd", "amod", "compound")
    for child in cue.children:
        if child.dep_ in scoped:
            tokens.update((t.i, t) for t in child.subtree)
        elif child.dep_ == "advcl" and told_as_tally(cue):  # "have been killed since Amini died"
            tokens.update((m.i, m) for m in child.children if m.dep_ == "mark")
    for ancestor in list(cue.ancestors)[:3]:
        tokens[ancestor.i] = ancestor
        for child in ancestor.children:
            if child.dep_ in ("npadvmod", "advmod") or (child.dep_ == "prep" and child.lower_ == "since"):
                tokens.update((t.i, t) for t in child.subtree)
        if ancestor.dep_ == "relcl" or (ancestor.dep_ == "advcl" and _opens_with_when(ancestor)):
            break  # "raw since last Friday, when gunmen ... killed 15": the clause is the anchor, not a tally
    ordered = [tokens[i].lower_ for i in sorted(tokens)]
    text = " " + " ".join(ordered) + " "
    if any(f" {' '.join(phrase)} " in text for phrase in lex.cumulative):
        return True
    return _ranked_in_a_tally(cue, lex)


def _ranked_in_a_tally(cue: Token, lex: Lexicon) -> bool:
    """An ordinal on who died ("the fifth soldier killed", "the second death") ranks this death
    in a running tally. One elsewhere does not: "the first clashes" killed their own dead, and "a
    second soldier was killed on Saturday" reports one death."""
    ranked = [cue] if cue.pos_ in ("NOUN", "PROPN") else []
    if cue.dep_ in ("acl", "relcl", "amod"):
        ranked.append(cue.head)
    return any(c.dep_ == "amod" and c.lower_ in lex.ordinals for t in ranked for c in t.children)


def is_superseded(cue: Token, lex: Lexicon) -> bool:
    """A figure the sentence replaces with a newer one: "35 were killed, far fewer than the toll of
    95 given by officials", "revising a toll of 95", "an earlier toll of 95"."""
    for token in (cue, *list(cue.ancestors)[:2]):
        if token.dep_ == "pobj" and _compares(token.head, lex):
            return True
        if token.dep_ == "dobj" and token.head.lemma_.lower() in lex.revision_verbs and not revised_to(token, lex):
            return True
        if token.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ == "amod" and c.lower_ in lex.old_figure_words for c in token.children
        ):
            return True
        if token.pos_ in ("VERB", "AUX") and token.i != cue.i:
            return False  # a clause of its own: what lies above it is not this figure's
    return False


def _compares(preposition: Token, lex: Lexicon) -> bool:
    """ "than ...", or "from ..." after a word of change ("down from 95", "revised from 95")."""
    if preposition.lower_ in lex.comparisons:
        return True
    return preposition.lower_ == "from" and preposition.head.lemma_.lower() in lex.changed_from


def revised_to(toll: Token, lex: Lexicon) -> bool:
    """A toll revised to a new figure ("revised the toll to 10"): the new figure, which replaces every
    other count of the sentence ("initially said 11 miners died")."""
    verb = toll.head
    return (toll.dep_ == "dobj" and toll.lemma_.lower() in lex.toll_nouns and verb.lemma_.lower() in lex.revision_verbs
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children))


def _opens_with_when(clause: Token) -> bool:
    return any(c.dep_ in ("advmod", "mark") and c.lower_ == "when" for c in clause.children)
