"""The "More like this" region of the article page: one query, stored lists only."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page

from core.regions import provides
from news.api import recommendable
from news.models import ArticlePage, RelatedArticle
from related.models import SimilarArticle

SHOWN = 4


def more_like_this_articles(page: ArticlePage, count: int = SHOWN) -> list[ArticlePage]:
    """Stored matches still live and not hidden by their editor, minus the editor's picks the page
    already shows."""
    picks = RelatedArticle.objects.filter(article_id=page.pk).values("related_id")
    rows = (
        SimilarArticle.objects.filter(recommendable("similar"), article_id=page.pk)
        .exclude(similar_id__in=picks)
        .select_related("similar", "similar__lead_image")
        .defer("similar__body")
        .order_by("rank")[:count]
    )
    return [row.similar for row in rows]


@provides("more_like_this", depends_on=("content", "discovery"))
def more_like_this(request: HttpRequest, page: Page) -> str:
    if not isinstance(page, ArticlePage) or page.pk is None:
        return ""
    items = more_like_this_articles(page)
    if not items:
        return ""
    context = {"name": "more-like-this", "heading": "More like this", "items": items}
    return render_to_string("news/components/region.html", context, request=request)
