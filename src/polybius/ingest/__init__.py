"""The ingest stage: read input files, clean each article, link repeated paragraphs.

read_inputs() yields RawArticles (or InputProblems); prepare() turns a RawArticle into a cleaned
Article with paragraph offsets; link_repeats() marks the paragraphs it repeats from articles seen
before.
"""

from __future__ import annotations

import dataclasses

import numpy as np

from polybius.errors import InputProblem, Problem
from polybius.ingest.cleanup import BoilerplateRules, clean_paragraphs, join_paragraphs, load_rules
from polybius.ingest.dedup import ParagraphIndex, article_id_for, content_hash, paragraph_signature
from polybius.ingest.readers import Defaults, RawArticle, read_inputs, read_records
from polybius.records import Article, Paragraph

__all__ = [
    "Defaults", "ParagraphIndex", "RawArticle", "content_hash", "link_repeats", "load_rules", "prepare",
    "read_inputs", "read_records", "signatures",
]


def prepare(raw: RawArticle, rules: BoilerplateRules | None = None) -> Article | InputProblem:
    """Clean a raw article; its id is the given one or, failing that, derived from the cleaned text."""
    text, offsets = join_paragraphs(clean_paragraphs(raw.text, rules or load_rules()))
    if not text:
        return InputProblem(Problem.EMPTY, raw.origin, detail=" once boilerplate is removed")
    return Article(
        id=raw.id or article_id_for(text),
        text=text,
        published=raw.published,
        source=raw.source,
        title=raw.title,
        url=raw.url,
        origin=raw.origin,
        paragraphs=tuple(Paragraph(i, start, end) for i, (start, end) in enumerate(offsets)),
    )


def signatures(article: Article) -> list[np.ndarray | None]:
    return [paragraph_signature(article.text[p.start : p.end]) for p in article.paragraphs]


def link_repeats(article: Article, article_signatures: list[np.ndarray | None], index: ParagraphIndex) -> Article:
    """Mark each paragraph that repeats one already in the index, then add this article's paragraphs."""
    paragraphs = tuple(
        dataclasses.replace(p, repeats=index.repeated_from(sig, article.id))
        for p, sig in zip(article.paragraphs, article_signatures)
    )
    index.add_all((article.id, p.index, sig) for p, sig in zip(paragraphs, article_signatures))
    return dataclasses.replace(article, paragraphs=paragraphs)
