"""Which Wagtail site answers a request, from the shared cache instead of two queries a page.

Wagtail looks the site up (and then its root page) on every request it routes. Sites
change rarely, so the matching site, with its root page already made specific, is
kept in the cache per host and retired (after commit) when a site or a site's root page changes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished

from core.shared import SharedValue

SITE_ROOT_DEPTH = 2


def absolute_url(path: str) -> str:
    """``path`` on the canonical address, ``SITE_URL``, whichever host a request used."""
    return settings.SITE_URL.rstrip("/") + path


sites_by_host: SharedValue[dict[str, Site]] = SharedValue(
    "core:sites-by-host", dict, seconds=3600, retired_by=[(post_save, Site), (post_delete, Site)]
)


class CachedSiteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        host = request.get_host()
        sites = sites_by_host.get()
        if host in sites:
            request._wagtail_site = sites[host]
            return self.get_response(request)
        response = self.get_response(request)
        # Learn the site only from a request that needed it (Wagtail found it), so views
        # without pages, like /healthz, never query for it.
        site = getattr(request, "_wagtail_site", None)
        if site is not None and response.status_code < 500:
            site.root_page = site.root_page.specific
            sites_by_host.set({**sites, host: site})
        return response


@receiver([page_published, page_unpublished])
def _root_page_changed(sender: Any, instance: Page, **kwargs: Any) -> None:
    if instance.depth <= SITE_ROOT_DEPTH:
        sites_by_host.retire()
