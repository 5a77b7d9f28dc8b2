"""Publishing side effects: a dateline that is never empty, exact page-cache purges, and
retiring stored page fragments (core.fragments) when anything they show changes."""

from __future__ import annotations

from copy import copy
from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import timezone
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from core import fragments
from core.tasks import purge_pages_after_commit
from news.api import urls_showing_article, urls_showing_page
from news.models import (
    ArticlePage,
    Author,
    Publication,
)


def _last_shown_key(page: Page) -> str:
    return f"news:urls-shown:{page.pk}"


def _purge(page: Page) -> None:
    """Purge where the page shows now and where it showed at its last publication.

    The previous set matters when a tag, author or section is removed: that listing
    must lose the article too.
    """
    page = page.specific
    fragments.bump_after_commit("content")
    current = urls_showing_article(page) if isinstance(page, ArticlePage) else urls_showing_page(page)
    previous = cache.get(_last_shown_key(page), [])
    cache.set(_last_shown_key(page), current, timeout=None)
    purge_pages_after_commit([*current, *previous])


def _fill_dateline(article: ArticlePage, revision: Any) -> None:
    now = article.last_published_at or timezone.now()
    changes: dict[str, Any] = {}
    if article.published_at is None:
        changes["published_at"] = article.go_live_at or article.first_published_at or now
    if article.substantive_update:
        changes.update(updated_at=now, substantive_update=False)
    if changes:
        # Stored in the revision too: the next edit starts from it and must not re-mark the update.
        article.store_without_publishing(revision, **changes)


@receiver(page_published)
def on_publish(sender: Any, instance: Page, revision: Any = None, **kwargs: Any) -> None:
    if isinstance(instance, ArticlePage):
        _fill_dateline(instance, revision)
    _purge(instance)


@receiver(page_unpublished)
def on_unpublish(sender: Any, instance: Page, **kwargs: Any) -> None:
    _purge(instance)


@receiver(page_slug_changed)
def on_slug_change(sender: Any, instance_before: Page, **kwargs: Any) -> None:
    # The old address now redirects; a cached copy of the old page must not answer instead.
    fragments.bump_after_commit("content")
    purge_pages_after_commit([instance_before.url] if instance_before.url else [])


@receiver(post_page_move)
def on_move(sender: Any, instance: Page, url_path_before: str, **kwargs: Any) -> None:
    fragments.bump_after_commit("content")
    before = copy(instance)
    before.url_path = url_path_before
    purge_pages_after_commit([url for url in (before.url, instance.url) if url])


@receiver(post_save, sender=Author)
@receiver(post_delete, sender=Author)
@receiver(post_save, sender=Tag)
@receiver(post_delete, sender=Tag)
@receiver(post_save, sender=get_image_model())
@receiver(post_delete, sender=get_image_model())
@receiver(post_save, sender=Publication)
def on_shown_detail_change(sender: Any, created: bool = False, **kwargs: Any) -> None:
    """Bylines, tag names, image crops and the publisher show inside stored article fragments;
    a new upload, tag or author is in none yet."""
    if not created:
        fragments.bump_after_commit("content")


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_change(sender: Any, instance: PageViewRestriction, **kwargs: Any) -> None:
    fragments.bump_after_commit("content")  # lists and regions must stop linking to it
    # The page and everything below it were public until now: no cached copy may answer.
    purge_pages_after_commit(
        [page.url for page in Page.objects.descendant_of(instance.page, inclusive=True) if page.url]
    )
