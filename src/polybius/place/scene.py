"""Places an article names that are no event's scene (the words live in data/scene.toml).

find_places marks these mentions with relation "aside"; place_event and the article's focus skip them:
  a government or people   "Paris pushed for ...", "France's sole fatality", "answer Bamako's call",
                           "Malian officers", "supplied by the US": a country, admin area or capital
                           as the subject of an active verb ("Kidal was retaken" is a scene) or the
                           agent of a passive one, owning anything but a part of itself ("Mali's
                           north" is still Mali), before whose troops or strikes it stands ("a US
                           drone strike"), or named by its demonym;
  where a speaker was      "..., the minister told reporters in London", "a spokesman in Kabul said";
  what someone is          "a group based in Pakistan", "a Paris-based group", "the Kidal-born
                           commander", "the US-backed SDF", "the Saudi-led coalition", "a farmer
                           from Reading";
  a route                  "the Jammu-Srinagar highway" names neither town;
  a destination            "a bill allowing extraditions to China" (a noun's destination).
A verb's destination ("troops were sent to Mali") is no scene either, unless the event's own verb
takes it ("rebels advanced into Gao"): that depends on the event, so place_event asks `sent_elsewhere`.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc, Token

from polybius.nlp import in_dateline
from polybius.place.syntax import head_token
from polybius.records import Place

ASIDE = "aside"  # the relation of a mention that is no event's scene
_CAPITALS = ("PPLC",)
_SPEAKERS = {"nsubj", "nsubjpass", "agent"}
_LISTENERS = {"dobj", "dative", "iobj"}
_POSSESSIVE_MARKS = {"'s", "’s", "'", "’"}


@dataclass(frozen=True, slots=True)
class _Words:
    speech_verbs: frozenset[str]
    listener_verbs: frozenset[str]
    describing_verbs: frozenset[str]
    backing_verbs: frozenset[str]
    people_from: frozenset[str]
    scene_verbs: frozenset[str]
    parts: frozenset[str]
    destinations: frozenset[str]
    routes: frozenset[str]
    answers: frozenset[str]
    after_words: frozenset[str]
    owned_by_country: frozenset[str]


SCENE_WORDS = "polybius/place/data/scene.toml"


@lru_cache(maxsize=1)
def _words() -> _Words:
    return parse_words(resources.files("polybius.place").joinpath("data/scene.toml").read_text("utf-8"))


def parse_words(text: str, source: str = SCENE_WORDS) -> _Words:
    """The scene words of a TOML text; a missing list is an error naming `source`."""
    data = tomllib.loads(text)
    missing = [name for name in _Words.__dataclass_fields__ if name not in data]
    if missing:
        raise ValueError(f"{source}: missing word lists {missing}")
    return _Words(**{name: frozenset(data[name]) for name in _Words.__dataclass_fields__})


def aside_reason(doc: Doc, start: int, end: int, place: Place | None, demonym: bool = False) -> str | None:
    """Why the place named at characters [start, end) is no event's scene, or None when it may be one."""
    token = head_token(doc, start, end)
    if token is None or in_dateline(doc, start):
        return None  # a dateline is no speaker: the event stage skips it, the country still counts it
    if demonym or _stands_for_government(token, place):
        return "a government or people"
    verb = _verb_of_argument(token)
    if verb is not None and verb.lemma_.lower() in _words().speech_verbs:
        return "where a speaker was"
    if verb is not None and verb.lemma_.lower() in _words().describing_verbs or _describes_origin(doc, token):
        return "what someone is"
    if _home_of_someone(token):
        return "what someone is"
    if _in_route_name(doc, token):
        return "a route"
    preposition = destination_of(token)
    if preposition is not None and preposition.head.pos_ in ("NOUN", "PROPN"):
        return "a destination"
    return None


def sent_elsewhere(token: Token, trigger: Token) -> bool:
    """A verb's destination that the event's own verb does not take ("troops were sent to Mali")."""
    preposition = destination_of(token)
    return preposition is not None and preposition.head.pos_ == "VERB" and preposition.head != trigger


def in_another_event(token: Token, trigger: Token) -> bool:
    """The word (a place, a death) belongs to an event the trigger's answers or follows ("in
    retaliation for the killing of a general in Baghdad", "after an ambush near Gao", "dissolved
    the militia after gunmen killed about 160 people"), not to the trigger's own."""
    words = _words()
    current = token
    while current.i != trigger.i and current.head.i != current.i:
        answering = current.lower_ in ("for", "to") and current.head.lower_ in words.answers
        following = current.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in words.after_words for c in current.children)
        if following or current.dep_ == "prep" and (current.lower_ in words.after_words or answering):
            return trigger not in current.subtree
        current = current.head
    return False


def destination_of(token: Token) -> Token | None:
    """The preposition that makes the place a destination ("to", "into"), if any."""
    head = token.head
    if token.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _words().destinations:
        return head
    return None


_DASHES = {"-", "–", "—"}


def _describes_origin(doc: Doc, token: Token) -> bool:
    """"a Paris-based group", "the Kidal-born commander", "the US-backed SDF": "Name-" and a
    describing or backing verb's participle."""
    after = token.i + 1
    if after + 1 >= len(doc) or doc[after].text not in _DASHES:
        return False
    words = _words().describing_verbs | _words().backing_verbs
    return doc[after + 1].lemma_.lower() in words or doc[after + 1].lower_ in words


def _home_of_someone(token: Token) -> bool:
    """"a dairy farmer from Reading", "Ruhul Amin, from Aberdeen,", "Luke Rutter, 22, from
    Birkenhead": where a person comes from."""
    while token.dep_ in ("appos", "conj") and token.head.i != token.i:
        token = token.head  # "from Lewes, East Sussex", "from Leeds or Bradford"
    preposition = token.head
    if token.dep_ != "pobj" or preposition.lower_ != "from" or preposition.dep_ != "prep":
        return False
    person = preposition.head  # a name (of a person or a group), an age, or a noun for people
    return (person.pos_ == "PROPN" and person.ent_type_ not in ("GPE", "LOC", "FAC") or person.pos_ == "NUM"
            or person.pos_ == "NOUN" and person.lemma_.lower() in _words().people_from)


def _in_route_name(doc: Doc, token: Token) -> bool:
    """"the Jammu-Srinagar highway", "the Gao–Kidal road": a route named after the places it joins."""
    first, last = token.i, token.i + 1
    while first >= 2 and doc[first - 1].text in _DASHES and doc[first - 2].text[:1].isupper():
        first -= 2
    while last + 1 < len(doc) and doc[last].text in _DASHES and doc[last + 1].text[:1].isupper():
        last += 2
    while last < len(doc) and doc[last].text[:1].isupper():
        last += 1  # "the Kabul-Kandahar Highway"
    if (first, last) == (token.i, token.i + 1) or last >= len(doc):
        return False
    return doc[last].lower_ in _words().routes or doc[last - 1].lower_ in _words().routes


def _stands_for_government(token: Token, place: Place | None) -> bool:
    if place is None or not (place.feature_class == "A" or place.feature_code in _CAPITALS):
        return False
    if token.dep_ == "nsubj" and token.head.pos_ == "VERB":
        return token.head.lemma_.lower() not in _words().scene_verbs  # "Paris said", not "Kabul saw"
    if token.dep_ == "pobj" and token.head.dep_ == "agent":
        return True  # "a missile allegedly supplied by the US": who acted, not where
    owner = token
    while owner.dep_ == "conj" and owner.head.i != owner.i:
        owner = owner.head  # "US and Afghan officials"
    if (place.feature_code.startswith("PCL") and owner.dep_ in ("compound", "nmod", "amod")
            and owner.head.lower_ in _words().owned_by_country):
        return True  # "bases hosting US troops": whose troops, not where
    owned = _owned(token)
    if owned is None or owned.pos_ == "PROPN":
        return False  # "Algeria's In Amenas gas plant" names a place inside the country
    parts = _words().parts
    return owned.lower_ not in parts and owned.lemma_.lower() not in parts


def _owned(token: Token) -> Token | None:
    """"France's sole fatality" -> "fatality": what a possessive name owns, if it is one."""
    if token.head == token:
        return None
    if token.dep_ == "poss" or any(c.dep_ == "case" and c.lower_ in _POSSESSIVE_MARKS for c in token.children):
        return token.head
    return None


def _verb_of_argument(token: Token) -> Token | None:
    """The verb a place's preposition attaches to, directly or through the verb's speaker or listener
    ("told reporters in London", "a spokesman in Kabul said", "a group based in Pakistan"); None when
    it describes what was said ("claimed the attack in Kabul": the attack is what happened there)."""
    preposition = token.head
    if token.dep_ != "pobj" or preposition.dep_ != "prep":
        return None
    attached = preposition.head
    if attached.pos_ == "VERB":
        return attached
    verb = attached.head
    if verb.pos_ != "VERB" or attached.pos_ not in ("NOUN", "PROPN", "PRON"):
        return None
    if attached.dep_ in _SPEAKERS:
        return verb  # "a spokesman in Kabul said", "a group based in ..."
    if attached.dep_ in _LISTENERS and verb.lemma_.lower() in _words().listener_verbs:
        return verb  # "told reporters in London"; but "claimed the attack in Kabul" is the attack's place
    return None
