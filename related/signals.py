"""Recompute "More like this" after an article is published, unpublished or deleted."""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from news.models import ArticlePage
from related.tasks import refresh_related


def _refresh_after_commit(**kwargs: object) -> None:
    transaction.on_commit(refresh_related.enqueue)


for signal in (page_published, page_unpublished, post_delete):
    signal.connect(_refresh_after_commit, sender=ArticlePage, dispatch_uid=f"related-{id(signal)}")
