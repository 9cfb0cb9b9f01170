"""Actors named by a description: state forces by nationality, and ACLED's generic groups.

Reads data/generic.toml. A group's `template` is how ACLED names it ("Civilians ({country})");
before the event's country is known the actor carries the template without its country part
("Civilians", "Military Forces"), and localize() fills it in.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

# The country part of a template, with the words that join it to the rest of the name.
_COUNTRY_PART = re.compile(r"\s*\(\{country\}\)|\s+of \{country\}")
# The filled-in country of a localized name: "Civilians (Mali)", "Police Forces of Mali".
_COUNTRY_SUFFIX = re.compile(r"\s*\([^()]*\)$|\s+of .+$")


@dataclass(frozen=True, slots=True)
class GenericGroup:
    key: str
    inter: int
    template: str
    nouns: frozenset[str]
    bare_nouns: frozenset[str]
    needs_nation: bool
    state_words: frozenset[str] = frozenset()
    modifiers: frozenset[str] = frozenset()
    government: bool = False
    unnamed: bool = False  # stands for whoever it was: fusion never lets it contradict a named actor

    @property
    def is_state(self) -> bool:
        return self.inter == 1

    def name(self, country: str | None = None, *, country_after_of: str | None = None, ethnicity: str = "") -> str:
        """The actor's name; without a country, the template's country part is left out."""
        template = self.template.replace("{ethnicity}", ethnicity)
        if country is None:
            return _COUNTRY_PART.sub("", template)
        if " of {country}" in template:
            return template.replace("{country}", country_after_of or country)
        return template.replace("{country}", country)


@dataclass(frozen=True, slots=True)
class GenericCatalog:
    groups: dict[str, GenericGroup]
    ethnicities: dict[str, str]  # word in text -> ethnic name ACLED uses
    unlocalized: tuple[tuple[re.Pattern[str], GenericGroup], ...]  # name without country -> group
    link_words: frozenset[str]  # "-linked", "loyal to": the group is associated with a named one
    anaphors: frozenset[str] = frozenset()  # "the group": the armed group named last
    anaphor_sentences: int = 3
    military_voices: frozenset[str] = frozenset()  # "the French defence ministry" speaks for French forces
    acting_verbs: frozenset[str] = frozenset()  # "Iran fired missiles": the country is its armed forces

    def match_unlocalized(self, name: str) -> tuple[GenericGroup, str] | None:
        """The group of an actor name that still lacks its country, with its ethnicity if any."""
        for pattern, group in self.unlocalized:
            found = pattern.fullmatch(name)
            if found:
                return group, found.groupdict().get("ethnicity") or ""
        return None

    def is_unnamed(self, name: str) -> bool:
        """Whether an actor name, with or without its country, is one of the unnamed groups
        ("Unidentified Armed Group (Mali)", "Civilians", not "Military Forces of Mali")."""
        matched = self.match_unlocalized(_COUNTRY_SUFFIX.sub("", name))
        return matched is not None and matched[0].unnamed


def _unlocalized_pattern(template: str) -> re.Pattern[str]:
    bare = _COUNTRY_PART.sub("", template)
    return re.compile(re.escape(bare).replace(re.escape("{ethnicity}"), r"(?P<ethnicity>.+?)"))


def _words(values) -> frozenset[str]:
    return frozenset(value.lower() for value in values)


@lru_cache(maxsize=1)
def catalog() -> GenericCatalog:
    """The bundled generic groups (read once per process)."""
    raw = tomllib.loads(resources.files("polybius.actors").joinpath("data/generic.toml").read_text("utf-8"))
    groups = {}
    for entry in raw["group"]:
        groups[entry["key"]] = GenericGroup(
            key=entry["key"],
            inter=int(entry["inter"]),
            template=entry["template"],
            nouns=_words(entry["nouns"]),
            bare_nouns=_words(entry.get("bare_nouns", ())),
            needs_nation=bool(entry.get("needs_nation", False)),
            state_words=_words(entry.get("state_words", ())),
            modifiers=_words(entry.get("modifiers", ())),
            government=bool(entry.get("government", False)),
            unnamed=bool(entry.get("unnamed", False)),
        )
    unlocalized = tuple((_unlocalized_pattern(g.template), g) for g in groups.values())
    ethnicities = {word.lower(): name for word, name in raw.get("ethnicities", {}).items()}
    links = _words(raw.get("links", {}).get("words", ()))
    anaphora = raw.get("anaphora", {})
    return GenericCatalog(groups, ethnicities, unlocalized, links, _words(anaphora.get("nouns", ())),
                          int(anaphora.get("sentences", 3)), _words(anaphora.get("military_voices", ())),
                          _words(raw.get("states_acting", {}).get("verbs", ())))
