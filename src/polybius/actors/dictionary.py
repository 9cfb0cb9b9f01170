"""The actor dictionary: named actors (aliases and acronyms -> ACLED canonical names) from data files.

Bundled files live in data/named_*.toml; users add their own (same format, TOML or JSON) through
ActorDictionary.load(extra=...). Later files extend earlier ones: an entry with a name already known
adds its aliases and replaces its inter code and country; an alias already used by another actor
now means the later one. See data/named_sahel.toml for the file format.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from polybius.actors.countries import countries
from polybius.errors import ConfigError
from polybius.records import Actor

BUNDLED = ("named_sahel.toml", "named_world.toml")
_KNOWN_KEYS = {"name", "inter", "country", "aliases", "acronyms", "islamist"}


class ActorDataError(ConfigError, ValueError):
    """A bad actor dictionary file; the message names the file and the entry."""


@dataclass(frozen=True, slots=True)
class NamedActor:
    actor: Actor
    aliases: tuple[str, ...] = ()  # matched case-insensitively
    acronyms: tuple[str, ...] = ()  # matched with exact case
    islamist: bool = False  # "<this group>-linked fighters" are an Islamist militia


@dataclass(slots=True)
class ActorDictionary:
    actors: dict[str, NamedActor]  # by canonical name
    sources: tuple[str, ...] = ()  # the files it was read from, for messages
    _matchers: Any = field(default=None, repr=False, compare=False)  # built by the matching module

    @classmethod
    def load(cls, extra: Sequence[Path] = ()) -> "ActorDictionary":
        """The bundled dictionary plus the user's files, in order; ActorDataError names a bad file."""
        actors: dict[str, NamedActor] = {}
        sources = []
        data = resources.files("polybius.actors").joinpath("data")
        for name in BUNDLED:
            where = f"polybius/actors/data/{name}"
            _merge(actors, _entries(tomllib.loads(data.joinpath(name).read_text("utf-8")), where))
            sources.append(where)
        for path in extra:
            path = Path(path)
            _merge(actors, _entries(_read_user_file(path), str(path)))
            sources.append(str(path))
        return cls(actors, tuple(sources))

    def __len__(self) -> int:
        return len(self.actors)

    def named(self, name: str) -> NamedActor | None:
        return self.actors.get(name)


def _read_user_file(path: Path) -> Any:
    try:
        text = path.read_text("utf-8")
    except FileNotFoundError:
        raise ActorDataError(f"{path}: no such actor dictionary file") from None
    except (OSError, UnicodeDecodeError) as problem:
        raise ActorDataError(f"{path}: cannot be read as UTF-8 text ({problem})") from None
    try:
        if path.suffix.lower() == ".json":
            return json.loads(text)
        return tomllib.loads(text)
    except json.JSONDecodeError as problem:
        raise ActorDataError(f"{path}: not valid JSON ({problem})") from None
    except tomllib.TOMLDecodeError as problem:
        raise ActorDataError(f"{path}: not valid TOML ({problem}); JSON files must end in .json") from None


def _entries(raw: Any, where: str) -> list[NamedActor]:
    if isinstance(raw, dict):
        raw = raw.get("actor", raw.get("actors"))
    if not isinstance(raw, list) or not raw:
        raise ActorDataError(f"{where}: expected a non-empty list of actors ([[actor]] tables in TOML)")
    return [_entry(item, f"{where}: actor {number}") for number, item in enumerate(raw, start=1)]


def _strings(value: Any, key: str, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ActorDataError(f"{where}: {key!r} must be a list of non-empty strings")
    return tuple(v.strip() for v in value)


def _entry(item: Any, where: str) -> NamedActor:
    if not isinstance(item, dict):
        raise ActorDataError(f"{where}: expected a table with name, inter and aliases, got {type(item).__name__}")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ActorDataError(f"{where}: 'name' is required and must be a non-empty string")
    where = f"{where} ({name})"
    unknown = sorted(set(item) - _KNOWN_KEYS)
    if unknown:
        raise ActorDataError(f"{where}: unknown key(s) {', '.join(unknown)}; expected {', '.join(sorted(_KNOWN_KEYS))}")
    inter = item.get("inter")
    if not isinstance(inter, int) or isinstance(inter, bool) or not 1 <= inter <= 8:
        raise ActorDataError(f"{where}: 'inter' must be an ACLED inter code, an integer from 1 to 8, got {inter!r}")
    country = item.get("country")
    if country is not None:
        if not isinstance(country, str) or country.upper() not in countries().by_code:
            raise ActorDataError(f"{where}: 'country' must be an ISO 3166-1 alpha-2 code such as 'ML', got {country!r}")
        country = country.upper()
    aliases = _strings(item.get("aliases"), "aliases", where)
    acronyms = _strings(item.get("acronyms"), "acronyms", where)
    if not aliases and not acronyms:
        raise ActorDataError(f"{where}: give at least one entry in 'aliases' or 'acronyms'")
    islamist = item.get("islamist", False)
    if not isinstance(islamist, bool):
        raise ActorDataError(f"{where}: 'islamist' must be true or false")
    return NamedActor(Actor(name.strip(), inter, country), aliases, acronyms, islamist)


def _merge(actors: dict[str, NamedActor], entries: Iterable[NamedActor]) -> None:
    for entry in entries:
        known = actors.get(entry.actor.name)
        if known is not None:
            entry = NamedActor(
                entry.actor,
                known.aliases + tuple(a for a in entry.aliases if a not in known.aliases),
                known.acronyms + tuple(a for a in entry.acronyms if a not in known.acronyms),
                entry.islamist or known.islamist,
            )
        actors[entry.actor.name] = entry
