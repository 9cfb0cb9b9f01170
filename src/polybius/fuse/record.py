"""One fused ACLED row from the mentions of an event: fields, sources, disputes and a written note.

Choices, field by field:
- date: a date the text states before one a default rule set, then the most precise (exact dates
  never disagree inside an event: fusion does not join different days);
- type: the sub-type most reports give (weighted by classifier confidence), ties to the first report;
  a protest at which a report has protesters killed is excessive force against protesters, however
  confidently its other sentences tell a peaceful march (ACLED's hierarchy within Protests; a
  sentence typed as intervention does not outrank the vote: "riot police stood guard" is not one);
- actors: the report naming the most (and most specific) actors gives actor1/actor2; an unnamed
  armed group there stands for the one armed group other reports of the event name; other named
  actors become associated actors;
- place: the most precise place (lowest geo_precision; at equal precision a place below the country
  level, then one the text states rather than the article's setting, then resolution score); when
  no report states it and the articles' settings disagree, the country they share;
- fatalities: reports of the time before later recollections (background mentions); within one
  article the fullest figure (articles split a toll across sentences); across
  articles ACLED's conservative figure — the lowest — unless reports of later days revise the toll
  step by step, in which case the latest report counts and the change is recorded as an update, not
  a conflict;
- source: the outlets of the independent reports (a paragraph repeated from another report in the same
  event adds a document but not a source).
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from polybius.actors import interaction
from polybius.fuse.compare import is_default_date, is_generic, named_actors
from polybius.place import country_info
from polybius.records import ActorMention, Dispute, Event, EventMention, Paragraph, Span

DATA = Path(__file__).parent / "data"


@dataclass(frozen=True)
class ArticleInfo:
    published: date | None
    source: str | None
    paragraphs: tuple[Paragraph, ...] = ()


REBELS_AND_MILITIAS = frozenset({2, 3})  # ACLED inter codes of rebel groups and political militias
PROTESTS, EXCESSIVE_FORCE = "Protests", "Excessive force against protesters"


@lru_cache(maxsize=1)
def _notes() -> dict:
    return tomllib.loads((DATA / "notes.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _scales() -> dict[str, str]:
    return tomllib.loads((DATA / "sources.toml").read_text(encoding="utf-8"))["scale"]


def independent_mentions(mentions: Sequence[EventMention], articles: dict[str, ArticleInfo]) -> dict[str, bool]:
    """A mention is not independent when its paragraph repeats one of another report of this event."""
    documents = {m.document for m in mentions}
    out = {}
    for m in mentions:
        paragraph = _paragraph_at(articles.get(m.document), m.sentence.start)
        repeats = paragraph.repeats if paragraph else None
        out[m.id] = not (repeats and repeats.document in documents and repeats.document != m.document)
    return out


def _paragraph_at(info: ArticleInfo | None, offset: int) -> Paragraph | None:
    for paragraph in info.paragraphs if info else ():
        if paragraph.start <= offset < paragraph.end + 2:
            return paragraph
    return None


def build_event(event_id: str, mentions: Sequence[EventMention], articles: dict[str, ArticleInfo],
                independent: dict[str, bool]) -> Event:
    first = _first_report(mentions, articles)
    dated = sorted((m for m in mentions if m.date),
                   key=lambda m: (is_default_date(m.date), m.date.time_precision, _order(m, articles)))
    placed = _by_place_preference([m for m in mentions if m.place and m.place.place], articles)
    typed = _vote_type(mentions, first)
    cast = max(mentions, key=lambda m: (len(named_actors(m)), _actor_count(m), -_order(m, articles)[0]))
    actor1, actor2 = _named_for_unnamed(mentions, cast.actor1, cast.actor2)
    assoc1, assoc2 = _associated(mentions, actor1, actor2, cast)
    date_of = dated[0].date if dated else None
    place_mention = placed[0].place if placed else None
    place = place_mention.place if place_mention else None
    country = country_or_none(place.country_code) if place else None
    fatalities, low, high, fatality_dispute = _fatalities(mentions, articles)
    documents = sorted({m.document for m in mentions}, key=lambda d: (_published(articles, d), d))
    independent_docs = [d for d in documents if any(independent.get(m.id, True) for m in mentions if m.document == d)]
    outlets = sorted({s for d in independent_docs if (s := (articles.get(d) or ArticleInfo(None, None)).source)})
    inter1 = actor1.actor.inter if actor1 else None
    inter2 = actor2.actor.inter if actor2 else None
    row = {
        "event_id_cnty": event_id,
        "event_date": date_of.day.isoformat() if date_of else None,
        "year": date_of.day.year if date_of else None,
        "time_precision": date_of.time_precision if date_of else None,
        "disorder_type": typed.disorder_type,
        "event_type": typed.event_type,
        "sub_event_type": typed.sub_event_type,
        "actor1": actor1.actor.name if actor1 else None,
        "assoc_actor_1": "; ".join(assoc1) or None,
        "inter1": inter1,
        "actor2": actor2.actor.name if actor2 else None,
        "assoc_actor_2": "; ".join(assoc2) or None,
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if any(m.civilian_targeting for m in mentions) else None,
        "iso": country.iso_numeric if country else None,
        "region": country.region if country else None,
        "country": (place.country or country.name) if place and country else None,
        "admin1": place.admin1 if place else None,
        "admin2": place.admin2 if place else None,
        "admin3": place.admin3 if place else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place_mention.geo_precision if place_mention else None,
        "geonameid": place.geonameid if place else None,
        "source": "; ".join(outlets) or None,
        "source_scale": _source_scale(outlets),
        "fatalities": fatalities,
        "fatalities_low": low,
        "fatalities_high": high,
        "tags": "; ".join(_tags(mentions, fatality_dispute)) or None,
    }
    row["notes"] = write_note(row)
    disputes = [d for d in (fatality_dispute, _place_dispute(mentions), _actor_dispute(mentions)) if d]
    evidence = _evidence(mentions, typed)
    row["fingerprint"] = _fingerprint(row, documents)
    row["documents"] = ";".join(documents)
    return Event(event_id, list(mentions), row, documents, evidence, disputes)


def country_or_none(code: str | None):
    """Country codes and ACLED region, or None for a code the country table does not know."""
    try:
        return country_info(code) if code else None
    except ValueError:
        return None


def _order(m: EventMention, articles: dict[str, ArticleInfo]) -> tuple:
    return (_published(articles, m.document).toordinal(), m.id)


def _published(articles: dict[str, ArticleInfo], document: str) -> date:
    info = articles.get(document)
    return info.published if info and info.published else date.max


def _first_report(mentions, articles) -> EventMention:
    return min(mentions, key=lambda m: _order(m, articles))


def _vote_type(mentions: Sequence[EventMention], first: EventMention) -> EventMention:
    lethal = [m for m in mentions if m.sub_event_type == EXCESSIVE_FORCE and m.fatalities and m.fatalities.best > 0]
    if lethal and all(m.event_type == PROTESTS for m in mentions):
        return lethal[0]
    votes: Counter = Counter()
    for m in mentions:
        votes[m.sub_event_type] += m.confidence
    top = max(votes.values())
    winners = {sub for sub, v in votes.items() if v == top}
    return first if first.sub_event_type in winners else next(m for m in mentions if m.sub_event_type in winners)


def _named_for_unnamed(mentions, actor1: ActorMention | None, actor2: ActorMention | None
                       ) -> tuple[ActorMention | None, ActorMention | None]:
    """An unnamed armed group ("30 militants") stands for the one armed group that other sentences
    of the event name ("Al Shabaab militants attacked a military base"): the name replaces it."""
    chosen = {a.actor.name for a in (actor1, actor2) if a}
    named: dict[str, ActorMention] = {}
    for m in mentions:
        for a in (m.actor1, m.actor2, *m.assoc_actor_1, *m.assoc_actor_2):
            if (a is not None and a.actor.inter in REBELS_AND_MILITIAS and not is_generic(a.actor)
                    and a.actor.name not in chosen):
                named.setdefault(a.actor.name, a)
    if len(named) != 1:
        return actor1, actor2  # none, or several groups: which one the unnamed is cannot be said
    (group,) = named.values()
    unnamed = lambda a: a is not None and a.actor.inter in REBELS_AND_MILITIAS and is_generic(a.actor)  # noqa: E731
    if unnamed(actor1):
        return group, actor2
    if unnamed(actor2):
        return actor1, group
    return actor1, actor2


def _actor_count(m: EventMention) -> int:
    return sum(x is not None for x in (m.actor1, m.actor2)) + len(m.assoc_actor_1) + len(m.assoc_actor_2)


def _associated(mentions, actor1: ActorMention | None, actor2: ActorMention | None,
                cast: EventMention) -> tuple[list[str], list[str]]:
    main = {a.actor.name for a in (actor1, actor2) if a}
    side1 = [a.actor.name for a in cast.assoc_actor_1]
    side2 = [a.actor.name for a in cast.assoc_actor_2]
    for m in mentions:
        for role, side in ((m.assoc_actor_1, side1), (m.assoc_actor_2, side2)):
            side.extend(a.actor.name for a in role if not is_generic(a.actor))
    return (list(dict.fromkeys(n for n in side1 if n not in main)),
            list(dict.fromkeys(n for n in side2 if n not in main and n not in side1)))


def _fatalities(mentions, articles) -> tuple[int, int | None, int | None, Dispute | None]:
    per_document: dict[str, EventMention] = {}
    counted = [m for m in mentions if m.fatalities is not None]
    # Reports of the time count the dead; a later recollection ("X was killed in fighting last
    # year") names some of them, and counts only when no report of the time gives a toll.
    current = [m for m in counted if not m.background]
    for m in current or counted:
        held = per_document.get(m.document)
        if held is None or m.fatalities.best > held.fatalities.best:
            per_document[m.document] = m  # within one article, the fullest figure
    if not per_document:
        return 0, None, None, None
    claims = sorted(per_document.values(), key=lambda m: _order(m, articles))
    bests = [m.fatalities.best for m in claims]
    low = min(m.fatalities.low for m in claims)
    high = max(m.fatalities.high if m.fatalities.high is not None else m.fatalities.best for m in claims)
    if len(set(bests)) == 1:
        return bests[0], low, high, None
    by_day: dict[date, list[int]] = {}
    for m in claims:
        by_day.setdefault(_published(articles, m.document), []).append(m.fatalities.best)
    day_figures = [min(v) for v in by_day.values()]
    agree_within_days = all(len(set(v)) == 1 for v in by_day.values())
    monotonic = (all(a <= b for a, b in zip(day_figures, day_figures[1:]))
                 or all(a >= b for a, b in zip(day_figures, day_figures[1:])))
    if len(by_day) > 1 and agree_within_days and monotonic:
        # Later reports revise the toll (it rises as bodies are found, or an official count corrects
        # it): the latest report holds.
        figure, kind = day_figures[-1], "update"
    else:
        figure, kind = min(bests), "conflict"
    dispute = Dispute("fatalities", kind, tuple(
        {"value": m.fatalities.best, "document": m.document, "published": _iso(_published(articles, m.document)),
         "spans": [s.as_dict() for s in m.fatalities.spans]} for m in claims))
    return figure, low, high, dispute


def _by_place_preference(placed: list[EventMention], articles: dict[str, ArticleInfo]) -> list[EventMention]:
    """Most precise first; but when no report states the place and their settings disagree (one
    article is set in Gao, another in Mali), only the country they share is known."""
    guessed = all(m.place.relation == "article" for m in placed)
    if guessed and len({m.place.place.geonameid for m in placed}) > 1:
        countries = [m for m in placed if m.place.place.feature_code.startswith("PCL")]
        if countries:
            return countries
    return sorted(placed, key=lambda m: (m.place.geo_precision, m.place.place.feature_code.startswith("PCL"),
                                         m.place.relation == "article", -m.place.score, _order(m, articles)))


def _place_dispute(mentions) -> Dispute | None:
    exact = {}
    for m in mentions:
        if m.place and m.place.place and m.place.geo_precision == 1:
            exact.setdefault(m.place.place.geonameid, m)
    if len(exact) < 2:
        return None
    return Dispute("location", "conflict", tuple(
        {"value": m.place.place.name, "document": m.document, "spans": [m.place.span.as_dict()]}
        for m in exact.values()))


def _actor_dispute(mentions) -> Dispute | None:
    """Reports naming different groups on the same side (e.g. one blames MUJAO, another AQIM)."""
    by_inter: dict[int, dict[str, tuple]] = {}
    for m in mentions:
        for role in (m.actor1, m.actor2):
            if role and not is_generic(role.actor) and role.actor.inter != 1:
                by_inter.setdefault(role.actor.inter, {}).setdefault(role.actor.name, (m, role))
    rivals = next((names for names in by_inter.values() if len(names) > 1), None)
    if rivals is None:
        return None
    return Dispute("actors", "conflict", tuple(
        {"value": name, "document": m.document, "spans": [role.span.as_dict()]}
        for name, (m, role) in rivals.items()))


def _tags(mentions, fatality_dispute: Dispute | None) -> list[str]:
    tags = []
    if all(m.background for m in mentions):
        tags.append("background report")
    if any(m.aggregate for m in mentions):
        tags.append("aggregate claim")
    if fatality_dispute is not None:
        tags.append(f"fatalities {fatality_dispute.kind}")
    return tags


def _source_scale(outlets: list[str]) -> str | None:
    scales = [_scales().get(o.lower()) for o in outlets]
    known = list(dict.fromkeys(s for s in scales if s))
    return "-".join(known) or None


def write_note(row: dict) -> str:
    """An ACLED-style note written from the fused fields (never copied from an article)."""
    notes = _notes()
    forms = notes["sub_event_type"].get(row["sub_event_type"], notes["default"])
    actor1 = row["actor1"] or notes["default"]["unknown_actor"]
    clause = (forms["with_actor2"] if row["actor2"] else forms["alone"]).format(actor1=actor1, actor2=row["actor2"])
    parts = [f"{_date_phrase(row)}, {clause}{_place_phrase(row)}."]
    if row["fatalities_high"] is not None and row["fatalities_low"] != row["fatalities_high"]:
        parts.append(f"Reports give between {row['fatalities_low']} and {row['fatalities_high']} fatalities; "
                     f"{row['fatalities']} is coded.")
    elif row["fatalities"]:
        parts.append(f"{row['fatalities']} {'person was' if row['fatalities'] == 1 else 'people were'} reported killed.")
    return " ".join(parts)


def _date_phrase(row: dict) -> str:
    if not row["event_date"]:
        return "On an unreported date"
    day = date.fromisoformat(row["event_date"])
    text = f"{day.day} {day:%B %Y}"
    return {1: f"On {text}", 2: f"Around {text}", 3: f"In {day:%B %Y}"}.get(row["time_precision"], f"On {text}")


def _place_phrase(row: dict) -> str:
    if not row["location"]:
        return ""
    region = f" ({row['admin1']})" if row["admin1"] and row["admin1"] != row["location"] else ""
    lead = {2: " near ", 3: " in the area of "}.get(row["geo_precision"], " in ")
    return f"{lead}{row['location']}{region}, {row['country']}" if row["country"] else f"{lead}{row['location']}{region}"


def _evidence(mentions, typed: EventMention) -> dict[str, list[Span]]:
    """Every field's spans across all reports; the chosen value's own span first."""
    out: dict[str, dict[Span, None]] = {}  # dicts as ordered sets
    for m in sorted(mentions, key=lambda m: m is not typed):
        for name, spans in m.evidence().items():
            out.setdefault(name, {}).update(dict.fromkeys(spans))
    return {name: list(spans) for name, spans in out.items()}


def _fingerprint(row: dict, documents: list[str]) -> str:
    payload = json.dumps([row, documents], sort_keys=True, default=str)
    return hashlib.sha1(payload.encode()).hexdigest()


def _iso(day: date) -> str | None:
    return None if day == date.max else day.isoformat()
