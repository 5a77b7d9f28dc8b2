"""What the API may show, fetched at a fixed number of queries however many items it lists."""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import Substr
from taggit.models import Tag
from wagtail.images import get_image_model

from contentapi.params import ApiError, ArticleFilters
from news.api import published_articles
from news.models import ArticleAuthor, ArticleTag, Author, SectionPage

# The sizes the site's pages already generate for lead and body images (news.renditions).
RENDITION_SPECS = tuple(f"format-{fmt}|width-{width}" for width in (480, 800) for fmt in ("webp", "jpeg"))
LISTED_ARTICLE_FIELDS = (
    "id", "title", "slug", "url_path", "path", "depth", "standfirst", "published_at",
    "first_published_at", "last_published_at", "updated_at", "lead_image",
    "lead_image_caption", "lead_image_credit",
)  # fmt: skip


def _renditions() -> QuerySet:
    return get_image_model().get_rendition_model().objects.filter(filter_spec__in=RENDITION_SPECS)


def articles(filters: ArticleFilters | None = None) -> QuerySet:
    """Live, public articles, newest first, with their authors, tags and lead image renditions."""
    queryset = (
        published_articles()
        .only(*LISTED_ARTICLE_FIELDS)
        .prefetch_related(
            Prefetch("author_links", queryset=ArticleAuthor.objects.select_related("author")),
            Prefetch("tagged_items", queryset=ArticleTag.objects.select_related("tag").order_by("tag__name")),
            Prefetch("lead_image__renditions", queryset=_renditions()),
        )
    )
    filters = filters or ArticleFilters()
    # An id that names nothing is refused rather than answered with an empty list: every
    # answer is stored, and the ids that exist bound how many lists there can be.
    if filters.section:
        section = sections().filter(pk=filters.section).first()
        if section is None:
            raise ApiError(f"section: no published section has the id {filters.section}.")
        queryset = queryset.child_of(section)
    if filters.tag:
        if not Tag.objects.filter(pk=filters.tag).exists():
            raise ApiError(f"tag: no tag has the id {filters.tag}.")
        tagged = ArticleTag.objects.filter(tag_id=filters.tag)
        queryset = queryset.filter(pk__in=tagged.values("content_object"))
    if filters.author:
        if not Author.objects.filter(pk=filters.author).exists():
            raise ApiError(f"author: no author has the id {filters.author}.")
        bylined = ArticleAuthor.objects.filter(author_id=filters.author)
        queryset = queryset.filter(pk__in=bylined.values("article"))
    if filters.date_from:
        queryset = queryset.filter(published_at__gte=filters.date_from)
    if filters.date_to:
        queryset = queryset.filter(published_at__lt=filters.date_to)
    return queryset


def full_articles() -> QuerySet:
    """Live, public articles with every field (the body too), for the full representation."""
    return articles().defer(None)


def sections() -> QuerySet:
    return (
        SectionPage.objects.live()
        .public()
        .order_by("path")
        .only("id", "title", "slug", "url_path", "path", "depth", "intro", "first_published_at")
    )


def section_article_counts(section_list: list[SectionPage]) -> dict[str, int]:
    """Live, public articles per section path, in one query (sections all sit at one depth)."""
    lengths = {len(section.path) for section in section_list}
    counts: dict[str, int] = {}
    for length in lengths:
        grouped = (
            published_articles()
            .order_by()
            .annotate(section_path=Substr("path", 1, length))
            .values("section_path")
            .annotate(count=Count("pk"))
        )
        counts.update({row["section_path"]: row["count"] for row in grouped})
    return counts


def _used_by_published(relation: str) -> Q:
    return Q(**{f"{relation}__in": published_articles().order_by().values("pk")})


def tags() -> QuerySet:
    """Tags on at least one live, public article, with how many, by name."""
    uses = "news_articletag_items"
    return (
        Tag.objects.annotate(article_count=Count(uses, filter=_used_by_published(f"{uses}__content_object")))
        .filter(article_count__gt=0)
        .order_by("name", "pk")
    )


def authors() -> QuerySet:
    """Authors of at least one live, public article, with how many, by name."""
    return (
        Author.objects.select_related("photo")
        .prefetch_related(Prefetch("photo__renditions", queryset=_renditions()))
        .annotate(article_count=Count("article_links", filter=_used_by_published("article_links__article")))
        .filter(article_count__gt=0)
        .order_by("name", "pk")
    )


def images() -> QuerySet:
    """Lead images of live, public articles, newest upload first."""
    lead_images = published_articles().order_by().filter(lead_image__isnull=False).values("lead_image")
    return (
        get_image_model()
        .objects.filter(pk__in=lead_images)
        .prefetch_related(Prefetch("renditions", queryset=_renditions()))
        .order_by("-created_at", "-pk")
    )
