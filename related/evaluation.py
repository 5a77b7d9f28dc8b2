"""Measure "More like this" on labelled corpora: hit@k, recall@k and nDCG@k.

A corpus is JSON Lines with ``id``, ``title``, ``body``, ``published`` (ISO date or null) and
``group``; articles of the same group are relevant to each other. Every article whose group has
at least one other member is a query. For a query with ``R`` relevant articles and a top-k list:

- hit@k: 1 if any of the k is relevant;
- recall@k: relevant in the k / min(R, k) (so a perfect list scores 1 even when R > k);
- nDCG@k: binary gains, DCG = Σ rel_i / log2(i + 1), divided by the ideal DCG for min(R, k).

Each is averaged over the queries. The baseline, measured in the same run, is plain TF-IDF
cosine on title + body (scikit-learn's ``TfidfVectorizer`` with its defaults, no field weights,
no recency), which is what the issue asks for where a corpus has no sections.
"""

from __future__ import annotations

import hashlib
import json
import math
import tempfile
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from related import embedding
from related.engine import CHUNK, Document, TfidfEngine
from related.semantic import SemanticEngine


class CorpusError(ValueError):
    pass


@dataclass(frozen=True)
class Scores:
    queries: int
    hit: float
    recall: float
    ndcg: float


def corpus_files(paths: list[Path]) -> list[Path]:
    """The corpus files named: each file, and every ``*.jsonl`` in each folder."""
    corpora: list[Path] = []
    for path in paths:
        if path.is_dir():
            corpora += sorted(path.glob("*.jsonl"))
        elif path.is_file():
            corpora.append(path)
        else:
            raise CorpusError(f"No such corpus file or folder: {path}")
    if not corpora:
        raise CorpusError(f"No *.jsonl corpus in {', '.join(map(str, paths))}")
    return corpora


def read_corpus(path: Path) -> tuple[list[Document], dict[str, str]]:
    """Documents and their groups; a malformed line is a :class:`CorpusError` naming it."""
    docs: list[Document] = []
    groups: dict[str, str] = {}
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                doc_id, group = str(item["id"]), str(item["group"])
                published = date.fromisoformat(item["published"]) if item.get("published") else None
                docs.append(Document(doc_id, str(item["title"]), str(item.get("body") or ""), published))
            except (ValueError, KeyError, TypeError) as error:
                raise CorpusError(f"{path.name} line {number}: {error!r}") from error
            if doc_id in groups:
                raise CorpusError(f"{path.name} line {number}: duplicate id {doc_id!r}")
            groups[doc_id] = group
    if not docs:
        raise CorpusError(f"{path.name} holds no articles")
    return docs, groups


def score_lists(
    rankings: dict[str, list[str]], groups: dict[str, str], k: int = 5, only: Collection[str] | None = None
) -> Scores:
    """Averages over every query, or over the queries in ``only`` (relevance still corpus-wide)."""
    sizes = Counter(groups.values())
    hits = recalls = ndcgs = 0.0
    queries = 0
    for query, group in groups.items():
        relevant = sizes[group] - 1
        if relevant < 1 or (only is not None and query not in only):
            continue
        queries += 1
        gains = [1.0 if groups.get(other) == group else 0.0 for other in rankings.get(query, [])[:k]]
        ideal = min(relevant, k)
        hits += 1.0 if any(gains) else 0.0
        recalls += sum(gains) / ideal
        dcg = sum(gain / math.log2(rank + 2) for rank, gain in enumerate(gains))
        ndcgs += dcg / sum(1 / math.log2(rank + 2) for rank in range(ideal))
    if not queries:
        raise CorpusError("no article shares its group with another: nothing to evaluate")
    return Scores(queries, hits / queries, recalls / queries, ndcgs / queries)


def engine_rankings(
    docs: Sequence[Document], k: int, engine: TfidfEngine | None = None
) -> dict[str, list[str]]:
    engine = TfidfEngine() if engine is None else engine
    engine.fit(docs)
    return {str(doc_id): [str(m.id) for m in matches] for doc_id, matches in engine.iter_all_similar(k)}


def baseline_rankings(docs: Sequence[Document], k: int) -> dict[str, list[str]]:
    # Imported here: related.api (loaded by every process) imports this module (see related.engine).
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer().fit_transform([f"{doc.title}\n{doc.body}" for doc in docs])
    rankings: dict[str, list[str]] = {}
    for start in range(0, len(docs), CHUNK):
        block = (matrix[start : start + CHUNK] @ matrix.T).toarray()
        for offset, row in enumerate(block):
            row[start + offset] = -1.0
            top = np.argsort(-row, kind="stable")[:k]
            rankings[str(docs[start + offset].id)] = [str(docs[col].id) for col in top]
    return rankings


def cache_dir() -> Path:
    """Embeddings of evaluation corpora are kept here, outside the repository, between runs."""
    return Path(tempfile.gettempdir()) / "broadsheet-related-embeddings"


def corpus_embeddings(docs: Sequence[Document], embedder: embedding.Embedder) -> np.ndarray:
    """The documents' vectors, computed once per corpus text, window and model, then cached."""
    texts = [embedding.embedded_text(doc) for doc in docs]
    key = hashlib.sha256(
        "\x00".join([embedding.MODEL_PACKAGE, str(embedding.WINDOW), *texts]).encode()
    ).hexdigest()[:24]
    path = cache_dir() / f"{key}.npy"
    if path.is_file():
        return np.load(path)
    vectors = embedder.embed_texts(texts)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial.npy")
    np.save(partial, vectors)
    partial.replace(path)
    return vectors


def semantic_rankings(docs: Sequence[Document], k: int) -> dict[str, list[str]]:
    """The semantic engine, on vectors embedded once per corpus (see :func:`corpus_embeddings`)."""
    embedder = embedding.load_embedder()
    assert embedder is not None, "evaluate() skips this ranker without the model"
    engine = SemanticEngine()
    engine.fit(docs, corpus_embeddings(docs, embedder))
    return {str(doc_id): [str(m.id) for m in matches] for doc_id, matches in engine.iter_all_similar(k)}


Ranker = Callable[[Sequence[Document], int], dict[str, list[str]]]
RANKERS: dict[str, Ranker] = {
    "semantic": semantic_rankings,
    "engine": engine_rankings,
    "baseline": baseline_rankings,
}


def held_out(groups: dict[str, str]) -> set[str] | None:
    """Queries outside the split the fusion was tuned on (AllSides ``-train-`` ids), if any."""
    tuned = {doc_id for doc_id in groups if "-train-" in doc_id}
    return set(groups) - tuned if tuned and len(tuned) < len(groups) else None


def evaluate(path: Path, k: int = 5) -> Iterator[tuple[str, str, Scores]]:
    """(ranker, queries, scores) per ranker: all queries, then the held-out ones if any."""
    docs, groups = read_corpus(path)
    rest = held_out(groups)
    for name, ranker in RANKERS.items():
        if name == "semantic" and embedding.load_embedder() is None:
            continue
        rankings = ranker(docs, k)
        yield name, "all", score_lists(rankings, groups, k)
        if rest is not None:
            yield name, "held-out", score_lists(rankings, groups, k, only=rest)
