"""The similarity engine behind "More like this", kept behind a small interface.

:class:`SimilarityEngine` is what the rest of the app uses; :class:`TfidfEngine` implements it
with scikit-learn (``HashingVectorizer`` + ``TfidfTransformer``), so a semantic embedding model
or PostgreSQL pgvector can replace it later without touching the tasks or the region.

Score of a candidate ``b`` for an article ``a``::

    score(a, b) = cosine(tfidf(a), tfidf(b)) * recency(a, b)
    recency(a, b) = FLOOR + (1 - FLOOR) * 2 ** (-|days(a) - days(b)| / HALF_LIFE_DAYS)

with ``FLOOR = 0.5`` and ``HALF_LIFE_DAYS = 30``: a close match published the same week
keeps its full cosine, one a month apart keeps 75 %, one years apart keeps half. So an old
story still surfaces when nothing newer is close, but a fresh story is answered with fresh
close matches first. When either date is unknown the multiplier is 1. The query side keeps
only its ``QUERY_TERMS`` heaviest terms (speed; see the constant), otherwise the score is
symmetric, so a new article's own scores tell which other articles' lists it enters.

Text: the title counts twice, then the standfirst and the body (weights and unigrams chosen
with ``manage.py evaluate_related``: bigrams and a triple title scored lower on the AllSides
stories); tags, section and authors become single tokens (``tag_harbour``,
``section_politics``, ``author_ada_reporter``) that match exactly and never collide with
words in the text.

The vocabulary is hashed (2**20 features, no vocabulary to store or refit); the IDF weights
are frozen at :meth:`TfidfEngine.fit` and reused to transform new documents, which keeps an
incremental update to one sparse transform plus one sparse matrix-vector product. The
owner refits from scratch when many documents were added since (:attr:`needs_refit`).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Protocol

import numpy as np
from scipy import sparse

# scikit-learn is imported where TF-IDF is built or applied: with scipy.stats under it, importing it
# costs about 1.5 s of CPU at every process start (each web worker, the worker, every manage.py
# command), and most processes never fit or transform a text.
if TYPE_CHECKING:
    from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

FLOOR = 0.5
HALF_LIFE_DAYS = 30.0
N_FEATURES = 2**20
REFIT_RATIO = 0.2
# Rows scored at once in a full rebuild: a dense float32 block of CHUNK * documents.
CHUNK = 256
# A query keeps only its heaviest terms: common words (low IDF, long posting lists) cost most
# and change the ranking least. This makes a full rebuild of 100 000 articles fit in minutes.
QUERY_TERMS = 80

DocId = Hashable


@dataclass(frozen=True)
class Document:
    id: DocId
    title: str
    body: str = ""
    published: date | None = None
    standfirst: str = ""
    tags: Sequence[str] = ()
    section: str = ""
    authors: Sequence[str] = ()


@dataclass(frozen=True)
class Match:
    id: DocId
    score: float


class SimilarityEngine(Protocol):
    def fit(self, documents: Iterable[Document]) -> None: ...

    def add_or_update(self, document: Document) -> None: ...

    def remove(self, doc_id: DocId) -> None: ...

    def most_similar(self, doc_id: DocId, n: int) -> list[Match]: ...

    def __contains__(self, doc_id: object) -> bool: ...


def _token(prefix: str, value: str) -> str:
    return prefix + "_" + re.sub(r"\W+", "_", value.lower()).strip("_")


def document_text(doc: Document) -> str:
    parts = [doc.title, doc.title, doc.standfirst, doc.body]
    parts += [_token("tag", tag) for tag in doc.tags]
    parts += [_token("author", name) for name in doc.authors]
    if doc.section:
        parts.append(_token("section", doc.section))
    return "\n".join(part for part in parts if part)


def recency(
    days: np.ndarray, day: np.ndarray | float, floor: float = FLOOR, half_life: float = HALF_LIFE_DAYS
) -> np.ndarray:
    """The multiplier of the docstring, broadcast over day numbers; NaN (no date) gives 1."""
    factor = np.abs(np.float32(days) - np.float32(day))  # day numbers < 2**24: exact in float32
    factor *= np.float32(-1.0 / half_life)
    np.exp2(factor, out=factor)
    factor *= np.float32(1.0 - floor)
    factor += np.float32(floor)
    return np.nan_to_num(factor, copy=False, nan=1.0)


def _heaviest_terms(rows: sparse.csr_matrix, keep: int) -> sparse.csr_matrix:
    """Each row with only its ``keep`` largest weights (the rest set to zero)."""
    rows = rows.copy()
    for start, end in zip(rows.indptr[:-1], rows.indptr[1:], strict=True):
        if end - start > keep:
            values = rows.data[start:end]
            values[np.argsort(values)[: end - start - keep]] = 0.0
    rows.eliminate_zeros()
    return rows


def _day(value: date | None) -> float:
    return float(value.toordinal()) if value else math.nan


@dataclass
class TfidfEngine:
    """TF-IDF cosine with a recency multiplier; see the module docstring for the formula."""

    floor: float = FLOOR
    half_life_days: float = HALF_LIFE_DAYS
    ngram_range: tuple[int, int] = (1, 1)
    min_score: float = 0.02
    _ids: list[DocId] = field(default_factory=list, repr=False)
    _row: dict[DocId, int] = field(default_factory=dict, repr=False)
    _days: np.ndarray = field(default_factory=lambda: np.zeros(0), repr=False)
    _alive: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool), repr=False)
    _matrix: sparse.csr_matrix | None = field(default=None, repr=False)
    _pending: list[sparse.csr_matrix] = field(default_factory=list, repr=False)
    _columns: sparse.csr_matrix | None = field(default=None, repr=False)
    _tfidf: TfidfTransformer | None = field(default=None, repr=False)
    fitted_count: int = 0
    added_since_fit: int = 0

    def _vectorizer(self) -> HashingVectorizer:
        from sklearn.feature_extraction.text import HashingVectorizer

        return HashingVectorizer(
            n_features=N_FEATURES,
            ngram_range=self.ngram_range,
            stop_words="english",
            alternate_sign=False,
            norm=None,
            dtype=np.float32,
        )

    def _transform(self, texts: list[str]) -> sparse.csr_matrix:
        from sklearn.preprocessing import normalize

        assert self._tfidf is not None, "fit() first"
        counts = self._vectorizer().transform(texts)
        return normalize(self._tfidf.transform(counts)).astype(np.float32).tocsr()

    # The interface -------------------------------------------------------------------------

    def fit(self, documents: Iterable[Document]) -> None:
        from sklearn.feature_extraction.text import TfidfTransformer
        from sklearn.preprocessing import normalize

        docs = list(documents)
        counts = self._vectorizer().transform([document_text(doc) for doc in docs])
        self._tfidf = TfidfTransformer(sublinear_tf=True).fit(counts)
        self._matrix = normalize(self._tfidf.transform(counts)).astype(np.float32).tocsr()
        self._pending = []
        self._columns = None
        self._ids = [doc.id for doc in docs]
        self._row = {doc_id: row for row, doc_id in enumerate(self._ids)}
        if len(self._row) != len(self._ids):
            raise ValueError("Document ids must be unique.")
        self._days = np.array([_day(doc.published) for doc in docs], dtype=np.float64)
        self._alive = np.ones(len(docs), dtype=bool)
        self.fitted_count = len(docs)
        self.added_since_fit = 0

    def add_or_update(self, document: Document) -> None:
        # An update appends a fresh row and retires the old one: rows never move.
        self.remove(document.id)
        self._pending.append(self._transform([document_text(document)]))
        self._row[document.id] = len(self._ids)
        self._ids.append(document.id)
        self._days = np.append(self._days, _day(document.published))
        self._alive = np.append(self._alive, True)
        self.added_since_fit += 1

    def remove(self, doc_id: DocId) -> None:
        row = self._row.pop(doc_id, None)
        if row is not None:
            self._alive[row] = False

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._row

    def __len__(self) -> int:
        return len(self._row)

    def most_similar(self, doc_id: DocId, n: int) -> list[Match]:
        return self.similar_to_many([doc_id], n)[doc_id]

    # Shared state: what the database keeps so that any process can restore the engine -----

    def idf(self) -> np.ndarray:
        """The IDF weights frozen at :meth:`fit` (one per hashed feature)."""
        assert self._tfidf is not None, "fit() first"
        return self._tfidf.idf_.astype(np.float32)

    def terms(self, doc_id: DocId) -> tuple[np.ndarray, np.ndarray]:
        """The document's unit TF-IDF row under the frozen IDF: feature indices and weights."""
        matrix = self._full_matrix()
        row = self._row[doc_id]
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        return matrix.indices[start:end].astype(np.int32), matrix.data[start:end].astype(np.float32)

    @classmethod
    def restore(
        cls,
        idf: np.ndarray,
        rows: Iterable[tuple[DocId, date | None, np.ndarray, np.ndarray]],
        fitted_count: int,
        added_since_fit: int,
    ) -> TfidfEngine:
        """The engine as :meth:`idf` and :meth:`terms` saved it: (id, published, indices, weights)."""
        from sklearn.feature_extraction.text import TfidfTransformer

        engine = cls()
        engine._tfidf = TfidfTransformer(sublinear_tf=True)
        engine._tfidf.idf_ = idf
        rows = list(rows)
        lengths = [len(indices) for _, _, indices, _ in rows]
        indptr = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])
        empty = np.zeros(0, dtype=np.int32)
        indices = np.concatenate([empty, *(indices for _, _, indices, _ in rows)])
        data = np.concatenate([empty.astype(np.float32), *(weights for _, _, _, weights in rows)])
        engine._matrix = sparse.csr_matrix((data, indices, indptr), shape=(len(rows), N_FEATURES))
        engine._ids = [doc_id for doc_id, _, _, _ in rows]
        engine._row = {doc_id: row for row, doc_id in enumerate(engine._ids)}
        engine._days = np.array([_day(published) for _, published, _, _ in rows], dtype=np.float64)
        engine._alive = np.ones(len(rows), dtype=bool)
        engine.fitted_count, engine.added_since_fit = fitted_count, added_since_fit
        return engine

    # Beyond the interface: batch scoring, used by rebuilds and incremental updates ----------

    @property
    def ids(self) -> list[DocId]:
        return list(self._row)

    @property
    def needs_refit(self) -> bool:
        return self.added_since_fit > max(100, REFIT_RATIO * self.fitted_count)

    def _full_matrix(self) -> sparse.csr_matrix:
        if self._pending:
            blocks = [self._matrix, *self._pending] if self._matrix is not None else self._pending
            self._matrix = sparse.vstack(blocks, format="csr")
            self._pending = []
            self._columns = None
        if self._matrix is None:
            return sparse.csr_matrix((0, N_FEATURES), dtype=np.float32)
        return self._matrix

    def scores(self, doc_id: DocId) -> dict[DocId, float]:
        """Score of every other live document against ``doc_id`` (symmetric)."""
        matrix = self._full_matrix()
        row = self._row[doc_id]
        block = self._score_rows(matrix, np.array([row]))[0]
        keep = np.flatnonzero(block > self.min_score)
        return {self._ids[col]: float(block[col]) for col in keep}

    def _similarity(self, matrix: sparse.csr_matrix, rows: np.ndarray) -> np.ndarray:
        """Cosine of these rows against every row, before recency (dense: one row per query)."""
        queries = _heaviest_terms(matrix[rows], QUERY_TERMS)
        if len(rows) < 8:
            # A handful of rows: one pass over the matrix beats transposing it first.
            return (matrix @ queries.T).T.toarray()
        if self._columns is None:
            self._columns = matrix.T.tocsr()
        return (queries @ self._columns).toarray()

    def _score_rows(self, matrix: sparse.csr_matrix, rows: np.ndarray) -> np.ndarray:
        block = self._similarity(matrix, rows)
        block *= recency(self._days[None, :], self._days[rows][:, None], self.floor, self.half_life_days)
        block[:, ~self._alive] = -1.0
        block[np.arange(len(rows)), rows] = -1.0
        return block

    def similar_to_many(self, doc_ids: Sequence[DocId], n: int) -> dict[DocId, list[Match]]:
        matrix = self._full_matrix()
        rows = np.array([self._row[doc_id] for doc_id in doc_ids], dtype=np.int64)
        result: dict[DocId, list[Match]] = {}
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start : start + CHUNK]
            block = self._score_rows(matrix, chunk)
            k = min(n, block.shape[1])
            if k == 0:
                result.update((self._ids[row], []) for row in chunk)
                continue
            top = np.argpartition(-block, k - 1, axis=1)[:, :k] if k < block.shape[1] else None
            if top is None:
                top = np.tile(np.arange(block.shape[1]), (len(chunk), 1))
            scores = np.take_along_axis(block, top, axis=1)
            order = np.argsort(-scores, axis=1, kind="stable")
            top, scores = np.take_along_axis(top, order, axis=1), np.take_along_axis(scores, order, axis=1)
            for row, cols, values in zip(chunk.tolist(), top.tolist(), scores.tolist(), strict=True):
                result[self._ids[row]] = [
                    Match(self._ids[col], value)
                    for col, value in zip(cols, values, strict=True)
                    if value > self.min_score
                ]
        return result

    def iter_all_similar(
        self, n: int, progress: Callable[[int, int], None] | None = None
    ) -> Iterator[tuple[DocId, list[Match]]]:
        """Top ``n`` for every live document, in chunks, reporting (done, total)."""
        ids = self.ids
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            yield from self.similar_to_many(chunk, n).items()
            if progress:
                progress(min(start + CHUNK, len(ids)), len(ids))
