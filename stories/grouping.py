"""Which articles tell one developing story: the grouping rule, with no database in sight.

Articles are placed one at a time in time order (undated ones by id after the dated ones), so
the same input always gives the same stories and placing a newly published article is the
same step as one turn of a full recomputation. Each article joins the story it is most
*attached* to, or starts its own:

    affinity(a, b) = content(a, b) + ENTITY_WEIGHT · shared(a, b)      (0 outside the window)
    attachment(a, S) = sum of a's best LINKS affinities to members of S / min(LINKS, |S|)

``content`` is More like this's score (``related.api``: TF-IDF and sentence embeddings fused,
with its recency multiplier where both dates are known), read from each article's
``NEIGHBOURS`` closest articles; ``shared`` is the cosine of the two sets of names (people,
places, organisations: quoted speakers and ``stories.entities``). Where both articles have a
date, a pair more than ``WINDOW_DAYS`` apart has no affinity, so a story grows only through
articles published close to one of its members. An article joins the best story whose
attachment reaches ``THRESHOLD`` (``LEXICAL_THRESHOLD`` where the scores are TF-IDF alone), if
an editor has not taken it out of that story before.

Taking the mean of the best ``LINKS`` rather than the single best affinity keeps one
borrowed phrase from chaining two stories together; that chaining is what the baseline,
:func:`connected_components` of the pairs above the threshold, suffers from. The constants
were chosen with ``manage.py evaluate_stories`` (ADR 0033).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

# The fused scores (with the model) run higher than TF-IDF's alone, so each has its threshold.
THRESHOLD = 0.40
LEXICAL_THRESHOLD = 0.30
ENTITY_WEIGHT = 0.10
LINKS = 3
NEIGHBOURS = 30
WINDOW_DAYS = 7

ItemId = Hashable
StoryKey = Hashable
Neighbours = Mapping[ItemId, Sequence[tuple[ItemId, float]]]


@dataclass(frozen=True)
class Item:
    id: ItemId
    published: date | None = None
    names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Rule:
    threshold: float = THRESHOLD
    entity_weight: float = ENTITY_WEIGHT
    links: int = LINKS
    window_days: int | None = WINDOW_DAYS


def rule_for(semantic: bool) -> Rule:
    """The rule for content scores with the sentence embeddings (``semantic``) or TF-IDF alone."""
    return Rule() if semantic else Rule(threshold=LEXICAL_THRESHOLD)


def shared_names(a: frozenset[str], b: frozenset[str]) -> float:
    """Cosine of the two sets of names (0 when either is empty)."""
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def within_window(a: Item, b: Item, window_days: int | None) -> bool:
    if window_days is None or a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= window_days


def affinity(content: float, a: Item, b: Item, rule: Rule) -> float:
    if not within_window(a, b, rule.window_days):
        return 0.0
    return content + rule.entity_weight * shared_names(a.names, b.names)


def attachment(affinities: Iterable[float], size: int, links: int) -> float:
    best = sorted(affinities, reverse=True)[:links]
    return sum(best) / min(links, max(size, 1))


def best_story(
    affinities: Mapping[StoryKey, list[float]],
    sizes: Mapping[StoryKey, int],
    barred: Iterable[StoryKey],
    rule: Rule,
) -> StoryKey | None:
    """The story the article attaches to most (ties: the smallest key, as text), or None."""
    barred = set(barred)
    scored = [
        (attachment(values, sizes[key], rule.links), key)
        for key, values in affinities.items()
        if key not in barred
    ]
    scored = [(score, key) for score, key in scored if score >= rule.threshold]
    if not scored:
        return None
    return min(scored, key=lambda pair: (-pair[0], str(pair[1])))[1]


def time_order(items: Iterable[Item]) -> list[Item]:
    return sorted(items, key=lambda item: (item.published is None, item.published or date.min, str(item.id)))


@dataclass
class Grouping:
    """Stories as they form: story key → members, and each placed item's story."""

    members: dict[StoryKey, list[ItemId]] = field(default_factory=lambda: defaultdict(list))
    story_of: dict[ItemId, StoryKey] = field(default_factory=dict)
    _new: int = 0

    def join(self, item_id: ItemId, key: StoryKey) -> None:
        self.members[key].append(item_id)
        self.story_of[item_id] = key

    def start(self, item_id: ItemId) -> StoryKey:
        self._new += 1
        key = ("new", self._new)
        self.join(item_id, key)
        return key


def group(
    items: Sequence[Item],
    neighbours: Neighbours,
    rule: Rule = Rule(),
    pinned: Mapping[ItemId, StoryKey] | None = None,
    barred: Mapping[ItemId, Iterable[StoryKey]] | None = None,
) -> Grouping:
    """Place every item (see the module docstring). ``pinned`` items sit in the story an editor
    put them in before anything else is placed; ``barred`` names the stories an item may not join."""
    by_id = {item.id: item for item in items}
    grouping = Grouping()
    pinned = pinned or {}
    barred = barred or {}
    for item_id, key in pinned.items():
        if item_id in by_id:
            grouping.join(item_id, key)
    for item in time_order(items):
        if item.id in grouping.story_of:
            continue
        affinities: dict[StoryKey, list[float]] = defaultdict(list)
        for other, content in neighbours.get(item.id, ()):
            key = grouping.story_of.get(other)
            if key is not None:
                affinities[key].append(affinity(content, item, by_id[other], rule))
        sizes = {key: len(grouping.members[key]) for key in affinities}
        key = best_story(affinities, sizes, barred.get(item.id, ()), rule)
        if key is None:
            grouping.start(item.id)
        else:
            grouping.join(item.id, key)
    return grouping


def connected_components(
    items: Sequence[Item], neighbours: Neighbours, threshold: float, window_days: int | None
) -> Grouping:
    """The baseline: every pair whose content score reaches ``threshold`` (inside the window
    where both are dated) is linked, and a story is a connected component of those links."""
    by_id = {item.id: item for item in items}
    parent = {item.id: item.id for item in items}

    def root(item_id: ItemId) -> ItemId:
        while parent[item_id] != item_id:
            parent[item_id] = parent[parent[item_id]]
            item_id = parent[item_id]
        return item_id

    for item in items:
        for other, content in neighbours.get(item.id, ()):
            if other in by_id and content >= threshold and within_window(item, by_id[other], window_days):
                a, b = sorted((root(item.id), root(other)), key=str)
                parent[b] = a
    grouping = Grouping()
    for item in time_order(items):
        grouping.join(item.id, root(item.id))
    return grouping
