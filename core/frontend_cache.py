"""Purge the HTTP cache in front (Varnish, a CDN) exactly where the page cache was invalidated.

Runs in the worker (invalidation happens in the ``purge_pages`` task), so readers never
wait for a purge. Configured with ``FRONTEND_CACHE_URL``: one address, or several separated by
commas (two Varnish machines, a CDN); every one of them gets every purge, and one that cannot be
reached is logged by Wagtail's backend without keeping the others from theirs.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.dispatch import receiver
from wagtail.contrib.frontend_cache.tasks import purge_urls_from_cache_task

from core.pagecache import pages_invalidated
from core.sites import absolute_url


@receiver(pages_invalidated)
def purge_frontend_cache(sender: Any, paths: list[str], **kwargs: Any) -> None:
    if settings.WAGTAILFRONTENDCACHE:
        # Called directly: we are already in a background task.
        purge_urls_from_cache_task.call([absolute_url(path) for path in paths])
