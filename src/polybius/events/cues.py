"""Word cues from data/cues.toml: event triggers per sub-type, and the words that mark unreal,
background and aggregate mentions. Matching works on spaCy tokens (lemma or lower-case form)."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polybius.events.taxonomy import taxonomy

DATA = Path(__file__).parent / "data"

Phrase = tuple[str, ...]


def stem(word: str) -> str:
    """A light suffix-stripping stem, so "raped", "rapes" and "rape" meet when the lemmatizer misses."""
    word = word.lower()
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            break
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # "shipped" -> "shipp" -> "ship"
    if len(word) > 3 and word.endswith("e"):
        word = word[:-1]
    return word


def _phrase(text: str) -> Phrase:
    """Cue words as spaCy splits them: on spaces, and around hyphens inside words ("sit-in")."""
    return tuple(re.sub(r"(?<=\w)-(?=\w)", " - ", text.lower()).split())


@dataclass(frozen=True, slots=True)
class CueMatch:
    """A cue found in a sentence: tokens [start, end) of the Doc, and the sub-types it can name."""

    start: int
    end: int
    phrase: Phrase
    sub_types: frozenset[str]

    def head(self, doc) -> Token:
        """The token that stands for the cue in the parse (the syntactic head of the phrase)."""
        tokens = doc[self.start : self.end]
        return tokens.root if len(tokens) > 1 else tokens[0]


@dataclass(frozen=True)
class PhraseIndex:
    """Phrases indexed by their first word, matched on lemma or lower-case form of each token."""

    labels: dict[Phrase, frozenset[str]]
    by_first: dict[str, tuple[Phrase, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, labelled: dict[Phrase, set[str]]) -> "PhraseIndex":
        by_first: dict[str, list[Phrase]] = defaultdict(list)
        for phrase in labelled:
            for key in {phrase[0], stem(phrase[0])}:
                by_first[key].append(phrase)
        ordered = {key: tuple(sorted(value, key=len, reverse=True)) for key, value in by_first.items()}
        return cls({p: frozenset(s) for p, s in labelled.items()}, ordered)

    def find(self, tokens: SpacySpan) -> list[CueMatch]:
        """Longest cue at each position, left to right, without overlaps."""
        found: list[CueMatch] = []
        words = [(t.lemma_.lower(), t.lower_, stem(t.lower_)) for t in tokens]
        i = 0
        while i < len(words):
            match = self._match_at(words, i)
            if match is None:
                i += 1
                continue
            if self.labels[match]:  # a phrase with no label only hides the cues inside it
                found.append(CueMatch(tokens.start + i, tokens.start + i + len(match), match, self.labels[match]))
            i += len(match)
        return found

    def _match_at(self, words: list[tuple[str, str, str]], i: int) -> Phrase | None:
        candidates: set[Phrase] = set()
        for form in words[i]:
            candidates.update(self.by_first.get(form, ()))
        # Longest first; at equal length a phrase matched word for word wins over one matched by
        # stem only ("mine" is not "mining", though both stem to "min").
        fitting = [p for p in candidates if i + len(p) <= len(words) and all(
            part in words[i + k] or stem(part) == words[i + k][2] for k, part in enumerate(p))]
        return max(fitting, key=lambda p: (len(p), all(part in words[i + k] for k, part in enumerate(p)), p),
                   default=None)


@dataclass(frozen=True)
class Cues:
    triggers: PhraseIndex  # trigger phrase -> sub-types it can name ("" marks plain harm words)
    modal_aux: frozenset[str]
    unreal_governors: frozenset[str]
    habitual: frozenset[str]  # adverbs of habit: the clause reports no single event
    records: frozenset[str]  # nouns of records (video, statement): a trigger acting on one is no event
    background_lemmas: frozenset[str]
    background_phrases: tuple[str, ...]
    background_patterns: tuple[re.Pattern, ...]
    aggregate_patterns: tuple[re.Pattern, ...]
    campaign_nouns: frozenset[str]  # a present-perfect tally in a sentence naming one is aggregate
    spread_km: float  # towns this far apart in one mention make it aggregate
    weapons: PhraseIndex  # weapon phrase -> ERV sub-type(s), or GENERIC_WEAPON
    weapon_types: frozenset[str]  # the event types whose sub-type the weapon words decide
    named_weapons_only: frozenset[str]  # sub-types that only their own weapon words name
    stand_ins: dict[str, str]  # a ruled-out favourite -> the sub-type that takes its place
    sides: PhraseIndex  # side phrase -> STATE | NON_STATE | ARMED_TARGET | CIVILIAN
    transfer: PhraseIndex  # phrase -> TRANSFER | FIGHTING
    disrupting: PhraseIndex  # verbs that defuse, seize or intercept a weapon
    engagement: PhraseIndex  # words of two-sided fighting
    protest: PhraseIndex  # phrase -> RIOT | LETHAL | INTERVENTION
    accident: PhraseIndex  # phrase -> ACCIDENT | INTENT
    crime: PhraseIndex  # phrase -> CRIME | POLITICAL
    crime_types: frozenset[str]  # sub-types that ordinary crime words make no event
    found_dead_types: frozenset[str]  # sub-types of a mention of bodies found ([found_dead])
    bodies: frozenset[str]  # words for the dead found ("his body was dumped")
    reporting_verbs: frozenset[str]
    protest_about: frozenset[str]  # prepositions that introduce what a protest is about
    protest_displayed: frozenset[str]  # verbs whose object protesters show ("holding up the names of the dead")
    protest_purposes: frozenset[str]  # verbs of a purpose clause that says what a protest is about
    disappearance: PhraseIndex  # words that make a taking by state forces a forced disappearance
    abducting: frozenset[str]  # words that call a taking an abduction outright
    reciprocal_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    seized_goods: frozenset[str]  # objects of "seize" that are not territory
    claimed: frozenset[str]
    attribution: frozenset[str]  # words whose object is an event attributed rather than reported
    alleging: frozenset[str]  # "suspected of being X": what X is said to be, not a party
    backing: frozenset[str]  # "with the backing of X": X is the doer's ally
    undergoing: PhraseIndex  # verbs whose subject is the target ("came under fire")
    toll_verbs: frozenset[str]  # verbs that revise a count of the dead ("has risen to 160")
    own_cue_types: frozenset[str]  # event types whose sub-types each need a cue of their own (support.py)
    harm_families: frozenset[str]  # event types that any word of harm or violence supports
    violent_types: frozenset[str]  # event types whose cues count as words of violence


HARM = "harm"  # the pseudo sub-type of harm words ([triggers] harm): they make a candidate but name no type
GENERIC_WEAPON = "generic"
STATE, NON_STATE, ARMED_TARGET, CIVILIAN = "state", "non_state", "armed_targets", "civilian_markers"
TRANSFER, FIGHTING = "cues", "fighting"
RIOT, LETHAL, INTERVENTION = "riot", "lethal", "intervention"
ACCIDENT, INTENT = "cues", "intent"
CRIME, POLITICAL = "crimes", "political"
DISRUPTING, ENGAGEMENT = "disrupted", "engagement"
# Keys of [weapons] that are settings or word lists of their own, not weapons of a sub-type.
WEAPON_SETTINGS = ("applies_to", "named_only", DISRUPTING, ENGAGEMENT)


def _phrases(table: dict, keys: tuple[str, ...] | None = None) -> dict[Phrase, set[str]]:
    """Every word list in a TOML table (or only those under `keys`), each phrase labelled with its list's key."""
    labelled: dict[Phrase, set[str]] = defaultdict(set)
    for key, words in table.items():
        if keys is not None and key not in keys or not isinstance(words, list):
            continue
        for word in words:
            labelled[_phrase(word)].add(key)
    return labelled


def _labelled(table: dict, keys: tuple[str, ...] | None = None) -> PhraseIndex:
    return PhraseIndex.build(_phrases(table, keys))


def _hiding(labelled: dict[Phrase, set[str]], hidden: list[str]) -> PhraseIndex:
    """An index in which the `hidden` phrases match but carry no label: they hide the cues inside them
    ("stun grenade" is no grenade, "mining" no mine)."""
    for word in hidden:
        labelled[_phrase(word)] = set()
    return PhraseIndex.build(labelled)


def _patterns(raw: dict, table: str, path: Path) -> tuple[re.Pattern, ...]:
    try:
        return tuple(re.compile(p, re.IGNORECASE) for p in raw[table].get("patterns", ()))
    except re.error as error:
        raise ValueError(f"{path}: bad regular expression in [{table}] patterns: {error}") from None


def _check_names(path: Path, where: str, names, known) -> None:
    """A misspelt sub-type or event type would silently make its words cue nothing: refuse it."""
    unknown = sorted(set(names) - set(known))
    if unknown:
        raise ValueError(f"{path}: {where} names unknown ACLED types {unknown}; known: {sorted(known)}")


def _check_taxonomy_names(raw: dict, path: Path) -> None:
    known = taxonomy()
    _check_names(path, "[triggers]", raw["triggers"], {*known.sub_types, HARM})
    weapon_lists = set(raw["weapons"]) - set(WEAPON_SETTINGS)
    _check_names(path, "[weapons]", weapon_lists, {*known.sub_types, GENERIC_WEAPON})
    _check_names(path, "[weapons] named_only", raw["weapons"]["named_only"], known.sub_types)
    _check_names(path, "[weapons] applies_to", raw["weapons"]["applies_to"], known.event_types)
    _check_names(path, "[crime] applies_to", raw["crime"]["applies_to"], known.sub_types)
    _check_names(path, "[found_dead] types", raw["found_dead"]["types"], known.sub_types)
    for key in ("own_cue_types", "harm_families", "violent_types"):
        _check_names(path, f"[support] {key}", raw["support"][key], known.event_types)
    stand_ins = raw["support"]["stand_ins"]
    _check_names(path, "[support] stand_ins", [*stand_ins, *stand_ins.values()], known.sub_types)


def load_cues(path: Path = DATA / "cues.toml") -> Cues:
    with open(path, "rb") as handle:
        raw = tomllib.load(handle)
    try:
        _check_taxonomy_names(raw, path)
        return _cues(raw, path)
    except KeyError as missing:
        raise ValueError(f"{path}: missing table or key {missing}") from None


def _cues(raw: dict, path: Path) -> Cues:
    weapon_lists = tuple(key for key in raw["weapons"] if key not in WEAPON_SETTINGS)
    patterns = _patterns(raw, "aggregate", path)
    return Cues(
        triggers=_hiding(_phrases(raw["triggers"]), raw["hidden"]["triggers"]),
        modal_aux=frozenset(raw["unreal"]["modal_aux"]),
        unreal_governors=frozenset(raw["unreal"]["governors"]),
        habitual=frozenset(raw["unreal"]["habitual"]),
        records=frozenset(raw["unreal"]["records"]),
        background_lemmas=frozenset(raw["background"]["lemmas"]),
        background_phrases=tuple(p.lower() for p in raw["background"]["phrases"]),
        background_patterns=_patterns(raw, "background", path),
        aggregate_patterns=patterns,
        campaign_nouns=frozenset(raw["aggregate"]["campaign_nouns"]),
        spread_km=float(raw["aggregate"]["spread_km"]),
        weapons=_hiding(_phrases(raw["weapons"], weapon_lists), raw["hidden"]["weapons"]),
        weapon_types=frozenset(raw["weapons"]["applies_to"]),
        named_weapons_only=frozenset(raw["weapons"]["named_only"]),
        stand_ins=dict(raw["support"]["stand_ins"]),
        sides=_labelled(raw["sides"], (STATE, NON_STATE, ARMED_TARGET, CIVILIAN)),
        transfer=_labelled(raw["peaceful_transfer"], (TRANSFER, FIGHTING)),
        disrupting=_labelled(raw["weapons"], (DISRUPTING,)),
        engagement=_labelled(raw["weapons"], (ENGAGEMENT,)),
        protest=_labelled(raw["protest"], (RIOT, LETHAL, INTERVENTION)),
        accident=_labelled(raw["accident"], (ACCIDENT, INTENT)),
        crime=_labelled(raw["crime"], (CRIME, POLITICAL)),
        crime_types=frozenset(raw["crime"]["applies_to"]),
        found_dead_types=frozenset(raw["found_dead"]["types"]),
        bodies=frozenset(raw["found_dead"]["bodies"]),
        reporting_verbs=frozenset(raw["roles"]["reporting"]),
        protest_about=frozenset(raw["protest"]["about"]),
        protest_displayed=frozenset(raw["protest"]["displayed"]),
        protest_purposes=frozenset(raw["protest"]["purposes"]),
        disappearance=_labelled({"disappearance": raw["disappearance"]["words"]}),
        abducting=frozenset(raw["disappearance"]["abducting"]),
        reciprocal_verbs=frozenset(raw["roles"]["reciprocal"]),
        claim_verbs=frozenset(raw["roles"]["claims"]),
        seized_goods=frozenset(raw["seized_goods"]["words"]),
        claimed=frozenset(raw["roles"]["claimed"]),
        attribution=frozenset(raw["attribution"]["words"]),
        alleging=frozenset(raw["roles"]["alleging"]),
        backing=frozenset(raw["roles"]["backing"]),
        undergoing=_labelled({"undergoing": raw["roles"]["undergoing"]}),
        toll_verbs=frozenset(raw["toll_update"]["verbs"]),
        own_cue_types=frozenset(raw["support"]["own_cue_types"]),
        harm_families=frozenset(raw["support"]["harm_families"]),
        violent_types=frozenset(raw["support"]["violent_types"]),
    )


def undergoes(verb: Token, cue_set: Cues | None = None) -> bool:
    """The verb puts its subject on the receiving end: "came under fire", "suffered losses"."""
    doc = verb.doc
    window = doc[verb.i : min(len(doc), verb.i + 4)]
    return any(match.start == verb.i for match in (cue_set or cues()).undergoing.find(window))


@lru_cache(maxsize=1)
def cues() -> Cues:
    """The bundled cues, read once per process."""
    return load_cues()
