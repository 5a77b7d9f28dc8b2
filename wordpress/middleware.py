"""Old WordPress links answer with a permanent redirect to the page that replaced them.

Query-string links (``/?p=ID``) are the home page's path, which exists, so they are looked up
before the view runs; every other old address is looked up only when the site would answer
404, so pages that exist cost nothing extra. Redirects are public and cacheable.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase, HttpResponsePermanentRedirect

from core.pagecache import ignore_key_param
from wordpress import addresses

REDIRECT_CACHE_CONTROL = "public, max-age=86400"


def _redirect(to: str) -> HttpResponsePermanentRedirect:
    response = HttpResponsePermanentRedirect(to)
    response["Cache-Control"] = REDIRECT_CACHE_CONTROL
    return response


class LegacyRedirectMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        found = addresses.query_address(request.GET) if request.path in addresses.QUERY_PATHS else None
        if found:
            key, address = found
            if to := addresses.target(address):
                return _redirect(to)
            ignore_key_param(request, key)  # names nothing live: the home page, never stored as it
        response = self.get_response(request)
        if response.status_code == 404:
            address = addresses.normalise(request.path)
            if address and (to := addresses.target(address)) and to != request.path:
                return _redirect(to)
        return response
