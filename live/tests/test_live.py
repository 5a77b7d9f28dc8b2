"""Live articles: updates newest first, key events, JSON for polling, purges and structured data."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from conftest import publish
from core import pagecache
from live.models import LiveArticlePage, LiveUpdate, updates_url
from news.models import ArticleAuthor

pytestmark = pytest.mark.django_db


def paragraph(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture
def live_page(section, author) -> LiveArticlePage:
    page = LiveArticlePage(
        title="Election night as it happens",
        slug="election-night",
        standfirst="Results from every ward.",
        body=paragraph("Polls closed at ten."),
    )
    page.author_links = [ArticleAuthor(author=author, sort_order=0)]
    section.add_child(instance=page)
    return publish(page)


def add_update(page: LiveArticlePage, text: str, minutes_ago: int = 0, **fields: object) -> LiveUpdate:
    return LiveUpdate.objects.create(
        page=page,
        body=paragraph(text),
        published_at=timezone.now() - timedelta(minutes=minutes_ago),
        **fields,
    )


def test_updates_are_listed_newest_first_with_key_events_summarised(client, live_page, author):
    add_update(
        live_page, "First ward declares.", minutes_ago=30, headline="Harbour ward declares", key_event=True
    )
    add_update(live_page, "Turnout looks <b>high</b>.", minutes_ago=20, author=author)
    add_update(live_page, "Recount in Eastmere.", minutes_ago=5, headline="Recount called", key_event=True)
    page = BeautifulSoup(client.get(live_page.url).content, "html.parser")
    texts = [
        " ".join(item.select_one(".live-update__body").get_text().split())
        for item in page.select(".live-update")
    ]
    assert texts == ["Recount in Eastmere.", "Turnout looks high.", "First ward declares."]
    assert [a.get_text() for a in page.select(".live__key-events a")] == [
        "Recount called",
        "Harbour ward declares",
    ]
    assert page.select_one(".live__badge").get_text() == "Live"
    assert page.select_one("script[src$='live/live.js']") is not None
    assert page.select(".live-update")[1].select_one(".live-update__author").get_text() == author.name


def test_the_polling_json_has_each_update_and_its_markup(client, live_page):
    update = add_update(live_page, "First ward declares.", headline="Harbour ward declares")
    data = client.get(updates_url(live_page)).json()
    assert data["live"] is True
    (item,) = data["updates"]
    assert (item["id"], item["headline"], item["anchor"]) == (
        update.pk,
        "Harbour ward declares",
        f"update-{update.pk}",
    )
    assert "<p>First ward declares.</p>" in item["html"]
    assert BeautifulSoup(item["item"], "html.parser").li["id"] == f"update-{update.pk}"


def test_unknown_unpublished_or_private_live_pages_have_no_json(client, live_page):
    assert client.get("/live-updates/999999.json").status_code == 404
    live_page.unpublish()
    assert client.get(updates_url(live_page)).status_code == 404


def test_an_update_purges_the_page_and_its_json_after_commit(
    live_page, monkeypatch, django_capture_on_commit_callbacks
):
    purged: list[list[str]] = []
    monkeypatch.setattr(pagecache, "invalidate", lambda urls: purged.append(sorted(urls)) or list(urls))
    with django_capture_on_commit_callbacks(execute=True):
        update = add_update(live_page, "Recount in Eastmere.")
    with django_capture_on_commit_callbacks(execute=True):
        update.delete()
    expected = sorted([live_page.url, updates_url(live_page)])
    assert purged == [expected, expected]


def test_a_new_update_shows_on_the_cached_page_and_json_at_once(
    client, live_page, django_capture_on_commit_callbacks
):
    assert "Recount" not in client.get(live_page.url).content.decode()
    assert client.get(updates_url(live_page)).json()["updates"] == []
    with django_capture_on_commit_callbacks(execute=True):
        add_update(live_page, "Recount in Eastmere.")
    assert "Recount in Eastmere." in client.get(live_page.url).content.decode()
    assert len(client.get(updates_url(live_page)).json()["updates"]) == 1


def structured_data(client: Client, url: str) -> dict:
    page = BeautifulSoup(client.get(url).content, "html.parser")
    return json.loads(page.select_one("script[type='application/ld+json']").string)


def test_running_coverage_is_a_live_blog_posting_and_ended_coverage_an_ordinary_article(
    client, live_page, django_capture_on_commit_callbacks
):
    add_update(live_page, "Recount in Eastmere.", headline="Recount called")
    data = structured_data(client, live_page.url)
    assert data["@type"] == "LiveBlogPosting"
    assert [u["headline"] for u in data["liveBlogUpdate"]] == ["Recount called"]
    assert data["liveBlogUpdate"][0]["url"].endswith(f"{live_page.url}#update-{LiveUpdate.objects.get().pk}")

    live_page.coverage_ended_at = timezone.now() - timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        publish(live_page)
    html = client.get(live_page.url).content.decode()
    assert structured_data(client, live_page.url)["@type"] == "NewsArticle"
    assert "live/live.js" not in html
    assert "live__badge" not in html
    assert "Recount in Eastmere." in html  # the updates stay, as the article's record
    assert client.get(updates_url(live_page)).json()["live"] is False


def test_the_live_page_and_its_json_cost_a_fixed_number_of_queries(
    client, live_page, author, django_assert_max_num_queries
):
    for n in range(30):
        add_update(live_page, f"Update {n}.", minutes_ago=n, author=author, key_event=n % 5 == 0)
    client.get(live_page.url)  # renditions, settings and the route warmed as in the news budgets
    with django_assert_max_num_queries(3):
        assert len(client.get(updates_url(live_page)).json()["updates"]) == 30
    pagecache.invalidate([live_page.url])
    with django_assert_max_num_queries(13):
        response = client.get(live_page.url)
    assert len(BeautifulSoup(response.content, "html.parser").select(".live-update")) == 30


def test_ending_the_coverage_purges_the_polled_json(client, live_page, django_capture_on_commit_callbacks):
    assert client.get(updates_url(live_page)).json()["live"] is True
    live_page.coverage_ended_at = timezone.now() - timedelta(minutes=1)
    with django_capture_on_commit_callbacks(execute=True):
        publish(live_page)
    assert client.get(updates_url(live_page)).json()["live"] is False
