"""A toponym: a stretch of article text that names a place, and the name to look up for it."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int
    end: int
    text: str  # as written in the article
    name: str  # what to look up: "Kidal" for "the Kidal region"
    head: str | None = None  # GeoNames feature code or class a head word names ("ADM1" for "region"), if any
    head_word: str | None = None  # that head word itself, lower case ("mountains")
    kind: str | None = None  # the same, named by the words before it ("P" for "the town of Gao")
    cue: bool = False  # a cue before it ("the town of", "near") says a place follows


@dataclass(frozen=True, slots=True)
class Vocabulary:
    head_words: dict[str, str]
    kind_before: dict[str, str]
    cues_before: frozenset[str]
    strong_before: frozenset[str]
    reject_words: frozenset[str]
    organisations: tuple[str, ...]
    titles: frozenset[str]
    movement_heads: frozenset[str]  # "front", "army": last words of a movement's name
    media: frozenset[str]
    streets: frozenset[str]
    feature_words: dict[str, tuple[str, ...]]  # "mountains" -> the feature codes it may name
    particles: frozenset[str]  # "in", "el": words that open place names
    english_particles: frozenset[str]  # those that are English words too
    connectors: frozenset[str]  # lower-case words inside names: "des", "-", the "e" of "Sar-e Pul"
    name_connectors: frozenset[str]  # those found only inside names


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    text = resources.files("polybius.place").joinpath("data/toponyms.toml").read_text("utf-8")
    data = tomllib.loads(text)
    return Vocabulary(
        head_words=dict(data["head_words"]),
        kind_before=dict(data["kind_before"]),
        cues_before=frozenset(data["cues"]["before"]),
        strong_before=frozenset(data["cues"]["strong_before"]),
        reject_words=frozenset(data["reject"]["words"]),
        organisations=tuple(data["reject"]["organisations"]),
        titles=frozenset(data["reject"]["titles"]),
        movement_heads=frozenset(data["reject"]["movement_heads"]),
        media=frozenset(data["reject"]["media"]),
        streets=frozenset(data["reject"]["streets"]),
        feature_words={word: tuple(codes) for word, codes in data["feature_words"].items()},
        particles=frozenset(data["particles"]["words"]),
        english_particles=frozenset(data["particles"]["english"]),
        connectors=frozenset(data["connectors"]["words"]),
        name_connectors=frozenset(data["connectors"]["name_only"]),
    )


_LEADING_THE = re.compile(r"^(?:the|The|THE)\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")


def make_toponym(text: str, start: int, end: int) -> Toponym:
    """The toponym for text[start:end]: "the Kidal region" looks up "Kidal" as an admin area."""
    if not (0 <= start < end <= len(text)):
        raise ValueError(f"toponym span [{start}, {end}) is not inside a text of {len(text)} characters")
    surface = text[start:end]
    name = _POSSESSIVE.sub("", _LEADING_THE.sub("", surface.strip()))
    head = head_word = None
    words = name.split()
    if len(words) > 1:
        last = words[-1].lower().rstrip(".,")
        head = vocabulary().head_words.get(last)
        if head is not None:
            name, head_word = " ".join(words[:-1]), last
    return Toponym(start=start, end=end, text=surface, name=name or surface, head=head, head_word=head_word,
                   kind=_kind_before(text, start), cue=_cue_before(text, start))


def _kind_before(text: str, start: int) -> str | None:
    """"the town of Gao" -> "P": the kind of place the words right before a name say it is."""
    before = text[max(0, start - 24) : start].lower().split()
    return vocabulary().kind_before.get(" ".join(before[-2:])) if len(before) >= 2 else None


def _cue_before(text: str, start: int) -> bool:
    before = text[max(0, start - 24) : start].lower().split()
    cues = vocabulary().cues_before
    return bool(before) and (before[-1] in cues or " ".join(before[-2:]) in cues)
