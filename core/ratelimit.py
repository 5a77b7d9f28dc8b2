"""Every rate limit on the site, counted by django-ratelimit in the shared cache.

A :class:`Limit` names what is counted and how many attempts a window allows; call
:func:`exceeded` with the request and the value counted (:func:`client` for the reader's
address, :func:`hashed` for an email address or user name). Values reach the cache only as a
keyed hash (HMAC with a salt derived from ``SECRET_KEY``), so no address or IP appears in a
cache key and none can be recovered by hashing every IPv4 address.

While the cache cannot count (Redis down, a key evicted between add and incr), each process
counts in its own memory instead, with the same limit and window (ADR 0016): the limit still
holds per process, readers can still post, and nothing waits on the dead cache.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.http import HttpRequest
from django.utils.crypto import salted_hmac
from django_ratelimit.core import get_usage

from core.clientip import client_network

# Past this many keys in one process's fallback counter, new values are refused outright:
# an outage must not let a flood of addresses grow a process's memory without bound.
FALLBACK_MAX_KEYS = 50_000


@dataclass(frozen=True)
class Limit:
    name: str
    attempts: int
    seconds: int

    @property
    def rate(self) -> tuple[int, int]:
        return self.attempts, self.seconds


def hashed(value: str) -> str:
    """A keyed hash of ``value``, safe to put in a cache key."""
    return salted_hmac("core.ratelimit", value.strip().lower()).hexdigest()[:40]


def client(request: HttpRequest) -> str:
    """The reader's address (an IPv6 client's /64, ``core.clientip.client_network``), hashed."""
    return hashed(client_network(request))


class _ProcessCounter:
    """Fixed windows counted in this process only; used while the shared cache cannot count."""

    def __init__(self) -> None:
        self._counts: dict[tuple[str, str, float], int] = {}  # (limit, value, window end) -> count
        self._lock = threading.Lock()

    def count(self, limit: Limit, value: str, now: float) -> int | None:
        """The attempt's number in its window, or None when this process cannot keep one more key."""
        key = (limit.name, value, (now // limit.seconds + 1) * limit.seconds)
        with self._lock:
            if key not in self._counts and len(self._counts) >= FALLBACK_MAX_KEYS:
                self._counts = {k: n for k, n in self._counts.items() if k[2] > now}
                if len(self._counts) >= FALLBACK_MAX_KEYS:
                    return None
            self._counts[key] = self._counts.get(key, 0) + 1
            return self._counts[key]

    def clear(self) -> None:
        with self._lock:
            self._counts.clear()


fallback = _ProcessCounter()


def _constant(value: str) -> Callable[[str, HttpRequest], str]:
    return lambda group, request: value


def exceeded(request: HttpRequest, limit: Limit, value: str) -> bool:
    """Count one more attempt for ``value`` under ``limit``; True once past the limit."""
    try:
        usage = get_usage(request, group=limit.name, key=_constant(value), rate=limit.rate, increment=True)
    except Exception:  # noqa: BLE001  a cache backend that raises instead of degrading
        usage = {"time_left": -1}
    if usage is None:  # RATELIMIT_ENABLE = False
        return False
    if usage["time_left"] >= 0:
        return usage["should_limit"]
    # django-ratelimit reports "could not count" as time_left -1: count in this process instead.
    count = fallback.count(limit, value, time.time())
    return count is None or count > limit.attempts
