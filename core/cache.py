"""A Redis cache that degrades to "empty" when Redis is unreachable, instead of failing requests.

Readers keep getting pages (uncached) during a Redis outage and the site recovers by
itself when Redis returns. After a failure the client stops trying for a short
while, so an outage does not add a connection attempt to every cache call.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable
from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
RETRY_AFTER_SECONDS = 2.0


class CacheUnavailable(ValueError):
    """Raised by incr during an outage; a ValueError like Django's 'key not found'."""


def _fallback(value: Any) -> Callable:
    def decorate(method: Callable) -> Callable:
        @functools.wraps(method)
        def guarded(self: ResilientRedisCacheClient, *args: Any, **kwargs: Any) -> Any:
            if time.monotonic() < self.down_until:
                return value(args, kwargs) if callable(value) else value
            try:
                return method(self, *args, **kwargs)
            except RedisError as error:
                if time.monotonic() >= self.down_until:
                    logger.warning("Redis cache unavailable, serving without it: %s", error)
                self.down_until = time.monotonic() + RETRY_AFTER_SECONDS
                return value(args, kwargs) if callable(value) else value

        return guarded

    return decorate


def _no_counter(args: tuple, kwargs: dict) -> int:
    raise CacheUnavailable("The cache is unavailable.")


class ResilientRedisCacheClient(RedisCacheClient):
    down_until = 0.0

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        # Django builds a new redis.Redis per call, and its constructor costs more than the
        # command itself; a client over a connection pool is thread-safe, so keep one per pool.
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    add = _fallback(False)(RedisCacheClient.add)
    get = _fallback(lambda args, kwargs: args[1] if len(args) > 1 else kwargs.get("default"))(
        RedisCacheClient.get
    )
    set = _fallback(None)(RedisCacheClient.set)
    touch = _fallback(False)(RedisCacheClient.touch)
    delete = _fallback(False)(RedisCacheClient.delete)
    get_many = _fallback(lambda args, kwargs: {})(RedisCacheClient.get_many)
    has_key = _fallback(False)(RedisCacheClient.has_key)
    incr = _fallback(_no_counter)(RedisCacheClient.incr)
    set_many = _fallback(lambda args, kwargs: [])(RedisCacheClient.set_many)
    delete_many = _fallback(None)(RedisCacheClient.delete_many)
    clear = _fallback(False)(RedisCacheClient.clear)


class ResilientRedisCache(RedisCache):
    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = ResilientRedisCacheClient
