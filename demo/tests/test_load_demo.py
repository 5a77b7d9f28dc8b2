"""The demo loader fills an empty site and is safe to run again."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.models import Site

from demo import content
from news.models import ArticlePage, Author, HomePage, PromoSpot, RelatedArticle, SectionPage, StandardPage

pytestmark = pytest.mark.django_db


def counts() -> dict[str, int]:
    return {
        "articles": ArticlePage.objects.live().count(),
        "sections": SectionPage.objects.live().count(),
        "authors": Author.objects.count(),
        "related": RelatedArticle.objects.count(),
        "pages": StandardPage.objects.live().count(),
        "promos": PromoSpot.objects.count(),
    }


def test_load_demo_builds_the_newsroom_and_is_idempotent(client):
    call_command("load_demo", "--skip-renditions", verbosity=0)
    first = counts()
    assert first["articles"] >= 40 and first["sections"] >= 5 and first["authors"] >= 8
    assert first["pages"] == 3 and first["promos"] == len(content.PROMOS) and first["related"] > 0
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert not ArticlePage.objects.filter(published_at__isnull=True).exists()
    assert ArticlePage.objects.filter(tagged_items__isnull=False).distinct().count() == first["articles"]

    call_command("load_demo", "--skip-renditions", verbosity=0)
    assert counts() == first

    for path in ("/", "/about/", "/contact/", "/privacy/", "/politics/"):
        assert client.get(path).status_code == 200, path
    for section in SectionPage.objects.live():  # no section hidden behind one of the site's own views
        assert client.get(section.url, {"fresh": 1}).context["page"] == section, section.url
