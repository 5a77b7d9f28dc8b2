"""The Popular region of the article page, and the view beacon it carries."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page

from core.regions import provides
from news.api import recommendable
from news.models import ArticlePage
from popular.models import PopularEntry

SHOWN = 4


def popular_context(page: ArticlePage) -> dict:
    """Most read in the page's section when that list is long enough, else site-wide; one query."""
    section_path = page.path[: -ArticlePage.steplen]
    rows = (
        PopularEntry.objects.filter(
            Q(section__isnull=True) | Q(section__path=section_path), recommendable("article")
        )
        .exclude(article_id=page.pk)
        .select_related("section", "article", "article__lead_image")
        .defer("article__body")
        .order_by("rank")
    )
    in_section = [row for row in rows if row.section_id is not None]
    site_wide = [row for row in rows if row.section_id is None]
    if len(in_section) >= SHOWN:
        return {"heading": f"Most read in {in_section[0].section.title}", "items": in_section[:SHOWN]}
    if site_wide and site_wide[0].most_read:
        return {"heading": "Most read", "items": site_wide[:SHOWN]}
    return {"heading": "Latest stories", "items": site_wide[:SHOWN]}


@provides("popular", depends_on=("content", "discovery"))
def popular(request: HttpRequest, page: Page) -> str:
    if not isinstance(page, ArticlePage) or page.pk is None:
        return ""
    context = popular_context(page)
    context["items"] = [row.article for row in context["items"]]
    context.update(page=page, count_view=not getattr(request, "is_preview", False) and page.live)
    return render_to_string("popular/region.html", context, request=request)
