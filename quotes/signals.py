"""Publishing reads an article's quotations in the worker; unpublishing takes them away."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.signals import page_published, page_unpublished

from news.models import ArticlePage
from quotes.tasks import extract_quotes, withdraw_quotes


def _extract_after_commit(sender: Any, instance: ArticlePage, **kwargs: Any) -> None:
    transaction.on_commit(lambda: extract_quotes.enqueue(instance.pk))


def _withdraw_after_commit(sender: Any, instance: ArticlePage, **kwargs: Any) -> None:
    transaction.on_commit(lambda: withdraw_quotes.enqueue(instance.pk))


page_published.connect(_extract_after_commit, sender=ArticlePage, dispatch_uid="quotes-publish")
page_unpublished.connect(_withdraw_after_commit, sender=ArticlePage, dispatch_uid="quotes-unpublish")
