"""Counting the killed in one event's sentence over the dependency parse (rules: see the package doc)."""

from __future__ import annotations

from dataclasses import dataclass

import spacy
from spacy.tokens import Token

from polybius.events.fatalities.death_words import has_explicit_number, is_death_cue, is_number_word, victims_of
from polybius.events.fatalities.lexicon import Lexicon, lexicon
from polybius.events.fatalities.quantity import Quantity, parse_quantity
from polybius.events.fatalities.tallies import is_cumulative, is_superseded, revised_to, told_as_tally
from polybius.nlp import Document
from polybius.place import in_another_event
from polybius.records import FatalityCount, Span


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
    cues = [token for token in sentence if is_death_cue(token, lex)]
    if trigger is not None:
        cues = [cue for cue in cues if not in_another_event(cue, trigger)]  # "... after gunmen killed 160"
        related = [cue for cue in cues if _related(cue, trigger)]
        cues = related or [cue for cue in cues if not _earlier(cue, lex)]
    revised = [cue for cue in cues if revised_to(cue, lex)]
    cues = revised or cues
    counted: dict[int, _Counted] = {}  # by victim token, so one victim is never counted twice
    for cue in cues:
        if is_cumulative(cue, lex) or is_superseded(cue, lex):
            continue
        for victim in victims_of(cue, lex):
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


def _with_conjuncts(victim: Token, counted: dict[int, _Counted]) -> list[Token]:
    """The victim and its "and"-joined co-victims; an uncounted plural after a counted one is covered
    by that count ("more than 90 soldiers and civilians" is 90, not 90 + 3)."""
    out = [victim] + [conj for conj in victim.conjuncts if conj.i > victim.i]
    lex = lexicon()
    if len(out) > 1 and any(has_explicit_number(t, lex) for t in out):
        out = [t for t in out if has_explicit_number(t, lex) or t.tag_ not in ("NNS", "NNPS")]
    return out


def _count_of(token: Token, lex: Lexicon) -> _Counted | None:
    """How many people one victim token stands for, with the phrase that says so."""
    lower = token.lower_
    if lower in lex.zero_words or _is_no_one(token, lex):
        return None  # zeros are read by _stated_zero
    if token.like_num or token.pos_ == "NUM" or lower in lex.vague or lower in lex.multipliers:
        return _phrase_at(token, lex)
    numbers = [c for c in token.children if c.dep_ in ("nummod", "quantmod", "amod", "det") and is_number_word(c, lex)]
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
    if any(told_as_tally(cue) for cue in sentence if is_death_cue(cue, lex)):
        return None
    count = count_fatalities(document, sentence)
    return count if count is not None and count.best > 0 else None


def adds_to_toll_before(sentence: spacy.tokens.Span) -> bool:
    """The sentence's dead come on top of those told just before: "Four Taliban were also killed
    when troops returned fire" after "... killing seven members of the security forces"."""
    lex = lexicon()
    return any(is_death_cue(cue, lex) and any(c.dep_ == "advmod" and c.lower_ == "also" for c in cue.children)
               for cue in sentence)


def added(first: FatalityCount, second: FatalityCount) -> FatalityCount:
    """Two counts of different dead of one event, summed (as the sides of one sentence are)."""
    high = None if first.high is None or second.high is None else first.high + second.high
    return FatalityCount(first.best + second.best, first.low + second.low, high, first.spans + second.spans)


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
