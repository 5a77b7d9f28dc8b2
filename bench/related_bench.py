"""Speed and memory of the "More like this" engine on synthetic documents (run by hand).

    .venv/bin/python bench/related_bench.py [--docs 100000] [--words 150] [--smoke (200 of 30)]

Documents are drawn from a Zipf-like vocabulary of 30 000 words, each around one of 2 000
"stories" (a story's own words make up a third of its text), dated over five years, with tags,
sections and authors. Reports: full rebuild (fit + every article's top 10), the incremental
update of one new document as ``related.index.sync`` does it (load the persisted state,
transform one document, score it, save), lookup of one list, state size and peak memory
(``ru_maxrss``). The baseline, measured in the same run, is refitting from scratch for that
one document, which is what an engine without incremental updates would have to do.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import joblib
import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from collections.abc import Callable

from bench import support
from related.engine import Document, TfidfEngine

VOCABULARY = 30_000
STORIES = 2_000
SECTIONS = ("Politics", "Business", "Science", "Sport", "Culture", "World")


def synthetic(count: int, words: int, seed: int = 7) -> list[Document]:
    rng = np.random.default_rng(seed)
    vocabulary = np.array([f"w{n:05d}" for n in range(VOCABULARY)])
    weights = 1.0 / np.arange(1, VOCABULARY + 1)
    weights /= weights.sum()
    story_words = rng.integers(0, VOCABULARY, size=(STORIES, 40))
    stories = rng.integers(0, STORIES, size=count)
    common = vocabulary[rng.choice(VOCABULARY, size=(count, words * 2 // 3), p=weights)]
    picks = rng.integers(0, 40, size=(count, words // 3))
    own = vocabulary[np.take_along_axis(story_words[stories], picks, axis=1)]
    days = rng.integers(0, 5 * 365, size=count)
    start = date(2021, 1, 1)
    return [
        Document(
            id=doc_id,
            title=" ".join(own[doc_id, :8]),
            standfirst=" ".join(common[doc_id, :20]),
            body=" ".join(common[doc_id]) + " " + " ".join(own[doc_id]),
            published=start + timedelta(days=int(days[doc_id])),
            tags=(f"story {story}", f"topic {story % 97}"),
            section=SECTIONS[story % len(SECTIONS)],
            authors=(f"Author {story % 150}",),
        )
        for doc_id, story in enumerate(stories.tolist())
    ]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(label: str, function: Callable[[], object], repeat: int = 1) -> float:
    """Median wall time; CPU time is printed too, as the machine is shared and wall time varies."""
    walls, cpus = [], []
    for _ in range(repeat):
        wall, cpu = time.perf_counter(), time.process_time()
        function()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    median = statistics.median(walls)
    print(
        f"{label:<52} {median:>9.3f} s wall {statistics.median(cpus):>9.3f} s CPU"
        f"   (peak RSS {peak_mib():,.0f} MiB)",
        flush=True,
    )
    return median


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=100_000)
    parser.add_argument("--words", type=int, default=150)
    support.add_smoke_flag(parser)
    args = parser.parse_args()
    if args.smoke:
        args.docs, args.words = 200, 30

    started = time.perf_counter()
    docs = synthetic(args.docs + 1, args.words)
    new, docs = docs[-1], docs[:-1]
    print(
        f"{args.docs:,} synthetic documents of ~{args.words} words "
        f"made in {time.perf_counter() - started:.1f} s"
    )

    engine = TfidfEngine()
    fit = timed("fit (vectorise every document)", lambda: engine.fit(docs))
    lists: dict = {}

    def score_all() -> None:
        lists.update(engine.iter_all_similar(10))

    score = timed("top 10 for every document", score_all)
    print(f"{'full rebuild = fit + top 10 for all':<52} {fit + score:>9.3f} s wall")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "engine.joblib"
        save = timed("save state (joblib)", lambda: joblib.dump(engine, path))
        print(f"{'state file size':<52} {path.stat().st_size / 2**20:>9.1f} MiB")
        loaded: list[TfidfEngine] = []
        load = timed("load state (joblib)", lambda: loaded.append(joblib.load(path)))
        engine = loaded[-1]

        def incremental() -> None:
            engine.add_or_update(new)
            engine.scores(new.id)
            engine.most_similar(new.id, 10)

        update = timed("incremental: transform + score one new document", incremental, repeat=5)
        print(
            f"{'incremental as sync runs it (load + update + save)':<52} {load + update + save:>9.3f} s wall"
        )

    rng = np.random.default_rng(1)
    sample = [int(doc_id) for doc_id in rng.integers(0, args.docs, size=20)]
    lookup = timed(
        "lookup: most_similar(id, 10), median of 20", lambda: [engine.most_similar(d, 10) for d in sample]
    )
    baseline = timed(
        "baseline: refit from scratch for one new document", lambda: TfidfEngine().fit([*docs, new])
    )
    print()
    print(f"incremental (load + update + save) vs refit baseline: {(load + update + save) / baseline:.3f}x")
    print(f"incremental update alone vs refit baseline:           {update / baseline:.4f}x")
    print(f"lookup per list: {lookup / len(sample) * 1000:.1f} ms; peak RSS {peak_mib():,.0f} MiB")
    hits = sum(
        1 for doc in docs[:2000] for m in lists.get(doc.id, [])[:5] if docs[m.id].tags[0] == doc.tags[0]
    ) / (5 * 2000)
    print(f"sanity: share of top-5 matches from the same synthetic story: {hits:.2f}")


if __name__ == "__main__":
    main()
