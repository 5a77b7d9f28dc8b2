"""Full-page cache for anonymous readers, with exact invalidation and HTTP done right.

Public API for other apps:

* :func:`invalidate` — drop every cached variant (any query string) of the given
  paths, and announce them on :data:`pages_invalidated` so an HTTP cache in front
  (Varnish, a CDN) can purge the same set.
* :class:`PageCacheMiddleware` — outermost middleware; a hit is answered before any
  other middleware or view runs, with no database query.

Correctness: each path has a random version token. A miss remembers the token it
saw *before* rendering and stores the page under it; invalidation replaces the
token, so a page rendered from data older than the invalidation can never be served
afterwards, even if it is stored later. A lost token only causes misses.

HTTP: pages are stored once with their gzip and Brotli encodings and a validator, so
a hit negotiates the encoding, answers conditional requests with 304 and never
compresses on the request path. Responses to signed-in people are never cached,
here or downstream (``private, no-cache``), and never compressed (BREACH).
"""

from __future__ import annotations

import gzip
import hashlib
import secrets
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

import brotli
from django.conf import settings
from django.core.cache import cache
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified
from django.utils.cache import patch_vary_headers

pages_invalidated = Signal()  # sent with paths=[...] after invalidate()

UNCACHEABLE_DIRECTIVES = ("private", "no-store", "no-cache")
COMPRESSIBLE_TYPES = (
    "text/",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/json",
)
MIN_COMPRESS_BYTES = 256
ENCODERS: dict[str, Callable[[bytes], bytes]] = {
    "br": lambda body: brotli.compress(body, quality=5),
    "gzip": lambda body: gzip.compress(body, compresslevel=6, mtime=0),
}
STORED_HEADERS_EXCLUDED = {"set-cookie", "content-length", "content-encoding", "vary", "etag", "x-page-cache"}


@dataclass
class CachedPage:
    version: str
    status: int
    headers: list[tuple[str, str]]
    etag: str
    bodies: dict[str, bytes] = field(default_factory=dict)  # encoding → bytes; "identity" always present


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


def accepted_encoding(request: HttpRequest) -> str:
    """The best encoding the client accepts: br, then gzip, else identity."""
    offered: dict[str, float] = {}
    for item in request.headers.get("Accept-Encoding", "").split(","):
        name, _, params = item.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        offered[name.strip().lower()] = quality
    return next((name for name in ("br", "gzip") if offered.get(name, 0) > 0), "identity")


def _compressible(response: HttpResponseBase) -> bool:
    return (
        not response.streaming
        and not response.has_header("Content-Encoding")
        and response.get("Content-Type", "").startswith(COMPRESSIBLE_TYPES)
        and len(response.content) >= MIN_COMPRESS_BYTES
    )


def _encode(response: HttpResponse, encoding: str, body: bytes) -> HttpResponse:
    response.content = body
    if encoding != "identity":
        response["Content-Encoding"] = encoding
    response["Content-Length"] = str(len(body))
    patch_vary_headers(response, ("Accept-Encoding",))
    return response


def _store(response: HttpResponse, version: str) -> CachedPage:
    body = response.content
    page = CachedPage(
        version=version,
        status=response.status_code,
        headers=[(k, v) for k, v in response.items() if k.lower() not in STORED_HEADERS_EXCLUDED],
        etag=f'W/"{_digest(body.hex())[:20]}"',
        bodies={"identity": body},
    )
    if _compressible(response):
        page.bodies.update({name: encode(body) for name, encode in ENCODERS.items()})
    return page


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if self._signed_in(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response
        if not self._is_cacheable_request(request):
            response = self.get_response(request)
            if _compressible(response) and (encoding := accepted_encoding(request)) != "identity":
                _encode(response, encoding, ENCODERS[encoding](response.content))
            return response
        page_key, version_key = _page_key(request), _version_key(request.path)
        found = cache.get_many([page_key, version_key])
        version, entry = found.get(version_key), found.get(page_key)
        if isinstance(entry, CachedPage) and version is not None and entry.version == version:
            return self._serve(request, entry, HttpResponse(status=entry.status), "hit")
        if version is None:
            version = secrets.token_hex(8)
            if not cache.add(version_key, version, timeout=None):
                version = cache.get(version_key, version)
        response = self.get_response(request)
        if not self._is_cacheable_response(response):
            return response
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = settings.PAGE_CACHE_CONTROL
        page = _store(response, version)
        cache.set(page_key, page, timeout=settings.PAGE_CACHE_SECONDS)
        return self._serve(request, page, response, "miss")

    @staticmethod
    def _serve(
        request: HttpRequest, page: CachedPage, response: HttpResponse, state: str
    ) -> HttpResponseBase:
        if request.headers.get("If-None-Match") == page.etag:
            response = HttpResponseNotModified()
            for name, value in page.headers:
                if name.lower() in ("cache-control", "expires", "content-location", "date"):
                    response[name] = value
        else:
            for name, value in page.headers:
                response[name] = value
            encoding = accepted_encoding(request) if len(page.bodies) > 1 else "identity"
            _encode(response, encoding, page.bodies[encoding])
        response["ETag"] = page.etag
        patch_vary_headers(response, ("Accept-Encoding",))
        response["X-Page-Cache"] = state
        return response

    @staticmethod
    def _signed_in(request: HttpRequest) -> bool:
        return settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META

    @staticmethod
    def _is_cacheable_request(request: HttpRequest) -> bool:
        return request.method in ("GET", "HEAD") and not request.path.startswith(
            settings.PAGE_CACHE_EXCLUDED_PREFIXES
        )

    @staticmethod
    def _is_cacheable_response(response: HttpResponseBase) -> bool:
        cache_control = response.get("Cache-Control", "").lower()
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
        )
