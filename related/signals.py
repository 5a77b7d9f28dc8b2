"""Recompute "More like this" after an article is published, unpublished or deleted."""

from __future__ import annotations

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from core.tasks import enqueue_after_commit
from news.models import ArticlePage
from related.tasks import refresh_related


def _refresh_after_commit(**kwargs: object) -> None:
    enqueue_after_commit(refresh_related)  # the 15-minute refresh catches up if this is left out


for signal in (page_published, page_unpublished, post_delete):
    signal.connect(_refresh_after_commit, sender=ArticlePage, dispatch_uid=f"related-{id(signal)}")
