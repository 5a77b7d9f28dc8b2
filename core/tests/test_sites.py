"""The cached site lookup answers like Wagtail's own and forgets a changed site at once."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Site

from conftest import uncached_get
from core import pagecache
from news.models import HomePage

pytestmark = pytest.mark.django_db


def test_routing_uses_the_cached_site_and_root_page(client, article, django_assert_max_num_queries):
    client.get(article.url)
    with django_assert_max_num_queries(14):
        assert uncached_get(client, article.url).status_code == 200


def test_a_changed_root_page_is_seen_at_once(client, home, make_article, django_capture_on_commit_callbacks):
    pick = make_article("The editor's lead", hours_ago=10)
    make_article("Something newer", hours_ago=1)
    client.get("/")
    home.lead_article = pick
    with django_capture_on_commit_callbacks(execute=True):
        home.save_revision().publish()
    lead = BeautifulSoup(uncached_get(client, "/").content, "html.parser").select_one(".lead-story h2 a")
    assert lead.get_text() == "The editor's lead"


def test_a_changed_site_is_seen_at_once(client, home, article, django_capture_on_commit_callbacks):
    url = article.url
    client.get(url)
    other = (
        HomePage.objects.get(pk=home.pk)
        .get_parent()
        .add_child(instance=HomePage(title="Other", slug="other"))
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    pagecache.invalidate([url])
    assert client.get(url).status_code == 404
