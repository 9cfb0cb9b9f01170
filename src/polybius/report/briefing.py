"""The briefing: a few paragraphs per story, written from the fused events, citing their articles.

Paragraphs are lists of segments, so that the page renders them as text and links without ever
parsing HTML: {"text": ...} plain words, {"text": ..., "event": id} words that open an event,
{"cite": n, "document": id} a citation [n] to the story's n-th source. Every sentence is generated
from fused fields (the events' ACLED notes among them), except one quoted sentence per story,
which is always followed by its citation.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from datetime import date
from functools import lru_cache

from polybius.explain import supporting_sentences
from polybius.report.payload import DATA, ArticleTexts, event_types
from polybius.report.stories import Story, group_stories

STORIES_SHOWN = 12  # a briefing is read in minutes; the table holds the rest
EVENTS_PER_STORY = 6
KINDS_NAMED = 3  # the lead names the commonest kinds of event and counts the rest
QUOTE_MAX_CHARS = 320
# Evidence fields whose sentence best tells what happened, in order of preference.
QUOTE_FIELDS = ("event_type", "notes", "fatalities")
# Generic actors that make poor story titles ("Fighting involving Civilians (Mali)").
UNTITLED_ACTOR_PREFIXES = ("Civilians", "Protesters", "Rioters")

Segment = dict
Paragraph = list[Segment]


@lru_cache(maxsize=1)
def phrasing() -> dict:
    with (DATA / "briefing.toml").open("rb") as f:
        return tomllib.load(f)


def write_briefing(events: list[dict], texts: ArticleTexts, limit: int = STORIES_SHOWN) -> dict:
    """The stories worth reading first, each with a title, paragraphs and numbered sources."""
    skip = set(phrasing()["skip_tags"])
    current = [e for e in events if not skip & {t.strip() for t in (e.get("tags") or "").split(";")}]
    stories = sorted(group_stories(current), key=lambda s: (-s.weight, s.first))
    shown = stories[:limit]
    rest_events = len(events) - sum(len(s.events) for s in shown)
    rest = None
    if rest_events > 0:
        rest = phrasing()["rest"].format(events=rest_events, stories=max(len(stories) - len(shown), 0))
    return {"stories": [write_story(s, texts) for s in shown], "rest": rest}


def write_story(story: Story, texts: ArticleTexts) -> dict:
    words = phrasing()
    sources = _Sources(texts)
    place = _place(story)
    lead = [{"text": " ".join(filter(None, (_lead(story, place), _parties(story), _toll(story))))}]
    narrative: Paragraph = []
    for event in story.events[:EVENTS_PER_STORY]:
        narrative.append(
            {"text": event.get("notes") or _fallback_note(event), "event": event["event_id_cnty"]}
        )
        narrative += sources.cite(event.get("documents") or [])
        narrative.append({"text": " "})
    hidden = len(story.events) - EVENTS_PER_STORY
    if hidden > 0:
        narrative.append({"text": words["more_events"].format(count=hidden)})
    paragraphs = [lead, _trim(narrative)]
    disputes = [part for event in story.events for part in _disputes(event, sources)]
    if disputes:
        paragraphs.append(_trim(disputes))
    quote = _quote(story, texts, sources)
    if quote:
        paragraphs.append(quote)
    return {
        "title": _title(story, place),
        "date_from": story.first.isoformat(),
        "date_to": story.last.isoformat(),
        "country": story.country,
        "events": [e["event_id_cnty"] for e in story.events],
        "paragraphs": paragraphs,
        "sources": sources.listing(),
    }


class _Sources:
    """A story's numbered sources, in order of first citation."""

    def __init__(self, texts: ArticleTexts):
        self._texts = texts
        self._numbers: dict[str, int] = {}

    def cite(self, documents: list[str]) -> list[Segment]:
        out = []
        for document in documents:
            number = self._numbers.setdefault(document, len(self._numbers) + 1)
            out.append({"cite": number, "document": document})
        return out

    def listing(self) -> list[dict]:
        return [self._texts.meta(d) | {"n": n} for d, n in self._numbers.items()]


def _title(story: Story, place: str) -> str:
    words = phrasing()
    activities = {t["name"]: t["activity"] for t in event_types()["event_type"]}
    kinds = [activities.get(name, name.lower()) for name, _ in story.most_common("event_type")[:2]]
    activity = f" {words['and']} ".join(kinds)
    actor = _title_actor(story)
    template = words["title_with_actor"] if actor else words["title_alone"]
    title = template.format(
        activity=activity, actor=actor, place=place, dates=date_range(story.first, story.last)
    )
    return title[0].upper() + title[1:]


def _title_actor(story: Story) -> str | None:
    counts = Counter(a for e in story.events for a in _actors(e) if not a.startswith(UNTITLED_ACTOR_PREFIXES))
    if not counts:
        return None
    actor, seen = counts.most_common(1)[0]
    return actor if seen * 2 >= len(story.events) else None


def _actors(event: dict) -> list[str]:
    names = [event.get("actor1"), event.get("actor2")]
    for column in ("assoc_actor_1", "assoc_actor_2"):
        names += (event.get(column) or "").split("; ")
    return list(dict.fromkeys(n for n in names if n))


def _place(story: Story) -> str:
    words = phrasing()
    locations = story.most_common("location")
    admin1s = story.most_common("admin1")
    if len(locations) == 1 and locations[0][1] == len(story.events) and locations[0][0] != story.country:
        return words["place_one_location"].format(location=locations[0][0], country=story.country)
    if len(admin1s) == 1:
        return words["place_one_admin1"].format(admin1=admin1s[0][0], country=story.country)
    return words["place_one_country"].format(country=story.country)


def _lead(story: Story, place: str) -> str:
    words = phrasing()
    nouns = words["sub_event_nouns"]
    kinds = []
    counted = story.most_common("sub_event_type")
    for sub_type, count in counted[:KINDS_NAMED]:
        one, many = nouns.get(sub_type, (sub_type.lower(), sub_type.lower()))
        kinds.append(f"{count} {many}" if count > 1 else f"{_article_for(one)} {one}")
    others = sum(count for _, count in counted[KINDS_NAMED:])
    if others:
        kinds.append(words["other_kinds_one"] if others == 1 else words["other_kinds"].format(count=others))
    if len(story.events) == 1:
        template = words["lead_one"]
    else:
        template = words["lead_many_one_day"] if story.first == story.last else words["lead_many"]
    dates = date_range(story.first, story.last, joiner=f" {words['and']} ")
    return template.format(dates=dates, count=len(story.events), place=place, kinds=_join(kinds))


def _parties(story: Story) -> str:
    counts = Counter(a for e in story.events for a in _actors(e))
    names = [name for name, _ in counts.most_common(4)]
    return phrasing()["parties"].format(actors=_join(names)) if names else ""


def _toll(story: Story) -> str:
    words = phrasing()
    if story.fatalities == 0:
        return words["toll_none"]
    return (
        words["toll_one"] if story.fatalities == 1 else words["toll_some"].format(fatalities=story.fatalities)
    )


def _disputes(event: dict, sources: _Sources) -> list[Segment]:
    words = phrasing()
    out: list[Segment] = []
    for dispute in event.get("disputes") or []:
        claims = dispute.get("claims") or []
        if not claims:
            continue
        template = words["dispute_update"] if dispute.get("kind") == "update" else words["dispute_conflict"]
        head, tail = template.split("{claims}")
        field = words["field_names"].get(dispute.get("field"), dispute.get("field", "value"))
        day = _day_phrase(event.get("event_date"))
        out.append({"text": head.format(field=field, date=day), "event": event["event_id_cnty"]})
        for i, claim in enumerate(claims):
            if i:
                out.append({"text": ", " if i < len(claims) - 1 else f" {words['and']} "})
            out.append({"text": f"{claim.get('value')} "})
            out += sources.cite([claim["document"]] if claim.get("document") else [])
        out.append({"text": tail + " "})
    return out


def _quote(story: Story, texts: ArticleTexts, sources: _Sources) -> Paragraph | None:
    """One sentence in a reporter's own words, from the story's deadliest (or first) event, cited."""
    event = max(story.events, key=lambda e: (e.get("fatalities") or 0, -story.events.index(e)))
    evidence = event.get("evidence") or {}
    for field in QUOTE_FIELDS:
        spans = evidence.get(field) or []
        if not spans:
            continue
        found = supporting_sentences(texts, {field: spans[:1]})[field][0]
        sentence = " ".join(found["sentence"].split())
        if len(sentence) > QUOTE_MAX_CHARS:
            continue
        return [
            {"text": phrasing()["quote"].format(sentence=sentence) + " "},
            *sources.cite([found["document"]]),
        ]
    return None


def _fallback_note(event: dict) -> str:
    place = event.get("location") or event.get("admin1") or event.get("country") or "an unreported place"
    return f"{_day_phrase(event.get('event_date'))}: {event.get('sub_event_type') or 'event'} in {place}."


def _trim(paragraph: Paragraph) -> Paragraph:
    while paragraph and paragraph[-1].get("text", "x").strip() == "":
        paragraph.pop()
    if paragraph and "text" in paragraph[-1]:
        paragraph[-1] = paragraph[-1] | {"text": paragraph[-1]["text"].rstrip()}
    return paragraph


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + f" {phrasing()['and']} " + items[-1]


def _article_for(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _day_phrase(value: str | None) -> str:
    if not value:
        return "an unreported date"
    day = date.fromisoformat(value)
    return f"{day.day} {phrasing()['months'][day.month - 1]}"


def date_range(first: date, last: date, joiner: str = "–") -> str:
    """'5 February 2013', '2–5 February 2013', '28 January–3 February 2013', across years in full."""
    months = phrasing()["months"]

    def full(d: date) -> str:
        return f"{d.day} {months[d.month - 1]} {d.year}"

    if first == last:
        return full(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.day}{joiner}{full(last)}"
    if first.year == last.year:
        return f"{first.day} {months[first.month - 1]}{joiner}{full(last)}"
    return f"{full(first)}{joiner}{full(last)}"
