"""Full-page cache for anonymous readers, with exact invalidation.

Public API for other apps:

* :func:`invalidate` — drop every cached variant (any query string) of the given
  paths, and announce them on :data:`pages_invalidated` so an HTTP cache in front
  (Varnish, a CDN) can purge the same set.
* :class:`PageCacheMiddleware` — outermost middleware; a hit is answered before any
  other middleware or view runs.

Correctness: each path has a random version token. A miss remembers the token it
saw *before* rendering and stores the page under it; invalidation replaces the
token, so a page rendered from data older than the invalidation can never be served
afterwards, even if it is stored later. A lost token only causes misses.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.core.cache import cache
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse

pages_invalidated = Signal()  # sent with paths=[...] after invalidate()

UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _version_key(path: str) -> str:
    return f"pagecache:version:{_digest(path)}"


def _page_key(request: HttpRequest) -> str:
    # The host is part of the key: feeds and sitemaps print absolute URLs.
    return f"pagecache:page:{_digest(request.get_host() + request.get_full_path())}"


def _normalise(url: str) -> str:
    return unquote(urlsplit(url).path) or "/"


def invalidate(urls: Iterable[str]) -> list[str]:
    """Invalidate the pages at these URLs (paths or absolute URLs); return the paths."""
    paths = sorted({_normalise(url) for url in urls})
    if paths:
        cache.set_many({_version_key(path): secrets.token_hex(8) for path in paths}, timeout=None)
        pages_invalidated.send(sender=invalidate, paths=paths)
    return paths


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self._is_cacheable_request(request):
            return self.get_response(request)
        page_key, version_key = _page_key(request), _version_key(request.path)
        found = cache.get_many([page_key, version_key])
        version, entry = found.get(version_key), found.get(page_key)
        if entry is not None and version is not None and entry[0] == version:
            return self._rebuild(entry)
        if version is None:
            version = secrets.token_hex(8)
            if not cache.add(version_key, version, timeout=None):
                version = cache.get(version_key, version)
        response = self.get_response(request)
        if self._is_cacheable_response(response):
            headers = [(k, v) for k, v in response.items() if k.lower() != "set-cookie"]
            cache.set(
                page_key,
                (version, response.status_code, headers, response.content),
                timeout=settings.PAGE_CACHE_SECONDS,
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _is_cacheable_request(request: HttpRequest) -> bool:
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "HTTP_AUTHORIZATION" not in request.META
            and not request.path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
        )

    @staticmethod
    def _is_cacheable_response(response: HttpResponse) -> bool:
        cache_control = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
        )

    @staticmethod
    def _rebuild(entry: tuple) -> HttpResponse:
        _version, status, headers, content = entry
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Page-Cache"] = "hit"
        return response
