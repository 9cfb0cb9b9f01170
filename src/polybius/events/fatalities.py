"""How many people an event killed: the one place for Polybius' fatality rules.

Words live in data/fatalities.toml; the rules are these.

Numbers (parse_quantity -> (best, low, high); best is ACLED's conservative figure, high None = unbounded)
- digits and words: "11", "1,800", "1.5 million", "eleven", "twenty-five", "one hundred and twenty",
  "a dozen" (12), "a soldier"/"one" (1 when the victim noun is singular);
- vague counts, after ACLED's codebook ("Reported fatalities") and fatality FAQ: "dozens" 12, "tens" 10,
  "hundreds" 100, "thousands" 1000; "several", "a few", "a handful" 3 and "many", "numerous" 10 (ACLED
  records 3 or 10 for these depending on scale); "scores" 20 (one score, as "dozens" is one dozen);
  plural victims with no count ("civilians were killed") 3, ACLED's plural-fatalities rule;
- a vague word before a unit counts one unit, as ACLED's "hundreds" counts 100: "several hundred" 100,
  "a few dozen" 12; "tens of thousands" multiplies, 10 x 1000;
- qualifiers: "more than/at least/over N" -> N with no upper bound (ACLED codes the lowest figure:
  "a soldier and more than 20 rebels" is 21); "about/nearly/almost/some N" -> N; "up to/as many as N"
  -> N, low 1; "fewer than/less than N" -> N-1, low 1;
- ranges "between 5 and 10", "5 to 10", "5-10", "two or three" -> best and low the lower, high the upper.

Counting (count_fatalities over one event's sentence)
- deaths are reported by: kill/execute/massacre/behead/... (passive subjects, active objects,
  "11 militants killed"), die/perish, "dead" ("leaving 5 dead", "shot dead"), "lost their lives",
  "had their throats slit", and count nouns "deaths", "fatalities", "bodies", "death toll";
- the dependency parse ties each number to its death word, so "11 of its troops were killed and 60
  wounded" is 11; victims joined by "and" are summed across sides: "a French soldier and more than
  20 Islamist rebels were killed" -> 21;
- wounded, injured, hurt, captured, arrested, detained, kidnapped, missing never count (they are never
  death words, so no number is tied to them);
- "casualties" means killed and/or wounded: ACLED codes 0 when only casualties are reported, so a
  number of casualties is not a death count (None, unknown); "no casualties" is a stated 0;
- a stated zero ("no one was killed", "nobody was hurt", "no casualties", "without casualties") -> 0;
  "no reports of casualties" is not a zero (the "no" is on the reports);
- cumulative tolls are not the event's: a death word under "since", "so far", "this year", "bringing",
  "total"... or with an ordinal ("the second French casualty") is skipped;
- with a trigger, only death words in the trigger's clause (its ancestors and descendants) count,
  unless none is, then the whole sentence's do;
- None when the sentence reports no deaths: fusion treats None as unknown, 0 only when stated.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import spacy
from spacy.tokens import Token

from polybius.nlp import Document
from polybius.records import FatalityCount, Span

Quantity = tuple[int, int, int | None]  # best, low, high


@dataclass(frozen=True, slots=True)
class _Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    one_words: frozenset[str]
    vague: dict[str, tuple[int, int]]
    vague_unit_words: tuple[str, ...]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # longest first
    range_words: frozenset[str]
    range_openers: frozenset[str]
    kill_verbs: frozenset[str]
    die_verbs: frozenset[str]
    dead_words: frozenset[str]
    count_nouns: frozenset[str]
    event_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    life_verbs: frozenset[str]
    life_objects: frozenset[str]
    throat_verbs: frozenset[str]
    throat_nouns: frozenset[str]
    harm: frozenset[str]
    casualty_nouns: frozenset[str]
    zero_words: frozenset[str]
    no_one: tuple[str, ...]
    without: frozenset[str]
    cumulative: tuple[tuple[str, ...], ...]
    ordinals: frozenset[str]

    number_words: frozenset[str] = frozenset()  # any word of a number phrase, to grow one around a number
    verb_cues: frozenset[str] = frozenset()  # kill and die verbs
    noun_cues: frozenset[str] = frozenset()  # count, event and toll nouns


def _number_words(lex: _Lexicon) -> frozenset[str]:
    words = set(lex.units) | set(lex.tens) | set(lex.multipliers) | lex.one_words
    words |= {w for phrase, _ in lex.qualifiers for w in phrase}
    words |= {w for key in lex.vague for w in key.split()} | set(lex.range_openers)
    words |= {w + "s" for w in lex.multipliers}
    return frozenset(words)


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    raw = tomllib.loads(resources.files("polybius.events").joinpath("data/fatalities.toml").read_text("utf-8"))
    numbers, deaths, quals = raw["numbers"], raw["deaths"], raw["qualifiers"]
    words = lambda values: frozenset(v.lower() for v in values)  # noqa: E731
    qualifiers = [
        (tuple(_words_of(phrase)), kind) for kind in ("at_least", "about", "up_to", "below") for phrase in quals[kind]
    ]
    qualifiers.sort(key=lambda item: -len(item[0]))
    lex = _Lexicon(
        units=numbers["units"],
        tens=numbers["tens"],
        multipliers=numbers["multipliers"],
        one_words=words(numbers["one_words"]),
        vague={key: (int(v[0]), int(v[1])) for key, v in raw["vague"].items()},
        vague_unit_words=tuple(raw["vague_units"]["words"]),
        qualifiers=tuple(qualifiers),
        range_words=words(quals["range_words"]),
        range_openers=words(quals["range_openers"]),
        kill_verbs=words(deaths["kill_verbs"]),
        die_verbs=words(deaths["die_verbs"]),
        dead_words=words(deaths["dead_words"]),
        count_nouns=words(deaths["count_nouns"]),
        event_nouns=words(deaths["event_nouns"]),
        toll_nouns=words(deaths["toll_nouns"]),
        life_verbs=words(deaths["life_verbs"]),
        life_objects=words(deaths["life_objects"]),
        throat_verbs=words(deaths["throat_verbs"]),
        throat_nouns=words(deaths["throat_nouns"]),
        harm=words(raw["not_deaths"]["harm"]),
        casualty_nouns=words(raw["not_deaths"]["casualty_nouns"]),
        zero_words=words(raw["zero"]["words"]),
        no_one=tuple(raw["zero"]["no_one"]),
        without=words(raw["zero"]["without"]),
        cumulative=tuple(tuple(_words_of(p)) for p in raw["cumulative"]["words"]),
        ordinals=words(raw["cumulative"]["ordinals"]),
    )
    return dataclasses.replace(
        lex,
        number_words=_number_words(lex),
        verb_cues=lex.kill_verbs | lex.die_verbs,
        noun_cues=lex.count_nouns | lex.event_nouns | lex.toll_nouns,
    )


# -- numbers ---------------------------------------------------------------------------------------

_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def _words_of(text: str) -> list[str]:
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 1,800 -> 1800
    text = re.sub(r"\s*-\s*", " - ", text)  # hyphens become words: "twenty - five", "5 - 10"
    return re.sub(r"[^\w\s.\-']", " ", text).split()


def parse_quantity(text: str) -> Quantity | None:
    """(best, low, high) for a number phrase such as "more than 20", "a dozen", "two or three"; None if not one."""
    if not isinstance(text, str):
        raise ValueError(f"parse_quantity expects a string, got {type(text).__name__}")
    words = _words_of(text)
    while words and words[-1] == "of":  # "dozens of"
        words.pop()
    return _quantity(words) if words else None


def _quantity(words: list[str]) -> Quantity | None:
    lex = _lexicon()
    for phrase, kind in lex.qualifiers:
        if tuple(words[: len(phrase)]) == phrase and len(words) > len(phrase):
            inner = _plain(words[len(phrase) :])
            if inner is not None:
                return _qualified(inner, kind)
    return _plain(words)


def _qualified(inner: Quantity, kind: str) -> Quantity:
    best, low, high = inner
    if kind == "at_least":
        return best, low, None
    if kind == "up_to":
        return best, min(1, best), best
    if kind == "below":
        below = max(best - 1, 0)
        return below, min(1, below), below
    return inner  # "about": the figure reported


def _plain(words: list[str]) -> Quantity | None:
    lex = _lexicon()
    if words[0] in lex.range_openers:
        return _range(words[1:])
    exact = _number(words)
    if exact is not None:
        return exact, exact, exact
    return _range(words) or _vague(words)


def _range(words: list[str]) -> Quantity | None:
    lex = _lexicon()
    for i, word in enumerate(words):
        if word in lex.range_words and 0 < i < len(words) - 1:
            first, second = _number(words[:i]), _number(words[i + 1 :])
            if first is not None and second is not None and first <= second:
                return first, first, second
    return None


def _vague(words: list[str]) -> Quantity | None:
    lex = _lexicon()
    phrase = " ".join(words)
    if phrase in lex.vague:
        best, low = lex.vague[phrase]
        return best, low, None
    # "several hundred", "a few dozen": one unit.
    for lead in lex.vague_unit_words:
        lead_words = lead.split()
        unit = _unit(words[len(lead_words) :]) if words[: len(lead_words)] == lead_words else None
        if unit is not None:
            return unit, unit, None
    # "tens of thousands": the vague count times the unit.
    if "of" in words:
        cut = words.index("of")
        count, unit = _vague(words[:cut]), _unit(words[cut + 1 :])
        if count is not None and unit is not None:
            return count[0] * unit, count[1] * unit, None
    return None


def _unit(words: list[str]) -> int | None:
    if len(words) != 1:
        return None
    multipliers = _lexicon().multipliers
    word = words[0]
    return multipliers.get(word) or multipliers.get(word[:-1] if word.endswith("s") else "")


def _number(words: list[str]) -> int | None:
    """An exact number in digits or words: "1800", "1.5 million", "one hundred and twenty", "a dozen"."""
    lex = _lexicon()
    total, current, seen = 0, 0.0, False
    for i, word in enumerate(words):
        previous = words[i - 1] if i else ""
        following = words[i + 1] if i + 1 < len(words) else ""
        if _DIGITS.fullmatch(word):
            current += float(word)
        elif word in lex.units:
            current += lex.units[word]
        elif word in lex.tens:
            current += lex.tens[word]
        elif word in lex.one_words and following in lex.multipliers and not seen:
            current += 1
        elif word == "-" and previous in lex.tens and following in lex.units:
            continue
        elif word == "and" and previous in lex.multipliers and following and following not in lex.multipliers:
            continue
        elif word in lex.multipliers:
            multiplier = lex.multipliers[word]
            if multiplier >= 1000:
                total, current = total + current * multiplier, 0.0
            else:
                current = (current or 1) * multiplier
        else:
            return None
        seen = True
    return int(total + current) if seen else None


# -- counting --------------------------------------------------------------------------------------


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
    lex = _lexicon()
    cues = [token for token in sentence if _is_death_cue(token, lex)]
    if trigger is not None:
        related = [cue for cue in cues if _related(cue, trigger)]
        cues = related or cues
    counted: dict[int, _Counted] = {}  # by victim token, so one victim is never counted twice
    for cue in cues:
        if _cumulative(cue, lex):
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


def _is_death_cue(token: Token, lex: _Lexicon) -> bool:
    lemma, lower = token.lemma_.lower(), token.lower_
    if token.pos_ in ("VERB", "AUX", "ADJ") and lemma in lex.verb_cues:
        return True
    if lower in lex.dead_words:
        return True
    if token.pos_ in ("NOUN", "PROPN") and lemma in lex.noun_cues:
        return True
    if lemma in lex.life_verbs and any(c.dep_ == "dobj" and c.lower_ in lex.life_objects for c in token.children):
        return True
    return lemma in lex.throat_verbs and _throat_of(token, lex) is not None


def _throat_of(token: Token, lex: _Lexicon) -> Token | None:
    return next((c for c in token.children if c.lower_ in lex.throat_nouns), None)


def _related(cue: Token, trigger: Token) -> bool:
    if cue.i == trigger.i or cue.is_ancestor(trigger) or trigger.is_ancestor(cue):
        return True
    return cue.head.i == trigger.head.i and cue.dep_ == "conj"


def _victims(cue: Token, lex: _Lexicon) -> list[Token]:
    """The tokens naming who died, by the kind of death word."""
    lemma = cue.lemma_.lower()
    children = list(cue.children)
    by_dep = lambda *deps: [c for c in children if c.dep_ in deps]  # noqa: E731
    if cue.lower_ in lex.dead_words:
        if cue.pos_ == "NOUN" or cue.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj"):
            return [cue] if _explicit_number(cue, lex) else []  # "five dead"; "prayers for the dead" counts none
        if cue.dep_ == "amod":
            return [cue.head]  # "five dead soldiers"
        head = cue.head  # "leaving 5 dead", "were shot dead"
        return [c for c in head.children if c.dep_ in ("dobj", "nsubjpass", "nsubj")][:1]
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
    return victims


def _toll_count(toll: Token) -> list[Token]:
    """ "a toll of 38", "the death toll rose to 40 / stands at 38 / was 38"."""
    for prep in (c for c in toll.children if c.dep_ == "prep" and c.lower_ == "of"):
        return [c for c in prep.children if c.dep_ == "pobj"]
    verb = toll.head
    out = [c for c in verb.children if c.dep_ in ("attr", "dobj") and c.i != toll.i]
    out += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "at") for g in c.children if g.dep_ == "pobj"]
    return out[:1]


def _with_conjuncts(victim: Token, counted: dict[int, _Counted]) -> list[Token]:
    """The victim and its "and"-joined co-victims; an uncounted plural after a counted one is covered
    by that count ("more than 90 soldiers and civilians" is 90, not 90 + 3)."""
    out = [victim] + [conj for conj in victim.conjuncts if conj.i > victim.i]
    lex = _lexicon()
    if len(out) > 1 and any(_explicit_number(t, lex) for t in out):
        out = [t for t in out if _explicit_number(t, lex) or t.tag_ not in ("NNS", "NNPS")]
    return out


def _explicit_number(token: Token, lex: _Lexicon) -> bool:
    if _is_number_word(token, lex):
        return True
    return any(c.dep_ in ("nummod", "quantmod", "amod", "det") and _is_number_word(c, lex) for c in token.children)


def _count_of(token: Token, lex: _Lexicon) -> _Counted | None:
    """How many people one victim token stands for, with the phrase that says so."""
    doc = token.doc
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


def _is_number_word(token: Token, lex: _Lexicon) -> bool:
    lower = token.lower_
    if lower in lex.one_words:
        return False  # "a soldier" is counted as a singular noun, not as a number
    return token.like_num or token.pos_ == "NUM" or lower in lex.vague or lower in lex.multipliers or lower in lex.units


def _phrase_at(token: Token, lex: _Lexicon, end: int | None = None) -> _Counted | None:
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


def _is_no_one(token: Token, lex: _Lexicon) -> bool:
    doc = token.doc
    for phrase in lex.no_one:
        size = len(phrase.split())
        begin = token.i - size + 1
        if begin >= 0 and doc[begin : token.i + 1].text.lower() == phrase:
            return True
    return False


def _cumulative(cue: Token, lex: _Lexicon) -> bool:
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
    return any(t.lower_ in lex.ordinals and t.dep_ == "amod" for t in tokens.values())


def _stated_zero(sentence: spacy.tokens.Span, lex: _Lexicon) -> tuple[int, int] | None:
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
