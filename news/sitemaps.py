"""The sitemaps: an index at /sitemap.xml naming files of at most ``SITEMAP_URLS_PER_FILE``
addresses (sitemaps.org: 50 000) for every live, public page in the tree (but noindex articles),
every author and tag page with a live, public article, and what other apps register with
``provides_sitemap`` (quotes: every indexable speaker page; stories: every story page with two
live articles or more), on the canonical host."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.db.models import Max, Q, QuerySet
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Page, Site

from news.models import ArticleAuthor, ArticlePage, Author

SITEMAPS_ORG_MAX_URLS = 50_000
SITEMAPS: dict[str, type[Sitemap]] = {}  # file name -> sitemap, in the index's order


def provides_sitemap(name: str) -> Callable[[type[Sitemap]], type[Sitemap]]:
    """Register the decorated sitemap as ``/sitemap-<name>.xml``, listed by the index; other
    apps (quotes: ``speakers``) register theirs from a module their ``AppConfig.ready()`` imports."""

    def register(sitemap: type[Sitemap]) -> type[Sitemap]:
        if SITEMAPS.setdefault(name, sitemap) is not sitemap:
            raise ValueError(f"The sitemap {name!r} already has a provider.")
        return sitemap

    return register


class CanonicalHostSitemap(Sitemap):
    """Absolute URLs come from SITE_URL, not from whichever host the request used."""

    def __init__(self) -> None:
        # The sitemap view makes an instance per request, so a changed setting applies at once.
        self.limit = max(1, min(settings.SITEMAP_URLS_PER_FILE, SITEMAPS_ORG_MAX_URLS))

    def get_protocol(self, protocol: str | None = None) -> str:
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site: Site | None = None) -> str:
        return urlsplit(settings.SITE_URL).netloc


@provides_sitemap("pages")
class PageSitemap(CanonicalHostSitemap):
    def items(self) -> QuerySet[Page]:
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

    def lastmod(self, page: Page) -> datetime | None:
        return page.modified if isinstance(page, ArticlePage) else page.last_published_at


@provides_sitemap("authors")
class AuthorSitemap(CanonicalHostSitemap):
    def items(self) -> QuerySet[Author]:
        bylines = ArticleAuthor.objects.filter(
            article__in=ArticlePage.objects.published().order_by().values("pk")
        )
        return Author.objects.filter(pk__in=bylines.values("author")).order_by("slug")

    def location(self, author: Author) -> str:
        return author.get_absolute_url()


@provides_sitemap("tags")
class TagSitemap(CanonicalHostSitemap):
    def items(self) -> QuerySet[Tag]:
        published = Q(
            news_articletag_items__content_object__in=ArticlePage.objects.published().order_by().values("pk")
        )
        return (
            Tag.objects.annotate(
                latest=Max("news_articletag_items__content_object__published_at", filter=published)
            )
            .filter(latest__isnull=False)
            .order_by("slug")
        )

    def location(self, tag: Tag) -> str:
        return f"/tags/{tag.slug}/"

    def lastmod(self, tag: Tag) -> datetime:
        return tag.latest  # annotated by items()


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
