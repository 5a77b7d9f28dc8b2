"""The Redis cache survives an outage: pages keep coming, uncached, and nothing raises."""

from __future__ import annotations

import socket

import pytest
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

from core.cache import CacheUnavailable, ResilientRedisCache


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # closed again when the block ends


@pytest.fixture
def unreachable() -> ResilientRedisCache:
    return ResilientRedisCache(
        f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": {"socket_connect_timeout": 0.2}}
    )


def test_an_unreachable_redis_behaves_as_an_empty_cache(unreachable):
    assert unreachable.get("key", "default") == "default"
    unreachable.set("key", "value")
    assert unreachable.add("key", "value") is False
    assert unreachable.get_many(["a", "b"]) == {}
    unreachable.set_many({"a": 1})
    unreachable.delete("key")
    with pytest.raises(CacheUnavailable):
        unreachable.incr("views")
    # Callers that treat a missing counter as ValueError keep working.
    with pytest.raises(ValueError, match="The cache is unavailable"):
        unreachable.incr("views")


def test_the_plain_django_redis_cache_would_have_raised():
    plain = RedisCache(f"redis://127.0.0.1:{closed_port()}/0", {"OPTIONS": {"socket_connect_timeout": 0.2}})
    with pytest.raises(RedisError):
        plain.get("key")


@pytest.mark.django_db
def test_pages_are_served_while_the_cache_is_down(client, article, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    for url in ("/", article.url, "/feeds/rss/"):
        assert client.get(url).status_code == 200, url
