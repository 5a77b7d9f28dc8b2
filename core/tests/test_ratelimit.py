"""The one rate limiter: counted in the shared cache by django-ratelimit, hashed, and still
holding when the cache cannot count (ADR 0016)."""

from __future__ import annotations

from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpRequest
from django.test import RequestFactory

from conftest import closed_port
from core import ratelimit

LIMIT = ratelimit.Limit("tests.thing", attempts=3, seconds=600)


def request_from(address: str) -> HttpRequest:
    return RequestFactory().post("/", REMOTE_ADDR=address)


def attempts_until_refused(address: str = "203.0.113.7", tries: int = 10) -> list[bool]:
    request = request_from(address)
    return [ratelimit.exceeded(request, LIMIT, ratelimit.client(request)) for _ in range(tries)]


def test_the_limit_counts_per_value_in_the_shared_cache():
    assert attempts_until_refused(tries=5) == [False, False, False, True, True]
    assert attempts_until_refused("198.51.100.2", tries=1) == [False]
    assert not ratelimit.fallback._counts  # the shared cache counted, not the process


def test_no_address_reaches_a_cache_key_in_the_clear_or_as_a_plain_hash(settings):
    # A local-memory cache whose keys can be listed, whatever cache the suite runs on.
    settings.CACHES = settings.CACHES | {
        "inspectable": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "keys"}
    }
    settings.RATELIMIT_USE_CACHE = "inspectable"
    attempts_until_refused("203.0.113.7", tries=1)
    inspectable = caches["inspectable"]
    assert isinstance(inspectable, LocMemCache)
    keys = list(inspectable._cache)
    assert keys
    assert not any("203.0.113.7" in key for key in keys)
    assert ratelimit.client(request_from("203.0.113.7")) != ratelimit.hashed("203.0.113.8")
    assert "203.0.113.7" not in ratelimit.client(request_from("203.0.113.7"))


def test_the_limit_holds_while_the_production_cache_has_lost_redis(cache_down):
    assert attempts_until_refused(tries=5) == [False, False, False, True, True]
    assert attempts_until_refused("198.51.100.2", tries=1) == [False]


def test_the_limit_holds_when_the_cache_backend_raises(settings):
    settings.CACHES = settings.CACHES | {
        "raising": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    settings.RATELIMIT_USE_CACHE = "raising"
    assert attempts_until_refused(tries=5) == [False, False, False, True, True]


def test_a_flood_of_new_addresses_during_an_outage_cannot_grow_memory_without_bound(cache_down, monkeypatch):
    monkeypatch.setattr(ratelimit, "FALLBACK_MAX_KEYS", 2)
    assert attempts_until_refused("203.0.113.1", tries=1) == [False]
    assert attempts_until_refused("203.0.113.2", tries=1) == [False]
    assert attempts_until_refused("203.0.113.3", tries=1) == [True]  # refused, not forgotten


def test_the_fallback_window_ends(cache_down, monkeypatch):
    now = [1_000_000.0]
    monkeypatch.setattr(ratelimit.time, "time", lambda: now[0])
    assert attempts_until_refused(tries=4)[-1] is True
    now[0] += LIMIT.seconds
    assert attempts_until_refused(tries=1) == [False]
