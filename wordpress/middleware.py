"""Old WordPress links answer with a permanent redirect to the page that replaced them.

Query-string links (``/?p=ID``) are the home page's path, which exists, so they are looked up
before the view runs; every other old address is looked up only when the site would answer
404, so pages that exist cost nothing extra. Redirects are public and cacheable.

Date archives are not stored one by one: once a site has been imported, any of its date archive
addresses leads to the nearest archive of the new site (``news.api.nearest_archive``): its month,
else its year. At the same folder, ``/YYYY/`` and ``/YYYY/MM/`` are the new site's own addresses.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponseBase, HttpResponsePermanentRedirect

from core.pagecache import ignore_key_param
from news.api import nearest_archive
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
            if to := addresses.target(address) or _date_archive(request, address):
                return _redirect(to)
            ignore_key_param(request, key)  # names nothing live: the home page, never stored as it
        response = self.get_response(request)
        if response.status_code == 404:
            address = addresses.normalise(request.path)
            to = address and (addresses.target(address) or _date_archive(request, address))
            if to and to != request.path:
                return _redirect(to)
        return response


def _date_archive(request: HttpRequest, address: str) -> str | None:
    found = addresses.date_archive(address)
    if found is None or not addresses.imported_from(found.blog):
        return None
    return nearest_archive(request, found.year, found.month)
