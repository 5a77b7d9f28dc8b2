"""A saved or deleted update purges the live page and its JSON, after commit; so does publishing
the page (its coverage may just have ended). The page's own URLs are purged by ``news``."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from core.tasks import purge_pages_after_commit
from live.models import LiveArticlePage, LiveUpdate, updates_url


@receiver(post_save, sender=LiveUpdate)
@receiver(post_delete, sender=LiveUpdate)
def purge_live_page(sender: Any, instance: LiveUpdate, **kwargs: Any) -> None:
    page = instance.page
    purge_pages_after_commit([path for path in (page.url, updates_url(page)) if path])


@receiver(page_published, sender=LiveArticlePage)
@receiver(page_unpublished, sender=LiveArticlePage)
def purge_updates_json(sender: Any, instance: LiveArticlePage, **kwargs: Any) -> None:
    purge_pages_after_commit([updates_url(instance)])
