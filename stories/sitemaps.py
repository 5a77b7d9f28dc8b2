"""The stories' sitemap file, ``/sitemap-stories.xml``, in the index news serves."""

from __future__ import annotations

from django.db.models import QuerySet

from news.sitemaps import CanonicalHostSitemap, provides_sitemap
from stories.models import Story


@provides_sitemap("stories")
class StorySitemap(CanonicalHostSitemap):
    """Story pages with at least two live articles (a story of one is no timeline)."""

    def items(self) -> QuerySet[Story]:
        return Story.objects.filter(size__gte=2).order_by("slug")

    def location(self, story: Story) -> str:
        return story.get_absolute_url()
