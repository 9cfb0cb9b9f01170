"""Boilerplate removal: keep the reporting, drop newsletter blurbs, counters, credits and repeats.

The rules are data (ingest/data/boilerplate.toml); this module only applies them. Cleaning works on
paragraphs, so it also yields the paragraph offsets that near-duplicate detection and evidence use.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from polybius.errors import ConfigError

DEFAULT_RULES = Path(__file__).parent / "data" / "boilerplate.toml"
_PARAGRAPH_BREAK = re.compile(r"\s*\n\s*")
_NON_WORD = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class BoilerplateRules:
    drop_paragraph: tuple[re.Pattern, ...]
    cut_from: tuple[re.Pattern, ...]
    strip_inline: tuple[re.Pattern, ...]
    pull_quote_max_words: int

    @classmethod
    def from_file(cls, path: Path) -> BoilerplateRules:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
            return cls(
                drop_paragraph=_compile(data.get("drop_paragraph", [])),
                cut_from=_compile(data.get("cut_from", [])),
                strip_inline=_compile(data.get("strip_inline", [])),
                pull_quote_max_words=int(data.get("pull_quote_max_words", 0)),
            )
        except (OSError, tomllib.TOMLDecodeError, re.error, TypeError, ValueError) as exc:
            raise ConfigError(f"{path}: bad boilerplate rules: {exc}") from exc


def _compile(patterns: list[str]) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@lru_cache(maxsize=4)
def load_rules(path: Path = DEFAULT_RULES) -> BoilerplateRules:
    return BoilerplateRules.from_file(path)


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs are separated by line breaks (wire copy uses single or blank lines alike)."""
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def _comparable(paragraph: str) -> str:
    """Text for repeat detection: case, punctuation and quote styles do not make a paragraph new."""
    return " ".join(_NON_WORD.sub(" ", paragraph.lower()).split())


def clean_paragraphs(text: str, rules: BoilerplateRules | None = None) -> list[str]:
    """The reporting paragraphs of an article's raw text, in order."""
    rules = rules or load_rules()
    kept: list[str] = []
    for paragraph in split_paragraphs(text):
        if any(p.search(paragraph) for p in rules.cut_from):
            break
        for pattern in rules.strip_inline:
            paragraph = pattern.sub("", paragraph).strip()
        if paragraph and not any(p.search(paragraph) for p in rules.drop_paragraph):
            kept.append(paragraph)
    return _drop_repeats(kept, rules.pull_quote_max_words)


def _drop_repeats(paragraphs: list[str], pull_quote_max_words: int) -> list[str]:
    comparable = [_comparable(p) for p in paragraphs]
    kept = []
    for i, (paragraph, text) in enumerate(zip(paragraphs, comparable)):
        if not text or text in comparable[:i]:
            continue  # a repeated lede or paragraph: the first copy stays
        is_short = len(text.split()) <= pull_quote_max_words
        if is_short and any(text in other and text != other for other in comparable):
            continue  # a pull quote or teaser: the full paragraph that contains it stays
        kept.append(paragraph)
    return kept


def join_paragraphs(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """The cleaned text (paragraphs separated by a blank line) and each paragraph's offsets in it."""
    offsets, position = [], 0
    for paragraph in paragraphs:
        offsets.append((position, position + len(paragraph)))
        position += len(paragraph) + 2
    return "\n\n".join(paragraphs), offsets
