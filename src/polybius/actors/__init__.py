"""The actors stage: who took part in an event, as ACLED names and codes them.

    dictionary = ActorDictionary.load(extra=[Path("my_actors.toml")])
    mentions = find_actors(document, dictionary)        # every actor mention, sorted by position
    actor = localize(mentions[0].actor, "ML")            # generic actors get the event's country
    code = interaction(actor1.inter, actor2.inter)       # ACLED interaction code

Language data lives in data/: named actors (named_*.toml, the format users follow for --actors
files), generic groups and force nouns (generic.toml), countries and nationality words
(countries.toml).

Coding decisions (ACLED codebook, "ACLED Actors" and "Interaction codes"):
- State forces are "Military Forces of X" / "Police Forces of X" (regime years left out), inter 1 at
  home; outside their country they are External/Other forces, inter 8 (France in Mali). localize()
  applies this once the event's country is known. International missions (MINUSMA, AFISMA, AMISOM,
  UN peacekeepers) are 8.
- Unnamed armed men ("gunmen", "militants", "insurgents", "rebels") are "Unidentified Armed Group
  (<country>)", inter 3 as ACLED codes them. Unnamed Islamist fighters ("jihadists", "Islamist
  rebels", "al Qaeda-linked militants") keep the more specific "Islamist Militia (<country>)", a name
  ACLED itself has used (e.g. "Islamist Militia (Syria)"), also inter 3. "<group>-linked fighters" and
  "fighters loyal to <group>" are associated with the named group, not members of it, so they are
  never coded as the named group. A definite bare noun ("the rebels", "their fighters") is the one
  armed group the article named in the few sentences before, when it named exactly one (anaphora.py;
  "the group" and its like point back to the group named last).
- Community-based armed groups with an ethnic name ("Fulani militias") are "<Ethnicity> Ethnic
  Militia (<country>)", inter 4. Rioters 5, protesters 6 and civilians 7 are "<Type> (<country>)";
  a stated nationality is kept ("French hostages" -> "Civilians (France)"), otherwise the event's
  country is used. Armed groups always take the event's country.
- A country that is the subject of an act of war ("Iran fired missiles at two bases", [states_acting]
  in generic.toml) is its armed forces, "Military Forces of Iran".
- Government bodies ("the French defence ministry") are not armed actors of the events they describe;
  they are reported only with include_government=True, as "Government of X" (inter 1).
- Force and group nouns must head their phrase: "a Malian military source", "army barracks" and
  "French President Francois Hollande" are not actors.
"""

from polybius.actors.dictionary import ActorDataError, ActorDictionary, NamedActor
from polybius.actors.localize import interaction, localize
from polybius.actors.matching import find_actors

__all__ = ["ActorDataError", "ActorDictionary", "NamedActor", "find_actors", "interaction", "localize"]
