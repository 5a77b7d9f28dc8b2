"""Speed and memory of the semantic "More like this" engine (run by hand).

    .venv/bin/python bench/semantic_bench.py [--docs 100000] [--embed 1000] [CORPUS.jsonl] [--smoke]

Measures, with the packaged model on this machine's CPU:

- embedding one article as the worker does after a publication (median of 30, real English
  news text from CORPUS, read at run time and never copied);
- embedding throughput in rebuild batches (``--embed`` articles), extrapolated to a full
  rebuild's embedding phase at ``--docs`` articles with the window ``related.embedding.WINDOW``;
- the scoring phase of a full rebuild at ``--docs`` articles (TF-IDF of synthetic documents
  from ``related_bench`` fused with unit vectors: the cost does not depend on their values);
- an incremental update after one publication: embed it, add it, score it, recompute the
  lists it enters (the in-memory part of ``related.index.sync``);
- peak RSS.

The baseline, measured in the same run, is the lexical engine alone on the same documents.
``--smoke``: 200 documents, 4 embedded, generated texts instead of the corpus.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from related_bench import peak_mib, synthetic, timed

from bench import support
from related import embedding
from related.engine import TfidfEngine
from related.evaluation import read_corpus
from related.semantic import SemanticEngine

DEFAULT_CORPUS = Path("/work/shared/data/related-eval/corpus-bbc.jsonl")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--embed", type=int, default=1000)
    support.add_smoke_flag(parser)
    args = parser.parse_args()
    if args.smoke:
        args.docs, args.embed = 200, 4

    started = time.perf_counter()
    embedder = embedding.load_embedder()
    if embedder is None:
        if args.smoke:
            support.skipped(
                "the whole bench", "the model packages of requirements-model.txt are not installed"
            )
            return
        sys.exit("The model package is not installed.")
    print(f"load the model: {time.perf_counter() - started:.2f} s; window {embedding.WINDOW} word pieces")
    if args.smoke:
        support.skipped(f"the corpus {args.corpus}", "generated texts instead")
        articles = synthetic(4, 100, seed=11)
    else:
        articles, _ = read_corpus(args.corpus)
    words = statistics.median(len(doc.body.split()) for doc in articles)
    print(f"{len(articles):,} articles, median body {words:.0f} words")

    singles = []
    for doc in articles[:30]:
        wall = time.perf_counter()
        embedder.embed([doc])
        singles.append(time.perf_counter() - wall)
    single = statistics.median(singles) * 1000
    print(f"{'embed one article (worker, after publication), median':<52} {single:>9.1f} ms")

    sample = (articles * (args.embed // len(articles) + 1))[: args.embed]
    batch = timed(f"embed {len(sample):,} articles in rebuild batches", lambda: embedder.embed(sample))
    rate = len(sample) / batch
    print(f"{'embedding rate':<52} {rate:>9.1f} articles/s")
    print(
        f"{f'embedding phase at {args.docs:,} articles (extrapolated)':<52} {args.docs / rate / 60:>9.1f} min"
    )

    docs = synthetic(args.docs + 1, 150)
    new, docs = docs[-1], docs[:-1]
    rng = np.random.default_rng(5)
    vectors = rng.normal(size=(len(docs), embedding.DIMENSIONS)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)

    lexical = TfidfEngine()
    timed("baseline: lexical fit", lambda: lexical.fit(docs))
    lexical_lists = timed(
        "baseline: lexical top 10 for every document", lambda: dict(lexical.iter_all_similar(10))
    )
    engine = SemanticEngine()
    fit = timed("semantic: fit (lexical + vectors)", lambda: engine.fit(docs, vectors))
    lists = timed("semantic: top 10 for every document", lambda: dict(engine.iter_all_similar(10)))
    print(f"{'scoring phase of a full rebuild':<52} {(fit + lists) / 60:>9.1f} min")
    print(f"{'full rebuild at ' + f'{args.docs:,}' + ' (embedding + scoring)':<52} "
          f"{(args.docs / rate + fit + lists) / 60:>9.1f} min")  # fmt: skip

    source = articles[0]

    def incremental() -> None:
        vector = embedder.embed([source])[0]
        engine.add_or_update(new, vector)
        scores = engine.scores(new.id)
        entered = sorted(scores, key=lambda doc_id: -scores[doc_id])[:30]
        engine.similar_to_many([new.id, *entered], 10)

    update = timed("incremental: embed + add + score + 31 lists", incremental, repeat=5)
    print()
    print(f"semantic top-10 for all vs lexical baseline: {lists / lexical_lists:.2f}x")
    print(f"incremental update: {update:.3f} s; peak RSS {peak_mib():,.0f} MiB")


if __name__ == "__main__":
    main()
