"""Finding every actor mention in an article.

Three kinds of mention, all token-based over the spaCy parse:
- named actors, by alias (case-insensitive) or acronym (exact case): "MUJAO", "Operation Serval";
- state forces by nationality + force noun: "Nigerian police", "the army of Mali", "French jets";
- generic groups by their head noun: "protesters", "villagers", "gunmen", "Islamist rebels".

The force or group noun must head its noun phrase: "a Malian military source", "army barracks" and
"French President Francois Hollande" name no armed actor. Government bodies ("the French defence
ministry") speak about events far more often than they act in them, so they are reported only when
asked for (include_government=True), as "Government of <country>".
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as TokenSpan
from spacy.util import filter_spans
from spacy.vocab import Vocab

from polybius.actors.anaphora import named_back
from polybius.actors.countries import countries
from polybius.actors.dictionary import ActorDictionary, NamedActor
from polybius.actors.groups import GenericGroup, catalog
from polybius.nlp import Document
from polybius.records import Actor, ActorMention

_NOUN = "ACTOR_GROUP_NOUN"
_NOT_HEADS = {"compound", "amod", "nmod"}  # "army barracks", "military source": the noun modifies another
_ORIGIN_PREPS = {"of", "from"}  # "troops from Chad", "the army of Mali"
_COREFERENCE_SENTENCES = 2  # how far back plain "troops" may look for the nationality they refer to
_ANAPHOR_SENTENCES = 8  # how far back "the soldier", "these troops" may look
_DEFINITE = {"the", "these", "those", "this", "that"}


@dataclass(frozen=True, slots=True)
class _Matchers:
    vocab: Vocab
    aliases: PhraseMatcher  # case-insensitive
    acronyms: PhraseMatcher  # exact case
    nouns: PhraseMatcher  # every generic-group noun
    owners: dict[str, NamedActor]  # match key -> named actor


@lru_cache(maxsize=1)
def _tokenizer():
    # Pattern phrases are tokenized like article text (spaCy's English rules split "al-Qaeda" too).
    return spacy.blank("en").tokenizer


def _pattern(vocab: Vocab, text: str) -> Doc:
    words = [(token.text, bool(token.whitespace_)) for token in _tokenizer()(text)]
    return Doc(vocab, words=[w for w, _ in words], spaces=[s for _, s in words])


def _build(dictionary: ActorDictionary, vocab: Vocab) -> _Matchers:
    # Later entries win an alias shared by two actors (a user's file overrides the bundled one).
    by_alias: dict[str, NamedActor] = {}
    by_acronym: dict[str, NamedActor] = {}
    for entry in dictionary.actors.values():
        by_alias.update((alias.lower(), entry) for alias in entry.aliases)
        by_acronym.update((acronym, entry) for acronym in entry.acronyms)
    owners: dict[str, NamedActor] = {}
    aliases = PhraseMatcher(vocab, attr="LOWER")
    acronyms = PhraseMatcher(vocab, attr="ORTH")
    for matcher, table in ((aliases, by_alias), (acronyms, by_acronym)):
        grouped: dict[str, list[str]] = {}
        for phrase, entry in table.items():
            grouped.setdefault(entry.actor.name, []).append(phrase)
            owners[entry.actor.name] = entry
        for name, phrases in grouped.items():
            matcher.add(name, [_pattern(vocab, phrase) for phrase in phrases])
    nouns = PhraseMatcher(vocab, attr="LOWER")
    all_nouns = set().union(*(group.nouns for group in catalog().groups.values()))
    nouns.add(_NOUN, [_pattern(vocab, noun) for noun in sorted(all_nouns)])
    return _Matchers(vocab, aliases, acronyms, nouns, owners)


def _matchers(dictionary: ActorDictionary, vocab: Vocab) -> _Matchers:
    built = dictionary._matchers
    if built is None or built.vocab is not vocab:
        built = dictionary._matchers = _build(dictionary, vocab)
    return built


def find_actors(document: Document, dictionary: ActorDictionary, *, include_government: bool = False) -> list[ActorMention]:
    """Every actor mention in the article, sorted by position; spans are the words naming the actor."""
    doc = document.doc
    matchers = _matchers(dictionary, doc.vocab)
    scan = _Scan(doc, include_government)
    noun_spans = filter_spans([doc[s:e] for _, s, e in matchers.nouns(doc)])
    scan.noun_at = {span.start: span for span in noun_spans}

    found: list[tuple[int, int, Actor]] = []
    for span, entry in _named_spans(doc, matchers):
        target = scan.link_target(span)
        if target is not None:
            scan.linked[target.root.i] = scan.linked.get(target.root.i, False) or entry.islamist
            scan.link_start[target.root.i] = span.start
            continue
        span = scan.absorb_following_noun(span)
        scan.claim(span)
        found.append((span.start_char, span.end_char, entry.actor))
    for span in noun_spans:
        if not scan.is_claimed(span):
            found.extend(scan.describe(span))
    found.extend(scan.anaphors(found))
    found.extend(scan.states_acting())
    found = named_back(doc, found, scan.catalog)

    unique = sorted(set(found), key=lambda item: (item[0], item[1], item[2].name))
    return [ActorMention(document.span(start, end), actor) for start, end, actor in unique]


def _named_spans(doc: Doc, matchers: _Matchers) -> list[tuple[TokenSpan, NamedActor]]:
    candidates = [
        TokenSpan(doc, start, end, label=key)
        for matcher in (matchers.aliases, matchers.acronyms)
        for key, start, end in matcher(doc)
    ]
    out = []
    for span in filter_spans(candidates):
        # A name inside a longer person's name ("Mokhtar Belmokhtar") is the person, not the group.
        if span.root.ent_type_ == "PERSON" and _inside_longer_entity(span):
            continue
        out.append((span, matchers.owners[span.label_]))
    return out


def _modifies_a_noun(token: Token) -> bool:
    """ "army barracks", "a military source", "bureaucratic, military and security institutions";
    or the first part of a hyphenated word ("gang-raped", "militia-style")."""
    if token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "-" and not token.whitespace_:
        return True
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token.dep_ in _NOT_HEADS or (token.dep_ == "conj" and token.head.pos_ == "ADJ")


def _inside_longer_entity(span: TokenSpan) -> bool:
    for ent in span.doc.ents:
        if ent.start <= span.start and span.end <= ent.end and (ent.end - ent.start) > (span.end - span.start):
            return True
    return False


class _Scan:
    """The per-article state of one find_actors call."""

    def __init__(self, doc: Doc, include_government: bool):
        self.doc = doc
        self.include_government = include_government
        self.countries = countries()
        self.catalog = catalog()
        self.noun_at: dict[int, TokenSpan] = {}
        self.claimed: set[int] = set()
        self.linked: dict[int, bool] = {}  # noun token -> linked to an Islamist named group?
        self.link_start: dict[int, int] = {}  # noun token -> first token of "al Qaeda-linked"
        self.sentence_starts = [sentence.start for sentence in doc.sents]
        self.recent_nations: dict[str, tuple[int, frozenset[str]]] = {}  # group key -> (sentence, nations)

    # -- named mentions -------------------------------------------------------------------------

    def claim(self, span: TokenSpan) -> None:
        self.claimed.update(range(span.start, span.end))

    def is_claimed(self, span: TokenSpan) -> bool:
        return any(i in self.claimed for i in range(span.start, span.end))

    def _armed_noun(self, span: TokenSpan) -> bool:
        text = span.text.lower()
        groups = self.catalog.groups
        return text in groups["armed"].nouns or text in groups["islamist"].nouns

    def link_target(self, span: TokenSpan) -> TokenSpan | None:
        """The armed-group noun a named mention only qualifies: "Qaeda-linked fighters", "fighters loyal to AQIM"."""
        doc, words = self.doc, self.catalog.link_words
        end = span.end
        if end + 1 < len(doc) and doc[end].text == "-" and doc[end + 1].lower_ in words:
            for start in range(end + 2, min(end + 6, len(doc))):
                noun = self.noun_at.get(start)
                if noun is not None:
                    return noun if self._armed_noun(noun) else None
            return None
        root = span.root
        if root.dep_ == "pobj" and root.head.head.lower_ in words:
            noun = root.head.head.head
            for candidate in self.noun_at.values():
                if candidate.root.i == noun.i and self._armed_noun(candidate):
                    return candidate
        return None

    def absorb_following_noun(self, span: TokenSpan) -> TokenSpan:
        """ "Boko Haram militants", "MNLA fighters": the group noun belongs to the named mention."""
        noun = self.noun_at.get(span.end)
        if noun is not None and span.root.head.i in range(noun.start, noun.end):
            return self.doc[span.start : noun.end]
        return span

    # -- described mentions ---------------------------------------------------------------------

    def describe(self, span: TokenSpan) -> list[tuple[int, int, Actor]]:
        root = span.root
        if root.pos_ not in ("NOUN", "PROPN") or root.ent_type_ == "PERSON" or _modifies_a_noun(root):
            return []
        window = list(self.doc[root.left_edge.i : span.start]) if root.left_edge.i < span.start else []
        modifiers = {token.lower_: token for token in window}
        noun = span.text.lower()
        groups = self.catalog.groups

        ethnic = next((self.catalog.ethnicities[w] for w in modifiers if w in self.catalog.ethnicities), None)
        if ethnic and noun in groups["ethnic"].nouns:
            marker = next(t for w, t in modifiers.items() if w in self.catalog.ethnicities)
            return [self._unlocalized(span, groups["ethnic"], marker.i, ethnicity=ethnic)]

        linked = self.linked.get(root.i)
        start = self.link_start.get(root.i)
        islamist = groups["islamist"]
        marker = next((t for w, t in modifiers.items() if w in islamist.modifiers), None)
        if noun in islamist.nouns or linked or (marker is not None and noun in groups["armed"].nouns):
            first = min(i for i in (start, marker.i if marker is not None else None, span.start) if i is not None)
            return [self._unlocalized(span, islamist, first)]
        if linked is not None or noun in groups["armed"].nouns and not self._state_noun(noun):
            return [self._unlocalized(span, groups["armed"], start if start is not None else span.start)]

        for group in groups.values():
            if noun not in group.nouns or group.key in ("ethnic", "islamist", "armed"):
                continue
            if group.government and not self.include_government:
                self._note_voice(span, window)
                continue
            if group.is_state:
                return self._state_forces(span, group, window)
            return self._people(span, group, window)
        return []

    def _note_voice(self, span: TokenSpan, window: list[Token]) -> None:
        """ "The French defence ministry said": its unnamed forces nearby are French."""
        if span.text.lower() in self.catalog.military_voices:
            nations = self._nations(window)
            if len(nations) == 1:
                self.recent_nations["military"] = (self._sentence_of(span.start), frozenset({nations[0][0]}))

    def anaphors(self, found: list[tuple[int, int, Actor]]) -> list[tuple[int, int, Actor]]:
        """ "The group said it had made the arrest": the armed group named last, a few sentences back."""
        named = sorted((start, actor) for start, _, actor in found
                       if 2 <= actor.inter <= 4 and self.catalog.match_unlocalized(actor.name) is None)
        out = []
        for token in self.doc:
            if token.lower_ not in self.catalog.anaphors or token.i in self.claimed or token.dep_ in _NOT_HEADS:
                continue
            if not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in token.children):
                continue
            earlier = [(start, actor) for start, actor in named if start < token.idx]
            if not earlier:
                continue
            start, actor = earlier[-1]
            named_sentence = self._sentence_of(self.doc.char_span(start, start + 1, alignment_mode="expand").start)
            if self._sentence_of(token.i) - named_sentence <= self.catalog.anaphor_sentences:
                out.append((token.left_edge.idx, token.idx + len(token.text), actor))
        return out

    def _state_noun(self, noun: str) -> bool:
        return any(noun in g.nouns for g in self.catalog.groups.values() if g.is_state)

    def _unlocalized(self, span: TokenSpan, group: GenericGroup, first: int, ethnicity: str = "") -> tuple[int, int, Actor]:
        actor = Actor(group.name(None, ethnicity=ethnicity), group.inter, None)
        # A link ("fighters allied to the SDF") may point past the noun; the mention never starts after it.
        return (self.doc[min(first, span.start)].idx, span.end_char, actor)

    def _state_forces(self, span: TokenSpan, group: GenericGroup, window: list[Token]) -> list[tuple[int, int, Actor]]:
        nations = self._nations(window)
        origin = self._origin(span)
        end = span.end_char
        if origin is not None:
            code, origin_end = origin
            if code is not None:
                nations.append((code, span.start))
                end = max(end, origin_end)
            elif not nations:
                return []  # "troops from other African states", "a force of 150 soldiers": not nameable here
        sentence = self._sentence_of(span.start)
        if nations:
            codes = [code for code, _ in nations]
            self.recent_nations[group.key] = (sentence, frozenset(codes))
            return [self._national(group, code, self.doc[first].idx, end) for code, first in nations]
        state_word = next((t for t in window if t.lower_ in group.state_words), None)
        if state_word is not None:
            return [(state_word.idx, end, Actor(group.name(None), group.inter, None))]
        # "the soldier", "its troops" point back to forces already named; plain "soldiers" may be
        # new ones, so they look back only a little before falling back to the event's country.
        # Possessives are left out: "its troops" belongs to whoever "it" is, often not the last army named.
        definite = any(child.dep_ == "det" and child.lower_ in _DEFINITE for child in span.root.children)
        reach = _ANAPHOR_SENTENCES if definite else _COREFERENCE_SENTENCES
        recent = self.recent_nations.get(group.key)
        if recent is not None and sentence - recent[0] <= reach and len(recent[1]) == 1:
            (code,) = recent[1]
            return [self._national(group, code, span.start_char, end)]
        if span.text.lower() not in group.bare_nouns:
            return []
        return [(span.start_char, end, Actor(group.name(None), group.inter, None))]

    def _people(self, span: TokenSpan, group: GenericGroup, window: list[Token]) -> list[tuple[int, int, Actor]]:
        # Civilians, protesters and rioters of a stated nationality keep it ("French hostages");
        # otherwise they belong to the event's country, filled in by localize().
        nations = self._nations(window)
        if nations:
            out = []
            for code, first in nations:
                country = self.countries.get(code)
                out.append((self.doc[first].idx, span.end_char, Actor(group.name(country.name), group.inter, code)))
            return out
        if span.text.lower() not in group.bare_nouns:
            return []
        return [(span.start_char, span.end_char, Actor(group.name(None), group.inter, None))]

    def states_acting(self) -> list[tuple[int, int, Actor]]:
        """ "Iran fired missiles at two bases": a country as the subject of an act of war is its army."""
        out = []
        for token in self.doc:
            verb = token.head
            if token.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in self.catalog.acting_verbs:
                continue
            words = [t for t in self.doc[token.left_edge.i : token.i + 1] if t.dep_ != "det"]
            phrase = self.doc[words[0].i : token.i + 1]
            code = self.countries.lookup(phrase.text)
            if code is not None and token.pos_ == "PROPN" and not self.is_claimed(phrase):
                out.append(self._national(self.catalog.groups["military"], code, phrase.start_char, phrase.end_char))
        return out

    def _national(self, group: GenericGroup, code: str, start: int, end: int) -> tuple[int, int, Actor]:
        country = self.countries.get(code)
        return (start, end, Actor(group.name(country.name, country_after_of=country.after_of), group.inter, code))

    def _nations(self, window: list[Token]) -> list[tuple[str, int]]:
        """Countries named among a noun's left modifiers, with the token each starts at."""
        found: list[tuple[str, int]] = []
        links = self.catalog.link_words
        position, end = 0, len(window)
        while position < end:
            token = window[position]
            matched = 0
            if token.text[:1].isupper():
                for size in range(min(self.countries.longest_word * 2, end - position), 0, -1):
                    words = self.doc[token.i : token.i + size].text
                    code = self.countries.lookup(words)
                    if code is not None:
                        after = token.i + size
                        backer = (
                            after + 1 < len(self.doc)
                            and self.doc[after].text == "-"
                            and self.doc[after + 1].lower_ in links
                        )
                        if not backer and code not in (c for c, _ in found):
                            found.append((code, token.i))
                        matched = size
                        break
            position += max(matched, 1)
        return found

    def _origin(self, span: TokenSpan) -> tuple[str | None, int] | None:
        """The country in "troops from Chad" / "the army of Mali": (code or None, end char), or None."""
        for child in span.root.rights:
            if child.dep_ == "prep" and child.lower_ in _ORIGIN_PREPS:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if not objects:
                    continue
                phrase = self.doc[objects[0].left_edge.i : objects[0].i + 1]
                words = [t for t in phrase if t.dep_ != "det"]
                text = self.doc[words[0].i : words[-1].i + 1].text if words else ""
                return self.countries.lookup(text), phrase.end_char
        return None

    def _sentence_of(self, token_index: int) -> int:
        return bisect_right(self.sentence_starts, token_index) - 1
