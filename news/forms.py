"""Admin forms for pages: a page at the top of a site cannot take an address the site itself uses,
and a new article's byline starts with the signed-in writer."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Site


def reserved_top_level_slugs() -> set[str]:
    """First path segments answered by the site's own views (search, feeds, …), not by pages."""
    reserved: set[str] = set()

    def walk(patterns: list[URLPattern | URLResolver]) -> None:
        for pattern in patterns:
            route = str(pattern.pattern).lstrip("^")
            first = route.split("/", 1)[0]
            if first and first.replace("-", "").replace("_", "").isalnum():
                reserved.add(first)
            elif not first and isinstance(pattern, URLResolver):
                walk(pattern.url_patterns)

    walk(get_resolver().url_patterns)
    reserved.add(settings.STATIC_URL.strip("/").split("/")[0])  # served by WhiteNoise, not a view
    return reserved


class TopLevelPageForm(WagtailAdminPageForm):
    def clean(self) -> dict[str, Any]:
        cleaned_data = super().clean()
        slug = cleaned_data.get("slug")
        is_top_level = (
            self.parent_page is not None and Site.objects.filter(root_page=self.parent_page).exists()
        )
        if slug and is_top_level and slug in reserved_top_level_slugs():
            self.add_error(
                "slug",
                f"The address /{slug}/ is used by the site itself. Choose another slug, such as {slug}-news.",
            )
        return cleaned_data


class ArticlePageForm(WagtailAdminPageForm):
    def __init__(self, data=None, files=None, *args: Any, **kwargs: Any) -> None:
        article = kwargs.get("instance")
        writer = kwargs.get("for_user")
        if data is None and article is not None and article.pk is None and writer is not None:
            _byline_for(article, writer)
        super().__init__(data, files, *args, **kwargs)


def _byline_for(article: Any, writer: Any) -> None:
    """A new, unsaved article is bylined to the writer's author profile, when they have one."""
    from news.models import ArticleAuthor, Author

    profile = Author.objects.filter(user=writer).first()
    if profile is not None and not article.author_links.all():
        article.author_links = [ArticleAuthor(author=profile, sort_order=0)]
