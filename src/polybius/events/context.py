"""Background and aggregate mentions, and the date each of them may carry.

Background (an earlier event recalled as context: `background=True`). A mention is background when
- its verb is pluperfect ("had been killed", "had seized"), unless reported speech put it there
  ("said it had retaken the town" reports "we have retaken"), or
- a background word sits in its sentence (anniversary, commemorate, "last year", "years ago") or
  it is placed at an earlier stage of a campaign ("at the start of the operation"), or
- its date, from its own anchor, lies more than BACKGROUND_DAYS before publication ("the massacre
  of January 24, 2012" in a 2014 article), or
- it sits in a relative clause and has no date of its own ("AQIM, which occupied the north before
  being driven out").
Its date is the one its own anchor gives (polybius.time.date_event); when nothing in the sentence
dates it, it has no date (None): a recalled event is never coded at the publication date.

Aggregate (a tally over many days or places: `aggregate=True`). A mention is aggregate when its
sentence matches an [aggregate] pattern of data/cues.toml ("since the conflict began", "over the
26-day operation", "so far this year", "a total of"), when a present perfect sums up a campaign
the sentence names ("troops have killed hundreds in an operation to reclaim the north"), or when
one clause sets it in coordinated towns far apart ("in Konna and Gao"). ACLED does not code such claims as one event,
so an aggregate mention is dated over the span it covers, never as a single day:
- an anchored date that is already a span (a week, a month) is kept;
- an anchored day that opens the tally ("since January 11") spans from it to publication;
- a duration in the sentence ("the 26-day operation") spans that many days up to publication;
- anything else leaves the date None, and the mention is not coded as a dated event.
Spans are coded to their middle day with ACLED's precision for their length (polybius.time).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from polybius.events.cues import Cues, cues
from polybius.place import distance_km
from polybius.records import EventDate, PlaceMention, TimeExpression
from polybius.time.periods import precision

# An event dated this long before publication is recalled, not reported. Wire stories report the
# last few days; a month covers late follow-ups ("a week after the attack on January 16").
BACKGROUND_DAYS = 31
PUBLICATION_RULE = "publication"
# The day of the event sentence right before, for a sentence that dates nothing (events.assemble).
SCENE_RULE = "scene"
# Dates the event's own clause gives (polybius.time.date_event), not a default or the report's date.
OWN_DATE_RULES = frozenset({"anchor", "when-clause"})
DURATION_UNITS = {"D": 1, "W": 7, "M": 30, "Y": 365}


def is_pluperfect(trigger: Token) -> bool:
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    return verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} and c.lower_ in {"had", "'d"} for c in verb.children)


def has_background_words(sentence: SpacySpan, cue_set: Cues | None = None) -> bool:
    cue_set = cue_set or cues()
    if any(token.lemma_.lower() in cue_set.background_lemmas for token in sentence):
        return True
    text = sentence.text.lower()
    if any(re.search(rf"\b{re.escape(phrase)}\b", text) for phrase in cue_set.background_phrases):
        return True
    return any(pattern.search(text) for pattern in cue_set.background_patterns)


def is_old(event_date: EventDate | None, published: date | None) -> bool:
    if event_date is None or published is None or event_date.rule == PUBLICATION_RULE:
        return False
    return (published - event_date.day).days > BACKGROUND_DAYS


def in_relative_clause(trigger: Token, event_date: EventDate | None) -> bool:
    """ "AQIM, which occupied the north before being driven out by French troops": a relative
    clause describes what its noun is known for; with no date of its own it reports nothing new."""
    if event_date is not None and event_date.rule in OWN_DATE_RULES:
        return False
    return any(token.dep_ == "relcl" for token in (trigger, *trigger.ancestors))


def is_backshifted(trigger: Token, cue_set: Cues | None = None) -> bool:
    """ "The MNLA said it had retaken Menaka": reported speech shifts "we have retaken" into the
    pluperfect; the clause a verb of saying reports is as recent as the saying."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    reporting = (cue_set or cues()).reporting_verbs
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in reporting and verb.head.tag_ == "VBD"


def is_background(trigger: Token, event_date: EventDate | None, published: date | None) -> bool:
    recalled = is_pluperfect(trigger) and not is_backshifted(trigger)
    return (recalled or has_background_words(trigger.sent) or is_old(event_date, published)
            or in_relative_clause(trigger, event_date))


def is_aggregate(sentence: SpacySpan, trigger: Token | None = None, places: Sequence[PlaceMention] = (),
                 cue_set: Cues | None = None) -> bool:
    cue_set = cue_set or cues()
    if any(pattern.search(sentence.text) for pattern in cue_set.aggregate_patterns):
        return True
    if trigger is None:
        return False
    return _campaign_tally(trigger, sentence, cue_set) or _spread(trigger, places, cue_set)


def _campaign_tally(trigger: Token, sentence: SpacySpan, cue_set: Cues) -> bool:
    """ "Troops have killed hundreds of fighters in an operation to reclaim the north": a present
    perfect sums up a campaign that the sentence names."""
    verb = trigger if trigger.pos_ in {"VERB", "AUX"} else trigger.head
    perfect = verb.tag_ == "VBN" and any(
        c.dep_ in {"aux", "auxpass"} and c.lower_ in {"has", "have", "'ve"} for c in verb.children)
    return perfect and any(token.lemma_.lower() in cue_set.campaign_nouns for token in sentence)


def _spread(trigger: Token, places: Sequence[PlaceMention], cue_set: Cues) -> bool:
    """ "Direct combat in Konna and Gao": one clause set in coordinated towns far apart tallies
    several events."""
    doc, clause = trigger.doc, trigger.sent
    located = {}
    for mention in places:
        span = doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if mention.place is not None and span is not None and clause.start <= span.root.i < clause.end:
            located[span.root.i] = mention.place
    for i, place in located.items():
        head = doc[i].head
        if doc[i].dep_ == "conj" and head.i in located and distance_km(place, located[head.i]) > cue_set.spread_km:
            return True
    return False


def background_date(event_date: EventDate | None) -> EventDate | None:
    """A recalled event keeps its own anchor's date, never the publication day."""
    if event_date is None or event_date.rule == PUBLICATION_RULE:
        return None
    return event_date


def aggregate_date(event_date: EventDate | None, sentence: SpacySpan, times: list[TimeExpression],
                   published: date | None) -> EventDate | None:
    """The date of a tally: the span it covers, at precision 2 or more; None when unknown."""
    if event_date is not None and event_date.rule != PUBLICATION_RULE:
        if event_date.time_precision >= 2:
            return event_date
        # Only the clause's own day opens a tally ("since January 11"); a speech's day does not.
        if published is not None and event_date.day < published and event_date.rule in OWN_DATE_RULES:
            return _span_date(event_date.day, published, event_date.span, "aggregate-since")
    if published is None:
        return None
    for expression in times:
        if expression.type != "DURATION" or not _inside(expression, sentence):
            continue
        days = duration_days(expression.value)
        if days and days > 1:
            return _span_date(published - timedelta(days=days), published, expression.span, "aggregate-duration")
    return None


def duration_days(value: str) -> int | None:
    """Days in a TIMEX3 duration such as P26D, P3W, P2M; None for anything vaguer."""
    match = re.fullmatch(r"P(\d+)([DWMY])", value or "")
    return int(match.group(1)) * DURATION_UNITS[match.group(2)] if match else None


def _inside(expression: TimeExpression, sentence: SpacySpan) -> bool:
    return sentence.start_char <= expression.span.start < sentence.end_char


def _span_date(first: date, last: date, span, rule: str) -> EventDate:
    day = first + (last - first) // 2
    return EventDate(day, max(2, precision(first, last)), span, rule)

