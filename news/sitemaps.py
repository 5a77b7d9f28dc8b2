"""The sitemaps: an index at /sitemap.xml naming files of at most ``SITEMAP_URLS_PER_FILE``
addresses (sitemaps.org: 50 000) for every live, public page in the tree (but noindex articles),
every author and tag page with a live, public article, every indexable speaker page and every story
page with two live articles or more, on the canonical host."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, Site

from news.listing import articles as published_articles
from news.models import ArticleAuthor, ArticlePage, Author
from quotes.models import Speaker
from stories.models import Story

SITEMAPS_ORG_MAX_URLS = 50_000


class CanonicalHostSitemap(Sitemap):
    """Absolute URLs come from SITE_URL, not from whichever host the request used."""

    @property
    def limit(self) -> int:  # type: ignore[override]
        return max(1, min(settings.SITEMAP_URLS_PER_FILE, SITEMAPS_ORG_MAX_URLS))

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None) -> str:  # type: ignore[no-untyped-def]
        return urlsplit(settings.SITE_URL).netloc


class PageSitemap(CanonicalHostSitemap):
    def items(self):  # type: ignore[no-untyped-def]
        # Only the canonical site's tree: a page outside it (such as Wagtail's initial
        # welcome page) has no URL on SITE_URL.
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        pages = site.root_page.get_descendants(inclusive=True)
        not_indexed = ArticlePage.objects.filter(noindex=True).values("pk")
        return pages.live().public().exclude(pk__in=not_indexed).order_by("path").specific()

    def location(self, page: Page) -> str:
        return urlsplit(page.url).path

    def lastmod(self, page: Page):  # type: ignore[no-untyped-def]
        return page.modified if isinstance(page, ArticlePage) else page.last_published_at


class AuthorSitemap(CanonicalHostSitemap):
    def items(self):  # type: ignore[no-untyped-def]
        bylines = ArticleAuthor.objects.filter(article__in=published_articles().order_by().values("pk"))
        return Author.objects.filter(pk__in=bylines.values("author")).order_by("slug")

    def location(self, author: Author) -> str:
        return author.get_absolute_url()


class TagSitemap(CanonicalHostSitemap):
    def items(self):  # type: ignore[no-untyped-def]
        published = Q(news_articletag_items__content_object__in=published_articles().order_by().values("pk"))
        return (
            Tag.objects.annotate(
                latest=Max("news_articletag_items__content_object__published_at", filter=published)
            )
            .filter(latest__isnull=False)
            .order_by("slug")
        )

    def location(self, tag: Tag) -> str:
        return f"/tags/{tag.slug}/"

    def lastmod(self, tag: Tag):  # type: ignore[no-untyped-def]
        return tag.latest


class SpeakerSitemap(CanonicalHostSitemap):
    """Speaker pages that are public, indexable and quote someone in a live article."""

    def items(self):  # type: ignore[no-untyped-def]
        return (
            Speaker.objects.filter(hidden=False, noindex=False, quotations__article__live=True)
            .distinct()
            .order_by("slug")
        )

    def location(self, speaker: Speaker) -> str:
        return speaker.get_absolute_url()


class StorySitemap(CanonicalHostSitemap):
    """Story pages with at least two live articles (a story of one is no timeline)."""

    def items(self):  # type: ignore[no-untyped-def]
        return Story.objects.filter(size__gte=2).order_by("slug")

    def location(self, story: Story) -> str:
        return story.get_absolute_url()

    def lastmod(self, story: Story):  # type: ignore[no-untyped-def]
        return story.updated_at


SITEMAPS = {
    "pages": PageSitemap,
    "authors": AuthorSitemap,
    "tags": TagSitemap,
    "speakers": SpeakerSitemap,
    "stories": StorySitemap,
}


def sitemap_files() -> list[str]:
    """The path of every sitemap file, as the index lists them: ``?p=N`` from the second page on.
    A sitemap with nothing to list (no speaker quoted yet) is left out of the index."""
    files = []
    for name, sitemap in SITEMAPS.items():
        path = reverse("news:sitemap_file", args=[name])
        paginator = sitemap().paginator
        if paginator.count:
            files += [path, *(f"{path}?p={number}" for number in range(2, paginator.num_pages + 1))]
    return files


def sitemap_paths(*names: str) -> list[str]:
    """The index and the named files (all by default): what to purge when what they list changes.
    Each path covers all its ``?p=N`` pages."""
    return [
        reverse("news:sitemap"),
        *(reverse("news:sitemap_file", args=[name]) for name in names or SITEMAPS),
    ]
