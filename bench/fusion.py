"""Fusion benchmark: one million generated event mentions through fuse_all (issue 5's goal: <= 60 s, <= 2 GB).

usage: python bench/fusion.py [N_MENTIONS] [--seed S]
The generator draws true events (country, day, town, actors, type) and then 1-9 reports of each, some
with a vague date, a nearby point or an unnamed actor, as real wire copy varies. It prints the time to
generate, to fuse, peak RSS, and how many true events the fused events recover exactly.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from datetime import date, timedelta

from polybius.fuse import ArticleInfo, fuse_all
from polybius.records import Actor, ActorMention, EventDate, EventMention, Place, PlaceMention, Span

TYPES = [("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"),
         ("Explosions/Remote violence", "Shelling/artillery/missile attack"),
         ("Violence against civilians", "Attack"), ("Protests", "Peaceful protest"),
         ("Strategic developments", "Arrests")]


# Fifty real ISO codes, so that event ids get real ISO3 prefixes.
COUNTRIES = ("ML NG NE BF TD CM CF CD SS SD SO ET KE UG MZ LY EG DZ TN MA SY IQ YE AF PK IN BD MM TH PH "
             "ID CO VE MX BR HN GT SV HT UA RU GE AM AZ TR LB IL PS IR SA").split()


def generate(n_mentions: int, rng: random.Random) -> tuple[list[EventMention], dict[str, ArticleInfo], int]:
    countries = COUNTRIES
    towns = {c: [Place(i * 1000 + j, f"Town {c}-{j}", rng.uniform(-30, 30), rng.uniform(-20, 50), c, admin1=f"{c}-R{j % 8}")
                 for j in range(120)] for i, c in enumerate(countries)}
    forces = {c: Actor(f"Military Forces of {c}", 1, c) for c in countries}
    groups = {c: [Actor(f"Group {c}-{k}", 2, c) for k in range(6)] for c in countries}
    unnamed = {c: Actor(f"Unidentified Armed Group ({c})", 3, c) for c in countries}
    start = date(2014, 1, 1)
    mentions: list[EventMention] = []
    articles: dict[str, ArticleInfo] = {}
    events = 0
    while len(mentions) < n_mentions:
        events += 1
        country = rng.choice(countries)
        town = rng.choice(towns[country])
        day = start + timedelta(days=rng.randrange(3650))
        kind, sub = rng.choice(TYPES)
        side = rng.choice(groups[country])
        for r in range(rng.randint(1, 9)):
            document = f"d{events}-{r}"
            articles[document] = ArticleInfo(day + timedelta(days=rng.randint(0, 2)), rng.choice(("AFP", "Reuters", "AP")))
            span = Span(document, 0, 1, "")
            vague = rng.random() < 0.1
            near = rng.random() < 0.1
            place = Place(town.geonameid + 500_000, town.name + " outskirts", town.latitude + 0.05, town.longitude,
                          country, admin1=town.admin1) if near else town
            other = unnamed[country] if rng.random() < 0.2 else side
            mentions.append(EventMention(
                id=f"{document}:0:0", document=document, sentence=span, trigger=span, event_type=kind,
                sub_event_type=sub, disorder_type="Political violence",
                actor1=ActorMention(span, forces[country]), actor2=ActorMention(span, other),
                date=EventDate(day + timedelta(days=1) if vague else day, 2 if vague else 1),
                place=PlaceMention(span, place, geo_precision=2 if near else 1)))
    return mentions[:n_mentions], articles, events


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mentions", nargs="?", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    mentions, articles, true_events = generate(args.mentions, random.Random(args.seed))
    generated = time.perf_counter()
    fusion = fuse_all(mentions, articles, previous={}, fingerprints={}, counters={}, now=0)
    fused = time.perf_counter()
    truth: dict[str, set[str]] = {}
    for m in mentions:
        truth.setdefault(m.document.split("-")[0], set()).add(m.id)
    true_sets = {frozenset(ids) for ids in truth.values()}
    recovered = sum(1 for e in fusion.events if frozenset(m.id for m in e.mentions) in true_sets)
    print(f"mentions: {len(mentions):,} from {true_events:,} generated events")
    print(f"generate: {generated - started:.1f} s; fuse: {fused - generated:.1f} s "
          f"({len(mentions) / (fused - generated):,.0f} mentions/s)")
    print(f"events after fusion: {len(fusion.events):,}; exactly recovered true events: {recovered:,} "
          f"({recovered / true_events:.1%})")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:,.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
