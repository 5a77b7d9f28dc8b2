"""RSS 2.0 and Atom feeds for the site and for each section, tag and author."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Generic, TypeVar
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed, SyndicationFeed
from taggit.models import Tag

from core.sites import absolute_url
from news.models import ArticleAuthor, ArticlePage, Author, Publication, SectionPage

FEED_SIZE = 30
FEED_TYPES = {"rss": Rss201rev2Feed, "atom": Atom1Feed}

# What a feed is about: nothing for the site-wide feed, else a section, tag or author here, or
# what another app narrows it to (stories: a story).
Subject = TypeVar("Subject")


class ArticleFeed(Feed, Generic[Subject]):
    """Site-wide feed; subclasses narrow it to a section, tag, author or (in other apps) a story."""

    description_template = None

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.feed_type = FEED_TYPES[kind]
        self.kind = kind

    def get_object(
        self, request: HttpRequest, *args: object, slug: str = "", **kwargs: object
    ) -> Subject | None:
        return None

    def get_feed(self, obj: Subject, request: HttpRequest) -> SyndicationFeed:
        # The other methods get no request, and the name and language are editable in the admin.
        self.publication = Publication.load(request_or_site=request)
        self.language = self.publication.language
        self.request_path = request.path
        return super().get_feed(obj, request)

    @property
    def site_name(self) -> str:
        return self.publication.name

    def title(self, obj: Subject) -> str:
        return self.site_name

    def link(self, obj: Subject) -> str:
        return absolute_url("/")

    def feed_url(self, obj: Subject) -> str:
        # Django would otherwise put the request's host on every URL, not the canonical one.
        return absolute_url(self.request_path)

    def description(self, obj: Subject) -> str:
        return f"Latest stories from {self.site_name}"

    def subtitle(self, obj: Subject) -> str:
        return self.description(obj)

    def narrow(self, queryset: QuerySet[ArticlePage], obj: Subject) -> QuerySet[ArticlePage]:
        return queryset

    def items(self, obj: Subject) -> list[ArticlePage]:
        authors = Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author"))
        indexable = ArticlePage.objects.published().filter(noindex=False)
        return list(self.narrow(indexable, obj).prefetch_related(authors, "tags")[:FEED_SIZE])

    def item_title(self, item: ArticlePage) -> str:
        return item.title

    def item_description(self, item: ArticlePage) -> str:
        return item.standfirst

    def item_link(self, item: ArticlePage) -> str:
        return absolute_url(urlsplit(item.url).path)

    def item_guid(self, item: ArticlePage) -> str:
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},2026:article:{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: ArticlePage) -> datetime:
        return item.dateline

    def item_updateddate(self, item: ArticlePage) -> datetime:
        return item.modified

    def item_author_name(self, item: ArticlePage) -> str:
        return ", ".join(link.author.name for link in item.author_links.all())

    def item_author_link(self, item: ArticlePage) -> str | None:
        links = item.author_links.all()
        return absolute_url(links[0].author.get_absolute_url()) if links else None

    def item_categories(self, item: ArticlePage) -> list[str]:
        return [tag.name for tag in item.tags.all()]


class SectionFeed(ArticleFeed[SectionPage]):
    def get_object(
        self, request: HttpRequest, *args: object, slug: str = "", **kwargs: object
    ) -> SectionPage:
        return get_object_or_404(SectionPage.objects.live(), slug=slug)

    def title(self, obj: SectionPage) -> str:
        return f"{obj.title} — {self.site_name}"

    def link(self, obj: SectionPage) -> str:
        return absolute_url(urlsplit(obj.url).path)

    def narrow(self, queryset: QuerySet[ArticlePage], obj: SectionPage) -> QuerySet[ArticlePage]:
        return queryset.child_of(obj)


class TagFeed(ArticleFeed[Tag]):
    def get_object(self, request: HttpRequest, *args: object, slug: str = "", **kwargs: object) -> Tag:
        return get_object_or_404(Tag, slug=slug)

    def title(self, obj: Tag) -> str:
        return f"Tagged “{obj.name}” — {self.site_name}"

    def link(self, obj: Tag) -> str:
        return absolute_url(reverse("news:tag", args=[obj.slug]))

    def narrow(self, queryset: QuerySet[ArticlePage], obj: Tag) -> QuerySet[ArticlePage]:
        return queryset.filter(tags=obj)


class AuthorFeed(ArticleFeed[Author]):
    def get_object(self, request: HttpRequest, *args: object, slug: str = "", **kwargs: object) -> Author:
        return get_object_or_404(Author, slug=slug)

    def title(self, obj: Author) -> str:
        return f"{obj.name} — {self.site_name}"

    def link(self, obj: Author) -> str:
        return absolute_url(obj.get_absolute_url())

    def narrow(self, queryset: QuerySet[ArticlePage], obj: Author) -> QuerySet[ArticlePage]:
        return queryset.filter(author_links__author=obj)


def feed_view(feed_class: type[ArticleFeed]) -> Callable[..., HttpResponse]:
    def view(request: HttpRequest, kind: str, **kwargs: str) -> HttpResponse:
        if kind not in FEED_TYPES:
            raise Http404("Unknown feed type.")
        return feed_class(kind)(request, **kwargs)

    return view
