"""The JSON shapes of the API, after Wagtail's API v2: ``id``, a ``meta`` object with the type and
addresses, then the fields. Absolute addresses come from ``SITE_URL``."""

from __future__ import annotations

from datetime import datetime
from functools import cache
from typing import Any

from django.urls import reverse
from django.utils import timezone
from taggit.models import Tag
from wagtail.blocks import StreamValue
from wagtail.images.models import AbstractImage, Filter
from wagtail.rich_text import expand_db_html

from contentapi.queries import RENDITION_SPECS
from core.sites import absolute_url
from news.models import ArticlePage, Author, SectionPage

JSON = dict[str, Any]
# Built once: a Filter parses its spec on first use and keeps the result, so every image shares it.
RENDITION_FILTERS = tuple(Filter(spec=spec) for spec in RENDITION_SPECS)


def _when(moment: datetime | None) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


PLACEHOLDER = "__arg__"  # a valid slug and id-shaped string, and in no route's own text


@cache
def _path_around(route: str) -> tuple[str, str]:
    """What comes before and after the one argument of a route's path (one ``reverse`` per route,
    not one per item: a listing names hundreds of addresses)."""
    before, _, after = reverse(route, args=[PLACEHOLDER]).partition(PLACEHOLDER)
    return before, after


def _path(route: str, arg: object) -> str:
    before, after = _path_around(route)
    return f"{before}{arg}{after}"


def _meta(kind: str, route: str, pk: int, html_path: str | None = None, **more: Any) -> JSON:
    meta: JSON = {"type": kind, "detail_url": absolute_url(_path(f"contentapi:{route}", pk))}
    if html_path is not None:
        meta["html_url"] = absolute_url(html_path)
    return {**meta, **more}


def image(picture: AbstractImage) -> JSON:
    renditions = picture.get_renditions(*RENDITION_FILTERS)
    return {
        "id": picture.pk,
        "meta": _meta("wagtailimages.Image", "image", picture.pk),
        "title": picture.title,
        "alt": picture.default_alt_text,
        "width": picture.width,
        "height": picture.height,
        "renditions": [
            {
                "filter": spec,
                "url": rendition.full_url,
                "width": rendition.width,
                "height": rendition.height,
            }
            for spec, rendition in renditions.items()
        ],
    }


def _image_without_link(picture: AbstractImage) -> JSON:
    """Body images and author photos: shown in full where they are used, not listed on their own."""
    shown = image(picture)
    del shown["meta"]
    return shown


def section(page: SectionPage, article_count: int | None = None) -> JSON:
    shown = {
        "id": page.pk,
        "meta": _meta("news.SectionPage", "section", page.pk, page.url, slug=page.slug),
        "title": page.title,
    }
    if article_count is not None:
        shown.update(intro=page.intro, article_count=article_count)
    return shown


def tag(item: Tag, article_count: int | None = None) -> JSON:
    shown = {
        "id": item.pk,
        "meta": _meta("taggit.Tag", "tag", item.pk, _path("news:tag", item.slug), slug=item.slug),
        "name": item.name,
    }
    if article_count is not None:
        shown["article_count"] = article_count
    return shown


def author(person: Author, article_count: int | None = None) -> JSON:
    shown = {
        "id": person.pk,
        "meta": _meta(
            "news.Author", "author", person.pk, _path("news:author", person.slug), slug=person.slug
        ),
        "name": person.name,
    }
    if article_count is not None:
        shown.update(
            role=person.role,
            bio=person.bio,
            photo=_image_without_link(person.photo) if person.photo else None,
            article_count=article_count,
        )
    return shown


def byline(names: list[str]) -> str:
    """As the article page prints it: "A", "A and B", "A, B and C"."""
    if len(names) < 2:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def article_summary(page: ArticlePage, sections_by_path: dict[str, SectionPage]) -> JSON:
    """What an article listing shows of each article."""
    people = [link.author for link in page.author_links.all()]
    parent = sections_by_path.get(page.path[: -page.steplen])
    lead = page.lead_image
    return {
        "id": page.pk,
        "meta": _meta(
            "news.ArticlePage",
            "article",
            page.pk,
            page.url,
            slug=page.slug,
            first_published_at=_when(page.first_published_at),
        ),
        "title": page.title,
        "standfirst": page.standfirst,
        "published_at": _when(page.dateline),
        "updated_at": _when(page.updated_at),
        "canonical_url": absolute_url(page.url),
        "section": section(parent) if parent else None,
        "authors": [author(person) for person in people],
        "byline": byline([person.name for person in people]),
        "tags": [tag(item.tag) for item in page.tagged_items.all()],
        "lead_image": {
            **image(lead),
            "caption": page.lead_image_caption,
            "credit": page.lead_image_credit,
        }
        if lead
        else None,
    }


def article(
    page: ArticlePage, sections_by_path: dict[str, SectionPage], comment_count: int, quotes: list[JSON]
) -> JSON:
    """The full article: the summary plus the body, as blocks and as the site's HTML, and who said
    what in it."""
    shown = article_summary(page, sections_by_path)
    shown["meta"]["last_published_at"] = _when(page.last_published_at)
    shown.update(
        correction=page.correction,
        body=body_blocks(page.body),
        body_html="".join(block.render_as_block() for block in page.body),
        comment_count=comment_count,
        quotes=quotes,
    )
    return shown


def body_blocks(body: StreamValue) -> list[JSON]:
    """Each block as ``{"type", "id", "value"}``; rich text as HTML, images with renditions."""
    return [{"type": block.block_type, "id": block.id, "value": _block_value(block)} for block in body]


def _block_value(block: StreamValue.StreamChild) -> Any:
    if block.block_type == "paragraph":
        return expand_db_html(block.value.source)
    if block.block_type == "image":
        picture = block.value["image"]
        return {
            "image": _image_without_link(picture) if picture else None,
            "alt_text": block.value["alt_text"] or (picture.default_alt_text if picture else ""),
            "caption": block.value["caption"],
            "credit": block.value["credit"],
        }
    return block.block.get_api_representation(block.value)
