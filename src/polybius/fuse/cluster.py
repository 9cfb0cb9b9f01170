"""Group event mentions into events, and keep each event's id as new reports arrive.

Mentions are compared only inside their block (country × type family × aggregate or not) and only
with clusters whose dates they can reach, so the work grows with the number of mentions, not its
square. Exactly dated mentions go first, so that a vague "over the weekend" or a date known only from when a
source spoke joins an exactly dated event instead of seeding one of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from polybius.fuse.compare import AFFINITY_TO_FUSE, Profile, affinity, block_of, compatible, facts_of, is_default_date
from polybius.records import EventMention

_UNDATED_PRECISION = 9


def cluster_mentions(mentions: Sequence[EventMention]) -> list[list[EventMention]]:
    """The events among these mentions, each a list of the mentions that report it."""
    def order(m: EventMention):
        if m.date is None:
            return (_UNDATED_PRECISION, True, 0, m.id)
        return (m.date.time_precision, is_default_date(m.date), m.date.day.toordinal(), m.id)

    clusters: list[list[EventMention]] = []
    profiles: list[Profile] = []
    sentences: list[set[tuple[str, int]]] = []
    by_day: dict[tuple, list[int]] = defaultdict(list)  # (block, day ordinal) -> clusters dated there
    for mention in sorted(mentions, key=order):
        block = block_of(mention)
        facts = facts_of(mention)
        days = _days(facts.window)
        sentence = (mention.document, mention.sentence.start)
        seen: set[int] = set()
        best, best_score = None, -1.0
        for day in days:
            for index in by_day[(block, day)]:
                if index in seen:
                    continue
                seen.add(index)
                # Two events found in one sentence were meant as two events.
                if sentence in sentences[index] or not compatible(profiles[index], facts):
                    continue
                score = affinity(profiles[index], facts)
                if score >= AFFINITY_TO_FUSE and score > best_score:
                    best, best_score = index, score
        if best is None:
            best = len(clusters)
            clusters.append([])
            profiles.append(Profile())
            sentences.append(set())
            for day in days:
                by_day[(block, day)].append(best)
        clusters[best].append(mention)
        profiles[best].add(facts)
        sentences[best].add(sentence)
    return clusters


def _days(window) -> list:
    if window is None:
        return [None]
    first, last = window
    return [(first + timedelta(days=i)).toordinal() for i in range((last - first).days + 1)]


@dataclass
class Identities:
    ids: list[str]  # one per cluster, in cluster order
    merges: list[tuple[str, str]]  # (old id, id it was merged into)
    counters: dict[str, int]  # last number used per ISO3 prefix


def assign_ids(clusters: Sequence[Sequence[EventMention]], previous: dict[str, str],
               counters: dict[str, int], prefix_of: Callable[[Sequence[EventMention]], str]) -> Identities:
    """Give each cluster the id its mentions had before, when it can; new ids never reuse a number.

    A cluster keeps the id most of its previously seen mentions carried (ties: the older id). Ids
    whose mentions now sit inside another event's cluster are recorded as merged into it.
    """
    counters = dict(counters)
    votes = [Counter(previous[m.id] for m in c if m.id in previous) for c in clusters]
    claimed: dict[str, int] = {}
    ids: list[str | None] = [None] * len(clusters)
    # Larger clusters choose first, so an event that grew keeps its id rather than a stray mention.
    for index in sorted(range(len(clusters)), key=lambda i: (-len(clusters[i]), i)):
        for old_id, _ in sorted(votes[index].items(), key=lambda kv: (-kv[1], _number(kv[0]), kv[0])):
            if old_id not in claimed:
                claimed[old_id] = index
                ids[index] = old_id
                break
    for index, cluster_ in enumerate(clusters):
        if ids[index] is None:
            prefix = prefix_of(cluster_)
            counters[prefix] = counters.get(prefix, 0) + 1
            ids[index] = f"{prefix}{counters[prefix]}"
    merges = []
    for index, vote in enumerate(votes):
        for old_id in sorted(vote):
            if old_id not in claimed:
                claimed[old_id] = index
                merges.append((old_id, ids[index]))
    return Identities([i for i in ids if i is not None], merges, counters)


def _number(event_id: str) -> int:
    digits = "".join(ch for ch in event_id if ch.isdigit())
    return int(digits) if digits else 0
