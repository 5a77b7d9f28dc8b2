"""Which API addresses show a page: what a publication, withdrawal, move, deletion or privacy change
purges. The page cache and Varnish drop every query variant of a path at once, so one path
covers a listing with all its filters and offsets."""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import reverse
from wagtail.models import Page

from news.models import ArticleAuthor, ArticlePage, ArticleTag, SectionPage

LISTINGS = ("articles", "sections", "tags", "authors", "images")


def _paths(route: str, pks: QuerySet | list[int]) -> set[str]:
    return {reverse(f"contentapi:{route}", args=[pk]) for pk in pks}


def listing_paths() -> set[str]:
    return {reverse(f"contentapi:{listing}") for listing in LISTINGS}


def paths_showing_articles(articles: QuerySet) -> set[str]:
    """Each article's detail, every listing, and the details of its section, tags, authors and
    lead image (their article counts, or whether they are shown at all, follow its publication)."""
    rows = list(articles.values_list("pk", "path", "lead_image_id"))
    if not rows:
        return set()
    ids = [pk for pk, _path, _image in rows]
    parent_paths = {path[: -ArticlePage.steplen] for _pk, path, _image in rows}
    return {
        *listing_paths(),
        *_paths("article", ids),
        *_paths("section", Page.objects.filter(path__in=parent_paths).values_list("pk", flat=True)),
        *_paths("tag", ArticleTag.objects.filter(content_object__in=ids).values_list("tag_id", flat=True)),
        *_paths("author", ArticleAuthor.objects.filter(article__in=ids).values_list("author_id", flat=True)),
        *_paths("image", {image for _pk, _path, image in rows if image}),
    }


def paths_showing_sections(sections: QuerySet) -> set[str]:
    """A section's detail, the section listing and the article listing (its items name their
    section, and it filters by section)."""
    ids = list(sections.values_list("pk", flat=True))
    if not ids:
        return set()
    return {reverse("contentapi:sections"), reverse("contentapi:articles"), *_paths("section", ids)}


def paths_showing_pages_under(page: Page) -> list[str]:
    """API addresses showing the page or anything below it."""
    return sorted(
        paths_showing_articles(ArticlePage.objects.descendant_of(page, inclusive=True))
        | paths_showing_sections(SectionPage.objects.descendant_of(page, inclusive=True))
    )


def paths_showing_comments_of(article: ArticlePage) -> list[str]:
    """Only the article's detail shows its comment count."""
    return details_of_articles([article.pk])


def details_of_articles(article_ids: list[int]) -> list[str]:
    """The detail addresses of these articles: what shows their comment counts and quotations."""
    return sorted(_paths("article", article_ids))
