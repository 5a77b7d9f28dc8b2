"""The demo loader fills an empty site and is safe to run again."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from wagtail.models import Site

from conftest import uncached_get
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
    assert first["articles"] >= 40
    assert first["sections"] >= 5
    assert first["authors"] >= 8
    assert first["pages"] == 3
    assert first["promos"] == len(content.PROMOS)
    assert first["related"] > 0
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
    assert not ArticlePage.objects.filter(published_at__isnull=True).exists()
    assert ArticlePage.objects.filter(tagged_items__isnull=False).distinct().count() == first["articles"]

    call_command("load_demo", "--skip-renditions", verbosity=0)
    assert counts() == first

    for path in ("/", "/about/", "/contact/", "/privacy/", "/politics/"):
        assert client.get(path).status_code == 200, path
    for section in SectionPage.objects.live():  # no section hidden behind one of the site's own views
        assert uncached_get(client, section.url).context["page"] == section, section.url


def test_make_run_prepares_the_site_and_leaves_the_image_sizes_to_the_worker_newest_first(
    settings, tmp_path, monkeypatch
):
    from django.contrib.auth import get_user_model
    from django_tasks import task_backends
    from wagtail.images.models import Rendition

    from demo.tasks import generate_renditions
    from news.renditions import article_image_specs

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    call_command("prepare_demo_site", verbosity=0)
    assert get_user_model().objects.filter(is_superuser=True).exists()
    assert (tmp_path / "admin_password").exists()
    assert not Rendition.objects.exists()
    queued = [r for r in task_backends["default"].results if r.task.func is generate_renditions.func]
    lead_ids, specs = queued[0].args
    newest = ArticlePage.objects.live().order_by("-published_at").values_list("lead_image_id", flat=True)
    assert lead_ids == list(newest)
    assert specs == article_image_specs()
    assert len(queued) == 2  # the lead images, then the authors' portraits

    assert generate_renditions.call(lead_ids[:1], specs[:2]) == 1
    assert Rendition.objects.filter(image_id=lead_ids[0]).count() == 2
