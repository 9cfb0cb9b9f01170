"""When may two reports be the same event? ACLED's rule, and what it leaves open.

ACLED's baseline: same actors, same day, same location, same event type family → one event; a
different day, place, actor or type family → different events. Open cases, decided here:
- a vague date ("over the weekend", "last week") matches an exact one inside its span;
- a date set by a default rule (the day a source spoke, or the publication date, when the event's own
  clause gives no date) only bounds the event from above: it matches exact dates up to two days before;
- a town matches its own region when one report names only the region (geo_precision 3), and
  anything in a country matches a report that names only the country;
- a mention with no known country is compared only with mentions of its own article;
- not contradicting is not enough: two reports fuse only on positive evidence (AFFINITY_TO_FUSE), a
  place both state, a named actor both give, the same stated day, the same toll. A place inferred from the article's
  setting, or a whole country, is weak evidence: it must not pull unrelated events together. Two
  mentions of one sub-type in one report are evidence in themselves: an article returns to its event
  sentence after sentence, while its other events differ in kind, place or day (a protest's types count
  as one: the march, then the police firing on it).
- an unnamed actor ("Islamist rebels", "gunmen") matches a named group; two different named groups
  with nothing in common do not; named state forces never decide it alone (one report names the
  French forces, another the group they fought);
- "clashes" in one report and "rocket fire" in another, same day and town, are one event: battles,
  explosions and violence against civilians form one family (political violence), with a non-violent
  transfer of territory (one report's unopposed takeover is another's battle for the town); protests
  and riots another; each other strategic-development sub-type is its own family.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

from polybius.actors.groups import catalog
from polybius.place import great_circle_km
from polybius.records import Actor, EventDate, EventMention

VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
DEMONSTRATIONS = {"Protests", "Riots"}
# A town changing hands: reports differ on whether there was fighting, so it may fuse with battles.
PEACEFUL_TAKEOVER = "Non-violent transfer of territory"
PROTEST_TYPES = frozenset({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"})
SAME_PLACE_KM = 30.0  # two points this close are one location ("near Gao" and Gao)
# How far a date of each ACLED time_precision may lie from the day it names.
WINDOW_DAYS = {1: 0, 2: 6, 3: 31}
DEFAULT_REACH_BACK_DAYS = 2
# Evidence needed to fuse (see affinity): a stated shared place (2), or a shared stated day with a
# shared named group (1 + 1), or a shared stated day, state force and sub-type (1 + 0.5 + 0.5), or the
# same report and sub-type with a shared day, named group or toll (1 + 0.5 + 1).
# Chosen by reasoning from ACLED's rule, not fitted to data.
AFFINITY_TO_FUSE = 2.0
UNKNOWN_COUNTRY = "??"
STATE_FORCES_PREFIXES = ("Military Forces of", "Police Forces of", "Government of")


def family(mention: EventMention) -> str:
    if mention.event_type in VIOLENCE or mention.sub_event_type == PEACEFUL_TAKEOVER:
        return "political violence"
    if mention.event_type in DEMONSTRATIONS:
        return "demonstrations"
    return f"{mention.event_type}/{mention.sub_event_type}"


def country_of(mention: EventMention) -> str:
    place = mention.place.place if mention.place else None
    return (place.country_code or UNKNOWN_COUNTRY) if place else UNKNOWN_COUNTRY


def block_of(mention: EventMention) -> tuple:
    """Only mentions with the same block are ever compared: the blocking that keeps fusion linear."""
    country = country_of(mention)
    if country == UNKNOWN_COUNTRY:  # nothing ties it to other articles' events
        return country, family(mention), mention.aggregate, mention.document
    return country, family(mention), mention.aggregate


def is_default_date(event_date: EventDate) -> bool:
    """True when no words date the event itself (see polybius.time.date_event's rule names)."""
    return event_date.rule == "publication" or event_date.rule.startswith("said")


def date_window(mention: EventMention) -> tuple[date, date] | None:
    if mention.date is None:
        return None
    reach = timedelta(days=WINDOW_DAYS.get(mention.date.time_precision, 31))
    if is_default_date(mention.date):
        return mention.date.day - reach - timedelta(days=DEFAULT_REACH_BACK_DAYS), mention.date.day + reach
    return mention.date.day - reach, mention.date.day + reach


def is_generic(actor: Actor) -> bool:
    """Unnamed groups stand for whoever it was: they never contradict a named actor (the groups
    marked `unnamed` in polybius/actors/data/generic.toml)."""
    return _is_unnamed(actor.name)


@lru_cache(maxsize=8192)
def _is_unnamed(name: str) -> bool:
    return catalog().is_unnamed(name)  # cached: fusion asks once per mention and pair


def named_actors(mention: EventMention) -> frozenset[str]:
    mentions = [mention.actor1, mention.actor2, *mention.assoc_actor_1, *mention.assoc_actor_2]
    return frozenset(m.actor.name for m in mentions if m is not None and not is_generic(m.actor))


@dataclass(frozen=True, slots=True)
class Facts:
    """What fusion compares of a mention, worked out once per mention."""

    window: tuple[date, date] | None
    exact_day: date | None  # set only for a stated single day
    place: tuple[int, str | None, tuple[float, float], int, bool] | None  # id, admin1, point, precision, is country
    place_stated: bool  # named in the event's own sentence (not inferred from the article's setting)
    actors: frozenset[str]
    sub_type: str
    document: str
    toll: int | None = None  # a stated number of dead, when above zero
    groups: frozenset[str] = frozenset()  # the named actors that are not state forces


def facts_of(mention: EventMention) -> Facts:
    exact = None
    if mention.date and mention.date.time_precision == 1 and not is_default_date(mention.date):
        exact = mention.date.day
    where = mention.place.place if mention.place else None
    place = None
    if where is not None:
        place = (where.geonameid, where.admin1, (where.latitude, where.longitude), mention.place.geo_precision,
                 where.feature_code.startswith("PCL"))
    stated = place is not None and mention.place.relation != "article" and not place[4]
    toll = mention.fatalities.best if mention.fatalities and mention.fatalities.best > 0 else None
    actors = named_actors(mention)
    return Facts(date_window(mention), exact, place, stated, actors, mention.sub_event_type,
                 mention.document, toll, _non_state(actors))


@dataclass(slots=True)
class Profile:
    """What a growing cluster has committed to: new members must not contradict it."""

    window: tuple[date, date] | None = None
    exact_day: date | None = None
    places: dict[int, tuple[int, str | None, tuple[float, float], int, bool]] = field(default_factory=dict)  # by id
    stated_places: set[int] = field(default_factory=set)
    actors: set[str] = field(default_factory=set)
    sub_types: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)
    tolls: set[int] | None = None  # made on the first toll: most clusters never have one

    def add(self, facts: Facts) -> None:
        if facts.window is not None:
            if self.window is None:
                self.window = facts.window
            else:  # members narrow the cluster's dates down to what all of them allow
                self.window = (max(self.window[0], facts.window[0]), min(self.window[1], facts.window[1]))
        if facts.exact_day is not None:
            self.exact_day = facts.exact_day
        if facts.place is not None:
            self.places.setdefault(facts.place[0], facts.place)
            if facts.place_stated:
                self.stated_places.add(facts.place[0])
        self.actors |= facts.actors
        self.sub_types.add(facts.sub_type)
        self.documents.add(facts.document)
        self.groups |= facts.groups
        if facts.toll is not None:
            self.tolls = (self.tolls or set()) | {facts.toll}


def compatible(profile: Profile, facts: Facts) -> bool:
    window = facts.window
    if window is not None and profile.window is not None:
        if window[0] > profile.window[1] or window[1] < profile.window[0]:
            return False
    if not _place_fits(profile, facts.place):
        return False
    # Reports may name different sides of one event (one the French forces, another MUJAO); only
    # different armed groups with none in common say that these are different events.
    return not (facts.groups and profile.groups and not facts.groups & profile.groups)


def _non_state(names: frozenset[str]) -> frozenset[str]:
    return frozenset(name for name in names if not name.startswith(STATE_FORCES_PREFIXES))


def _place_fits(profile: Profile, place) -> bool:
    if place is None or not profile.places:
        return True
    geonameid, admin1, point, precision, is_country = place
    for other_id, other_admin1, other_point, other_precision, other_is_country in profile.places.values():
        if other_id == geonameid or great_circle_km(*point, *other_point) <= SAME_PLACE_KM:
            continue
        if is_country or other_is_country:
            continue  # only the country is known: blocking already made it the same country
        broad = precision == 3 or other_precision == 3
        if broad and admin1 and admin1 == other_admin1:
            continue  # a town and the region it lies in
        return False
    return True


def affinity(profile: Profile, facts: Facts) -> float:
    """Among compatible clusters, how much evidence says this is the one."""
    score = 0.0
    if facts.exact_day is not None and profile.exact_day == facts.exact_day:
        score += 1.0
    if facts.place is not None and facts.place[0] in profile.places:
        # A place both reports state is strong; one either report only inherits from its setting is weak.
        score += 2.0 if facts.place_stated and facts.place[0] in profile.stated_places else 0.5
    # A named armed group both give says much; a state's forces, present in most of a country's
    # events, say little; the sub-type, which reports of one event often differ on, says little.
    shared = facts.actors & profile.actors
    score += sum(0.5 if name.startswith(STATE_FORCES_PREFIXES) else 1.0 for name in shared)
    if facts.sub_type in profile.sub_types:
        score += 0.5
    one_protest = facts.sub_type in PROTEST_TYPES and profile.sub_types <= PROTEST_TYPES
    if facts.document in profile.documents and (facts.sub_type in profile.sub_types or one_protest):
        # One report returning to its event; its other events it tells apart by type. A protest
        # keeps changing type as it is told: the march, then the police firing on it.
        score += 1.0
    if facts.toll is not None and profile.tolls and facts.toll in profile.tolls:
        score += 1.0  # "11 militants killed" ... "Eleven terrorists were killed": the same dead
    return score
