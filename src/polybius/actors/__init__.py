"""The actors stage: who took part in an event, as ACLED names and codes them.

    dictionary = ActorDictionary.load(extra=[Path("my_actors.toml")])
    mentions = find_actors(document, dictionary)        # every actor mention, sorted by position
    actor = localize(mentions[0].actor, "ML")            # generic actors get the event's country
    code = interaction(actor1.inter, actor2.inter)       # ACLED interaction code

Language data lives in data/: named actors (named_*.toml), generic groups and force nouns
(generic.toml), countries and nationality words (countries.toml).
"""

from polybius.actors.dictionary import ActorDataError, ActorDictionary, NamedActor
from polybius.actors.localize import interaction, localize
from polybius.actors.matching import find_actors

__all__ = ["ActorDataError", "ActorDictionary", "NamedActor", "find_actors", "interaction", "localize"]
