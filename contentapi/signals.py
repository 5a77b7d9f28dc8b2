"""Purging the API addresses that show a page, after commit, whenever what they show changes."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save, pre_delete
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from comments.api import visible_comments_changed
from contentapi.purge import (
    details_of_articles,
    paths_showing_articles,
    paths_showing_comments_of,
    paths_showing_pages_under,
    paths_showing_sections,
)
from core.tasks import purge_pages_after_commit
from news.models import ArticlePage, SectionPage
from quotes.api import quotations_changed


def _last_shown_key(page: Page) -> str:
    return f"contentapi:paths-shown:{page.pk}"


def _paths_showing(page: Page) -> list[str]:
    if issubclass(page.specific_class, ArticlePage):
        return sorted(paths_showing_articles(ArticlePage.objects.filter(pk=page.pk)))
    return sorted(paths_showing_sections(SectionPage.objects.filter(pk=page.pk)))


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def on_page_change(sender: Any, instance: Page, **kwargs: Any) -> None:
    """Purge where the page shows now and where it showed last time: a tag, author or section it
    has left must lose it too (the same rule as news.signals for the site's pages)."""
    if not issubclass(instance.specific_class or Page, (ArticlePage, SectionPage)):
        return
    current = _paths_showing(instance)
    previous = cache.get(_last_shown_key(instance), [])
    cache.set(_last_shown_key(instance), current, timeout=None)
    purge_pages_after_commit([*current, *previous])


@receiver(pre_delete, sender=ArticlePage)
def on_article_delete(sender: Any, instance: ArticlePage, **kwargs: Any) -> None:
    purge_pages_after_commit([*_paths_showing(instance), *cache.get(_last_shown_key(instance), [])])
    cache.delete(_last_shown_key(instance))


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def on_privacy_change(sender: Any, instance: PageViewRestriction, **kwargs: Any) -> None:
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge_pages_after_commit(paths_showing_pages_under(page))


@receiver(visible_comments_changed)
def on_comments_change(sender: Any, article: ArticlePage, **kwargs: Any) -> None:
    purge_pages_after_commit(paths_showing_comments_of(article))


@receiver(quotations_changed)
def on_quotations_change(sender: Any, article_ids: list[int], **kwargs: Any) -> None:
    purge_pages_after_commit(details_of_articles(article_ids))
