"""Named orderings: one provider a name, lists unchanged without one."""

from __future__ import annotations

import pytest

from core import orderings


def test_without_a_provider_the_list_is_kept_as_it_is():
    assert orderings.order("nobody-offers-this", [3, 1, 2]) == [3, 1, 2]


def test_a_provider_orders_and_a_second_provider_for_the_same_name_is_refused(monkeypatch):
    monkeypatch.setattr(orderings, "_orderings", {})
    orderings.provides_ordering("largest_first")(lambda items: sorted(items, reverse=True))
    assert orderings.order("largest_first", [3, 1, 2]) == [3, 2, 1]
    with pytest.raises(ValueError, match="largest_first"):
        orderings.provides_ordering("largest_first")(sorted)


def test_popular_provides_most_read_for_the_newsletter_digest():
    from popular.ranking import by_readership

    assert orderings._orderings["most_read"] is by_readership
