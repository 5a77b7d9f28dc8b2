"""Fronts' order, the section menu and the context of listing pages and the article page, within
a query budget; the article query itself is ``ArticlePage.objects.published()``."""

from __future__ import annotations

from django.db.models import BooleanField, Case, F, OrderBy, QuerySet, Value, When, Window
from django.db.models.functions import RowNumber, Substr
from django.http import HttpRequest
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.pagination import paginate
from core.shared import SharedValue
from news import models

TEASER_WORDS = 28
SECTION_BLOCK_SIZE = 4


def featured_first() -> OrderBy:
    """Articles featured until a time still to come lead a front; the rest follow, newest first.
    A front in the page cache shows an expired feature until it is next rendered."""
    featured = Case(
        When(featured_until__gt=timezone.now(), then=Value(True)),
        default=Value(False),
        output_field=BooleanField(),
    )
    return featured.desc()


def front(queryset: QuerySet) -> QuerySet:
    """A front's order: featured articles first, then newest first."""
    return queryset.order_by(featured_first(), "-published_at", "-pk")


def _menu_sections() -> list[tuple[str, str]]:
    live = models.SectionPage.objects.live().in_menu().order_by("path")
    return [(section.title, section.url) for section in live.only("id", "title", "url_path")]


# Wagtail sends the page signals with the specific class as the sender.
nav_sections: SharedValue[list[tuple[str, str]]] = SharedValue(
    "news:nav-sections",
    _menu_sections,
    seconds=3600,
    retired_by=[
        (signal, models.SectionPage) for signal in (page_published, page_unpublished, post_page_move)
    ],
)


def teaser(article: models.ArticlePage, words: int = TEASER_WORDS) -> str:
    """The first words of the standfirst (or body), cut at a word boundary with an ellipsis."""
    text = article.standfirst
    if not text:
        text = next(
            (strip_tags(str(block.value)) for block in article.body if block.block_type == "paragraph"), ""
        )
    return Truncator(" ".join(text.split())).words(words, truncate="…")


def home_context(home: models.HomePage, request: HttpRequest) -> dict:
    latest = front(models.ArticlePage.objects.published().descendant_of(home))
    lead = None
    if home.lead_article_id:
        lead = latest.filter(pk=home.lead_article_id).first()
    lead = lead or latest.first()
    section_path_length = len(home.path) + models.ArticlePage.steplen
    ranked = latest.annotate(
        section_path=Substr("path", 1, section_path_length),
        rank=Window(RowNumber(), partition_by=Substr("path", 1, section_path_length),
                    order_by=[featured_first(), F("published_at").desc(), F("pk").desc()]),
    ).filter(rank__lte=SECTION_BLOCK_SIZE)  # fmt: skip
    by_section: dict[str, list] = {}
    for article in ranked:
        by_section.setdefault(article.section_path, []).append(article)
    sections = [
        (section, by_section.get(section.path, []))
        for section in models.SectionPage.objects.child_of(home).live().in_menu().order_by("path")
    ]
    return {
        "lead": lead,
        "section_blocks": [(section, items) for section, items in sections if items],
        "latest": paginate(request, latest.exclude(pk=lead.pk) if lead else latest, 10),
        "promo": models.running_promo(models.PromoSpot.Placement.HOME),
    }


def article_context(article: models.ArticlePage) -> dict:
    """Lazy where it queries: a stored fragment of the page (core.fragments) skips the queries."""

    def related() -> list[models.ArticlePage]:
        links = article.related_links.select_related("related", "related__lead_image")
        return [link.related for link in links if link.related.live]

    return {
        "section": SimpleLazyObject(lambda: article.section),
        "tags": SimpleLazyObject(lambda: list(article.tags.all())),
        "related": SimpleLazyObject(related),
        "promo": models.running_promo(models.PromoSpot.Placement.ARTICLE),
    }
