"""RSS and Atom feeds of a speaker's quotations."""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.feedgenerator import SyndicationFeed
from django.utils.text import Truncator

from core.sites import absolute_url
from news.feeds import FEED_SIZE, FEED_TYPES
from news.models import Publication
from quotes.models import Quotation, Speaker
from quotes.views import public_speaker, quotations_of


class SpeakerFeed(Feed):
    description_template = None

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.feed_type = FEED_TYPES[kind]

    def get_object(self, request: HttpRequest, *args: object, slug: str = "", **kwargs: object) -> Speaker:
        return public_speaker(slug)

    def get_feed(self, obj: Speaker, request: HttpRequest) -> SyndicationFeed:
        self.publication = Publication.load(request_or_site=request)
        self.language = self.publication.language
        self.request_path = request.path
        return super().get_feed(obj, request)

    def title(self, obj: Speaker) -> str:
        return f"{obj.name}, quoted — {self.publication.name}"

    def link(self, obj: Speaker) -> str:
        return absolute_url(obj.get_absolute_url())

    def feed_url(self, obj: Speaker) -> str:
        return absolute_url(self.request_path)

    def description(self, obj: Speaker) -> str:
        return f"What {obj.name} was quoted saying in {self.publication.name}"

    def items(self, obj: Speaker) -> list[Quotation]:
        return list(quotations_of(obj)[:FEED_SIZE])

    def item_title(self, item: Quotation) -> str:
        return Truncator(f"“{item.text}”").words(16, truncate="…”")

    def item_description(self, item: Quotation) -> str:
        return f"“{item.text}” — in {item.article.title}"

    def item_link(self, item: Quotation) -> str:
        return absolute_url(f"{urlsplit(item.article.url).path}#{item.anchor}")

    def item_guid(self, item: Quotation) -> str:
        host = urlsplit(settings.SITE_URL).hostname or "localhost"
        return f"tag:{host},2026:quotation:{item.article_id}:{item.order}"

    item_guid_is_permalink = False

    def item_pubdate(self, item: Quotation) -> datetime:
        return item.article.dateline


def speaker_feed(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    if kind not in FEED_TYPES:
        raise Http404("Unknown feed type.")
    return SpeakerFeed(kind)(request, slug=slug)
