"""Expressions that are not calendar dates: durations, recurrences and references (PAST_REF)."""

from __future__ import annotations

import re

from polybius.time.lexicon import Lexicon, phrase_key
from polybius.time.values import Context, TimeValue


def _amount(lex: Lexicon, groups: dict[str, str]) -> str:
    """The count before a unit: '10' for "10 months", 'X' for "several weeks" or a bare "weeks"."""
    plural = phrase_key(groups["units"]) not in lex.singular_units
    if groups.get("count") and re.fullmatch(r"\d+\.\d+", groups["count"]):
        return groups["count"]  # "1.5 years" = P1.5Y
    count = lex.number(groups["count"]) if groups.get("count") else (None if plural else 1)
    if count is None:
        return "X"
    return str(count * lex.unit(groups["units"]).factor)


def resolve_duration(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    unit = lex.unit(groups["units"])
    return TimeValue("DURATION", f"P{'T' if unit.clock else ''}{_amount(lex, groups)}{unit.timex}")


def resolve_reference(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    return TimeValue("DATE", lex.references[phrase_key(groups["ref"])])


def resolve_set(lex: Lexicon, groups: dict[str, str], ctx: Context) -> TimeValue:
    if groups.get("weekday"):
        return TimeValue("SET", f"XXXX-WXX-{lex.weekday(groups['weekday'])}")
    unit = lex.unit(groups["units"])
    return TimeValue("SET", f"P{'T' if unit.clock else ''}{_amount(lex, groups)}{unit.timex}")
