"""What readers see: the article's Who said what region, speaker pages, feeds and the sitemap."""

from __future__ import annotations

import json
import re

import pytest
from bs4 import BeautifulSoup
from django.http import HttpResponse

from conftest import uncached_get
from core import fragments
from quotes import editing
from quotes.models import Speaker
from quotes.regions import region

pytestmark = pytest.mark.django_db
SPEAKER_PAGE_BUDGET = 4


def soup(response: HttpResponse) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_region_lists_each_speaker_with_links_to_the_body(publish_quoted, client):
    article = publish_quoted()
    page = soup(client.get(article.url))
    section = page.select_one(".region--who-said-what")
    names = [dt.get_text(strip=True) for dt in section.select("dt")]
    assert names == ["Olwen Pryce", "Unnamed sources", "Amos Tendai"]
    links = [a["href"] for a in section.select("dd a")]
    assert links == ["#body-1", "#body-2", "#body-3"]
    for href in links:
        assert page.select_one(href) is not None  # the anchor exists in the body
    assert section.select_one("dt a")["href"] == "/people/olwen-pryce/"


def test_region_costs_one_query(publish_quoted, rf, django_assert_num_queries):
    article = publish_quoted()
    with django_assert_num_queries(1):
        html = region(rf.get(article.url), article)
    assert "Who said what" in html


def test_an_article_without_quotations_has_no_region(make_article, client):
    article = make_article(body=[{"type": "paragraph", "value": "<p>The council met.</p>"}])
    assert b"Who said what" not in client.get(article.url).content


def test_speaker_page_lists_quotations_newest_first_within_its_query_budget(
    publish_quoted, client, django_assert_max_num_queries
):
    publish_quoted("Older story", hours_ago=5)
    publish_quoted("Newer story", hours_ago=1)
    url = "/people/olwen-pryce/"
    client.get(url)
    for generation in fragments.GENERATIONS:
        fragments.bump(generation)
    with django_assert_max_num_queries(SPEAKER_PAGE_BUDGET):
        response = uncached_get(client, url)
    page = soup(response)
    titles = [a.get_text() for a in page.select(".speaker-quotes li p a")]
    assert titles == ["Newer story", "Older story"]
    assert page.select_one(".speaker-quotes a")["href"].endswith("#body-1")
    data = json.loads(page.select_one('script[type="application/ld+json"]').string)
    assert data["@type"] == "Person"
    assert data["name"] == "Olwen Pryce"
    assert page.select_one('meta[name="robots"][content="noindex"]') is not None  # quoted in 2 < 3 articles


@pytest.mark.parametrize("number", ["0", "2", "x", "999999999"])
def test_a_page_number_that_does_not_exist_is_a_404(publish_quoted, client, number):
    publish_quoted()
    assert client.get("/people/olwen-pryce/", {"page": number}).status_code == 404


def test_hidden_speakers_have_no_page_or_feed(publish_quoted, client):
    publish_quoted()
    speaker = Speaker.objects.get(name="Olwen Pryce")
    editing.set_visibility(speaker, hidden=True, noindex=True)
    assert client.get("/people/olwen-pryce/").status_code == 404
    assert client.get("/people/olwen-pryce/feed/rss/").status_code == 404
    article_page = uncached_get(client, Speaker.objects.get(pk=speaker.pk).quotations.first().article.url)
    assert b'href="/people/olwen-pryce/"' not in article_page.content


def test_rss_and_atom_feeds(publish_quoted, client):
    publish_quoted()
    rss = client.get("/people/olwen-pryce/feed/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    assert "We cannot keep the channel open" in rss.content.decode()
    atom = client.get("/people/olwen-pryce/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert re.search(r"<link [^>]*#body-1", atom.content.decode())
    assert client.get("/people/olwen-pryce/feed/json/").status_code == 404


def test_sitemap_lists_indexable_speakers_only(publish_quoted, client, settings):
    settings.QUOTES_INDEX_AFTER_ARTICLES = 1
    publish_quoted()
    assert "/sitemap-speakers.xml" in client.get("/sitemap.xml").content.decode()
    sitemap = client.get("/sitemap-speakers.xml").content.decode()
    assert "/people/olwen-pryce/" in sitemap
    assert "/people/amos-tendai/" in sitemap
    editing.set_visibility(Speaker.objects.get(name="Amos Tendai"), hidden=False, noindex=True)
    sitemap = uncached_get(client, "/sitemap-speakers.xml").content.decode()
    assert "/people/olwen-pryce/" in sitemap
    assert "/people/amos-tendai/" not in sitemap


def _quote(speaker: str) -> list[dict]:
    return [{"type": "quote", "value": {"text": "We sail at dawn", "speaker": speaker, "role": "Skipper"}}]


def test_the_sitemap_index_splits_the_speakers_and_leaves_out_hidden_and_withdrawn_ones(
    publish_quoted, client, settings
):
    settings.QUOTES_INDEX_AFTER_ARTICLES = 1
    settings.SITEMAP_URLS_PER_FILE = 1
    publish_quoted()  # Olwen Pryce and Amos Tendai
    publish_quoted("Ferry story", body=_quote("Ria Solent"), hours_ago=2)
    withdrawn = publish_quoted("Withdrawn story", body=_quote("Cal Withers"), hours_ago=3)
    withdrawn.unpublish()
    editing.set_visibility(Speaker.objects.get(name="Ria Solent"), hidden=True, noindex=False)
    index = uncached_get(client, "/sitemap.xml").content.decode()
    files = re.findall(r"<loc>[^<]*(/sitemap-speakers\.xml[^<]*)</loc>", index)
    assert files == ["/sitemap-speakers.xml", "/sitemap-speakers.xml?p=2"]
    listed = []
    for path in files:
        urls = re.findall(r"<loc>[^<]*(/people/[^<]*)</loc>", uncached_get(client, path).content.decode())
        assert len(urls) == 1, (path, urls)
        listed += urls
    assert sorted(listed) == ["/people/amos-tendai/", "/people/olwen-pryce/"]
