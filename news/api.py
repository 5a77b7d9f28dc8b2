"""What other apps may use from ``news``."""

from __future__ import annotations

from django.urls import reverse
from wagtail.models import Page

from news.listing import articles as published_articles
from news.listing import teaser
from news.models import ArticlePage
from news.sitemaps import sitemap_paths

FEED_KINDS = ("rss", "atom")
SITE_WIDE_URLS = ("/", "/news-sitemap.xml", "/feeds/rss/", "/feeds/atom/")  # and every sitemap file


def _feeds(route: str, slug: str) -> list[str]:
    return [reverse(route, args=[slug, kind]) for kind in FEED_KINDS]


def urls_showing_page(page: Page) -> list[str]:
    """Paths whose content changes when a non-article page is published or withdrawn."""
    parent = page.get_parent()
    urls = (page.url, parent.url if parent else None, "/", *sitemap_paths("pages"))
    return sorted({url for url in urls if url})


def urls_showing_article(article: ArticlePage) -> list[str]:
    """Every path whose content changes when this article is published, edited or withdrawn."""
    urls = [article.url, *SITE_WIDE_URLS, *sitemap_paths()]
    section = article.get_parent()
    if section.url:
        urls += [section.url, *_feeds("news:section_feed", section.slug)]
    for tag in article.tags.all():
        urls += [reverse("news:tag", args=[tag.slug]), *_feeds("news:tag_feed", tag.slug)]
    for link in article.author_links.select_related("author"):
        urls += [link.author.get_absolute_url(), *_feeds("news:author_feed", link.author.slug)]
    return sorted({url for url in urls if url})


def body_texts(article_ids: list[int]) -> dict[int, str]:
    """The searchable plain text of each article's body, in one query."""
    field = ArticlePage._meta.get_field("body")
    bodies = ArticlePage.objects.filter(pk__in=article_ids).only("pk", "body")
    return {article.pk: " ".join(field.get_searchable_content(article.body)) for article in bodies}


__all__ = ["body_texts", "published_articles", "teaser", "urls_showing_article", "urls_showing_page"]
