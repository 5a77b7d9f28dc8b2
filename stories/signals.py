"""Place articles in stories after they are published, unpublished or deleted."""

from __future__ import annotations

from django.db.models.signals import post_delete
from wagtail.signals import page_published, page_unpublished

from core.tasks import enqueue_after_commit
from news.models import ArticlePage
from stories.tasks import refresh_stories


def _refresh_after_commit(**kwargs: object) -> None:
    enqueue_after_commit(refresh_stories)  # the 15-minute refresh catches up if this is left out


for signal in (page_published, page_unpublished, post_delete):
    signal.connect(_refresh_after_commit, sender=ArticlePage, dispatch_uid=f"stories-{id(signal)}")
