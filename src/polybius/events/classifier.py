"""Which ACLED sub-event type (if any) a sentence reports: logistic regression over MiniLM
embeddings joined with TF-IDF weights of word stems, trained at load time on our own examples
(the bundled sentences of examples.py plus user files). The embedding carries the meaning of the sentence; the stems
keep decisive single words ("defected", "grenade") from being drowned in a long sentence.

Labels are the 25 sub-event types and the 'none:<class>' non-event classes. A sentence reports no
event when the non-event classes together hold at least NO_EVENT_SHARE of the probability; otherwise
its sub-type is the most probable event label (rules in refine.py may then correct it).
"""

from __future__ import annotations

import hashlib
import os
import pickle
import re
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import sklearn
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from polybius.events.cues import stem
from polybius.events.embed import MODEL_NAME, cache_dir, embed, embed_cached
from polybius.events.examples import Example, load_examples
from polybius.events.taxonomy import NO_EVENT_PREFIX

# Regularization of the logistic regression. Chosen by cross-validation over our own examples
# (never the dev set): values between 2 and 20 differ by under a point.
INVERSE_REGULARIZATION = 8.0
# The non-event classes must hold at least this share of the probability for "no event": an event
# needs 45% of it. Chosen with the sentence-level training files (examples.py), on the wire benchmark
# trained on its other half, the CASE tune half and 80 Guardian articles read by hand (weighted F1 /
# no-event accuracy; Guardian event sentences): 0.5 wire 0.808 / 0.859, CASE tune 0.824, Guardian 79;
# 0.55 wire 0.809 / 0.821, CASE tune 0.835, Guardian 93; 0.6 wire 0.812 / 0.775, CASE tune 0.841.
# Before those files the bar was 0.4: at 0.5 the single-sentence examples alone took background and
# description for events (Guardian 92 -> 157 event sentences). Rechecked with press_sentences.jsonl
# (wire / CASE tune / press benchmark): 0.5 0.854 / 0.817 / 0.799; 0.55 0.859 / 0.837 / 0.800;
# 0.6 0.862 / 0.839 / 0.805, but no-event accuracy on wire falls from 0.817 to 0.800.
NO_EVENT_SHARE = 0.55
# A sub-type the sentence's cues allow replaces the classifier's disallowed favourite only with at
# least this share of its probability (else: no event). 5-fold CV on our own examples, shares 0 /
# 0.25 / 0.5: weighted F1 0.892 / 0.895 / 0.895, no-event accuracy 0.948 / 0.950 / 0.956.
RETYPE_SHARE = 0.5
# Weight of the word-stem features against the unit-length embedding. Chosen by 5-fold
# cross-validation on our own examples (1242 sentences: 0.889 sub-type accuracy at 1.0, 0.880 at 0.5).
LEXICAL_WEIGHT = 1.0


def stems(text: str) -> list[str]:
    return [stem(word) for word in re.findall(r"[a-z]+", text.lower())]


def features(lexicon: TfidfVectorizer, texts: Sequence[str], vectors: np.ndarray):
    """The embedding beside the weighted stem TF-IDF, one sparse row per text."""
    return hstack([csr_matrix(vectors), lexicon.transform(texts) * LEXICAL_WEIGHT]).tocsr()


@dataclass(frozen=True, slots=True)
class Prediction:
    sub_type: str | None  # None: no event
    confidence: float  # probability of the answer given (the sub-type, or all non-event classes)
    label: str  # the single most probable label, event or 'none:<class>'
    event_probability: float  # 1 - the share of the non-event classes
    ranked: tuple[tuple[str, float], ...] = ()  # every event sub-type with its probability, best first

    def best_outside(self, excluded: set[str]) -> str | None:
        """The most probable sub-type not in `excluded`."""
        return next((label for label, _ in self.ranked if label not in excluded), None)

    def within(self, allowed: set[str], stand_ins: Mapping[str, str] | None = None) -> "Prediction":
        """The answer when only the `allowed` sub-types are possible. The most probable allowed one
        stands in for a disallowed favourite only when it has at least RETYPE_SHARE of the
        favourite's probability; otherwise the favourite's own stand-in, if allowed (`stand_ins`:
        lethal force on people not protesting is an attack), with their probabilities joined;
        otherwise no event. Whether the sentence reports an event at all stays the
        classifier's call (its event share is kept)."""
        if self.sub_type is None:
            return self
        kept = tuple((label, p) for label, p in self.ranked if label in allowed)
        if kept and kept[0][1] >= RETYPE_SHARE * self.ranked[0][1]:
            return self._among(kept)
        stand_in = (stand_ins or {}).get(self.sub_type)
        if stand_in in allowed:
            joined = sum(p for label, p in self.ranked if label in (self.sub_type, stand_in))
            return self._among(((stand_in, joined), *((label, p) for label, p in kept if label != stand_in)))
        return Prediction(None, 1.0, self.label, self.event_probability, ())

    def as_event(self, allowed: set[str]) -> "Prediction":
        """The most probable `allowed` sub-type as the answer, whatever the event share: for a sentence
        that a rule, not the classifier, finds to report an event (updates.py). No event when none
        is allowed."""
        kept = tuple((label, p) for label, p in self.ranked if label in allowed)
        if not kept:
            return Prediction(None, 1.0, self.label, self.event_probability, ())
        return self._among(kept)

    def _among(self, kept: tuple[tuple[str, float], ...]) -> "Prediction":
        total = sum(p for _, p in kept)
        scaled = tuple((label, p / total * self.event_probability) for label, p in kept)
        return Prediction(kept[0][0], scaled[0][1], self.label, self.event_probability, scaled)


class EventClassifier:
    def __init__(self, model: LogisticRegression, lexicon: TfidfVectorizer):
        """A fitted model and the stem vocabulary it was fitted with (see train)."""
        self.model = model
        self.lexicon = lexicon
        self.labels: list[str] = [str(label) for label in model.classes_]
        self.is_event = np.array([not label.startswith(NO_EVENT_PREFIX) for label in self.labels])

    @classmethod
    def train(cls, examples: Sequence[Example], vectors: np.ndarray | None = None) -> "EventClassifier":
        if len({e.label for e in examples}) < 2:
            raise ValueError("the event classifier needs examples of at least two labels")
        texts = [e.text for e in examples]
        if vectors is None:
            vectors = embed_cached(texts)
        lexicon = TfidfVectorizer(analyzer=stems, min_df=2, sublinear_tf=True).fit(texts)
        model = LogisticRegression(C=INVERSE_REGULARIZATION, max_iter=3000, class_weight="balanced")
        model.fit(features(lexicon, texts, vectors), [e.label for e in examples])
        return cls(model, lexicon)

    def features(self, texts: Sequence[str], vectors: np.ndarray):
        return features(self.lexicon, texts, vectors)

    def predict(self, texts: Sequence[str], vectors: np.ndarray | None = None) -> list[Prediction]:
        """Predictions for texts; pass their embeddings when already computed."""
        if not texts:
            return []
        vectors = embed(texts) if vectors is None else vectors
        return [self._decide(row) for row in self.model.predict_proba(self.features(texts, vectors))]

    def _decide(self, probabilities: np.ndarray) -> Prediction:
        labels = self.labels
        event_share = float(probabilities[self.is_event].sum())
        best = labels[int(np.argmax(probabilities))]
        order = np.argsort(-probabilities)
        ranked = tuple((labels[i], float(probabilities[i])) for i in order if self.is_event[i])
        if 1.0 - event_share >= NO_EVENT_SHARE:
            return Prediction(None, 1.0 - event_share, best, event_share, ranked)
        label, probability = ranked[0]
        return Prediction(label, probability, best, event_share, ranked)


@lru_cache(maxsize=4)
def load_classifier(extra_examples: tuple[Path, ...] = ()) -> EventClassifier:
    """The classifier trained on the bundled examples plus any extra files; one per process.

    The fitted model is kept on disk beside the embedding cache, keyed by the examples, the settings
    and the scikit-learn version, so that only the first run after a change pays for training."""
    examples = load_examples(extra_examples)
    path = cache_dir() / f"classifier-{_training_key(examples)}.pickle"
    try:
        with open(path, "rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, EventClassifier):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass  # absent or unreadable: train again
    classifier = EventClassifier.train(examples)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(f".{os.getpid()}.tmp")
        with open(partial, "wb") as handle:
            pickle.dump(classifier, handle, protocol=pickle.HIGHEST_PROTOCOL)
        partial.replace(path)
    except OSError:
        pass  # a read-only home only costs start-up time, never a result
    return classifier


def _training_key(examples: Sequence[Example]) -> str:
    # The code of this module and of the stemmer (cues.py) is part of the key: a change to either retrains.
    modules = (sys.modules[__name__], sys.modules[stem.__module__])
    code = [hashlib.sha256(Path(module.__file__).read_bytes()).hexdigest() for module in modules]
    settings = [sklearn.__version__, MODEL_NAME, INVERSE_REGULARIZATION, LEXICAL_WEIGHT, *code]
    lines = [repr(settings), *(f"{e.label}\t{e.text}" for e in examples)]
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:24]
