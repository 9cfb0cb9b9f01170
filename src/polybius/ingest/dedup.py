"""Exact duplicates and near-duplicate paragraphs across articles.

Wire stories are rewritten, not copied: two AFP reports of the same day share a handful of
paragraphs almost word for word while the whole documents look different (MinHash Jaccard ~0.11 on
seeds 001/002). So similarity is judged paragraph by paragraph, and a repeated paragraph is linked to
the paragraph it repeats; fusion then counts the two as one source.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from polybius.records import ParagraphLink

SHINGLE_WORDS = 3
NUM_PERM = 128
SCHEME = "affine32"  # 32-bit hash values: half the storage of the 64-bit scheme
# Word-3-shingle Jaccard at which a paragraph counts as repeated. Chosen by reading the paragraph
# pairs of seeds 001/002: 0.35 keeps the 7 paragraphs copied with light edits (J 0.39-0.82) and
# leaves out one that only shares a few phrases (J 0.30).
REPEAT_THRESHOLD = 0.35
# Paragraphs shorter than this repeat across unrelated stories (a quote, "No one was hurt.").
MIN_WORDS = 12

_WORD = re.compile(r"\w+")
_PERMUTATIONS = MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


def content_hash(text: str) -> str:
    """A hash of the words of a text: the same article re-encoded or re-spaced hashes the same."""
    words = " ".join(_WORD.findall(text.lower()))
    return hashlib.sha256(words.encode("utf-8")).hexdigest()


def article_id_for(text: str) -> str:
    """The id of an article that came without one: stable, derived from its content."""
    return content_hash(text)[:16]


def paragraph_signature(paragraph: str) -> np.ndarray | None:
    """MinHash of a paragraph's word 3-shingles, or None for paragraphs too short to judge."""
    words = _WORD.findall(paragraph.lower())
    if len(words) < MIN_WORDS:
        return None
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}
    minhash = MinHash(num_perm=NUM_PERM, seed=1, permutations=_PERMUTATIONS, scheme=SCHEME)
    minhash.update_batch(list(shingles))
    return minhash.hashvalues.astype(np.uint32)


class ParagraphIndex:
    """Paragraph signatures of articles seen so far, searchable for near-duplicates."""

    def __init__(self) -> None:
        self._lsh = MinHashLSH(threshold=REPEAT_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, document: str, paragraph: int, signature: np.ndarray | None) -> None:
        if signature is None:
            return
        key = f"{document}\t{paragraph}"
        if key not in self._signatures:
            self._signatures[key] = signature
            self._lsh.insert(key, _as_minhash(signature))

    def add_all(self, rows: Iterable[tuple[str, int, np.ndarray | None]]) -> None:
        for document, paragraph, signature in rows:
            self.add(document, paragraph, signature)

    def repeated_from(self, signature: np.ndarray | None, document: str) -> ParagraphLink | None:
        """The most similar paragraph of another article, if this one repeats it."""
        if signature is None:
            return None
        best: ParagraphLink | None = None
        for key in self._lsh.query(_as_minhash(signature)):
            other_document, other_paragraph = key.split("\t")
            if other_document == document:
                continue
            similarity = float(np.mean(self._signatures[key] == signature))
            if similarity >= REPEAT_THRESHOLD and (best is None or similarity > best.similarity):
                best = ParagraphLink(other_document, int(other_paragraph), round(similarity, 3))
        return best


def _as_minhash(signature: np.ndarray) -> MinHash:
    return MinHash(num_perm=NUM_PERM, seed=1, hashvalues=signature, scheme=SCHEME,
                   permutations=_PERMUTATIONS)
