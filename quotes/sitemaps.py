"""The speakers' sitemap file, ``/sitemap-speakers.xml``, in the index news serves."""

from __future__ import annotations

from django.db.models import QuerySet

from news.sitemaps import CanonicalHostSitemap, provides_sitemap
from quotes.models import Speaker


@provides_sitemap("speakers")
class SpeakerSitemap(CanonicalHostSitemap):
    """Speaker pages that are public, indexable and quote someone in a live article."""

    def items(self) -> QuerySet[Speaker]:
        return (
            Speaker.objects.filter(hidden=False, noindex=False, quotations__article__live=True)
            .distinct()
            .order_by("slug")
        )

    def location(self, speaker: Speaker) -> str:
        return speaker.get_absolute_url()
