"""Which ACLED sub-types the cues of a sentence support ([support] in data/cues.toml).

The classifier reads the whole sentence and may pick a sub-type that no word of it names: "were
in talks to transfer detainees" read as an Agreement, "located the militants and killed twenty"
read as Disrupted weapons use. A sub-type is possible only when a real cue supports it:
- a sub-type of an `own_cue_types` event type (Strategic developments: each is one specific act)
  needs a cue of that very sub-type; Disrupted weapons use is also supported by a disrupting word
  beside a weapon word ("found explosives", "downed a missile");
- any other sub-type needs a cue of its event type, or, in `harm_families`, any word of harm or
  violence (a harm word, or a cue of a `violent_types` sub-type). A cue that can name several event
  types ("kill": a clash, an attack, excessive force) is a word of violence, not of any one type:
  a protest needs a protest word, an explosion a weapon word.
Unreal cues (threatened, planned, denied) support nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span as SpacySpan

from polybius.events.cues import HARM, CueMatch, Cues, cues
from polybius.events.taxonomy import Taxonomy, taxonomy


DISRUPTED = "Disrupted weapons use"


def supported_types(sentence: SpacySpan, matches: Iterable[CueMatch], cue_set: Cues | None = None,
                    known: Taxonomy | None = None) -> set[str]:
    """The sub-types that the given real cue matches of the sentence make possible."""
    cue_set, known = cue_set or cues(), known or taxonomy()
    matches = list(matches)
    named = {label for match in matches for label in match.sub_types}
    if cue_set.disrupting.find(sentence) and cue_set.weapons.find(sentence):
        named.add(DISRUPTED)
    families: set[str] = set()
    violent = HARM in named
    for match in matches:
        types = {known.get(label).event_type for label in match.sub_types if label != HARM} - cue_set.own_cue_types
        if len(types) == 1:
            families |= types
        elif types & cue_set.violent_types:
            violent = True  # "kill", "attack", "storm": violence of no one kind
    violent = violent or bool(families & cue_set.violent_types)
    allowed = set()
    for sub_type in known.sub_types.values():
        if sub_type.event_type in cue_set.own_cue_types:
            possible = sub_type.name in named
        else:
            possible = sub_type.event_type in families or (violent and sub_type.event_type in cue_set.harm_families)
        if possible:
            allowed.add(sub_type.name)
    return allowed
