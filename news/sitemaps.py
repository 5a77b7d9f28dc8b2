"""sitemap.xml: every live page in the tree (but noindex articles) plus author and tag pages,
on the canonical host."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max
from taggit.models import Tag
from wagtail.models import Page, Site

from news.models import ArticlePage, Author


class CanonicalHostSitemap(Sitemap):
    """Absolute URLs come from SITE_URL, not from whichever host the request used."""

    limit = 5000

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
        return Author.objects.filter(article_links__article__live=True).distinct().order_by("slug")

    def location(self, author: Author) -> str:
        return author.get_absolute_url()


class TagSitemap(CanonicalHostSitemap):
    def items(self):  # type: ignore[no-untyped-def]
        return (
            Tag.objects.filter(news_articletag_items__content_object__live=True)
            .annotate(latest=Max("news_articletag_items__content_object__published_at"))
            .order_by("slug")
        )

    def location(self, tag: Tag) -> str:
        return f"/tags/{tag.slug}/"

    def lastmod(self, tag: Tag):  # type: ignore[no-untyped-def]
        return tag.latest


SITEMAPS = {"pages": PageSitemap, "authors": AuthorSitemap, "tags": TagSitemap}
