"""What other apps may use from ``news``."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from wagtail.models import Page, Site

from core import fragments
from core.tasks import purge_pages_after_commit
from news.archive import Period, in_period
from news.archive import purge_paths as archive_paths
from news.listing import teaser
from news.models import ArticlePage, ArticleQuerySet, HomePage
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
        urls += archive_paths(section.url, article.published_at)
        urls += archive_paths(section.get_parent().url, article.published_at)
    for tag in article.tags.all():
        urls += [reverse("news:tag", args=[tag.slug]), *_feeds("news:tag_feed", tag.slug)]
    for link in article.author_links.select_related("author"):
        urls += [link.author.get_absolute_url(), *_feeds("news:author_feed", link.author.slug)]
    return sorted({url for url in urls if url})


def nearest_archive(request: HttpRequest, year: str, month: str | None = None) -> str | None:
    """The address of the site's own date archive nearest a year or month (``"2024"``, ``"05"``):
    the month when it has articles, else its year; None when neither has or it names no period."""
    site = Site.find_for_request(request)
    home = site.root_page.specific if site else None
    asked = Period.from_path([year, month] if month else [year])
    if not isinstance(home, HomePage) or asked is None:
        return None
    articles = home.archive_articles()
    for period in dict.fromkeys((asked, asked.year_period)):
        if in_period(articles, period).exists():
            return home.url + period.path
    return None


def body_texts(article_ids: list[int]) -> dict[int, str]:
    """The searchable plain text of each article's body, in one query."""
    field = ArticlePage._meta.get_field("body")
    bodies = ArticlePage.objects.filter(pk__in=article_ids).only("pk", "body")
    return {article.pk: " ".join(field.get_searchable_content(article.body)) for article in bodies}


def recommendable(relation: str) -> Q:
    """Filter on a relation to an article: live and not hidden by its editor from Popular and
    More like this, e.g. ``recommendable("similar")`` for a model with a ``similar`` key."""
    return Q(**{f"{relation}__live": True, f"{relation}__hide_from_recommendations": False})


def published_articles() -> ArticleQuerySet:
    """Live, public articles, newest first; narrow with ``.recommendable()`` (Popular, More like
    this) or ``.for_newsletters()`` (digests)."""
    return ArticlePage.objects.published()


def set_comments_closed(article: ArticlePage, closed: bool) -> None:
    """Open or close comments at once, without a publication (the moderation screen's switch);
    the article editor shows the same flag and its next publication keeps it."""
    article.store_without_publishing(article.latest_revision, comments_closed=closed)
    fragments.bump_after_commit("content")  # the routed page kept in the cache holds the flag
    purge_pages_after_commit([article.url] if article.url else [])


__all__ = [
    "body_texts",
    "nearest_archive",
    "published_articles",
    "recommendable",
    "set_comments_closed",
    "teaser",
    "urls_showing_article",
    "urls_showing_page",
]
