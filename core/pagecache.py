"""Full-page cache for anonymous readers, with exact invalidation and HTTP done right.

Public API: :func:`invalidate` (drop every cached variant of the paths and announce them on
:data:`pages_invalidated` for Varnish or a CDN), :func:`declare_key_params` (from an app's
``AppConfig.ready()``; ``under=`` for a prefix such as ``/api/``), :func:`ignore_key_param`
and :class:`PageCacheMiddleware` (outermost). What is stored, the headers and the reasons are
in docs/architecture.md (The page cache and HTTP caching) and ADRs 0003, 0011 and 0020.

Invariants:

* Only declared parameters are part of a key; every other one is removed before the key is
  made *and* before the view runs (the shipped VCL strips the same set, compared by
  ``core/tests/test_pagecache.py``), and a page is stored only if its render read every key
  parameter present.
* Each path has a random version token, read *before* rendering; invalidation replaces it, so
  a page rendered from data older than the invalidation is never served afterwards, even if
  stored later. A lost token only causes misses; a page kept in process memory is served only
  while its token is current.
* A hit is answered before any other middleware or view runs, with no database query.
* Responses to signed-in people are never cached, here or downstream, and never compressed.
"""

from __future__ import annotations

import gzip
import hashlib
import secrets
import time
from collections.abc import Callable, Iterable, Iterator, KeysView
from dataclasses import dataclass, field
from http import HTTPStatus
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit

import brotli
from django.conf import settings
from django.core.cache import cache
from django.core.handlers.wsgi import get_path_info
from django.dispatch import Signal
from django.http import HttpRequest, HttpResponse, HttpResponseBase, HttpResponseNotModified, QueryDict
from django.utils.cache import patch_vary_headers
from django.utils.encoding import escape_uri_path

from core import metrics
from core.recent import Recent

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
CACHEABLE_STATUSES = (HTTPStatus.OK, HTTPStatus.MOVED_PERMANENTLY, HTTPStatus.PERMANENT_REDIRECT)
STORED_HEADERS_EXCLUDED = {"set-cookie", "content-length", "content-encoding", "etag", "x-page-cache"}
NOT_MODIFIED_HEADERS = {"cache-control", "expires", "content-location", "vary"}


@dataclass
class CachedPage:
    version: str
    status: int
    headers: list[tuple[str, str]]
    etag: str
    bodies: dict[str, bytes] = field(default_factory=dict)  # encoding → bytes; "identity" always present
    expires_at: float = 0.0  # time.time() when the shared cache drops it: kept in memory until then


recent_pages: Recent[CachedPage] = Recent(settings.PAGE_CACHE_RECENT_PAGES)
# Path prefix → the parameters declared for the pages under it.
_key_params: dict[str, set[str]] = {"/": set()}


def declare_key_params(*names: str, under: str = "/") -> None:
    """Make these query parameters part of the cache key of the pages under the path prefix
    ``under`` (call from ``ready()``). A path keys on the parameters of the longest prefix it
    starts with, only: the JSON API's filters (under ``/api/``) are not keys of the site's pages,
    and the site's ``page`` is not a key of the API's."""
    _key_params.setdefault(under, set()).update(names)


def key_params(path: str = "/") -> frozenset[str]:
    """The query parameters that are part of the cache key of pages at this path."""
    prefix = max((prefix for prefix in _key_params if path.startswith(prefix)), key=len, default="/")
    return frozenset(_key_params.get(prefix, ()))


class _TrackedQuery(QueryDict):
    """``request.GET`` of a request the cache may store: notes which parameters the render read."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        self.read: set[str] = set()  # QueryDict asks __contains__ while it fills itself: reset after
        self.ignored: set[str] = set()
        super().__init__(*args, **kwargs)
        self.read.clear()

    def unread(self) -> set[str]:
        """Parameters present that no render looked at (or whose value it ignored)."""
        return set(dict.keys(self)) - (self.read - self.ignored)

    def _note_all(self) -> None:
        self.read.update(dict.keys(self))

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return super().__getitem__(key)

    def _getlist(self, key: str, *args: object, **kwargs: object) -> list:
        self.read.add(key)
        return super()._getlist(key, *args, **kwargs)

    def __contains__(self, key: object) -> bool:
        self.read.add(str(key))
        return super().__contains__(key)

    def __iter__(self) -> Iterator[str]:  # any walk over every parameter reads them all
        self._note_all()
        return super().__iter__()

    def keys(self) -> KeysView[str]:
        self._note_all()
        return super().keys()

    def lists(self) -> Iterator[tuple[str, list[str]]]:
        self._note_all()
        return super().lists()

    def urlencode(self, safe: str | None = None) -> str:
        self._note_all()
        return super().urlencode(safe)

    def __deepcopy__(self, memo: dict) -> QueryDict:
        self._note_all()
        return super().__deepcopy__(memo)

    def __copy__(self) -> QueryDict:
        self._note_all()
        return super().__copy__()


def ignore_key_param(request: HttpRequest, name: str) -> None:
    """This request's value of ``name`` names nothing (the page shows as without it): do not store."""
    if isinstance(request.GET, _TrackedQuery):
        request.GET.ignored.add(name)


def key_query(query_string: str, path: str = "/") -> str:
    """The query string with only the parameters declared for the path, in the order they came."""
    kept = key_params(path)
    pairs = parse_qsl(query_string, keep_blank_values=True)
    return urlencode([(name, value) for name, value in pairs if name in kept])


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _version_key(path: str) -> str:
    return f"pagecache:version:{_digest(path)}"


def _page_key(host: str, path: str, query: str) -> str:
    """The key of a page; ``query`` is already :func:`key_query`'s."""
    # The host is part of the key: feeds and sitemaps print absolute URLs.
    full_path = escape_uri_path(path) + (f"?{query}" if query else "")
    return f"pagecache:page:{_digest(host + full_path)}"


def _normalise(url: str) -> str:
    return unquote(urlsplit(url).path) or "/"


def invalidate(urls: Iterable[str]) -> list[str]:
    """Invalidate the pages at these URLs (paths or absolute URLs); return the paths."""
    paths = sorted({_normalise(url) for url in urls})
    if paths:
        cache.set_many({_version_key(path): secrets.token_hex(8) for path in paths}, timeout=None)
        pages_invalidated.send(sender=invalidate, paths=paths)
    return paths


def accepted_encoding(accept_encoding: str) -> str:
    """The best encoding an Accept-Encoding header allows: br, then gzip, else identity."""
    offered: dict[str, float] = {}
    for item in accept_encoding.split(","):
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
    patch_vary_headers(response, ("Accept-Encoding",))
    page = CachedPage(
        version=version,
        status=response.status_code,
        headers=[(k, v) for k, v in response.items() if k.lower() not in STORED_HEADERS_EXCLUDED],
        etag=f'W/"{_digest(body.hex())[:20]}"',
        bodies={"identity": body},
        expires_at=time.time() + settings.PAGE_CACHE_SECONDS,
    )
    if _compressible(response):
        page.bodies.update({name: encode(body) for name, encode in ENCODERS.items()})
    return page


def render_entry(
    page: CachedPage, accept_encoding: str, if_none_match: str | None, state: str
) -> tuple[int, list[tuple[str, str]], bytes]:
    """Status, headers and body answering a request from a stored page (304 when unchanged)."""
    if if_none_match == page.etag:
        status, body = 304, b""
        headers = [(name, value) for name, value in page.headers if name.lower() in NOT_MODIFIED_HEADERS]
    else:
        encoding = accepted_encoding(accept_encoding) if len(page.bodies) > 1 else "identity"
        status, body, headers = page.status, page.bodies[encoding], list(page.headers)
        if encoding != "identity":
            headers.append(("Content-Encoding", encoding))
        headers.append(("Content-Length", str(len(body))))
    headers += [("ETag", page.etag), ("X-Page-Cache", state)]
    return status, headers, body


def _response(parts: tuple[int, list[tuple[str, str]], bytes]) -> HttpResponseBase:
    status, headers, body = parts
    response = HttpResponseNotModified() if status == 304 else HttpResponse(body, status=status)
    for name, value in headers:
        response[name] = value
    return response


def _fresh_entry(page_key: str, version_key: str) -> tuple[CachedPage | None, str | None]:
    """The stored page if it is still current, and the path's version token (one cache round trip)."""
    recent = recent_pages.get(page_key)
    if recent is not None:
        version = cache.get(version_key)
        if version is not None and recent.version == version:
            return recent, version
    found = cache.get_many([page_key, version_key])
    version, entry = found.get(version_key), found.get(page_key)
    if isinstance(entry, CachedPage) and version is not None and entry.version == version:
        recent_pages.remember(page_key, entry, entry.expires_at)
        return entry, version
    return None, version


def _signed_in_cookie(cookie_header: str) -> bool:
    return any(
        part.strip().startswith(settings.SESSION_COOKIE_NAME + "=") for part in cookie_header.split(";")
    )


def fast_path(application: Callable) -> Callable:
    """WSGI wrapper answering page-cache hits before Django builds a request at all.

    Same keys and rules as the middleware; anything it is not sure about (no Host
    header, a session, an excluded path, a miss) goes on to Django unchanged. Hosts are
    safe: pages are stored only under hosts Django has validated.
    """

    def serve(environ: dict, start_response: Callable) -> Iterable[bytes]:
        host = environ.get("HTTP_HOST")
        path = get_path_info(environ)
        if (
            host
            and environ["REQUEST_METHOD"] in ("GET", "HEAD")
            and "HTTP_AUTHORIZATION" not in environ
            and not _signed_in_cookie(environ.get("HTTP_COOKIE", ""))
            and not path.startswith(settings.PAGE_CACHE_EXCLUDED_PREFIXES)
        ):
            query = key_query(environ.get("QUERY_STRING", ""), path)
            page, _version = _fresh_entry(_page_key(host, path, query), _version_key(path))
            if page is not None:
                metrics.page_cache(hit=True)
                status, headers, body = render_entry(
                    page, environ.get("HTTP_ACCEPT_ENCODING", ""), environ.get("HTTP_IF_NONE_MATCH"), "hit"
                )
                start_response(f"{status} {HTTPStatus(status).phrase}", headers)
                return [] if environ["REQUEST_METHOD"] == "HEAD" else [body]
        return application(environ, start_response)

    return serve


class PageCacheMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if self._signed_in(request):
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                response["Cache-Control"] = "private, no-cache"
            return response
        accept = request.headers.get("Accept-Encoding", "")
        if not self._is_cacheable_request(request):
            response = self.get_response(request)
            if _compressible(response) and (encoding := accepted_encoding(accept)) != "identity":
                _encode(response, encoding, ENCODERS[encoding](response.content))
            return response
        self._keep_only_key_params(request)
        if_none_match = request.headers.get("If-None-Match")
        page_key = _page_key(request.get_host(), request.path, request.META["QUERY_STRING"])
        version_key = _version_key(request.path)
        entry, version = _fresh_entry(page_key, version_key)
        metrics.page_cache(hit=entry is not None)
        if entry is not None:
            return _response(render_entry(entry, accept, if_none_match, "hit"))
        if version is None:
            version = secrets.token_hex(8)
            if not cache.add(version_key, version, timeout=None):
                version = cache.get(version_key, version)
        response = self.get_response(request)
        if not self._is_cacheable_response(response) or self._left_key_params_unread(request):
            return response
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = settings.PAGE_CACHE_CONTROL
            response["CDN-Cache-Control"] = settings.PAGE_CDN_CACHE_CONTROL
        page = _store(response, version)
        cache.set(page_key, page, timeout=settings.PAGE_CACHE_SECONDS)
        return _response(render_entry(page, accept, if_none_match, "miss"))

    @staticmethod
    def _keep_only_key_params(request: HttpRequest) -> None:
        # The view sees what the key holds: a parameter left out of the key cannot change the page.
        query = key_query(request.META.get("QUERY_STRING", ""), request.path)
        request.META["QUERY_STRING"] = query
        request.GET = _TrackedQuery(query)

    @staticmethod
    def _left_key_params_unread(request: HttpRequest) -> bool:
        # Stored under a value the page ignored, every value would be an entry of its own.
        return isinstance(request.GET, _TrackedQuery) and bool(request.GET.unread())

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
            response.status_code in CACHEABLE_STATUSES
            and not response.streaming
            and not response.cookies
            and not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)
        )
