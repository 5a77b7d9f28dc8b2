"""Date archives below sections and the home page (news.archive)."""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.http import HttpResponse
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import publish, uncached_get
from core import fragments
from news.models import SectionPage

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int = 10, hour: int = 12, tz: ZoneInfo = LONDON) -> datetime:
    return datetime(year, month, day, hour, tzinfo=tz)


@pytest.fixture
def business(home):
    return publish(
        home.add_child(instance=SectionPage(title="Business", slug="business", show_in_menus=True))
    )


@pytest.fixture
def history(make_article, business):
    """Politics: March 2023, May 2024 (two), June 2024; Business: May 2024; a draft in May 2024."""
    return {
        "march-2023": make_article("Budget vote", published_at=at(2023, 3)),
        "may-2024": make_article("Harbour plan", published_at=at(2024, 5, 2)),
        "may-2024-later": make_article("Ferry strike", published_at=at(2024, 5, 20)),
        "june-2024": make_article("Mayor resigns", published_at=at(2024, 6, 3)),
        "business-may-2024": make_article("Port profits", parent=business, published_at=at(2024, 5, 9)),
        "draft": make_article("Unfinished draft", published_at=at(2024, 5, 11), live=False),
    }


def titles(response: HttpResponse) -> list[str]:
    return [article.title for article in response.context["articles"]]


def test_a_month_lists_its_sections_articles_of_that_month_only(client, history, settings):
    response = client.get("/politics/2024/05/")
    assert response.status_code == 200
    assert titles(response) == ["Ferry strike", "Harbour plan"]
    html = response.content.decode()
    assert "<h1>Politics: May 2024</h1>" in html
    assert '<a href="/politics/2024/06/">Later: June 2024</a>' in html
    assert '<a href="/politics/2023/03/">Earlier: March 2023</a>' in html  # skips the empty months
    assert f'<link rel="canonical" href="{settings.SITE_URL.rstrip("/")}/politics/2024/05/">' in html


def test_a_year_lists_its_articles_and_links_its_months(client, history):
    response = client.get("/politics/2024/")
    assert titles(response) == ["Mayor resigns", "Ferry strike", "Harbour plan"]
    html = response.content.decode()
    assert '<a href="/politics/2024/05/">May</a>' in html
    assert '<a href="/politics/2024/06/">June</a>' in html
    assert "/politics/2024/03/" not in html
    assert '<a href="/politics/2023/">Earlier: 2023</a>' in html


def test_the_home_page_archive_covers_every_section(client, history):
    response = client.get("/2024/05/")
    assert titles(response) == ["Ferry strike", "Port profits", "Harbour plan"]
    assert "<h1>Archive: May 2024</h1>" in response.content.decode()
    assert titles(client.get("/2023/")) == ["Budget vote"]


def test_months_are_the_sites_time_zone(client, make_article):
    # 23:30 UTC on 31 May is 00:30 on 1 June in London (summer time).
    make_article("Midnight vote", published_at=at(2024, 5, 31, 23, tz=ZoneInfo("UTC")).replace(minute=30))
    assert client.get("/politics/2024/05/").status_code == 404
    assert titles(client.get("/politics/2024/06/")) == ["Midnight vote"]


@pytest.mark.parametrize(
    "path",
    [
        "/politics/2022/05/",  # a month with no article
        "/politics/2024/13/",
        "/politics/2024/00/",
        "/politics/2024/5/",  # one spelling per month
        "/politics/24/",
        "/politics/0000/",
        "/politics/2024/05/10/",
        "/politics/2024/05/?page=2",  # past the last page
    ],
)
def test_addresses_naming_no_archive_page_are_not_found(client, history, path):
    assert client.get(path).status_code == 404


def test_an_article_slugged_like_a_year_keeps_its_address(client, make_article, history):
    article = make_article("The year in review", slug="2024", published_at=at(2024, 12, 30))
    assert article.url == "/politics/2024/"
    response = client.get("/politics/2024/")
    assert response.status_code == 200
    assert response.context["page"].pk == article.pk
    # Its section's months of that year are still archives.
    assert titles(client.get("/politics/2024/05/")) == ["Ferry strike", "Harbour plan"]
    assert titles(client.get("/politics/2024/12/")) == ["The year in review"]


def test_a_section_slugged_like_a_year_keeps_its_address(client, home, history):
    section = publish(home.add_child(instance=SectionPage(title="Twenty", slug="2024")))
    assert client.get("/2024/").context["page"].pk == section.pk
    assert titles(client.get("/2024/05/")) == ["Ferry strike", "Port profits", "Harbour plan"]


def test_the_section_page_links_to_its_months(client, history):
    html = client.get("/politics/").content.decode()
    assert '<h2 id="archive-heading">Archive</h2>' in html
    assert '<h3><a href="/politics/2024/">2024</a></h3>' in html
    for month in ("/politics/2024/06/", "/politics/2024/05/", "/politics/2023/03/"):
        assert f'<a href="{month}">' in html
    assert html.index("/politics/2024/06/") < html.index("/politics/2024/05/") < html.index("/politics/2023/")
    assert "/politics/2024/04/" not in html


def test_a_publication_purges_its_archive_pages_and_refreshes_the_month_list(
    client, history, make_article, django_capture_on_commit_callbacks
):
    archives = ("/politics/2024/05/", "/politics/2024/", "/2024/05/", "/2024/")
    for path in (*archives, "/politics/"):
        client.get(path)
        assert client.get(path)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        make_article("Late May story", published_at=at(2024, 5, 30))
        make_article("July story", published_at=at(2024, 7, 1))
    for path in archives:
        response = client.get(path)
        assert response["X-Page-Cache"] == "miss", path
        assert "Late May story" in titles(response), path
    assert titles(client.get("/politics/2024/07/")) == ["July story"]
    assert '<a href="/politics/2024/07/">' in client.get("/politics/").content.decode()


def test_an_archive_page_is_paginated_and_each_page_cached_apart(client, history, make_article, monkeypatch):
    monkeypatch.setattr("news.models.LISTING_PAGE_SIZE", 1)
    first, second = client.get("/politics/2024/05/"), client.get("/politics/2024/05/", {"page": 2})
    assert titles(first) == ["Ferry strike"]
    assert titles(second) == ["Harbour plan"]
    assert '<a rel="next" href="?page=2">Older</a>' in first.content.decode()
    assert client.get("/politics/2024/05/", {"page": 2})["X-Page-Cache"] == "hit"
    assert client.get("/politics/2024/05/", {"page": 3}).status_code == 404


def _archive_queries(client: Client, path: str) -> int:
    uncached_get(client, path)  # the first view ever generates image renditions
    for generation in fragments.GENERATIONS:
        fragments.bump(generation)
    with CaptureQueriesContext(connection) as queries:
        uncached_get(client, path)
    return len(queries)


# Routing 3 below a section (the section, then no article and no other page at the address), 2
# below the home page; view restrictions, count, page of articles, the earlier and later periods;
# a year also lists its months.
ARCHIVE_BUDGETS = {"/politics/2024/05/": 8, "/politics/2024/": 9, "/2024/05/": 7}


@pytest.mark.parametrize("path", list(ARCHIVE_BUDGETS))
def test_an_archive_page_costs_the_same_queries_however_many_articles(
    client, make_article, history, monkeypatch, path
):
    monkeypatch.setattr("news.models.LISTING_PAGE_SIZE", 2)
    few = _archive_queries(client, path)
    for day in range(1, 8):
        make_article(f"More news {day}", published_at=at(2024, 5, day), image=True, tags=(f"t{day}",))
    many = _archive_queries(client, path)
    assert few == many <= ARCHIVE_BUDGETS[path]


def test_archive_pages_are_left_out_of_the_sitemaps(client, history):
    pages = client.get("/sitemap-pages.xml").content.decode()
    assert history["may-2024"].url in pages
    assert not re.search(r"/\d{4}/(\d{2}/)?</loc>", pages)
