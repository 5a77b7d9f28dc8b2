"""What other apps may use from ``related``: the content similarity behind More like this.

Scores are the engine's own (``related.semantic``: TF-IDF and sentence-embedding cosines
fused, times the recency multiplier where both dates are known; TF-IDF alone without the
model package), so a caller groups or ranks by the same notion of "close in content" as the
More like this lists. ``stories`` groups articles into developing stories with them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from related import embedding, index
from related.engine import DocId, Document, TfidfEngine
from related.evaluation import corpus_embeddings
from related.semantic import SemanticEngine

Neighbours = dict[DocId, list[tuple[DocId, float]]]
Progress = Callable[[int, int], None]


def _neighbours(
    engine: TfidfEngine, doc_ids: Sequence[DocId], count: int, progress: Progress | None = None
) -> Neighbours:
    found: Neighbours = {}
    chunk = 256
    for start in range(0, len(doc_ids), chunk):
        lists = engine.similar_to_many(doc_ids[start : start + chunk], count)
        found.update(
            (doc_id, [(match.id, match.score) for match in matches]) for doc_id, matches in lists.items()
        )
        if progress:
            progress(min(start + chunk, len(doc_ids)), len(doc_ids))
    return found


def content_neighbours(
    article_ids: Sequence[int] | None, count: int, progress: Progress | None = None
) -> Neighbours:
    """The ``count`` live articles closest in content to each of ``article_ids`` (every live
    article when ``None``), best first, after bringing the shared index up to date (so an
    article published a moment ago is in it). Ids not live are left out."""
    index.sync()
    engine = index.loaded_engine()
    ids = list(engine.ids) if article_ids is None else [doc_id for doc_id in article_ids if doc_id in engine]
    return _neighbours(engine, ids, count, progress)


def has_model() -> bool:
    """Whether the sentence-embedding model is installed (else scores are TF-IDF alone)."""
    return embedding.load_embedder() is not None


def corpus_vectors(docs: Sequence[Document]) -> np.ndarray | None:
    """The sentence embeddings of an evaluation corpus (cached outside the repository), or
    ``None`` without the model package."""
    embedder = embedding.load_embedder()
    return corpus_embeddings(docs, embedder) if embedder else None


def corpus_neighbours(docs: Sequence[Document], count: int, vectors: np.ndarray | None) -> Neighbours:
    """:func:`content_neighbours` for a corpus held in memory (evaluations), on ``vectors``
    from :func:`corpus_vectors` (rows in ``docs`` order; ``None``: TF-IDF alone)."""
    engine: TfidfEngine
    if vectors is None:
        engine = TfidfEngine()
        engine.fit(docs)
    else:
        engine = SemanticEngine()
        engine.fit(docs, vectors)
    return _neighbours(engine, [doc.id for doc in docs], count)


__all__ = ["Neighbours", "content_neighbours", "corpus_neighbours", "corpus_vectors", "has_model"]
