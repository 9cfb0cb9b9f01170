"""The words fatality counting reads (data/fatalities.toml), loaded once per process."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from polybius.events.taxonomy import taxonomy
from polybius.numbers import cardinals

SOURCE = "polybius/events/data/fatalities.toml"


@dataclass(frozen=True, slots=True)
class Lexicon:
    units: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    one_words: frozenset[str]
    vague: dict[str, tuple[int, int]]
    vague_unit_words: tuple[str, ...]
    qualifiers: tuple[tuple[tuple[str, ...], str], ...]  # longest first
    range_words: frozenset[str]
    range_openers: frozenset[str]
    kill_verbs: frozenset[str]
    die_verbs: frozenset[str]
    fatal_ends: frozenset[str]
    not_fatal_before_death: frozenset[str]
    dead_words: frozenset[str]
    count_nouns: frozenset[str]
    event_nouns: frozenset[str]
    toll_nouns: frozenset[str]
    tally_nouns: frozenset[str]
    life_verbs: frozenset[str]
    life_objects: frozenset[str]
    throat_verbs: frozenset[str]
    throat_nouns: frozenset[str]
    harm: frozenset[str]
    casualty_nouns: frozenset[str]
    zero_words: frozenset[str]
    no_one: tuple[str, ...]
    without: frozenset[str]
    cumulative: tuple[tuple[str, ...], ...]
    ordinals: frozenset[str]
    pluperfect_auxiliaries: frozenset[str]
    comparisons: frozenset[str]
    changed_from: frozenset[str]
    revision_verbs: frozenset[str]
    old_figure_words: frozenset[str]
    harmless_sub_types: frozenset[str]  # ACLED sub-type names, as written

    number_words: frozenset[str] = frozenset()  # any word of a number phrase, to grow one around a number
    verb_cues: frozenset[str] = frozenset()  # kill and die verbs
    noun_cues: frozenset[str] = frozenset()  # count, event and toll nouns


def _number_words(lex: Lexicon) -> frozenset[str]:
    words = set(cardinals().words)
    words |= {w for phrase, _ in lex.qualifiers for w in phrase}
    words |= {w for key in lex.vague for w in key.split()} | set(lex.range_openers)
    words |= {w + "s" for w in lex.multipliers}
    return frozenset(words)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The bundled fatality words, read once per process."""
    return parse_lexicon(resources.files("polybius.events").joinpath("data/fatalities.toml").read_text("utf-8"))


def parse_lexicon(text: str, source: str = SOURCE) -> Lexicon:
    """The fatality words of a TOML text; a missing table or key is an error naming `source`."""
    try:
        return _lexicon(tomllib.loads(text), source)
    except KeyError as missing:
        raise ValueError(f"{source}: missing table or key {missing}") from None


def _lexicon(raw: dict, source: str) -> Lexicon:
    numbers, deaths, quals = cardinals(), raw["deaths"], raw["qualifiers"]
    words = lambda values: frozenset(v.lower() for v in values)  # noqa: E731
    qualifiers = [
        (tuple(words_of(phrase)), kind) for kind in ("at_least", "about", "up_to", "below") for phrase in quals[kind]
    ]
    qualifiers.sort(key=lambda item: -len(item[0]))
    lex = Lexicon(
        units=numbers.units,
        tens=numbers.tens,
        multipliers=numbers.multipliers,
        one_words=numbers.one_words,
        vague={key: (int(v[0]), int(v[1])) for key, v in raw["vague"].items()},
        vague_unit_words=tuple(raw["vague_units"]["words"]),
        qualifiers=tuple(qualifiers),
        range_words=words(quals["range_words"]),
        range_openers=words(quals["range_openers"]),
        kill_verbs=words(deaths["kill_verbs"]),
        die_verbs=words(deaths["die_verbs"]),
        fatal_ends=words(deaths["fatal_ends"]),
        not_fatal_before_death=words(deaths["not_fatal_before_death"]),
        dead_words=words(deaths["dead_words"]),
        count_nouns=words(deaths["count_nouns"]),
        event_nouns=words(deaths["event_nouns"]),
        toll_nouns=words(deaths["toll_nouns"]),
        tally_nouns=words(deaths["tally_nouns"]),
        life_verbs=words(deaths["life_verbs"]),
        life_objects=words(deaths["life_objects"]),
        throat_verbs=words(deaths["throat_verbs"]),
        throat_nouns=words(deaths["throat_nouns"]),
        harm=words(raw["not_deaths"]["harm"]),
        casualty_nouns=words(raw["not_deaths"]["casualty_nouns"]),
        zero_words=words(raw["zero"]["words"]),
        no_one=tuple(raw["zero"]["no_one"]),
        without=words(raw["zero"]["without"]),
        cumulative=tuple(tuple(words_of(p)) for p in raw["cumulative"]["words"]),
        ordinals=words(raw["cumulative"]["ordinals"]),
        pluperfect_auxiliaries=words(raw["cumulative"]["pluperfect_auxiliaries"]),
        comparisons=words(raw["superseded"]["comparisons"]),
        changed_from=words(raw["superseded"]["changed_from"]),
        revision_verbs=words(raw["superseded"]["revision_verbs"]),
        old_figure_words=words(raw["superseded"]["old_figure_words"]),
        harmless_sub_types=harmless_sub_types(raw["harmless"]["sub_types"], source),
    )
    return dataclasses.replace(
        lex,
        number_words=_number_words(lex),
        verb_cues=lex.kill_verbs | lex.die_verbs,
        noun_cues=lex.count_nouns | lex.event_nouns | lex.toll_nouns,
    )


def harmless_sub_types(names: list[str], source: str = SOURCE) -> frozenset[str]:
    """The [harmless] list, checked: a misspelt name would silently leave its sub-type counting deaths."""
    unknown = sorted(set(names) - set(taxonomy().sub_types))
    if unknown:
        raise ValueError(f"{source}: [harmless] sub_types has unknown ACLED sub-event types {unknown}")
    return frozenset(names)


def words_of(text: str) -> list[str]:
    """Lower-cased words of a phrase, with digit groups joined and hyphens as words of their own."""
    text = text.lower().replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)  # 1,800 -> 1800
    text = re.sub(r"\s*-\s*", " - ", text)  # hyphens become words: "twenty - five", "5 - 10"
    return re.sub(r"[^\w\s.\-']", " ", text).split()
