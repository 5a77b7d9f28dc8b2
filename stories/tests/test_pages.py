"""What readers see: "This story so far", the story page, its feeds and the sitemap."""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from bs4 import BeautifulSoup
from django.http import HttpResponse
from wagtail.models import PageViewRestriction

from conftest import uncached_get
from core import fragments
from news.models import ArticlePage, view_restrictions_exist
from stories import store
from stories.models import Membership, Story
from stories.regions import SHOWN_EACH_SIDE, region

pytestmark = pytest.mark.django_db
STORY_PAGE_BUDGET = 4


def soup(response: HttpResponse) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def story_with(articles: Iterable[ArticlePage], title: str = "Aberwen toll") -> Story:
    """A story holding these articles, as an editor would put them together."""
    story = store.new_story(title)
    for article in articles:
        Membership.objects.create(article=article, story=story, added_by_editor=True)
    store.renumber([story.pk])
    story.refresh_from_db()
    return story


def test_region_lists_the_story_in_time_order_with_the_current_article_marked(newsroom, client) -> None:
    first, second, third = newsroom["harbour"]
    story = story_with([third, first, second])
    page = soup(client.get(second.url))
    section = page.select_one(".region--story-so-far")
    assert section.select_one("h2").get_text() == "This story so far"
    entries = section.select("ol.timeline li")
    assert [entry.select_one("a, span").get_text() for entry in entries] == [
        a.title for a in (first, second, third)
    ]
    current = section.select('[aria-current="page"]')
    assert len(current) == 1
    assert current[0].get_text() == second.title
    assert current[0].name != "a"
    assert section.select_one(".story-so-far__story a")["href"] == f"/stories/{story.slug}/"


def test_a_private_article_is_neither_named_nor_counted_in_its_story(newsroom, client) -> None:
    first, second, third = newsroom["harbour"]
    PageViewRestriction.objects.create(page=third, restriction_type="password", password="in-house")
    story = story_with([first, second, third])
    assert story.size == 2
    section = soup(client.get(second.url)).select_one(".region--story-so-far")
    assert [entry.select_one("a, span").get_text() for entry in section.select("ol.timeline li")] == [
        first.title,
        second.title,
    ]
    assert third.title not in client.get(f"/stories/{story.slug}/").content.decode()


@pytest.mark.parametrize("size", [3, 30])
def test_region_costs_one_query_however_long_the_story(
    size, make_article, rf, django_assert_num_queries
) -> None:
    articles = [make_article(f"Toll row, day {n}", hours_ago=200 - n) for n in range(size)]
    story_with(articles)
    current = articles[size // 2]
    view_restrictions_exist()  # the shared flag, read by every page's own privacy check first
    with django_assert_num_queries(1):
        html = region(rf.get(current.url), current)
    entries = BeautifulSoup(html, "html.parser").select("ol.timeline li")
    assert len(entries) == min(size, 2 * SHOWN_EACH_SIDE + 1)
    assert ("The whole story: 30 articles" in html) == (size == 30)


def test_no_region_for_an_article_alone_or_in_a_story_of_one(newsroom, client) -> None:
    story_with([newsroom["bakery"]], "Bread")
    assert b"This story so far" not in client.get(newsroom["bakery"].url).content
    assert b"This story so far" not in client.get(newsroom["orchestra"][0].url).content


def test_story_page_lists_the_whole_timeline_within_its_query_budget(
    newsroom, client, django_assert_max_num_queries
) -> None:
    story = story_with(newsroom["harbour"])
    url = story.get_absolute_url()
    client.get(url)
    for generation in fragments.GENERATIONS:
        fragments.bump(generation)
    with django_assert_max_num_queries(STORY_PAGE_BUDGET):
        response = uncached_get(client, url)
    page = soup(response)
    assert page.select_one("h1").get_text() == story.title
    assert [a.get_text() for a in page.select(".timeline--page a")] == [a.title for a in newsroom["harbour"]]
    feeds = {link["type"]: link["href"] for link in page.select('link[rel="alternate"]')}
    assert feeds["application/rss+xml"] == f"/stories/{story.slug}/feed/rss/"


def test_story_feeds_carry_its_articles_newest_first(newsroom, client) -> None:
    story = story_with(newsroom["harbour"])
    rss = client.get(f"/stories/{story.slug}/feed/rss/")
    assert rss["Content-Type"].startswith("application/rss+xml")
    titles = [item.get_text() for item in BeautifulSoup(rss.content, "xml").select("item > title")]
    assert titles == [a.title for a in reversed(newsroom["harbour"])]
    atom = client.get(f"/stories/{story.slug}/feed/atom/")
    assert atom["Content-Type"].startswith("application/atom+xml")
    assert client.get(f"/stories/{story.slug}/feed/json/").status_code == 404


def test_unknown_or_empty_stories_are_not_found(newsroom, client) -> None:
    assert client.get("/stories/no-such-story/").status_code == 404
    empty = store.new_story("Nothing yet")
    assert client.get(empty.get_absolute_url()).status_code == 404


def test_sitemap_lists_stories_of_two_articles_or_more(newsroom, client) -> None:
    story = story_with(newsroom["harbour"])
    story_with([newsroom["bakery"]], "Bread")
    index = client.get("/sitemap.xml").content.decode()
    assert "/sitemap-stories.xml" in index
    listed = client.get("/sitemap-stories.xml").content.decode()
    assert f"/stories/{story.slug}/" in listed
    assert "/stories/bread/" not in listed


def test_publication_purges_the_story_page_and_the_pages_whose_timeline_changed(
    newsroom, harbour_article, invalidated, django_capture_on_commit_callbacks
) -> None:
    store.refresh()
    story = Membership.objects.get(article=newsroom["harbour"][0]).story
    invalidated.clear()
    with django_capture_on_commit_callbacks(execute=True):
        fourth = harbour_article(4, hours_ago=1)
    assert {
        story.get_absolute_url(),
        f"/stories/{story.slug}/feed/rss/",
        f"/stories/{story.slug}/feed/atom/",
        "/sitemap-stories.xml",
        fourth.url,
        *(article.url for article in newsroom["harbour"]),
    } <= set(invalidated)
