"""The grouping rule, the baseline and B-cubed on hand-made neighbours (no database)."""

from __future__ import annotations

import random
from datetime import date

from stories.entities import names_in
from stories.evaluation import bcubed
from stories.grouping import Grouping, Item, Rule, connected_components, group


def symmetric(pairs: dict[tuple[str, str], float]) -> dict[str, list[tuple[str, float]]]:
    neighbours: dict[str, list[tuple[str, float]]] = {}
    for (a, b), score in pairs.items():
        neighbours.setdefault(a, []).append((b, score))
        neighbours.setdefault(b, []).append((a, score))
    return neighbours


def stories_of(grouping: Grouping) -> list[set]:
    return sorted((set(members) for members in grouping.members.values()), key=sorted)


def items(*ids: str, day: dict[str, int] | None = None) -> list[Item]:
    day = day or {}
    return [Item(i, date(2026, 3, day[i]) if i in day else None) for i in ids]


def test_close_articles_form_a_story_and_a_distant_one_stays_alone() -> None:
    neighbours = symmetric({("a", "b"): 0.6, ("b", "c"): 0.5, ("a", "c"): 0.55, ("a", "d"): 0.05})
    assert stories_of(group(items("a", "b", "c", "d"), neighbours)) == [{"a", "b", "c"}, {"d"}]


def test_the_same_input_in_any_order_gives_the_same_stories() -> None:
    neighbours = symmetric({("a", "b"): 0.6, ("c", "d"): 0.5, ("b", "c"): 0.32, ("a", "d"): 0.1})
    expected = stories_of(group(items("a", "b", "c", "d"), neighbours))
    for seed in range(5):
        shuffled = items("a", "b", "c", "d")
        random.Random(seed).shuffle(shuffled)
        assert stories_of(group(shuffled, neighbours)) == expected


def test_one_borrowed_link_chains_the_baseline_but_not_the_grouping() -> None:
    # a-b and c-d are two stories; b and c share one strong link, nothing else.
    neighbours = symmetric({("a", "b"): 0.6, ("c", "d"): 0.6, ("b", "c"): 0.35})
    ids = items("a", "b", "c", "d")
    assert stories_of(connected_components(ids, neighbours, 0.3, None)) == [{"a", "b", "c", "d"}]
    assert stories_of(group(ids, neighbours)) == [{"a", "b"}, {"c", "d"}]


def test_the_time_window_keeps_far_apart_articles_apart_where_both_are_dated() -> None:
    neighbours = symmetric({("a", "b"): 0.6, ("a", "c"): 0.6, ("b", "c"): 0.6})
    dated = items("a", "b", "c", day={"a": 1, "b": 3, "c": 28})
    assert stories_of(group(dated, neighbours)) == [{"a", "b"}, {"c"}]
    assert stories_of(group(dated, neighbours, Rule(window_days=None))) == [{"a", "b", "c"}]
    undated_c = items("a", "b", "c", day={"a": 1, "b": 3})
    assert stories_of(group(undated_c, neighbours)) == [{"a", "b", "c"}]  # no date: no window


def test_shared_names_carry_a_borderline_pair_into_one_story() -> None:
    neighbours = symmetric({("a", "b"): 0.35})
    plain = [Item("a"), Item("b")]
    named = [
        Item("a", names=frozenset({"olwen pryce", "aberwen"})),
        Item("b", names=frozenset({"olwen pryce"})),
    ]
    assert stories_of(group(plain, neighbours)) == [{"a"}, {"b"}]
    assert stories_of(group(named, neighbours)) == [{"a", "b"}]


def test_pinned_articles_stay_and_barred_stories_are_never_joined() -> None:
    neighbours = symmetric({("a", "b"): 0.6, ("b", "c"): 0.6, ("a", "c"): 0.6})
    grouping = group(items("a", "b", "c"), neighbours, pinned={"a": 7}, barred={"c": [7]})
    assert grouping.story_of["a"] == 7
    assert grouping.story_of["b"] == 7
    assert grouping.story_of["c"] != 7


def test_bcubed_scores_known_groupings() -> None:
    truth = {"a": 1, "b": 1, "c": 2, "d": 2}
    perfect = bcubed({"a": "x", "b": "x", "c": "y", "d": "y"}, truth)
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    lumped = bcubed({item: "x" for item in truth}, truth)
    assert (lumped.precision, lumped.recall) == (0.5, 1.0)
    alone = bcubed({item: item for item in truth}, truth)
    assert (alone.precision, alone.recall) == (1.0, 0.5)
    assert round(alone.f1, 4) == round(2 * 0.5 / 1.5, 4)


def test_names_are_capitalised_runs_not_sentence_openers() -> None:
    text = (
        "Harbour master Olwen Pryce said the Port of Aberwen would pay. The council met in New York.\n"
        "NATO agreed with Mr Pryce."
    )
    assert names_in(text) == {"olwen pryce", "port of aberwen", "new york", "nato", "pryce"}
    assert names_in("Senate Democrats Accuse NRA of Becoming Russian Asset") == {
        "nra"
    }  # a title-case headline
    assert names_in("") == set()
    assert len(names_in("Word Salad " * 100_000)) <= 1  # only the opening is read
