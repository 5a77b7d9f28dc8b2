"""Measure the story grouping on story-labelled corpora with B-cubed precision, recall and F1.

A corpus is JSON Lines as ``related.evaluation`` reads it (``id``, ``title``, ``body``,
``published``, ``group``); articles with the same ``group`` tell the same story. B-cubed
(Bagga & Baldwin 1998), per article ``i`` with found story ``C(i)`` and true story ``G(i)``:

    precision(i) = |C(i) ∩ G(i)| / |C(i)|        recall(i) = |C(i) ∩ G(i)| / |G(i)|

each averaged over all articles (an article alone is a story of one), and F1 their harmonic
mean. Every article counts, so a grouping that puts everything together scores recall 1 and
low precision, and one that leaves every article alone the reverse.

Each corpus gets, in the same run and on the same content scores:

- ``all, content only``: every article with its date hidden (most have none);
- ``dated, content only`` and ``dated, time window``: the articles with a date, without and
  with the window (skipped when the corpus has fewer than two dated articles); the windowed
  rows' content scores carry More like this's recency multiplier too, as on the site.

The rows compare the grouping (``stories``), the same without shared names (``stories, no
names``) and the baseline, connected components of the pairs whose content score reaches the
grouping's threshold (``components``), plus the baseline at the threshold that suits it best on
that very corpus (``components, best``: an upper bound for the baseline, tuned on the answers).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from related.api import corpus_neighbours, corpus_vectors
from related.engine import Document
from related.evaluation import CorpusError, read_corpus
from stories.entities import names_in
from stories.grouping import NEIGHBOURS, Grouping, Item, Rule, connected_components, group, rule_for

BASELINE_THRESHOLDS = tuple(round(0.10 + 0.05 * step, 2) for step in range(15))

__all__ = ["CorpusError", "Row", "bcubed", "evaluate"]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    stories: int


@dataclass(frozen=True)
class Row:
    subset: str
    articles: int
    method: str
    scores: Scores


def bcubed(found: dict, truth: dict) -> Scores:
    """B-cubed precision, recall and F1 of ``found`` (article → story) against ``truth``."""
    pairs = Counter((found[item], truth[item]) for item in truth)
    found_sizes = Counter(found[item] for item in truth)
    true_sizes = Counter(truth.values())
    precision = recall = 0.0
    for (story, label), together in pairs.items():
        precision += together * together / found_sizes[story]
        recall += together * together / true_sizes[label]
    count = len(truth)
    precision, recall = precision / count, recall / count
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision, recall, f1, len(found_sizes))


def _assignments(grouping: Grouping) -> dict:
    return dict(grouping.story_of)


def _rows(
    subset: str, docs: Sequence[Document], groups: dict[str, str], names: dict, vectors, rule: Rule
) -> Iterator[Row]:
    items = [Item(doc.id, doc.published, names[doc.id]) for doc in docs]
    truth = {doc.id: groups[doc.id] for doc in docs}
    neighbours = corpus_neighbours(docs, NEIGHBOURS, vectors)
    count = len(docs)
    yield Row(subset, count, "stories", bcubed(_assignments(group(items, neighbours, rule)), truth))
    no_names = replace(rule, entity_weight=0.0)
    yield Row(
        subset, count, "stories, no names", bcubed(_assignments(group(items, neighbours, no_names)), truth)
    )
    baseline = connected_components(items, neighbours, rule.threshold, rule.window_days)
    yield Row(subset, count, f"components @{rule.threshold:.2f}", bcubed(_assignments(baseline), truth))
    best = max(
        (
            (bcubed(_assignments(connected_components(items, neighbours, t, rule.window_days)), truth), t)
            for t in BASELINE_THRESHOLDS
        ),
        key=lambda pair: (pair[0].f1, -pair[1]),
    )
    yield Row(subset, count, f"components, best @{best[1]:.2f}", best[0])


def evaluate(path: Path, rule: Rule | None = None, lexical_only: bool = False) -> Iterator[Row]:
    """The rows of the module docstring for one corpus; ``lexical_only``: content scores from
    TF-IDF alone, as where the model package is not installed (and without embedding the corpus)."""
    docs, groups = read_corpus(path)
    names = {doc.id: frozenset(names_in(f"{doc.title}\n{doc.body}")) for doc in docs}
    vectors = None if lexical_only else corpus_vectors(docs)
    rule = rule or rule_for(semantic=vectors is not None)
    undated = [replace(doc, published=None) for doc in docs]
    content_only = replace(rule, window_days=None)
    yield from _rows("all, content only", undated, groups, names, vectors, content_only)
    dated = [row for row, doc in enumerate(docs) if doc.published is not None]
    if len(dated) < 2:
        return
    dated_vectors = vectors[dated] if vectors is not None else None
    dated_docs = [docs[row] for row in dated]
    yield from _rows(
        "dated, content only", [undated[row] for row in dated], groups, names, dated_vectors, content_only
    )
    yield from _rows("dated, time window", dated_docs, groups, names, dated_vectors, rule)
