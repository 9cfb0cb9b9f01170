"""find_events: the EventMentions of one document, each field with the span it came from.

For each event sentence (see detect.py): its ACLED type, trigger and sentence spans; actors by
their roles in the parse (roles.py), localized to the event's country; fatalities
(events.fatalities); date (polybius.time) and place (polybius.place); background and aggregate
marks with the dates they allow (context.py). Left out: a headline that restates its lede
(headline.py) and a sentence that names no party, place, date or toll (is_specific). A toll told in
the sentence right after an event's own is that event's count (_follow_up_toll), not a new event;
a sentence that dates nothing takes the day of the event sentence shortly before it, on the same
scene (_on_scene_of), rather than the publication day.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Span as SpacySpan, Token

from polybius.actors import localize
from polybius.events.context import (OWN_DATE_RULES, PUBLICATION_RULE, SCENE_RULE, aggregate_date, background_date,
                                     is_aggregate, is_background)
from polybius.events.detect import Detection, detect
from polybius.events.fatalities import (added, adds_to_toll_before, count_fatalities, count_follow_up, counts_deaths,
                                        lexicon)
from polybius.events.headline import drop_restated_headline
from polybius.events.conventions import Roles, as_mob, with_claimant, with_crowd
from polybius.events.roles import assign_roles
from polybius.nlp import Document
from polybius.place import Gazetteer, country_place, focus_place, place_event
from polybius.records import ActorMention, EventDate, EventMention, FatalityCount, PlaceMention, TimeExpression
from polybius.time import date_event
from polybius.time.lexicon import load as time_lexicon

VIOLENCE = "Political violence"  # the disorder type of battles, explosions, attacks, riots
# How many sentences may stand between an event sentence and one that goes on with its scene.
SCENE_GAP = 2


def find_events(document: Document, times: list[TimeExpression], places: list[PlaceMention],
                actors: list[ActorMention], gazetteer: Gazetteer | None = None) -> list[EventMention]:
    """Every event mention of the document, in text order. With the gazetteer, region-level places
    are coded to their capitals (see polybius.place.place_event)."""
    if not isinstance(document, Document):
        raise ValueError(f"find_events expects a polybius.nlp.Document, got {type(document).__name__}")
    setting = _Setting(focus_place(places), country_place(places, gazetteer))
    mentions: list[EventMention] = []
    per_sentence: Counter[int] = Counter()
    detections = detect(document.doc)
    event_sentences = {d.sentence.sent.start for d in detections}
    last: Detection | None = None
    for detection in drop_restated_headline(detections, document.article):
        sentence = detection.sentence
        n = per_sentence[sentence.start_char]
        made = _mention(document, detection, n, times, places, actors, setting, gazetteer)
        if made is None:
            continue
        mention, toll_only = made
        if toll_only and last is not None and _follows(last, detection):
            toll = _follow_up_toll(document, mentions[-1], detection.sentence.sent, times)
            if toll is not None:  # the toll of the event before, not an event of its own
                mentions[-1] = replace(mentions[-1], fatalities=toll)
                continue
        if last is not None and _goes_on_from(last, detection, times):
            mention = _on_scene_of(mention, mentions[-1])
        if last is not None and _follows(last, detection):
            if _adds_dead(mentions[-1], mention, detection.sentence):
                mentions[-1] = replace(mentions[-1], fatalities=added(mentions[-1].fatalities, mention.fatalities))
        per_sentence[sentence.start_char] += 1
        mentions.append(_with_toll_of_next(document, mention, detection, event_sentences, times))
        last = detection
    return mentions


def _follows(before: Detection, detection: Detection) -> bool:
    return before.sentence.sent.end == detection.sentence.sent.start


def _goes_on_from(before: Detection, detection: Detection, times: list[TimeExpression]) -> bool:
    """The story goes on from the event before without a new day: at most SCENE_GAP sentences
    between them ("The attackers arrived on motorcycles ...") and no day named in those."""
    end, start = before.sentence.sent.end, detection.sentence.sent.start
    if end > start or len(list(detection.sentence.doc[end:start].sents)) > SCENE_GAP:
        return False
    doc = detection.sentence.doc
    first, last = doc[end].idx if end < len(doc) else len(doc.text), detection.sentence.sent.start_char
    return not any(first <= t.span.start < last and _names_a_day(t) for t in times)


def _names_a_day(expression: TimeExpression) -> bool:
    """A date, not a bare clock time: "around 1 a.m." is a time of the scene's own day, "Tuesday
    night" names a day (a weekday, month or "yesterday" of the time lexicon)."""
    if expression.first_day is None:
        return False
    if expression.type != "TIME":
        return True
    words, text = time_lexicon(), expression.span.text.lower()
    return any(phrase in text for phrase in words.deictic if " " in phrase) or any(
        w in words.weekdays or w in words.months or w in words.deictic for w in re.findall(r"[a-z]+", text))


def _adds_dead(before: EventMention, mention: EventMention, sentence: SpacySpan) -> bool:
    """ "Four Taliban were also killed" right after the event's own toll: more dead of that event."""
    if before.fatalities is None or mention.fatalities is None or mention.fatalities.best == 0:
        return False
    if any(m.background or m.aggregate or VIOLENCE not in m.disorder_type for m in (before, mention)):
        return False
    return adds_to_toll_before(sentence)


def _on_scene_of(mention: EventMention, before: EventMention) -> EventMention:
    """A sentence that dates nothing goes on with the scene of the event sentence before it (see
    _goes_on_from): "Thousands marched in Lima on Saturday. Police fired tear gas at the marchers,
    killing three." It takes that event's day, unless one of the two is background or a tally, or it
    sets itself in a located place of its own elsewhere (_same_scene). The rule name marks the day as
    inferred."""
    if mention.date is None or mention.date.rule != PUBLICATION_RULE:
        return mention
    if before.date is None or before.date.rule not in OWN_DATE_RULES:
        return mention
    if mention.background or mention.aggregate or before.background or before.aggregate:
        return mention
    place = mention.place
    own_place = (place is not None and place.place is not None and place.relation != "article"
                 and place.span.start >= mention.sentence.start)
    if own_place and not _same_scene(before.place, place):
        return mention
    return replace(mention, date=replace(before.date, rule=SCENE_RULE))


def _same_scene(before: PlaceMention | None, place: PlaceMention) -> bool:
    """The same place, or a place inside the country the sentence before named as a whole ("protests
    spread across Sudan on Thursday, with one protester killed in the east. A student died in
    al-Qadarif")."""
    if before is None or before.place is None or place.place is None:
        return False
    whole_country = before.place.feature_code.startswith("PCL")
    return before.place.geonameid == place.place.geonameid or (
        whole_country and before.place.country_code == place.place.country_code)


def _with_toll_of_next(document: Document, mention: EventMention, detection: Detection,
                       event_sentences: set[int], times: list[TimeExpression]) -> EventMention:
    """A wire report often gives the toll in the sentence after the event ("A bomb hit the market on
    Sunday. At least 10 civilians were killed and 45 injured."): that count is the event's."""
    end = detection.sentence.sent.end
    if end >= len(document.doc) or end in event_sentences:
        return mention  # an event sentence next: handled when its own detection comes
    toll = _follow_up_toll(document, mention, document.doc[end].sent, times)
    return mention if toll is None else replace(mention, fatalities=toll)


def _follow_up_toll(document: Document, mention: EventMention, following: SpacySpan,
                    times: list[TimeExpression]) -> FatalityCount | None:
    """The toll the sentence after an event's sentence gives it: only when the event's own sentence
    has none, the event is of the present, and the next sentence has no day of its own."""
    if mention.fatalities is not None or mention.background or mention.aggregate:
        return None
    if not counts_deaths(mention.sub_event_type):
        return None
    if any(following.start_char <= t.span.start < following.end_char and t.first_day is not None
           and not _day_of_telling(document, t) for t in times):
        return None
    return count_follow_up(document, following)


def _day_of_telling(document: Document, expression: TimeExpression) -> bool:
    """The day dates the report or revision of a toll, not the deaths: "Authorities initially said 11
    miners died but on Monday revised the toll to 10"."""
    span = document.doc.char_span(expression.span.start, expression.span.end, alignment_mode="expand")
    if span is None:
        return False
    verb = next((t for t in span.root.ancestors if t.pos_ in ("VERB", "AUX")), None)
    telling = time_lexicon().reporting_verbs | lexicon().revision_verbs
    return verb is not None and verb.lemma_.lower() in telling


@dataclass(frozen=True)
class _Setting:
    """Where the article is set: the place of event sentences that name none (see focus_place)."""

    focus: PlaceMention | None
    country: PlaceMention | None

    def place_for(self, named: PlaceMention | None) -> PlaceMention | None:
        if named is None:
            return self.focus or self.country
        if named.place is None:  # a place we cannot locate: only its country is safe to say
            return self.country
        return named


def _mention(document: Document, detection: Detection, n: int, times: list[TimeExpression],
             places: list[PlaceMention], actors: list[ActorMention], setting: _Setting,
             gazetteer: Gazetteer | None) -> tuple[EventMention, bool] | None:
    """The mention of one detection, and whether its sentence names nothing but a toll; None when
    its sentence says neither who, where, when nor how many died."""
    sentence, trigger, sub_type = detection.sentence, detection.trigger, detection.sub_type
    published = document.article.published
    event_date = date_event(document, trigger, times)
    named_place = place_event(document, trigger, places, gazetteer)
    if named_place is not None and _another_day_before(named_place, sentence, event_date, times):
        named_place = None
    place = setting.place_for(named_place)
    country = place.place.country_code if place is not None and place.place is not None else None
    named = with_claimant(assign_roles(sentence, trigger, sub_type, actors), sentence.sent, sub_type, actors)
    named, sub_type = as_mob(named, sub_type, trigger)
    fatalities = count_fatalities(document, sentence, trigger) if counts_deaths(sub_type.name) else None
    if not is_specific(named, named_place, event_date, fatalities):
        return None
    own_place = named_place if named_place is not None and named_place.span.start >= sentence.start_char else None
    toll_only = not is_specific(named, own_place, event_date, None)
    # The crowd ACLED always names comes after those checks: it is no party the sentence named.
    roles = _localized(with_crowd(named, sub_type, _token_span(document, trigger)), country)
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
    ), toll_only


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
