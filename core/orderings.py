"""Named orderings of articles that one capability offers and others use without knowing it.

Like :mod:`core.regions`, but for lists: ``popular`` offers ``most_read`` (most read first)
and the newsletter digest asks for it. With no provider, :func:`order` keeps the list as it is,
so a site without the offering app still works.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

Item = TypeVar("Item")
Ordering = Callable[[list[Item]], list[Item]]
_orderings: dict[str, Ordering] = {}


def provides_ordering(name: str) -> Callable[[Ordering], Ordering]:
    """Register the decorated function as the ordering called ``name`` (one provider a name)."""

    def register(ordering: Ordering) -> Ordering:
        if _orderings.get(name, ordering) is not ordering:
            raise ValueError(f"The ordering {name!r} already has a provider.")
        _orderings[name] = ordering
        return ordering

    return register


def order(name: str, items: list[Item]) -> list[Item]:
    """``items`` ordered by the provider of ``name``, or unchanged when no app provides it."""
    ordering = _orderings.get(name)
    return ordering(items) if ordering else items
