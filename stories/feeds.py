"""RSS and Atom feeds of a story: its articles, newest first."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse

from core.sites import absolute_url
from news.feeds import FEED_TYPES, ArticleFeed
from news.models import ArticlePage
from stories.models import Membership, Story
from stories.views import public_story


class StoryFeed(ArticleFeed[Story]):
    def get_object(self, request: HttpRequest, *args: object, slug: str = "", **kwargs: object) -> Story:
        return public_story(slug)

    def title(self, obj: Story) -> str:
        return f"{obj.title} — {self.site_name}"

    def link(self, obj: Story) -> str:
        return absolute_url(obj.get_absolute_url())

    def description(self, obj: Story) -> str:
        return f"The story “{obj.title}” as it develops, from {self.site_name}"

    def narrow(self, queryset: QuerySet[ArticlePage], obj: Story) -> QuerySet[ArticlePage]:
        return queryset.filter(pk__in=Membership.objects.filter(story=obj).values("article_id"))


def story_feed(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    if kind not in FEED_TYPES:
        raise Http404("Unknown feed type.")
    return StoryFeed(kind)(request, slug=slug)
