"""Live articles and their updates."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, PageChooserPanel
from wagtail.fields import StreamField

from news.blocks import RICH_TEXT_FEATURES, CaptionedImageBlock, ClickToLoadEmbedBlock
from news.models import ArticlePage, Author

UPDATES_SHOWN = 200  # a long election night; older updates stay in the database
UPDATES_IN_STRUCTURED_DATA = 20


class LiveUpdateBody(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="news/blocks/paragraph.html")
    image = CaptionedImageBlock()
    embed = ClickToLoadEmbedBlock()


class LiveArticlePage(ArticlePage):
    """An article whose page lists live updates while its coverage runs, and after."""

    coverage_ended_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Set when the coverage ends: readers' pages stop looking for new updates and the "
        "page reads as an ordinary article.",
    )

    content_panels = [*ArticlePage.content_panels, FieldPanel("coverage_ended_at")]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []
    template = "live/live_article_page.html"

    class Meta:
        verbose_name = "live article"

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        context = super().get_context(request, *args, **kwargs)
        context["live_poll_seconds"] = settings.LIVE_POLL_SECONDS
        return context

    @property
    def is_live(self) -> bool:
        return self.coverage_ended_at is None or self.coverage_ended_at > timezone.now()

    @cached_property
    def updates(self) -> list[LiveUpdate]:
        """The newest updates first, with their stored HTML: one query, whatever they hold."""
        return list(
            self.live_updates.select_related("author").order_by("-published_at", "-pk")[:UPDATES_SHOWN]
        )

    @property
    def key_events(self) -> list[LiveUpdate]:
        return [update for update in self.updates if update.key_event]

    @property
    def fragment_version(self) -> str:
        newest_change = max((update.changed_at for update in self.updates), default=None)
        return f"{self.live_revision_id}:{newest_change.timestamp() if newest_change else ''}:{self.is_live}"

    def structured_data(self, data: dict) -> dict:
        if not self.is_live:
            return data
        url = data["url"]
        return {
            **data,
            "@type": "LiveBlogPosting",
            "coverageStartTime": self.dateline.isoformat(),
            "liveBlogUpdate": [
                update.structured_data(url) for update in self.updates[:UPDATES_IN_STRUCTURED_DATA]
            ],
        }


class LiveUpdate(models.Model):
    """One timestamped update of a live article; its body is rendered once, when it is saved."""

    page = models.ForeignKey(LiveArticlePage, on_delete=models.CASCADE, related_name="live_updates")
    author = models.ForeignKey(Author, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    headline = models.CharField(max_length=160, blank=True)
    key_event = models.BooleanField(default=False, help_text="List it in the key events summary.")
    published_at = models.DateTimeField(default=timezone.now, db_index=True)
    body = StreamField(LiveUpdateBody())
    html = models.TextField(editable=False, default="")
    changed_at = models.DateTimeField(auto_now=True)

    panels = [
        PageChooserPanel("page", page_type="live.LiveArticlePage"),
        MultiFieldPanel([FieldPanel("headline"), FieldPanel("key_event"), FieldPanel("published_at")]),
        FieldPanel("author"),
        FieldPanel("body"),
    ]

    class Meta:
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return self.headline or Truncator(self.text).words(8)

    def save(self, *args: object, **kwargs: object) -> None:
        # Rendered here, in the editor's request, so a reader's page only reads stored HTML.
        self.html = render_to_string("live/update_body.html", {"update": self})
        super().save(*args, **kwargs)

    @property
    def anchor(self) -> str:
        return f"update-{self.pk}"

    @property
    def text(self) -> str:
        return " ".join(strip_tags(self.html).split())

    def as_json(self) -> dict:
        return {
            "id": self.pk,
            "anchor": self.anchor,
            "published": self.published_at.isoformat(),
            "changed": int(self.changed_at.timestamp()),
            "headline": self.headline,
            "key_event": self.key_event,
            "author": self.author.name if self.author else "",
            "html": self.html,
            # The same markup as the page's own list, so the reader's script only inserts it.
            "item": render_to_string("live/update.html", {"update": self}),
        }

    def structured_data(self, page_url: str) -> dict:
        return {
            "@type": "BlogPosting",
            "headline": (self.headline or Truncator(self.text).chars(110))[:110],
            "datePublished": self.published_at.isoformat(),
            "dateModified": self.changed_at.isoformat(),
            "url": f"{page_url}#{self.anchor}",
            "articleBody": self.text,
            **({"author": {"@type": "Person", "name": self.author.name}} if self.author else {}),
        }


def updates_url(page: LiveArticlePage) -> str:
    return reverse("live:updates", args=[page.pk])
