"""A revised toll of a named event reports that event again.

"The death toll from Saturday's massacre in Ogossagou has risen to 160" tells no act, so the
classifier, trained on acts, reads it as no event; yet it is a report of the massacre: its day, its
place and its dead. This rule keeps such a sentence as a mention of the event it names, typed by
that event's noun ("massacre": Attack; "bombings": the explosion types), and fusion sets the later
figure over the first report's (fuse/record.py: a toll revised on a later day is an update, not a
conflict). A toll that names no event ("the death toll rose to 40") is left to the follow-up toll
rule of the event told before it (assemble.py). The nouns that count the dead and the figure their
verb gives are the fatality counter's; the verbs that revise them are [toll_update] in data/cues.toml.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from polybius.events.cues import HARM, CueMatch, Cues, cues
from polybius.events.fatalities import lexicon, toll_figure


def updated_event(doc: Doc, sentence: SpacySpan, matches: list[CueMatch], cue_set: Cues | None = None
                  ) -> CueMatch | None:
    """The cue of the event whose toll the sentence revises, or None when it revises no named toll."""
    cue_set, lex = cue_set or cues(), lexicon()
    for verb in sentence:
        if verb.lemma_.lower() not in cue_set.toll_verbs:
            continue
        for tally in (c for c in verb.children if c.dep_ == "nsubj"):
            noun = tally.lemma_.lower()
            if noun not in lex.tally_nouns or toll_figure(tally) is None:
                continue
            held = {t.i for t in tally.subtree}
            inside = [m for m in matches if m.head(doc).i in held]
            if noun not in lex.toll_nouns and not any(HARM in m.sub_types for m in inside):
                continue  # "the number of displaced people rose": no count of the dead
            named = [m for m in inside if _names_an_event(m.head(doc), m)]
            if named:
                return named[0]
    return None


def _names_an_event(head: Token, match: CueMatch) -> bool:
    """A noun that names a typed event ("massacre", "bombings"), not a word of the dead it counts
    ("killed", "the number of dead")."""
    return head.pos_ in ("NOUN", "PROPN") and HARM not in match.sub_types and bool(match.sub_types)
