"""find_events: the EventMentions of one document, each field with the span it came from.

For each event sentence (see detect.py): its ACLED type, trigger and sentence spans; actors by
their roles in the parse (roles.py), localized to the event's country; fatalities
(events.fatalities); date (polybius.time) and place (polybius.place); background and aggregate
marks with the dates they allow (context.py). Left out: a headline that restates its lede
(headline.py) and a sentence that names no party, place, date or toll (is_specific).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Token

from polybius.actors import localize
from polybius.events.context import OWN_DATE_RULES, aggregate_date, background_date, is_aggregate, is_background
from polybius.events.detect import Detection, detect
from polybius.events.fatalities import count_fatalities
from polybius.events.headline import drop_restated_headline
from polybius.events.roles import Roles, assign_roles
from polybius.nlp import Document
from polybius.place import Gazetteer, country_place, focus_place, place_event
from polybius.records import ActorMention, EventDate, EventMention, FatalityCount, PlaceMention, TimeExpression
from polybius.time import date_event


def find_events(document: Document, times: list[TimeExpression], places: list[PlaceMention],
                actors: list[ActorMention], gazetteer: Gazetteer | None = None) -> list[EventMention]:
    """Every event mention of the document, in text order. With the gazetteer, region-level places
    are coded to their capitals (see polybius.place.place_event)."""
    if not isinstance(document, Document):
        raise ValueError(f"find_events expects a polybius.nlp.Document, got {type(document).__name__}")
    setting = _Setting(focus_place(places), country_place(places))
    mentions: list[EventMention] = []
    per_sentence: Counter[int] = Counter()
    for detection in drop_restated_headline(detect(document.doc), document.article):
        sentence = detection.sentence
        n = per_sentence[sentence.start_char]
        mention = _mention(document, detection, n, times, places, actors, setting, gazetteer)
        if mention is not None:
            per_sentence[sentence.start_char] += 1
            mentions.append(mention)
    return mentions


@dataclass(frozen=True)
class _Setting:
    """Where the article is set: the place of event sentences that name none (see focus_place)."""

    focus: PlaceMention | None
    country: PlaceMention | None

    def place_for(self, named: PlaceMention | None) -> PlaceMention | None:
        if named is None:
            return self.focus
        if named.place is None:  # a place we cannot locate: only its country is safe to say
            return self.country
        return named


def _mention(document: Document, detection: Detection, n: int, times: list[TimeExpression],
             places: list[PlaceMention], actors: list[ActorMention], setting: _Setting,
             gazetteer: Gazetteer | None) -> EventMention | None:
    """The mention of one detection; None when its sentence says neither who, where nor when."""
    sentence, trigger, sub_type = detection.sentence, detection.trigger, detection.sub_type
    published = document.article.published
    event_date = date_event(document, trigger, times)
    named_place = place_event(document, trigger, places, gazetteer)
    if named_place is not None and _another_day_before(named_place, sentence, event_date, times):
        named_place = None
    place = setting.place_for(named_place)
    country = place.place.country_code if place is not None and place.place is not None else None
    roles = _localized(assign_roles(sentence, trigger, sub_type, actors), country)
    fatalities = count_fatalities(document, sentence, trigger)
    if not is_specific(roles, named_place, event_date, fatalities):
        return None
    background = is_background(trigger, event_date, published)
    aggregate = is_aggregate(sentence, trigger, places)
    if aggregate:
        event_date = aggregate_date(event_date, sentence, times, published)
    elif background:
        event_date = background_date(event_date)
    return EventMention(
        id=f"{document.id}:{sentence.start_char}:{n}",
        document=document.id,
        sentence=document.span(sentence.start_char, sentence.end_char),
        trigger=_token_span(document, trigger),
        event_type=sub_type.event_type,
        sub_event_type=sub_type.name,
        disorder_type=sub_type.disorder_type,
        actor1=roles.actor1,
        actor2=roles.actor2,
        assoc_actor_1=roles.assoc_actor_1,
        assoc_actor_2=roles.assoc_actor_2,
        civilian_targeting=roles.civilian_targeting,
        fatalities=fatalities,
        date=event_date,
        place=place,
        background=background,
        aggregate=aggregate,
        confidence=round(detection.confidence, 4),
    )


def is_specific(roles: Roles, named_place: PlaceMention | None, event_date: EventDate | None,
                fatalities: FatalityCount | None) -> bool:
    """An ACLED event is a who, where and when: a sentence that names none of a party, a place, its
    own date or a toll ("Women were always the first to suffer", "His body was buried nearby") is
    colour around an event, not a report of one."""
    own_date = event_date is not None and event_date.rule in OWN_DATE_RULES
    return bool(roles.actor1 or roles.actor2 or named_place is not None or own_date
                or (fatalities is not None and fatalities.best > 0))


def _another_day_before(place: PlaceMention, sentence, event_date: EventDate | None,
                        times: list[TimeExpression]) -> bool:
    """A place taken from the sentence before belongs to that sentence's scene; an event on a day
    of its own ("Sunday's arrest" after "said on Wednesday it had retaken Menaka") is another scene."""
    if place.span.start >= sentence.start_char or event_date is None or event_date.rule not in OWN_DATE_RULES:
        return False
    opening = sentence.doc[sentence.start - 1].sent.start_char
    before = [t for t in times if opening <= t.span.start < sentence.start_char and t.first_day is not None]
    return any(not t.first_day <= event_date.day <= (t.last_day or t.first_day) for t in before)


def _token_span(document: Document, token: Token):
    return document.span(token.idx, token.idx + len(token.text))


def _localized(roles: Roles, country: str | None) -> Roles:
    def local(mention: ActorMention | None) -> ActorMention | None:
        return None if mention is None else ActorMention(mention.span, localize(mention.actor, country))

    return Roles(
        local(roles.actor1), local(roles.actor2),
        tuple(local(m) for m in roles.assoc_actor_1), tuple(local(m) for m in roles.assoc_actor_2),
        roles.civilian_targeting,
    )
