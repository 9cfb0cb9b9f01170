"""A headline restates its lede: its event is a mention of its own only when the lede lacks it.

A headline names the story's main event in a few words, with no date of its own ("Troops kill 11
militants in the north"); the lede below tells the same event with its date and place. Coded apart,
the headline makes an undated twin of the lede's event. So an event found in the headline is kept
only when no event of the same ACLED event type is found in the lede.

- The headline is the text's first paragraph when another paragraph follows and it is headline-like:
  the same as Article.title, or short (at most HEADLINE_WORDS words) with no final full stop.
- The lede is the first paragraph after it that is not headline-like either (a dateline such as
  "25th January 2014, 0 comments" is skipped).
Paragraphs are Article.paragraphs when ingest set them, else the text's line-separated blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from polybius.events.detect import Detection
from polybius.records import Article

HEADLINE_WORDS = 20
SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")
LINE_BLOCK = re.compile(r"[^\n]+")


def paragraphs(article: Article) -> list[tuple[int, int]]:
    """(start, end) offsets of the article's paragraphs, trimmed of surrounding spaces."""
    if article.paragraphs:
        found = [(p.start, p.end) for p in article.paragraphs]
    else:
        found = [(m.start(), m.end()) for m in LINE_BLOCK.finditer(article.text)]
    return [_trimmed(article.text, start, end) for start, end in found if article.text[start:end].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _same_words(a: str, b: str) -> bool:
    return re.findall(r"\w+", a.lower()) == re.findall(r"\w+", b.lower())


def is_headline_like(text: str, title: str | None = None) -> bool:
    """Short with no final full stop, or the article's own title."""
    text = text.strip()
    if title and _same_words(text, title):
        return True
    return len(text.split()) <= HEADLINE_WORDS and not SENTENCE_END.search(text)


def headline_and_lede(article: Article) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
    """The offsets of the headline and of the lede; (None, None) when the text opens with no headline."""
    blocks = paragraphs(article)
    if len(blocks) < 2 or not is_headline_like(article.text[slice(*blocks[0])], article.title):
        return None, None
    lede = next((block for block in blocks[1:] if not is_headline_like(article.text[slice(*block)])), None)
    return blocks[0], lede


def _inside(detection: Detection, block: tuple[int, int] | None) -> bool:
    return block is not None and block[0] <= detection.sentence.start_char < block[1]


def drop_restated_headline(detections: Sequence[Detection], article: Article) -> list[Detection]:
    """The detections without those of a headline whose event type the lede also reports."""
    headline, lede = headline_and_lede(article)
    if headline is None:
        return list(detections)
    in_lede = {d.sub_type.event_type for d in detections if _inside(d, lede)}
    return [d for d in detections if not (_inside(d, headline) and d.sub_type.event_type in in_lede)]
