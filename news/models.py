"""Page types, authors, tags and promo spots."""

from __future__ import annotations

from copy import copy
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.db.models.signals import post_delete, post_save
from django.http import Http404, HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject, cached_property
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail.url_routing import RouteResult

from core import fragments
from core.pagination import paginate
from core.shared import SharedValue
from news import archive
from news.blocks import ArticleBodyBlock, StandardBodyBlock, reading_minutes, word_count
from news.forms import ArticlePageForm, TopLevelPageForm
from news.panels import EditorSlot, ReadingTimePanel

LISTING_PAGE_SIZE = 12


@register_setting(icon="site")
class Publication(BaseGenericSetting):
    """Who publishes the site: used in metadata, feeds and the news sitemap."""

    name = models.CharField(max_length=120, default="Broadsheet")
    tagline = models.CharField(max_length=200, blank=True)
    language = models.CharField(max_length=10, default="en", help_text="ISO 639 code, e.g. en.")
    logo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldPanel("name"), FieldPanel("tagline"), FieldPanel("language"), FieldPanel("logo")]

    @classmethod
    def _get_or_create(cls) -> Publication:
        # Every page shows it and editors rarely change it: one shared-cache read, no query.
        return shared_publication.get()


shared_publication: SharedValue[Publication] = SharedValue(
    "news:publication",
    lambda: super(Publication, Publication)._get_or_create(),
    seconds=3600,
    retired_by=[(post_save, Publication)],
)


class Author(index.Indexed, models.Model):
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=120, unique=True)
    role = models.CharField(max_length=120, blank=True)
    bio = models.TextField(blank=True)
    photo = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="author_profile",
        help_text="The admin account of this author: their new articles carry this byline.",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("role"),
        FieldPanel("bio"),
        FieldPanel("photo"),
        FieldPanel("user"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("news:author", args=[self.slug])


# Filled by add, refilled after each commit: a reader that looked just before a restriction was
# committed must not overwrite the True stored after that commit. Short-lived as well.
shared_view_restrictions: SharedValue[bool] = SharedValue(
    "news:view-restrictions-exist",
    lambda: PageViewRestriction.objects.exists(),
    seconds=60,
    retired_by=[(post_save, PageViewRestriction), (post_delete, PageViewRestriction)],
    fill_by_add=True,
)


def view_restrictions_exist() -> bool:
    """Whether any page is private at all; most newsrooms have none."""
    return shared_view_restrictions.get()


class NewsPage(Page):
    """What every page type of the site shares: cheap privacy checks and routing."""

    class Meta:
        abstract = True

    def get_view_restrictions(self) -> models.QuerySet[PageViewRestriction]:
        # Wagtail checks the page and every ancestor (two queries) on each render.
        if not view_restrictions_exist():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def route_to_child(
        self, request: HttpRequest, path_components: list[str], child_type: type[Page]
    ) -> RouteResult:
        """Route through a child of a known type in one query, or none while the site's content is
        unchanged (core.fragments), else as Wagtail does (two queries per level)."""
        slug = path_components[0]
        child = fragments.remembered(
            request,
            "route",
            [self.pk, slug, child_type.__name__],
            ("content",),
            # Without the body: kept pages stay small, and a stored fragment never needs it.
            lambda: child_type.objects.child_of(self).filter(slug=slug).defer_streamfields().first(),
        )
        if child is None:
            return super().route(request, path_components)
        # The kept instance is shared by concurrent requests: never mutated (nor asked for its
        # cached ``specific``). A subtype (a live article) is read afresh, one more query.
        specific_class = child.specific_class
        child = copy(child) if specific_class is child_type else specific_class.objects.get(pk=child.pk)
        child._cached_parent_obj = self
        return child.route(request, path_components[1:])


class ArchivePage(NewsPage):
    """A page with date archives of its articles below it (news.archive)."""

    archive_template = "news/archive_page.html"

    @property
    def archive_heading(self) -> str:
        """What an archive page's heading names before the period."""
        return self.title

    class Meta:
        abstract = True

    def archive_articles(self) -> QuerySet:
        raise NotImplementedError

    def route_or_archive(
        self, request: HttpRequest, path_components: list[str], child_type: type[Page]
    ) -> RouteResult:
        """Route to a page below, or, when there is none at this address, to a date archive."""
        try:
            return self.route_to_child(request, path_components, child_type)
        except Http404:
            period = archive.Period.from_path(path_components)
            if period is None or not self.live:
                raise
        return RouteResult(self, kwargs={"period": archive.Period(period.year, period.month, self.url)})

    def get_template(
        self, request: HttpRequest, *args, period: archive.Period | None = None, **kwargs
    ) -> str:
        if period is not None:
            return self.archive_template
        return super().get_template(request, *args, **kwargs)

    def get_context(
        self, request: HttpRequest, *args, period: archive.Period | None = None, **kwargs
    ) -> dict:
        context = super().get_context(request, *args, **kwargs)
        if period is not None:
            context.update(
                archive.archive_context(request, self.archive_articles(), period, LISTING_PAGE_SIZE)
            )
        return context


class HomePage(ArchivePage):
    lead_article = models.ForeignKey(
        "news.ArticlePage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The lead story. Leave empty to lead with the newest article.",
    )
    content_panels = [*Page.content_panels, FieldPanel("lead_article")]
    subpage_types = ["news.SectionPage", "news.StandardPage"]
    max_count = 1

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        if path_components:
            return self.route_or_archive(request, path_components, SectionPage)
        return super().route(request, path_components)

    @property
    def archive_heading(self) -> str:
        return "Archive"

    def archive_articles(self) -> QuerySet:
        return ArticlePage.objects.published().descendant_of(self)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from news import listing

        context = super().get_context(request, *args, **kwargs)
        if "period" not in context:
            context.update(listing.home_context(self, request))
        return context


class SectionPage(ArchivePage):
    intro = models.TextField(blank=True, max_length=400)
    content_panels = [*Page.content_panels, FieldPanel("intro")]
    base_form_class = TopLevelPageForm
    parent_page_types = ["news.HomePage"]
    subpage_types = ["news.ArticlePage", "live.LiveArticlePage"]

    def route(self, request: HttpRequest, path_components: list[str]) -> RouteResult:
        if path_components:
            return self.route_or_archive(request, path_components, ArticlePage)
        return super().route(request, path_components)

    def archive_articles(self) -> QuerySet:
        return ArticlePage.objects.published().child_of(self)

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from news import listing

        context = super().get_context(request, *args, **kwargs)
        if "period" not in context:
            articles = self.archive_articles()
            context["articles"] = paginate(request, listing.front(articles), LISTING_PAGE_SIZE)
            # Read only when the stored fragment of the list is missing (news/section_page.html).
            context["archive_months"] = SimpleLazyObject(lambda: archive.months(articles, self.url))
        return context


class ArticleTag(TaggedItemBase):
    content_object = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items")


class ArticleAuthor(Orderable):
    article = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="author_links")
    author = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="article_links")
    panels = [FieldPanel("author")]


class RelatedArticle(Orderable):
    article = ParentalKey("news.ArticlePage", on_delete=models.CASCADE, related_name="related_links")
    related = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    panels = [FieldPanel("related")]


class ArticleQuerySet(PageQuerySet):
    """The article lists every app draws from; each keeps to its page's query budget."""

    def published(self) -> ArticleQuerySet:
        """Live, public articles, newest first, with only what a card needs."""
        return (
            self.live()
            .public()
            .order_by("-published_at", "-pk")
            .select_related("lead_image")
            .only("id", "title", "url_path", "path", "depth", "standfirst", "published_at",
                  "first_published_at", "last_published_at", "updated_at", "lead_image")
        )  # fmt: skip

    def recommendable(self) -> ArticleQuerySet:
        """Those Popular and More like this may list (not hidden from them by the editor)."""
        return self.filter(hide_from_recommendations=False)

    def for_newsletters(self) -> ArticleQuerySet:
        """Those newsletter digests may carry (not excluded from newsletters)."""
        return self.filter(exclude_from_newsletters=False)


ArticlePageManager = PageManager.from_queryset(ArticleQuerySet)


class ArticlePage(NewsPage):
    standfirst = models.TextField(max_length=300, help_text="The teaser under the headline.")
    published_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Shown in the dateline. Leave blank to use the moment the article goes live.",
    )
    updated_at = models.DateTimeField(
        null=True, blank=True, help_text="Set by 'substantive update'; shown as 'Updated'."
    )
    substantive_update = models.BooleanField(
        default=False,
        help_text="Tick when this edit changes the story (not a typo fix): publishing then "
        "shows 'Updated' with the time.",
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    lead_image_alt = models.CharField(
        "Lead image alt text",
        max_length=250,
        blank=True,
        help_text="What the picture shows, for readers who cannot see it, in this article. "
        "Leave empty only if it adds nothing to the text.",
    )
    lead_image_caption = models.CharField(max_length=300, blank=True)
    lead_image_credit = models.CharField(max_length=120, blank=True)
    body = StreamField(ArticleBodyBlock())
    word_count = models.PositiveIntegerField(default=0, editable=False)
    correction = models.TextField(blank=True, help_text="A correction note shown above the body.")
    tags = ClusterTaggableManager(through=ArticleTag, blank=True)
    comments_closed = models.BooleanField(
        default=False, help_text="Readers cannot comment. Moderators can also switch this in Comments."
    )
    featured_until = models.DateTimeField(
        null=True,
        blank=True,
        help_text="Pinned first on the home page and its section's front until then.",
    )
    hide_from_recommendations = models.BooleanField(
        "Hide from Popular and More like this",
        default=False,
        help_text="Readers still find it in its section, search and feeds.",
    )
    exclude_from_newsletters = models.BooleanField(default=False)
    noindex = models.BooleanField(
        "Ask search engines not to index it",
        default=False,
        help_text="Adds robots noindex and leaves it out of every sitemap and feed.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("standfirst"),
        # Next to the headline, where an editor making the change looks, not on a later tab.
        FieldPanel("substantive_update"),
        InlinePanel("author_links", label="Authors", min_num=1),
        MultiFieldPanel(
            [
                FieldPanel("lead_image"),
                FieldPanel("lead_image_alt"),
                FieldRowPanel([FieldPanel("lead_image_caption"), FieldPanel("lead_image_credit")]),
            ],
            heading="Lead image",
        ),
        FieldPanel("body"),
        ReadingTimePanel(heading="Length"),
        EditorSlot("article_draft"),  # quotes: the quotations found in the draft
        FieldPanel("correction"),
        FieldPanel("tags"),
        InlinePanel("related_links", label="Related articles (editor's picks)", max_num=6),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [
                FieldPanel("featured_until"),
                FieldPanel("hide_from_recommendations"),
                FieldPanel("exclude_from_newsletters"),
                FieldPanel("noindex"),
                FieldPanel("comments_closed"),
            ],
            heading="Where this article appears",
        ),
    ]
    settings_panels = [
        MultiFieldPanel(
            [FieldPanel("published_at"), FieldPanel("updated_at", read_only=True)],
            heading="Dateline",
        ),
        *Page.settings_panels,
    ]
    base_form_class = ArticlePageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("standfirst", boost=2),
        index.SearchField("body"),
        index.FilterField("published_at"),
    ]
    parent_page_types = ["news.SectionPage"]
    subpage_types: list[str] = []

    objects = ArticlePageManager()

    class Meta:
        indexes = [models.Index(fields=["published_at"])]

    def save(self, *args: object, **kwargs: object) -> None:
        # Stored so that no page view recounts the body; a partial save leaves the body alone.
        if kwargs.get("update_fields") is None:
            self.word_count = word_count(self.body)
        super().save(*args, **kwargs)

    def store_without_publishing(self, revision: Any, **changes: Any) -> None:
        """Change fields of the live page, and of ``revision`` that the next edit starts from,
        without publishing a new revision."""
        ArticlePage.objects.filter(pk=self.pk).update(**changes)
        for field, value in changes.items():
            setattr(self, field, value)
        if revision is not None:
            revision.content.update(
                {
                    field: value.isoformat() if hasattr(value, "isoformat") else value
                    for field, value in changes.items()
                }
            )
            revision.save(update_fields=["content"])

    @property
    def reading_minutes(self) -> int:
        return reading_minutes(self.word_count)

    @property
    def featured(self) -> bool:
        return bool(self.featured_until and self.featured_until > timezone.now())

    def clean(self) -> None:
        super().clean()
        if self.published_at and self.published_at > timezone.now() and not self.go_live_at:
            raise ValidationError(
                {
                    "published_at": "To publish in the future, "
                    "set 'Go-live date/time' under Publishing schedule."
                }
            )

    @property
    def dateline(self) -> datetime:
        """The publication time; never empty for a live article."""
        return self.published_at or self.first_published_at or self.last_published_at or timezone.now()

    @property
    def modified(self) -> datetime:
        return self.updated_at or self.dateline

    @property
    def fragment_version(self) -> str:
        """What the stored head metadata of the page depends on besides the site's generations."""
        return str(self.live_revision_id)

    def structured_data(self, data: dict) -> dict:
        """The page's schema.org description; a subtype (a live article) may extend it."""
        return data

    @cached_property
    def authors(self) -> list[Author]:
        return [link.author for link in self.author_links.select_related("author")]

    @cached_property
    def section(self) -> Page | None:
        return self.get_parent()

    def get_context(self, request: HttpRequest, *args, **kwargs) -> dict:
        from news import listing

        context = super().get_context(request, *args, **kwargs)
        context.update(listing.article_context(self))
        return context


class StandardPage(NewsPage):
    """About, Contact, Privacy and other plain pages."""

    intro = models.TextField(blank=True, max_length=400)
    body = StreamField(StandardBodyBlock(), blank=True)
    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    base_form_class = TopLevelPageForm
    search_fields = [*Page.search_fields, index.SearchField("body")]
    parent_page_types = ["news.HomePage"]
    subpage_types: list[str] = []


def running_promo(placement: str) -> PromoSpot | None:
    """The newest promo running now in this placement, from a cached list of all promos."""
    promos = shared_promos.get()
    now = timezone.now()
    return next(
        (
            promo
            for promo in promos
            if promo.placement == placement
            and promo.starts_at <= now
            and (promo.ends_at is None or promo.ends_at > now)
        ),
        None,
    )


class PromoSpot(models.Model):
    """A house promotion shown in a reserved, fixed-size slot and labelled as promoted."""

    class Placement(models.TextChoices):
        HOME = "home", "Home page"
        ARTICLE = "article", "Article page"

    placement = models.CharField(max_length=20, choices=Placement.choices)
    title = models.CharField(max_length=120)
    text = models.CharField(max_length=240)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_url = models.CharField(max_length=400, help_text="A path on this site or a full https:// address.")
    link_text = models.CharField(max_length=60, default="Find out more")
    starts_at = models.DateTimeField(default=timezone.now)
    ends_at = models.DateTimeField(null=True, blank=True)

    panels = [
        FieldPanel("placement"),
        FieldPanel("title"),
        FieldPanel("text"),
        FieldPanel("image"),
        FieldRowPanel([FieldPanel("link_url"), FieldPanel("link_text")]),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
    ]

    class Meta:
        ordering = ["-starts_at"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": "The end must come after the start."})
        if not (self.link_url.startswith("/") or self.link_url.startswith("https://")):
            raise ValidationError({"link_url": "Use a path starting with / or an https:// address."})


# Also retired after a bulk delete from a queryset, which never calls the model's delete().
shared_promos: SharedValue[list[PromoSpot]] = SharedValue(
    "news:promos",
    lambda: list(PromoSpot.objects.select_related("image")),
    seconds=300,
    retired_by=[(post_save, PromoSpot), (post_delete, PromoSpot)],
)
