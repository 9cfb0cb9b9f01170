"""The data the UI shows, in the shapes both the report file and the web API hand it.

The report embeds these records; the web app serves the same ones from its endpoints, so the one UI
reads either without knowing which.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path

from polybius.explain import FIELD_ORDER, supporting_sentences
from polybius.export import json_record
from polybius.records import Article
from polybius.store import Store

DATA = Path(__file__).parent / "data"

# The event columns the map, timeline and table need; the report embeds only these per event.
LIST_FIELDS = (
    "event_id_cnty",
    "event_date",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "iso",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "fatalities",
    "fatalities_low",
    "fatalities_high",
    "source",
    "notes",
    "documents",
)


@lru_cache(maxsize=1)
def event_types() -> dict:
    """The legend: ACLED event types with their colours and story nouns (data/event_types.toml)."""
    with (DATA / "event_types.toml").open("rb") as f:
        return tomllib.load(f)


class ArticleTexts:
    """Articles read from the store once each: supporting_sentences() asks for the same ones often."""

    def __init__(self, store: Store, preload: Iterable[Article] = ()):
        self._store = store
        self._articles = {a.id: a for a in preload}

    def article(self, article_id: str) -> Article:
        if article_id not in self._articles:
            self._articles[article_id] = self._store.article(article_id)
        return self._articles[article_id]

    def meta(self, article_id: str) -> dict:
        return article_meta(self.article(article_id))


OPENING_CHARS = 90  # how much of an untitled article's first words name it in source lists


def article_meta(article: Article) -> dict:
    """What a source list shows of an article; an untitled one is named by its opening words."""
    opening = None
    if not article.title:
        first = " ".join(article.text[: OPENING_CHARS + 40].split())
        opening = first if len(first) <= OPENING_CHARS else first[: first.rfind(" ", 0, OPENING_CHARS)] + "…"
    return {
        "id": article.id,
        "title": article.title,
        "opening": opening,
        "source": article.source,
        "published": article.published.isoformat() if article.published else None,
        "url": article.url,
    }


def list_record(event: dict) -> dict:
    return {c: event.get(c) for c in LIST_FIELDS} | {"disputes": len(event.get("disputes") or [])}


def event_detail(event: dict, texts: ArticleTexts, with_evidence: bool = True) -> dict:
    """An event with every field, the sentences supporting each field, its disputes and its articles.

    `support` maps a field to [{sentence, highlight}], where `sentence` indexes `sentences` (each
    sentence once, however many fields it supports) and `highlight` gives the span's offsets in it.
    """
    record = json_record(event)
    if not with_evidence:
        record.pop("evidence")
    sentences: list[dict] = []
    index: dict[tuple[str, str], int] = {}
    support: dict[str, list[dict]] = {}
    found = supporting_sentences(texts, event.get("evidence") or {})
    for field in sorted(found, key=_field_rank):
        for item in found[field]:
            key = (item["document"], item["sentence"])
            if key not in index:
                index[key] = len(sentences)
                sentences.append({"document": item["document"], "text": item["sentence"]})
            support.setdefault(field, []).append({"sentence": index[key], "highlight": item["highlight"]})
    documents = list(dict.fromkeys([*(record["documents"] or []), *(s["document"] for s in sentences)]))
    articles = [texts.meta(d) | {"n": n} for n, d in enumerate(documents, start=1)]
    return record | {"sentences": sentences, "support": support, "articles": articles}


def _field_rank(field: str) -> int:
    return FIELD_ORDER.index(field) if field in FIELD_ORDER else len(FIELD_ORDER)


def overview(store: Store, events: list[dict], title: str = "Polybius situation report") -> dict:
    """What the page header says, and the choices its filters offer."""
    days = sorted(e["event_date"] for e in events if e.get("event_date"))
    first, last = store.published_range()
    return {
        "title": title,
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "articles": store.article_count(),
        "events": len(events),
        "fatalities": sum(e.get("fatalities") or 0 for e in events),
        "date_from": days[0] if days else None,
        "date_to": days[-1] if days else None,
        "published_from": first.isoformat() if first else None,  # the reporting period
        "published_to": last.isoformat() if last else None,
        "countries": sorted({e["country"] for e in events if e.get("country")}),
        "event_types": [t["name"] for t in event_types()["event_type"]],
    }


def legend() -> dict:
    types = event_types()
    return {
        "types": {t["name"]: t["color"] for t in types["event_type"]},
        "other_color": types["other_color"],
    }
