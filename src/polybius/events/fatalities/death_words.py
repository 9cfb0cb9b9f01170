"""Which words of a sentence report deaths, and which tokens name the dead (rules: see the package doc)."""

from __future__ import annotations

import re

from spacy.tokens import Token

from polybius.events.fatalities.lexicon import Lexicon, lexicon


ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)")


def is_death_cue(token: Token, lex: Lexicon) -> bool:
    lemma, lower = token.lemma_.lower(), token.lower_
    if token.pos_ in ("VERB", "AUX", "ADJ") and lemma in lex.verb_cues:
        return True
    if token.pos_ == "VERB" and _ends_in_death(token, lex):
        return True  # "beaten to death": counted as a kill verb
    if lower in lex.dead_words:
        return True
    if token.pos_ in ("NOUN", "PROPN") and lemma in lex.noun_cues:
        return True
    if lemma in lex.life_verbs and any(c.dep_ == "dobj" and c.lower_ in lex.life_objects for c in token.children):
        return True
    return lemma in lex.throat_verbs and _throat_of(token, lex) is not None


def _ends_in_death(verb: Token, lex: Lexicon) -> bool:
    if verb.lemma_.lower() in lex.not_fatal_before_death:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_.lower() in lex.fatal_ends for g in c.children)
               for c in verb.children)


def _throat_of(token: Token, lex: Lexicon) -> Token | None:
    return next((c for c in token.children if c.lower_ in lex.throat_nouns), None)


def victims_of(cue: Token, lex: Lexicon) -> list[Token]:
    """The tokens naming who died, by the kind of death word."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    by_dep = lambda *deps: [c for c in children if c.dep_ in deps]  # noqa: E731
    tally = _tally_over(cue, lex)
    if tally is not None:  # "the number of fighters killed ... has risen to six"
        return _toll_count(tally, own_of=False)
    if cue.lower_ in lex.dead_words:
        if cue.pos_ == "NOUN" or cue.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
            return [cue] if has_explicit_number(cue, lex) else []  # "five dead"; "prayers for the dead" counts none
        if cue.dep_ == "amod" and cue.i < cue.head.i:
            return [cue.head]  # "five dead soldiers"
        if cue.dep_ == "amod":  # "left 14 inmates and three guards dead": all the joined victims
            first = cue.head
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
            return [first]
        # "left 19 hostages dead", "were shot dead", "lay dead": the object before any subject
        # ("The siege left 19 hostages and two gunmen dead" did not kill the siege).
        for dep in ("dobj", "nsubjpass", "nsubj"):
            found = [c for c in cue.head.children if c.dep_ == dep]
            if found:
                return found[:1]
        return []
    if lemma in lex.throat_verbs:
        throat = _throat_of(cue, lex)
        owners = [c for c in throat.children if c.dep_ == "prep" and c.lower_ == "of"] if throat else []
        if owners:
            return [c for c in owners[0].children if c.dep_ == "pobj"]
        return [c for c in cue.head.children if c.dep_ in ("nsubj", "nsubjpass")] if cue.dep_ != "ROOT" else by_dep("nsubj")
    if lemma in lex.life_verbs:
        return by_dep("nsubj", "nsubjpass")
    if cue.pos_ in ("NOUN", "PROPN"):
        if lemma in lex.count_nouns:
            # "12 deaths", "15 bodies"; a bare "death" ("death toll", "his death") carries no count.
            return [cue] if cue.dep_ != "compound" and has_explicit_number(cue, lex) else []
        if lemma in lex.toll_nouns:
            return _toll_count(cue)
        # "the killing of 5 civilians"; without a number the "of" is usually a place ("massacre of Aguelhoc")
        objects = [c for p in by_dep("prep") if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        return [c for c in objects if has_explicit_number(c, lex)]
    if lemma in lex.die_verbs:
        return by_dep("nsubj")
    # kill-verbs; a passive verb has no object of its own (the parser sometimes invents one)
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    victims = by_dep("nsubjpass") if passive else by_dep("dobj")
    if not victims and cue.tag_ == "VBN" and not any(c.dep_ == "aux" and c.lemma_ == "have" for c in children):
        victims = by_dep("nsubj")  # "with 11 militants killed"
    if not victims and cue.dep_ in ("acl", "amod") and cue.head.pos_ in ("NOUN", "PROPN", "NUM"):
        victims = [cue.head]  # "11 militants killed in the raid"
    if not victims and not passive and cue.tag_ in ("VBG", "VBD", "VBZ", "VBP", "VB"):
        victims = _object_the_parse_missed(cue, lex)
    return victims


def _object_the_parse_missed(cue: Token, lex: Lexicon) -> list[Token]:
    """ "pounded Sanaa, killing at least 20 people, Houthi-run media and residents said": a long list
    of sources can make the parser take the victims for a subject of the saying verb. The counted
    noun right after an active kill verb, before any punctuation or other verb, is its object."""
    for token in cue.doc[cue.i + 1 : min(cue.sent.end, cue.i + 6)]:
        if token.pos_ in ("NOUN", "PROPN"):
            return [token] if has_explicit_number(token, lex) else []
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP"):
            return []
    return []


def _tally_over(cue: Token, lex: Lexicon) -> Token | None:
    """The noun counting the dead a death word describes: "the number of fighters killed", "the
    tally of people who died"; its figure is where its verb points, not the plural victims."""
    if cue.dep_ not in ("acl", "relcl"):
        return None
    victims, of = cue.head, cue.head.head
    if victims.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.lower() in lex.tally_nouns:
        return of.head
    return None


def _toll_count(toll: Token, own_of: bool = True) -> list[Token]:
    """ "a toll of 38", "the death toll rose to 40 / stands at 38 / was 38"; with own_of False
    ("the number of fighters killed rose to six") only the verb's figure counts."""
    for prep in (c for c in toll.children if own_of and c.dep_ == "prep" and c.lower_ == "of"):
        return [c for c in prep.children if c.dep_ == "pobj"]
    verb = toll.head
    out = [c for c in verb.children if c.dep_ in ("attr", "dobj") and c.i != toll.i]
    out += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at") for g in c.children if g.dep_ == "pobj"]
    return out[:1]


def toll_figure(tally: Token) -> Token | None:
    """The number a count of the dead is given by its verb ("the death toll has risen to 160"), or
    None when the verb gives no number."""
    figures = _toll_count(tally, own_of=False)
    return figures[0] if figures and has_explicit_number(figures[0], lexicon()) else None


def has_explicit_number(token: Token, lex: Lexicon) -> bool:
    if is_number_word(token, lex):
        return True
    return any(c.dep_ in ("nummod", "quantmod", "amod", "det") and is_number_word(c, lex) for c in token.children)


def is_number_word(token: Token, lex: Lexicon) -> bool:
    lower = token.lower_
    if lower in lex.one_words:
        return False  # "a soldier" is counted as a singular noun, not as a number
    if lower in lex.ordinals or ORDINAL_DIGITS.fullmatch(lower):
        return False  # spaCy's like_num takes "second" for a number: "a second soldier" is one
    return token.like_num or token.pos_ == "NUM" or lower in lex.vague or lower in lex.multipliers or lower in lex.units
