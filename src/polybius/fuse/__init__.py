"""The fusion stage: mentions of one real event, across all articles, become one ACLED row.

fuse_all() re-clusters every stored mention (fast: blocking keeps it near-linear), then carries ids
over from the previous run so that an event keeps its event_id_cnty as reports arrive; its
timestamp changes only when its row changes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from polybius.fuse.cluster import assign_ids, cluster_mentions
from polybius.fuse.compare import UNKNOWN_COUNTRY, country_of
from polybius.fuse.record import ArticleInfo, build_event, country_or_none, independent_mentions
from polybius.records import Event, EventMention

__all__ = ["ArticleInfo", "Fusion", "fuse_all"]


@dataclass
class Fusion:
    events: list[Event]
    merges: list[tuple[str, str]]
    counters: dict[str, int]
    independent: dict[str, bool]  # mention id -> counts as an independent source


def fuse_all(mentions: Sequence[EventMention], articles: dict[str, ArticleInfo], previous: dict[str, str],
             fingerprints: dict[str, tuple[str, int]], counters: dict[str, int], now: int) -> Fusion:
    # An event no report dates (a recalled event without its own date) cannot be an ACLED row.
    clusters = [c for c in cluster_mentions(mentions) if any(m.date is not None for m in c)]
    identities = assign_ids(clusters, previous, counters, _prefix)
    events, independent = [], {}
    for event_id, members in zip(identities.ids, clusters):
        flags = independent_mentions(members, articles)
        independent.update(flags)
        event = build_event(event_id, members, articles, flags)
        old = fingerprints.get(event_id)
        event.row["timestamp"] = old[1] if old and old[0] == event.row["fingerprint"] else now
        events.append(event)
    events.sort(key=lambda e: (e.row["event_date"] or "", e.event_id_cnty))
    return Fusion(events, identities.merges, identities.counters, independent)


def _prefix(members: Sequence[EventMention]) -> str:
    """ACLED ids start with the ISO3 code of the event's country."""
    codes = [c for c in (country_of(m) for m in members) if c != UNKNOWN_COUNTRY]
    country = country_or_none(max(sorted(set(codes)), key=codes.count)) if codes else None
    return country.iso3 if country else "XXX"
