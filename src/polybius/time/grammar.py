"""Surface patterns of temporal expressions, compiled from the data file, and the scan over a text.

Each pattern template names word classes ({month}, {rel}, ...); this module turns each class into a
regular-expression alternation built from the Lexicon, compiles the templates once, and finds every
candidate expression in a text with the groups it matched. What the groups mean is resolve.py's job.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from polybius.time.lexicon import Lexicon, TimeDataError, load

DAY_DIGITS = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
# Four-digit years from 1000 to 2099, not part of a larger number, an amount or a percentage.
YEAR_DIGITS = r"(?<![\d$£€.,])(?:1\d|20)\d\d(?![\d%]|[.,]\d|\s*(?:%|per\s*cent|percent))"
ISO_DATE = r"(?<!\d)(?:1\d|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)"
DECADE_DIGITS = r"(?:1\d|20)\d0'?s|'\d0s"
CENTURY_DIGITS = r"\d{1,2}(?:st|nd|rd|th)"
CLOCK = (r"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
         r"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|(?:[01]\d|2[0-3])[0-5]\d(?=\s*(?:GMT|UTC))|noon|midnight)")


@dataclass(frozen=True, slots=True)
class Candidate:
    """One pattern match: where it is and which words filled which groups."""

    start: int
    end: int
    pattern: int  # index in Lexicon.patterns: on equal length, the earlier pattern wins
    rule: str
    groups: dict[str, str]
    group_spans: dict[str, tuple[int, int]]

    @property
    def text_length(self) -> int:
        return self.end - self.start


def alternation(phrases: Iterable[str]) -> str:
    """Longest phrase first, so that 'the day before yesterday' beats 'yesterday'."""
    unique = sorted({p.lower() for p in phrases}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in unique)


def _names(forms: dict[str, int], short: frozenset[str]) -> str:
    """Full names as words; short forms need a dot or a following day number ('Jan. 5', 'Jan 5')."""
    full = alternation(f for f in forms if f not in short)
    short_forms = "|".join(rf"{re.escape(s)}\.|{re.escape(s)}(?=\s+\d)" for s in sorted(short, key=len, reverse=True))
    return f"{full}|{short_forms}" if short_forms else full


def _number_words(lex: Lexicon) -> str:
    tens = alternation(lex.tens)
    ones = alternation(lex.ones)
    teens = alternation(lex.teens)
    return rf"(?:{tens})(?:[-\s](?:{ones}))?|{teens}|{ones}"


def _spoken_year(lex: Lexicon) -> str:
    ones = alternation(lex.ones)
    small = rf"(?:{alternation(lex.tens)})(?:[-\s](?:{ones}))?|{alternation(lex.teens)}"
    return (rf"(?:eighteen|nineteen|twenty)\s+(?:hundred(?:\s+and)?\s+)?(?:{small}|oh\s+(?:{ones}))"
            rf"|two\s+thousand(?:(?:\s+and)?\s+(?:{small}|{ones}))?")


def word_classes(lex: Lexicon) -> dict[str, str]:
    """Regular expression (without group) for each word class a template may name."""
    number = _number_words(lex)
    plural = [f for f, u in lex.units.items() if f not in lex.singular_units]
    ordinal_words = alternation(lex.ordinals)
    return {
        "month": _names(lex.months, lex.short_months),
        "weekday": _names(lex.weekdays, lex.short_weekdays),
        "day": rf"{DAY_DIGITS}|(?:{alternation(lex.tens)})-(?:{ordinal_words})|{ordinal_words}",
        "year": YEAR_DIGITS,
        "spoken_year": _spoken_year(lex),
        "iso": ISO_DATE,
        "count": rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{alternation([*lex.number_words, *lex.vague])}|{number}",
        "approx": alternation(lex.approximate),
        "unit": alternation(u for u in lex.singular_units if not lex.units[u].clock),
        "units": alternation([*lex.singular_units, *plural]),
        "qunit": alternation(lex.parts_of_year),
        "ordinal": rf"[1-4](?:st|nd|rd|th)|{alternation(w for w, n in lex.ordinals.items() if n <= 4)}",
        "rel": alternation(lex.relatives),
        "direction": alternation(lex.directions),
        "mod": alternation(lex.period_parts),
        "deictic": alternation(lex.deictic),
        "daypart": alternation(lex.dayparts),
        "season": alternation(lex.seasons),
        "decade": rf"{DECADE_DIGITS}|{alternation(lex.decade_words)}",
        "century": rf"{CENTURY_DIGITS}|{ordinal_words}",
        "ref": alternation(lex.references),
        "clock": CLOCK,
    }


PLACEHOLDER = re.compile(r"\{(\w+)(?::(\w+))?\}")


def compile_template(template: str, classes: dict[str, str], where: str) -> re.Pattern[str]:
    """Expand {class} / {group:class} placeholders and spaces; bound the match by word edges."""

    def expand(match: re.Match[str]) -> str:
        group, cls = match.group(1), match.group(2) or match.group(1)
        if cls not in classes:
            raise TimeDataError(f"pattern {where!r}: unknown word class {{{cls}}}")
        return f"(?P<{group}>{classes[cls]})"

    body = PLACEHOLDER.sub(expand, template.replace(" ", r"\s+"))
    try:
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE)
    except re.error as error:
        raise TimeDataError(f"pattern {where!r} does not compile: {error}") from None


WORD = re.compile(r"[^\W_]+")
# A match reaches at most this far from its key word (the longest expressions are ~40 characters).
WINDOW_MARGIN = 60


def key_words(lex: Lexicon) -> dict[str, frozenset[str]]:
    """For each word class, the words that signal it: the last word of each of its phrases."""

    def last_words(phrases: Iterable[str]) -> frozenset[str]:
        return frozenset(WORD.findall(p.lower())[-1] for p in phrases if WORD.findall(p))

    return {
        "month": last_words(lex.months),
        "weekday": last_words(lex.weekdays),
        "deictic": last_words(lex.deictic),
        "daypart": last_words(lex.dayparts),
        "season": last_words(lex.seasons),
        "ref": last_words(lex.references),
        "unit": last_words(u for u in lex.singular_units if not lex.units[u].clock),
        "units": last_words(lex.units),
        "qunit": frozenset(lex.parts_of_year),
        "decade": last_words(lex.decade_words),
        "spoken_year": frozenset({"eighteen", "nineteen", "twenty", "two"}),
    }


def _classes_of(word: str, index: dict[str, frozenset[str]]) -> frozenset[str]:
    """The keys (word classes, or literal key words) a lower-case word signals."""
    found = index.get(word, frozenset())
    if word[:1].isdigit():
        if len(word) == 4 and word.isdigit() and 1000 <= int(word) <= 2099:
            found = found | {"year"}
        elif re.fullmatch(r"(?:\d\d)?\d0s", word):
            found = found | {"decade"}
    return found


@dataclass(frozen=True)
class Grammar:
    lexicon: Lexicon
    regexes: tuple[re.Pattern[str], ...]
    index: dict[str, frozenset[str]]  # word -> the key classes it signals

    def key_positions(self, text: str) -> dict[str, list[tuple[int, int]]]:
        """Where each key class (and each literal key word) occurs in the text."""
        positions: dict[str, list[tuple[int, int]]] = {}
        for match in WORD.finditer(text):
            for key in _classes_of(match.group().lower(), self.index):
                positions.setdefault(key, []).append(match.span())
        return positions

    def windows(self, text: str, keys: tuple[str, ...], positions: dict[str, list[tuple[int, int]]]
                ) -> list[tuple[int, int]]:
        """Stretches of text around the key words, merged; each ends at a word edge."""
        if not keys:
            return [(0, len(text))]
        merged: list[list[int]] = []
        for start, end in sorted(span for key in keys for span in positions.get(key, ())):
            start, end = max(0, start - WINDOW_MARGIN), min(len(text), end + WINDOW_MARGIN)
            while end < len(text) and not text[end].isspace():
                end += 1
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        return [(start, end) for start, end in merged]

    def scan(self, text: str) -> list[Candidate]:
        """Every match of every pattern (overlapping across patterns), in no particular order."""
        positions = self.key_positions(text)
        found: list[Candidate] = []
        windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
        for index, (regex, pattern) in enumerate(zip(self.regexes, self.lexicon.patterns, strict=True)):
            constants = dict(pattern.fields)
            if pattern.keys not in windows:
                windows[pattern.keys] = self.windows(text, pattern.keys, positions)
            for start, end in windows[pattern.keys]:
                for match in regex.finditer(text, start, end):
                    if match.end() == match.start():
                        continue
                    groups = {k: v for k, v in match.groupdict().items() if v is not None}
                    spans = {k: match.span(k) for k in groups}
                    found.append(Candidate(match.start(), match.end(), index, pattern.rule,
                                           {**constants, **groups}, spans))
        return found


def build_grammar(lex: Lexicon) -> Grammar:
    classes = word_classes(lex)
    regexes = tuple(compile_template(p.template, classes, p.name) for p in lex.patterns)
    index: dict[str, set[str]] = {}
    classes_words = key_words(lex)
    for cls, words in classes_words.items():
        for word in words:
            index.setdefault(word, set()).add(cls)
    for pattern in lex.patterns:  # keys that name no class are literal words ("weekend")
        for key in pattern.keys:
            if key not in classes_words and key not in ("year", "decade"):
                index.setdefault(key.lower(), set()).add(key)
    return Grammar(lex, regexes, {word: frozenset(classes) for word, classes in index.items()})


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    return build_grammar(load())


def select(candidates: list[Candidate]) -> list[Candidate]:
    """Longest first, then earliest pattern; keep those that overlap nothing kept. Sorted by start."""
    kept: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for candidate in sorted(candidates, key=lambda c: (-c.text_length, c.pattern, c.start)):
        if all(candidate.end <= s or candidate.start >= e for s, e in taken):
            kept.append(candidate)
            taken.append((candidate.start, candidate.end))
    return sorted(kept, key=lambda c: c.start)
