"""Counting the killed in one event's sentence over the dependency parse (rules: see the package doc)."""

from __future__ import annotations

import re
from dataclasses import dataclass

import spacy
from spacy.tokens import Token

from polybius.events.fatalities.lexicon import Lexicon, lexicon
from polybius.events.fatalities.quantity import Quantity, parse_quantity
from polybius.nlp import Document
from polybius.place import in_another_event
from polybius.records import FatalityCount, Span


ORDINAL_DIGITS = re.compile(r"\d+(?:st|nd|rd|th)")


@dataclass(frozen=True, slots=True)
class _Counted:
    quantity: Quantity
    start: int  # token range of the phrase counted, for its evidence span
    end: int


def count_fatalities(
    document: Document, sentence: spacy.tokens.Span, trigger: spacy.tokens.Token | None = None
) -> FatalityCount | None:
    """The killed reported in one event's sentence, summed across sides; None when no deaths are reported."""
    if sentence.doc is not document.doc:
        raise ValueError("count_fatalities: the sentence must be a span of the document's own spaCy Doc")
    lex = lexicon()
    cues = [token for token in sentence if _is_death_cue(token, lex)]
    if trigger is not None:
        cues = [cue for cue in cues if not in_another_event(cue, trigger)]  # "... after gunmen killed 160"
        related = [cue for cue in cues if _related(cue, trigger)]
        cues = related or [cue for cue in cues if not _earlier(cue, lex)]
    counted: dict[int, _Counted] = {}  # by victim token, so one victim is never counted twice
    for cue in cues:
        if _cumulative(cue, lex) or _superseded(cue, lex):
            continue
        for victim in _victims(cue, lex):
            for token in _with_conjuncts(victim, counted):
                found = _count_of(token, lex)
                if found is not None and token.i not in counted:
                    counted[token.i] = found
    zero = _stated_zero(sentence, lex)
    if not counted:
        if zero is None:
            return None
        return FatalityCount(0, 0, 0, (document.span(zero[0], zero[1]),))
    return _total(document, list(counted.values()))


def _total(document: Document, counted: list[_Counted]) -> FatalityCount:
    best = sum(c.quantity[0] for c in counted)
    low = sum(c.quantity[1] for c in counted)
    highs = [c.quantity[2] for c in counted]
    high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
    doc = document.doc
    spans: list[Span] = []
    for c in sorted(counted, key=lambda c: c.start):
        phrase = doc[c.start : c.end]
        spans.append(document.span(phrase.start_char, phrase.end_char))
    return FatalityCount(best, low, high, tuple(spans))


def _is_death_cue(token: Token, lex: Lexicon) -> bool:
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


def _related(cue: Token, trigger: Token) -> bool:
    if cue.i == trigger.i or cue.is_ancestor(trigger) or trigger.is_ancestor(cue):
        return True
    return cue.head.i == trigger.head.i and cue.dep_ == "conj"


def _earlier(cue: Token, lex: Lexicon) -> bool:
    """A pluperfect death ("had been killed", "had died"): before the reported event, not in it."""
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    return verb.tag_ == "VBN" and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in lex.pluperfect_auxiliaries for c in verb.children
    )


def _victims(cue: Token, lex: Lexicon) -> list[Token]:
    """The tokens naming who died, by the kind of death word."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    by_dep = lambda *deps: [c for c in children if c.dep_ in deps]  # noqa: E731
    tally = _tally_over(cue, lex)
    if tally is not None:  # "the number of fighters killed ... has risen to six"
        return _toll_count(tally, own_of=False)
    if cue.lower_ in lex.dead_words:
        if cue.pos_ == "NOUN" or cue.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
            return [cue] if _explicit_number(cue, lex) else []  # "five dead"; "prayers for the dead" counts none
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
            return [cue] if cue.dep_ != "compound" and _explicit_number(cue, lex) else []
        if lemma in lex.toll_nouns:
            return _toll_count(cue)
        # "the killing of 5 civilians"; without a number the "of" is usually a place ("massacre of Aguelhoc")
        objects = [c for p in by_dep("prep") if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"]
        return [c for c in objects if _explicit_number(c, lex)]
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
            return [token] if _explicit_number(token, lex) else []
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
    return figures[0] if figures and _explicit_number(figures[0], lexicon()) else None


def _with_conjuncts(victim: Token, counted: dict[int, _Counted]) -> list[Token]:
    """The victim and its "and"-joined co-victims; an uncounted plural after a counted one is covered
    by that count ("more than 90 soldiers and civilians" is 90, not 90 + 3)."""
    out = [victim] + [conj for conj in victim.conjuncts if conj.i > victim.i]
    lex = lexicon()
    if len(out) > 1 and any(_explicit_number(t, lex) for t in out):
        out = [t for t in out if _explicit_number(t, lex) or t.tag_ not in ("NNS", "NNPS")]
    return out


def _explicit_number(token: Token, lex: Lexicon) -> bool:
    if _is_number_word(token, lex):
        return True
    return any(c.dep_ in ("nummod", "quantmod", "amod", "det") and _is_number_word(c, lex) for c in token.children)


def _count_of(token: Token, lex: Lexicon) -> _Counted | None:
    """How many people one victim token stands for, with the phrase that says so."""
    lower = token.lower_
    if lower in lex.zero_words or _is_no_one(token, lex):
        return None  # zeros are read by _stated_zero
    if token.like_num or token.pos_ == "NUM" or lower in lex.vague or lower in lex.multipliers:
        return _phrase_at(token, lex)
    numbers = [c for c in token.children if c.dep_ in ("nummod", "quantmod", "amod", "det") and _is_number_word(c, lex)]
    if numbers:
        return _phrase_at(max(numbers, key=lambda c: c.i), lex, end=token.i + 1)
    if any(c.lower_ in lex.zero_words and c.dep_ == "det" for c in token.children):
        return None
    if token.pos_ == "PRON":
        return _Counted((1, 1, 1), token.i, token.i + 1) if lower in ("he", "she", "him", "her") else None
    start = min([token.i] + [c.i for c in token.children if c.dep_ in ("det", "amod", "compound", "poss")])
    if _is_plural(token):
        best, low = lex.vague["<plural>"]
        return _Counted((best, low, None), start, token.i + 1)
    if token.pos_ in ("NOUN", "PROPN"):
        return _Counted((1, 1, 1), start, token.i + 1)  # "a French soldier", "the pilot", "Abou Zeid"
    return None


def _is_plural(token: Token) -> bool:
    if token.tag_ in ("NNS", "NNPS") or token.morph.get("Number") == ["Plur"]:
        return True
    # The small model tags group names such as "Islamists" as singular proper nouns.
    return token.pos_ == "PROPN" and token.ent_type_ in ("", "NORP") and token.lower_.endswith(("ists", "ans", "ers"))


def _is_number_word(token: Token, lex: Lexicon) -> bool:
    lower = token.lower_
    if lower in lex.one_words:
        return False  # "a soldier" is counted as a singular noun, not as a number
    if lower in lex.ordinals or ORDINAL_DIGITS.fullmatch(lower):
        return False  # spaCy's like_num takes "second" for a number: "a second soldier" is one
    return token.like_num or token.pos_ == "NUM" or lower in lex.vague or lower in lex.multipliers or lower in lex.units


def _phrase_at(token: Token, lex: Lexicon, end: int | None = None) -> _Counted | None:
    """Grow a number phrase around a number token ("more than 20", "between 5 and 10") and parse it."""
    doc, words = token.doc, lex.number_words
    start = token.i
    while start > 0 and token.i - start < 5 and (doc[start - 1].lower_ in words or doc[start - 1].like_num):
        start -= 1
    stop = token.i + 1
    if stop + 1 < len(doc) and doc[stop].lower_ in lex.range_words and (doc[stop + 1].like_num or doc[stop + 1].lower_ in lex.units):
        stop += 2
    # Try the widest phrase first, then narrower ones, so stray words to the left do not spoil it.
    for first in range(start, token.i + 1):
        quantity = parse_quantity(doc[first:stop].text)
        if quantity is not None:
            return _Counted(quantity, first, max(stop, end or stop))
    return None


def _is_no_one(token: Token, lex: Lexicon) -> bool:
    doc = token.doc
    for phrase in lex.no_one:
        size = len(phrase.split())
        begin = token.i - size + 1
        if begin >= 0 and doc[begin : token.i + 1].text.lower() == phrase:
            return True
    return False


def count_follow_up(document: Document, sentence: spacy.tokens.Span) -> FatalityCount | None:
    """The killed that a sentence right after an event's own sentence reports for that event ("At least
    10 civilians were killed and 45 injured"). Only deaths told in the past count: a present or perfect
    tally ("the war has killed 10,000", "attacks kill dozens each month") sums more than one event."""
    lex = lexicon()
    if any(_told_as_tally(cue) for cue in sentence if _is_death_cue(cue, lex)):
        return None
    count = count_fatalities(document, sentence)
    return count if count is not None and count.best > 0 else None


def adds_to_toll_before(sentence: spacy.tokens.Span) -> bool:
    """The sentence's dead come on top of those told just before: "Four Taliban were also killed
    when troops returned fire" after "... killing seven members of the security forces"."""
    lex = lexicon()
    return any(_is_death_cue(cue, lex) and any(c.dep_ == "advmod" and c.lower_ == "also" for c in cue.children)
               for cue in sentence)


def added(first: FatalityCount, second: FatalityCount) -> FatalityCount:
    """Two counts of different dead of one event, summed (as the sides of one sentence are)."""
    high = None if first.high is None or second.high is None else first.high + second.high
    return FatalityCount(first.best + second.best, first.low + second.low, high, first.spans + second.spans)


def _told_as_tally(cue: Token) -> bool:
    verb = cue if cue.pos_ in ("VERB", "AUX") else cue.head
    perfect = any(c.dep_ in ("aux", "auxpass") and c.lemma_ == "have" for c in verb.children)
    return perfect or (verb.tag_ in ("VBZ", "VBP") and verb.lemma_ != "be")


def in_running_tally(cue: Token) -> bool:
    """A death word that sums or ranks deaths in a running tally ("the second French casualty since
    the intervention", "killed so far this year") rather than reporting deaths of its own event."""
    return _cumulative(cue, lexicon())


def _cumulative(cue: Token, lex: Lexicon) -> bool:
    """A death word inside a running tally: "since", "so far", "this year", "bringing", ordinals."""
    tokens = {cue.i: cue}
    scoped = ("prep", "npadvmod", "advmod", "nsubj", "nsubjpass", "dobj", "attr", "oprd", "amod", "compound")
    for child in cue.children:
        if child.dep_ in scoped:
            tokens.update((t.i, t) for t in child.subtree)
    for ancestor in list(cue.ancestors)[:3]:
        tokens[ancestor.i] = ancestor
        for child in ancestor.children:
            if child.dep_ in ("npadvmod", "advmod") or (child.dep_ == "prep" and child.lower_ == "since"):
                tokens.update((t.i, t) for t in child.subtree)
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


def _superseded(cue: Token, lex: Lexicon) -> bool:
    """A figure the sentence replaces with a newer one: "35 were killed, far fewer than the toll of
    95 given by officials", "revising a toll of 95", "an earlier toll of 95"."""
    for token in (cue, *list(cue.ancestors)[:2]):
        if token.dep_ == "pobj" and _compares(token.head, lex):
            return True
        if token.dep_ == "dobj" and token.head.lemma_.lower() in lex.revision_verbs:
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


def _stated_zero(sentence: spacy.tokens.Span, lex: Lexicon) -> tuple[int, int] | None:
    """Character range of "no one was killed" / "no casualties" / "without casualties", if stated."""
    harmful = lex.verb_cues | lex.harm
    nouns = lex.casualty_nouns | lex.count_nouns
    for token in sentence:
        lemma = token.lemma_.lower()
        if lemma in nouns or token.lower_ in nouns:
            det = next((c for c in token.children if c.dep_ == "det" and c.lower_ in lex.zero_words), None)
            if det is not None:
                return det.idx, token.idx + len(token)
            if token.dep_ == "pobj" and token.head.lower_ in lex.without:
                return token.head.idx, token.idx + len(token)
        if lemma in harmful and token.pos_ in ("VERB", "ADJ"):
            for subject in (c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")):
                if subject.lower_ in lex.zero_words or _is_no_one(subject, lex):
                    first = subject.left_edge
                    return first.idx, subject.idx + len(subject)
    return None
