"""Every WordPress address of an imported post, page, category, tag, author and feed answers 301."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.encoding import iri_to_uri

from wordpress.models import ImportedPage
from wordpress.tests.conftest import future_date, newsroom_items
from wordpress.tests.exports import P

pytestmark = pytest.mark.django_db


@pytest.fixture
def imported(run_import, write_export):
    run_import(write_export(newsroom_items(future_date())))


def url_of(wp_id: int) -> str:
    return ImportedPage.objects.get(wp_id=wp_id).page.url


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/?p=10", "article 10"),
        ("/index.php?p=10", "article 10"),
        ("/?p=10&utm_source=mail", "article 10"),
        ("/2024/07/01/harbour-board-backs-plan/", "article 10"),
        ("/2024/07/harbour-board-backs-plan/", "article 10"),
        ("/harbour-board-backs-plan/", "article 10"),
        ("/2024/07/01/Harbour-Board-Backs-Plan/", "article 10"),
        ("/2024/07/01/harbour-board-backs-plan/feed/", "article 10"),
        ("/?page_id=16", "page 16"),
        ("/?p=16", "page 16"),
        ("/?page_id=17", "page 17"),
        ("/?cat=3", "/world/"),
        ("/category/world/", "/world/"),
        ("/category/world/feed/", "/feeds/section/world/rss/"),
        ("/?cat=4", "/tags/europe/"),
        ("/category/world/europe/", "/tags/europe/"),
        ("/category/world/europe/feed/", "/feeds/tag/europe/rss/"),
        ("/tag/fete/", "/tags/fete/"),
        ("/?tag=fete", "/tags/fete/"),
        ("/tag/fete/feed/", "/feeds/tag/fete/rss/"),
        ("/author/jdoe/", "/authors/jdoe/"),
        ("/?author=1", "/authors/jdoe/"),
        ("/author/jdoe/feed/", "/feeds/author/jdoe/rss/"),
        ("/feed/", "/feeds/rss/"),
        ("/feed/atom/", "/feeds/rss/"),
        ("/?feed=rss2", "/feeds/rss/"),
    ],
)
def test_old_addresses_redirect_permanently_and_cacheably(imported, client, old, new):
    if new.startswith(("article", "page")):
        new = url_of(int(new.split()[1]))
    response = client.get(old)
    assert response.status_code == 301
    assert response["Location"] == new
    assert "public" in response["Cache-Control"]
    assert client.get(new).status_code == 200


def test_an_address_without_its_trailing_slash_gets_there_too(imported, client):
    first = client.get("/2024/07/01/harbour-board-backs-plan")  # Django's APPEND_SLASH, then ours
    assert (first.status_code, first["Location"]) == (301, "/2024/07/01/harbour-board-backs-plan/")
    second = client.get(first["Location"])
    assert (second.status_code, second["Location"]) == (301, url_of(10))


def test_a_page_that_exists_on_the_new_site_is_not_redirected(imported, client):
    assert url_of(16) == "/about/"  # also WordPress's /about/: the new page answers itself
    assert client.get("/about/").status_code == 200
    assert client.get("/?p=99999").status_code == 200
    assert client.get("/2024/07/01/no-such-story/").status_code == 404


def test_drafts_scheduled_and_skipped_posts_are_not_revealed(imported, client):
    for old in ("/?p=12", "/?p=13", "/?p=14", "/tomorrows-story/"):
        response = client.get(old)
        assert response.status_code in (200, 404), old
        assert "Location" not in response


def test_p_id_redirects_through_the_page_cache_even_when_the_home_page_is_cached(imported, client):
    cache.clear()
    assert client.get("/")["X-Page-Cache"] == "miss"
    assert client.get("/")["X-Page-Cache"] == "hit"
    first = client.get("/?p=10&utm_source=newsletter")
    assert (first.status_code, first["Location"], first["X-Page-Cache"]) == (301, url_of(10), "miss")
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/?p=10")
    assert (again.status_code, again["Location"], again["X-Page-Cache"]) == (301, url_of(10), "hit")
    assert len(queries) == 0
    assert client.get("/?page_id=16")["Location"] == url_of(16)  # each id is its own entry
    assert client.get("/")["X-Page-Cache"] == "hit"  # and the home page's entry is untouched


def test_a_non_ascii_slug_keeps_its_letters_and_its_percent_encoded_old_address(
    run_import, write_export, client
):
    item = P(
        50, title="Été en ville", name="%c3%a9t%c3%a9-en-ville", terms=[("category", "culture", "Culture")]
    )
    run_import(write_export([item]))
    page = ImportedPage.objects.get(wp_id=50).page
    assert page.slug == "été-en-ville"
    response = client.get("/2024/03/05/%C3%A9t%C3%A9-en-ville/")
    assert (response.status_code, response["Location"]) == (301, iri_to_uri(page.url))
    assert client.get(response["Location"]).status_code == 200


def test_an_id_that_names_nothing_shows_the_home_page_without_filling_the_cache(imported, client):
    cache.clear()
    for _ in range(2):
        response = client.get("/?p=99999")
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/2024/07/01/", "/2024/07/"),
        ("/2024/07/01/page/2/", "/2024/07/"),
        ("/2024/07/page/3/", "/2024/07/"),
        ("/2024/page/2/", "/2024/"),
        ("/2024/02/", "/2024/"),  # no article that month: its year
        ("/2024/02/14/", "/2024/"),
        ("/?m=202407", "/2024/07/"),
        ("/?m=20240701", "/2024/07/"),
        ("/?m=2024", "/2024/"),
    ],
)
def test_date_archives_lead_to_the_nearest_new_archive(imported, client, old, new):
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert "public" in response["Cache-Control"]
    assert url_of(10) in client.get(new).content.decode()


def test_year_and_month_archives_keep_their_address(imported, client):
    for path in ("/2024/", "/2024/07/"):
        assert client.get(path).status_code == 200
    for path in ("/2019/", "/2019/05/", "/2019/05/01/"):  # nothing then: nowhere to lead
        assert client.get(path).status_code == 404
    assert client.get("/?m=2019").status_code == 200  # the home page, as for an unknown ?p=ID


@pytest.mark.parametrize(
    "path", ["/category/europe/2024/07/", "/tag/ferries/2024/", "/harbour-board-backs-plan/2024/07/"]
)
def test_dates_below_a_category_tag_or_post_are_no_date_archive(imported, client, path):
    # WordPress answers 404 there; their own feeds are remembered, the site's feed is not theirs.
    assert client.get(path).status_code == 404


def test_date_archives_redirect_only_for_an_imported_site(make_article, client):
    make_article(published_at=datetime(2024, 7, 1, 10, tzinfo=UTC))
    assert client.get("/2024/07/").status_code == 200
    assert client.get("/2024/07/01/").status_code == 404


def test_a_site_in_a_folder_keeps_its_folder_in_old_date_archives(run_import, write_export, client):
    run_import(write_export(newsroom_items(future_date()), site="https://old.example.org/blog"))
    assert client.get("/blog/2024/07/")["Location"] == "/2024/07/"
    assert client.get("/blog/2024/")["Location"] == "/2024/"
    assert client.get("/blog/2024/07/01/")["Location"] == "/2024/07/"
    assert client.get("/2024/07/01/").status_code == 404  # not an address the old site had
