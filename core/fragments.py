"""Rendered HTML fragments kept in the shared cache from one page render to the next.

A fragment is stored under its name, the caller's key (what it shows, such as a page id and
revision) and the current *generations* (``content``, ``discovery``, ``comments``), which the
owning apps bump with :func:`bump_after_commit`; who bumps which is in docs/architecture.md
(Stored fragments) and ADR 0014.

Invariants: a bump runs before the page purge that follows the same change is queued, so a
purged page is never re-rendered from a fragment older than the change; a bump replaces the
generation's token (one cache write, never a flush), so old fragments are never read again.
The per-process memory copies are exact because their keys hold the generations. Previews
never read or store fragments, and without a shared cache fragments are simply rendered.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterable
from typing import TypeVar, cast

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest

from core import metrics
from core.recent import Recent

GENERATIONS = ("content", "discovery", "comments")
Value = TypeVar("Value")
# A fragment never changes under its key, so each process keeps the ones it used last too.
recent_fragments: Recent[str] = Recent(max_entries=1024)
recent_values: Recent[object] = Recent(max_entries=4096)


def _generation_key(name: str) -> str:
    return f"fragments:generation:{name}"


def bump(name: str) -> None:
    """Retire every fragment that depends on the generation ``name``."""
    if name not in GENERATIONS:
        raise ValueError(f"Unknown fragment generation {name!r}: use one of {GENERATIONS}.")
    cache.set(_generation_key(name), secrets.token_hex(8), timeout=None)


def bump_after_commit(name: str) -> None:
    """Bump once the change is visible to other connections (at once outside a transaction)."""
    transaction.on_commit(lambda: bump(name))


def _generations(request: HttpRequest) -> dict[str, str] | None:
    """The current tokens, read once per request; None when the cache cannot keep them."""
    if not hasattr(request, "_fragment_generations"):
        keys = {_generation_key(name): name for name in GENERATIONS}
        found = cache.get_many(keys)
        for key in keys:
            if key not in found:
                token = secrets.token_hex(8)
                # Another process may have started the generation first: theirs wins.
                found[key] = token if cache.add(key, token, timeout=None) else cache.get(key)
        tokens = {keys[key]: token for key, token in found.items()}
        request._fragment_generations = tokens if all(tokens.values()) else None
    return request._fragment_generations


def cached(
    request: HttpRequest | None,
    name: str,
    key: Iterable[object],
    depends_on: Iterable[str],
    render: Callable[[], str],
) -> str:
    """The fragment ``name`` for ``key``, rendered by ``render`` only when not already stored."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    if request is None or seconds <= 0 or getattr(request, "is_preview", False):
        return render()
    generations = _generations(request)
    if generations is None:
        return render()
    parts = [name, *map(str, key), *(generations[generation] for generation in depends_on)]
    cache_key = "fragment:" + ":".join(parts)
    html = recent_fragments.get(cache_key)
    hit = html is not None
    if html is None:
        html = cache.get(cache_key)
        hit = html is not None
        if html is None:
            html = render()
            cache.set(cache_key, html, timeout=seconds)
        recent_fragments.remember(cache_key, html, time.time() + seconds)
    metrics.fragment(name, hit=hit)
    return html


def remembered(
    request: HttpRequest | None,
    name: str,
    key: Iterable[object],
    depends_on: Iterable[str],
    compute: Callable[[], Value | None],
) -> Value | None:
    """A value read from the database on every render (a routed page, a thread's state), kept
    in this process's memory while the generations it depends on hold. None is not kept."""
    seconds = settings.FRAGMENT_CACHE_SECONDS
    generations = _generations(request) if request is not None and seconds > 0 else None
    if generations is None:
        return compute()
    parts = [name, *map(str, key), *(generations[generation] for generation in depends_on)]
    memory_key = ":".join(parts)
    # Each memory key belongs to one caller, so what is stored under it is that caller's Value.
    value = cast("Value | None", recent_values.get(memory_key))
    if value is None:
        value = compute()
        if value is not None:
            recent_values.remember(memory_key, value, time.time() + seconds)
    return value
