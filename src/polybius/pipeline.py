"""The one chain of stages. The CLI, the web app and the tests all go through Polybius.

    ingest → nlp → time, place, actors → events → store (per article, one transaction) → fuse
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path

import numpy as np

from polybius import nlp
from polybius.actors import ActorDictionary, find_actors
from polybius.errors import InputProblem
from polybius.events import find_events
from polybius.fuse import ArticleInfo, Fusion, fuse_all
from polybius.ingest import (
    Defaults, ParagraphIndex, RawArticle, content_hash, link_repeats, prepare, read_inputs, read_records,
    signatures,
)
from polybius.nlp import Document
from polybius.place import Gazetteer, find_places
from polybius.records import ActorMention, Article, EventMention, PlaceMention, TimeExpression
from polybius.store import DEFAULT_DB, Store
from polybius.time import find_times

# Wire copy is re-run within days; paragraphs of articles further apart in time are not compared.
REPEAT_WINDOW_DAYS = 14


@dataclass
class Analysis:
    document: Document
    times: list[TimeExpression]
    places: list[PlaceMention]
    actors: list[ActorMention]
    events: list[EventMention]


@dataclass
class RunSummary:
    articles_read: int = 0
    articles_added: int = 0
    already_stored: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (id, stored id it duplicates)
    problems: list[InputProblem] = field(default_factory=list)
    event_mentions: int = 0
    events: int = 0
    merges: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    words: int = 0


class Polybius:
    """The core object: a database plus the loaded language resources."""

    def __init__(self, db: str | Path = DEFAULT_DB, actor_files: Iterable[Path] = (),
                 gazetteer: Path | None = None, read_only: bool = False):
        self.store = Store(db, read_only=read_only)
        self._actor_files = tuple(actor_files)
        self._gazetteer_path = gazetteer

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Polybius:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @cached_property
    def gazetteer(self) -> Gazetteer:
        return Gazetteer.open(self._gazetteer_path)

    @cached_property
    def actor_dictionary(self) -> ActorDictionary:
        return ActorDictionary.load(self._actor_files)

    def analyze(self, document: Document) -> Analysis:
        times = find_times(document)
        places = find_places(document, self.gazetteer)
        # Government bodies too: parties to agreements, though only speakers of everything else (roles).
        actors = find_actors(document, self.actor_dictionary, include_government=True)
        events = find_events(document, times, places, actors, self.gazetteer)
        return Analysis(document, times, places, actors, events)

    def analyze_articles(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        for document in nlp.analyze(articles):
            yield self.analyze(document)

    def run(self, inputs: Iterable[str | Path], defaults: Defaults = Defaults(), strict: bool = False,
            on_article: Callable[[RunSummary], None] | None = None) -> RunSummary:
        """Read, analyse and store every new article under `inputs`, then re-fuse the events."""
        return self.ingest(read_inputs(inputs, defaults), strict, on_article)

    def run_records(self, records: Iterable[object], origin: str = "request", defaults: Defaults = Defaults(),
                    strict: bool = False) -> RunSummary:
        """The same as run(), for articles given as JSON objects ({"text", "published", ...})."""
        return self.ingest(read_records(records, origin, defaults), strict)

    def ingest(self, items: Iterable[RawArticle | InputProblem], strict: bool = False,
               on_article: Callable[[RunSummary], None] | None = None) -> RunSummary:
        started = time.perf_counter()
        summary = RunSummary()
        repeats = _RepeatFinder(self.store)
        pending: dict[str, tuple[str, list]] = {}

        def new_articles() -> Iterator[Article]:
            for article, digest in self._new(items, summary, strict):
                article_signatures = signatures(article)
                article = repeats.link(article, article_signatures)
                pending[article.id] = (digest, article_signatures)
                yield article

        for document in nlp.analyze(new_articles()):
            analysis = self.analyze(document)
            digest, article_signatures = pending.pop(document.id)
            self.store.add_article(document.article, digest, article_signatures, analysis.times,
                                   analysis.places, analysis.actors, analysis.events)
            summary.articles_added += 1
            summary.event_mentions += len(analysis.events)
            summary.words += len(document.doc)
            if on_article:
                on_article(summary)
        fusion = self.fuse()
        summary.events = len(fusion.events)
        summary.merges = fusion.merges
        summary.seconds = time.perf_counter() - started
        return summary

    def _new(self, items: Iterable[RawArticle | InputProblem], summary: RunSummary,
             strict: bool) -> Iterator[tuple[Article, str]]:
        """Clean articles that are not stored yet; duplicates are recorded, problems collected."""
        seen: dict[str, str] = {}  # ids and content hashes accepted in this run
        for item in items:
            article = prepare(item) if isinstance(item, RawArticle) else item
            if isinstance(article, InputProblem):
                summary.problems.append(article)
                if strict:
                    raise article
                continue
            summary.articles_read += 1
            digest = content_hash(article.text)
            known = seen.get(article.id) or seen.get(digest) or self.store.known_article(article.id, digest)
            if known == article.id:
                summary.already_stored.append(article.id)
            elif known is not None:
                self.store.add_duplicate(article.id, known, article.origin)
                summary.duplicates.append((article.id, known))
            else:
                seen[article.id] = seen[digest] = article.id
                yield article, digest

    def fuse(self) -> Fusion:
        """Fuse every stored event mention into events, keeping ids stable, and store them."""
        articles = {k: ArticleInfo(*v) for k, v in self.store.article_infos().items()}
        fusion = fuse_all(self.store.event_mentions(), articles, self.store.event_assignments(),
                          self.store.event_fingerprints(), self.store.counters(), int(time.time()))
        self.store.replace_events(fusion.events, fusion.merges, fusion.counters, fusion.independent)
        return fusion


class _RepeatFinder:
    """Near-duplicate paragraphs against stored articles of nearby dates, loaded as needed."""

    def __init__(self, store: Store):
        self._store = store
        self._index = ParagraphIndex()
        self._loaded_weeks: set[int] = set()
        self._loaded_undated = False

    def link(self, article: Article, article_signatures: list[np.ndarray | None]) -> Article:
        self._load_around(article.published)
        return link_repeats(article, article_signatures, self._index)

    def _load_around(self, day: date | None) -> None:
        if day is None:
            if not self._loaded_undated:
                self._index.add_all(self._store.paragraph_signatures())
                self._loaded_undated = True
            return
        week = day.toordinal() // 7
        reach = REPEAT_WINDOW_DAYS // 7 + 1
        missing = [w for w in range(week - reach, week + reach + 1) if w not in self._loaded_weeks]
        if missing:
            first, last = date.fromordinal(missing[0] * 7), date.fromordinal(missing[-1] * 7 + 6)
            self._index.add_all(self._store.paragraph_signatures((first, last), margin_days=0))
            self._loaded_weeks.update(missing)
