"""Number phrases -> (best, low, high): "more than 20", "a dozen", "two or three", "several hundred"."""

from __future__ import annotations

from polybius.events.fatalities.lexicon import lexicon, words_of
from polybius.numbers import parse_cardinal

Quantity = tuple[int, int, int | None]  # best (ACLED's conservative figure), low, high (None: unbounded)


def parse_quantity(text: str) -> Quantity | None:
    """(best, low, high) for a number phrase such as "more than 20", "a dozen", "two or three"; None if not one."""
    if not isinstance(text, str):
        raise ValueError(f"parse_quantity expects a string, got {type(text).__name__}")
    words = words_of(text)
    while words and words[-1] == "of":  # "dozens of"
        words.pop()
    return _quantity(words) if words else None


def _quantity(words: list[str]) -> Quantity | None:
    lex = lexicon()
    for phrase, kind in lex.qualifiers:
        if tuple(words[: len(phrase)]) == phrase and len(words) > len(phrase):
            inner = _plain(words[len(phrase) :])
            if inner is not None:
                return _qualified(inner, kind)
    return _plain(words)


def _qualified(inner: Quantity, kind: str) -> Quantity:
    best, low, high = inner
    if kind == "at_least":
        return best, low, None
    if kind == "up_to":
        return best, min(1, best), best
    if kind == "below":
        below = max(best - 1, 0)
        return below, min(1, below), below
    return inner  # "about": the figure reported


def _plain(words: list[str]) -> Quantity | None:
    lex = lexicon()
    if words[0] in lex.range_openers:
        return _range(words[1:])
    exact = parse_cardinal(words)
    if exact is not None:
        return exact, exact, exact
    return _range(words) or _vague(words)


def _range(words: list[str]) -> Quantity | None:
    lex = lexicon()
    for i, word in enumerate(words):
        if word in lex.range_words and 0 < i < len(words) - 1:
            first, second = parse_cardinal(words[:i]), parse_cardinal(words[i + 1 :])
            if first is not None and second is not None and first <= second:
                return first, first, second
    return None


def _vague(words: list[str]) -> Quantity | None:
    lex = lexicon()
    phrase = " ".join(words)
    if phrase in lex.vague:
        best, low = lex.vague[phrase]
        return best, low, None
    # "several hundred", "a few dozen": one unit.
    for lead in lex.vague_unit_words:
        lead_words = lead.split()
        unit = _unit(words[len(lead_words) :]) if words[: len(lead_words)] == lead_words else None
        if unit is not None:
            return unit, unit, None
    # "tens of thousands": the vague count times the unit.
    if "of" in words:
        cut = words.index("of")
        count, unit = _vague(words[:cut]), _unit(words[cut + 1 :])
        if count is not None and unit is not None:
            return count[0] * unit, count[1] * unit, None
    return None


def _unit(words: list[str]) -> int | None:
    if len(words) != 1:
        return None
    multipliers = lexicon().multipliers
    word = words[0]
    return multipliers.get(word) or multipliers.get(word[:-1] if word.endswith("s") else "")
