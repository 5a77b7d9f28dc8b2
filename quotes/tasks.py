"""Background work for "Who said what": nothing here runs on the request path."""

from __future__ import annotations

from django_tasks import task

from news.models import ArticlePage
from quotes import store


@task()
def extract_quotes(article_id: int) -> int:
    """Read a published article again and store its quotations; returns how many."""
    article = ArticlePage.objects.live().filter(pk=article_id).first()
    if article is None:
        return 0
    return len(store.refresh_article(article))


@task()
def withdraw_quotes(article_id: int) -> None:
    article = ArticlePage.objects.filter(pk=article_id).first()
    if article is not None:
        store.withdraw_article(article)
