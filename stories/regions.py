"""The article page's "This story so far" region: one query, however long the story."""

from __future__ import annotations

from django.db.models import Subquery
from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page

from core.regions import provides
from news.models import ArticlePage, view_restrictions_exist
from stories.models import Membership

# At most this many articles either side of the current one: a story of 300 articles costs
# the page what one of 12 does, and the story page has the rest.
SHOWN_EACH_SIDE = 5


def story_so_far(article: ArticlePage) -> list[Membership]:
    """The article's story around it, in time order (the article included), with the story on
    each row; empty when the article is in no story. One query."""
    mine = Membership.objects.filter(article_id=article.pk, story__isnull=False)
    position = Subquery(mine.values("position")[:1])
    rows = Membership.objects.filter(
        story_id=Subquery(mine.values("story_id")[:1]),
        article__live=True,
        position__gte=position - SHOWN_EACH_SIDE,
        position__lte=position + SHOWN_EACH_SIDE,
    )
    if view_restrictions_exist():  # a private article is never named to readers (one more query)
        rows = rows.filter(article__in=ArticlePage.objects.published().values("pk"))
    return list(
        rows.select_related("story", "article")
        .only("position", "story__title", "story__slug", "story__size", "article__title",
              "article__url_path", "article__path", "article__depth", "article__published_at",
              "article__first_published_at", "article__last_published_at")
        .order_by("position")
    )  # fmt: skip


@provides("story_so_far", depends_on=("content", "discovery"))
def region(request: HttpRequest, page: Page) -> str:
    if not isinstance(page, ArticlePage) or page.pk is None:
        return ""
    rows = story_so_far(page)
    if len(rows) < 2:  # a story of one article, or none: nothing to follow
        return ""
    story = rows[0].story
    context = {"story": story, "rows": rows, "current": page.pk, "more": story.size > len(rows)}
    return render_to_string("stories/region.html", context, request=request)
