"""Small values nearly every page needs (the publication, the menu, the promos...), kept in the
shared cache so a page reads them without a query.

One declaration per value: its key, how to compute it, how long it lives and the signals that
retire it::

    promos = SharedValue("news:promos", compute=load_promos, seconds=300,
                         retired_by=[(post_save, PromoSpot), (post_delete, PromoSpot)])
    promos.get()

Retirement always happens after the transaction commits (ADR 0014): retired earlier, a request
between the retirement and the commit would compute the old value and keep it for its lifetime.

``fill_by_add=True`` is for a value whose stale copy is harmful rather than merely late (the
privacy flag): a reader fills the key with ``cache.add``, never overwriting, and a retirement
stores the value computed after the commit instead of deleting it, so a reader that computed
the old value just before the commit cannot put it back.

A cache outage (``core.cache.ResilientRedisCache``, ADR 0016) reads as a miss: every call
computes the value, which is then correct but costs its queries; nothing raises.

Not a query cache: a value is computed only by its ``compute``, so the query budgets stay exact.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

from django.core.cache import cache
from django.db import transaction
from django.dispatch import Signal

T = TypeVar("T")
_MISSING = object()


class SharedValue(Generic[T]):
    def __init__(
        self,
        key: str,
        compute: Callable[..., T],
        *,
        seconds: int,
        retired_by: Iterable[tuple[Signal, Any]] = (),
        args_of: Callable[[Any], tuple[Hashable, ...]] | None = None,
        fill_by_add: bool = False,
    ) -> None:
        """``compute(*args)`` gives the value for ``get(*args)``; each ``(signal, sender)`` in
        ``retired_by`` retires it, for the arguments ``args_of(instance)`` when the value has
        arguments (e.g. one per site)."""
        self.name = key
        self.compute = compute
        self.seconds = seconds
        self.args_of = args_of
        self.fill_by_add = fill_by_add
        for signal, sender in retired_by:
            signal.connect(
                self._on_signal, sender=sender, weak=False, dispatch_uid=f"shared:{key}:{id(signal)}"
            )

    def key(self, *args: Hashable) -> str:
        return ":".join([self.name, *map(str, args)])

    def get(self, *args: Hashable) -> T:
        key = self.key(*args)
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = self.compute(*args)
            if self.fill_by_add:
                cache.add(key, value, timeout=self.seconds)
            else:
                cache.set(key, value, timeout=self.seconds)
        return value

    def set(self, value: T, *args: Hashable) -> None:
        """Store a value learned elsewhere (the cached site, known only once Wagtail found it)."""
        cache.set(self.key(*args), value, timeout=self.seconds)

    def retire(self, *args: Hashable) -> None:
        """Forget the value once the current transaction commits (at once outside one)."""
        key = self.key(*args)
        if self.fill_by_add:
            transaction.on_commit(lambda: cache.set(key, self.compute(*args), timeout=self.seconds))
        else:
            transaction.on_commit(lambda: cache.delete(key))

    def _on_signal(self, sender: Any, **kwargs: Any) -> None:
        args = self.args_of(kwargs["instance"]) if self.args_of else ()
        self.retire(*args)
