"""RSS and Atom feeds: valid, on the canonical host, scoped to their section, tag or author."""

from __future__ import annotations

import calendar
import time
from collections.abc import Callable
from datetime import datetime, timedelta

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from news.models import ArticleAuthor, ArticlePage, Author, HomePage, Publication, SectionPage

pytestmark = pytest.mark.django_db

SITE = settings.SITE_URL.rstrip("/")
KINDS = ("rss", "atom")
CONTENT_TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml"}


def get_feed(client: Client, url: str, **headers: str) -> feedparser.FeedParserDict:
    response = client.get(url, **headers)
    assert response.status_code == 200, (url, response.status_code)
    kind = url.rstrip("/").rsplit("/", 1)[-1]
    assert response["Content-Type"].startswith(CONTENT_TYPES[kind]), response["Content-Type"]
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, (url, parsed.get("bozo_exception"))
    assert parsed.version.startswith("rss20" if kind == "rss" else "atom10"), parsed.version
    assert parsed.feed.title
    assert parsed.feed.link.startswith(SITE + "/")
    for entry in parsed.entries:
        assert entry.title, entry
        assert entry.link.startswith(SITE + "/"), entry.link
        assert entry.get("published_parsed") or entry.get("updated_parsed"), entry
        assert entry.id, entry
    return parsed


def titles(parsed: feedparser.FeedParserDict) -> list[str]:
    return [entry.title for entry in parsed.entries]


def timestamp(struct: time.struct_time) -> int:
    return calendar.timegm(struct)


def whole_seconds(moment: datetime) -> int:
    return int(moment.timestamp())


@pytest.fixture
def sport(home: HomePage) -> SectionPage:
    sport = home.add_child(instance=SectionPage(title="Sport", slug="sport", show_in_menus=True))
    sport.save_revision().publish()
    return SectionPage.objects.get(pk=sport.pk)


@pytest.fixture
def other_author(db) -> Author:
    return Author.objects.create(name="Ben Writer", slug="ben-writer")


@pytest.mark.parametrize("kind", KINDS)
def test_site_feed_lists_live_articles_newest_first(client, make_article, sport, kind):
    make_article("Middle story", hours_ago=3)
    make_article("Newest story", hours_ago=1, parent=sport)
    make_article("Oldest story", hours_ago=50)
    make_article("A draft", hours_ago=2, live=False)
    make_article("A withdrawn story", hours_ago=2).unpublish()
    parsed = get_feed(client, f"/feeds/{kind}/")
    assert titles(parsed) == ["Newest story", "Middle story", "Oldest story"]
    assert parsed.feed.title == "Broadsheet"
    assert parsed.feed.link == SITE + "/"


@pytest.mark.parametrize("kind", KINDS)
def test_entry_points_at_the_article_with_its_date_author_and_tags(client, make_article, kind):
    article = make_article("Council approves harbour plan", hours_ago=5, tags=("harbour", "council"))
    (entry,) = get_feed(client, f"/feeds/{kind}/").entries
    canonical = BeautifulSoup(client.get(article.url).content, "html.parser").select_one(
        "link[rel=canonical]"
    )
    assert entry.link == SITE + article.url == canonical["href"]
    assert entry.title == article.title
    assert entry.summary == article.standfirst
    assert timestamp(entry.published_parsed) == whole_seconds(article.published_at)
    assert entry.author == "Ada Reporter"
    assert {tag.term for tag in entry.tags} == {"harbour", "council"}


def test_atom_entry_is_updated_when_the_story_is(client, make_article):
    published = timezone.now() - timedelta(hours=6)
    make_article(published_at=published, updated_at=published + timedelta(hours=2))
    (entry,) = get_feed(client, "/feeds/atom/").entries
    assert timestamp(entry.published_parsed) == whole_seconds(published)
    assert timestamp(entry.updated_parsed) == whole_seconds(published + timedelta(hours=2))


def test_entry_ids_are_unique_and_the_same_in_rss_and_atom(client, make_article):
    for n in range(3):
        make_article(f"Story {n}", hours_ago=n + 1)
    rss, atom = (get_feed(client, f"/feeds/{kind}/") for kind in KINDS)
    rss_ids = {entry.link: entry.id for entry in rss.entries}
    atom_ids = {entry.link: entry.id for entry in atom.entries}
    assert len(set(rss_ids.values())) == 3
    assert rss_ids == atom_ids


@pytest.mark.parametrize("kind", KINDS)
def test_section_feed_has_only_that_sections_articles(client, make_article, section, sport, kind):
    make_article("Council vote", hours_ago=2)
    make_article("Cup final", hours_ago=1, parent=sport)
    make_article("Unpublished politics", live=False)
    politics = get_feed(client, f"/feeds/section/politics/{kind}/")
    assert titles(politics) == ["Council vote"]
    assert politics.feed.title == "Politics — Broadsheet"
    assert politics.feed.link == SITE + section.url
    assert titles(get_feed(client, f"/feeds/section/sport/{kind}/")) == ["Cup final"]


@pytest.mark.parametrize("kind", KINDS)
def test_tag_feed_has_only_articles_with_that_tag(client, make_article, kind):
    make_article("Harbour only", hours_ago=3, tags=("harbour",))
    make_article("Budget only", hours_ago=2, tags=("budget",))
    make_article("Harbour budget", hours_ago=1, tags=("harbour", "budget"))
    make_article("Harbour draft", tags=("harbour",), live=False)
    harbour = get_feed(client, f"/feeds/tag/harbour/{kind}/")
    assert titles(harbour) == ["Harbour budget", "Harbour only"]
    assert harbour.feed.title == "Tagged “harbour” — Broadsheet"
    assert harbour.feed.link == SITE + "/tags/harbour/"
    assert titles(get_feed(client, f"/feeds/tag/budget/{kind}/")) == ["Harbour budget", "Budget only"]


@pytest.mark.parametrize("kind", KINDS)
def test_author_feed_has_only_that_authors_articles(client, make_article, author, other_author, kind):
    solo = make_article("Ada alone", hours_ago=3)
    joint = make_article("Written together", hours_ago=2)
    ArticleAuthor.objects.create(article=joint, author=other_author, sort_order=1)
    ArticleAuthor.objects.filter(article=make_article("Ben alone", hours_ago=1)).update(author=other_author)
    ada = get_feed(client, f"/feeds/author/ada-reporter/{kind}/")
    assert titles(ada) == [joint.title, solo.title]
    assert ada.feed.title == "Ada Reporter — Broadsheet"
    assert ada.feed.link == SITE + author.get_absolute_url()
    ben = get_feed(client, f"/feeds/author/ben-writer/{kind}/")
    assert titles(ben) == ["Ben alone", joint.title]
    assert ben.entries[1].author == "Ada Reporter, Ben Writer"


@pytest.mark.parametrize("kind", KINDS)
def test_feed_of_a_tag_with_no_live_articles_is_empty_not_missing(client, make_article, kind):
    make_article("A draft", tags=("embargoed",), live=False)
    assert get_feed(client, f"/feeds/tag/embargoed/{kind}/").entries == []


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/json/",
        "/feeds/RSS/",
        "/feeds/section/nope/rss/",
        "/feeds/section/politics/json/",
        "/feeds/section/council-approves-harbour-plan/rss/",
        "/feeds/section/drafts/atom/",
        "/feeds/tag/nope/atom/",
        "/feeds/tag/harbour/json/",
        "/feeds/author/nobody/rss/",
        "/feeds/author/ada-reporter/xml/",
    ],
)
def test_unknown_feeds_are_friendly_404s(client, article, home, url):
    home.add_child(instance=SectionPage(title="Drafts", slug="drafts", live=False))
    response = client.get(url)
    assert response.status_code == 404, (url, response.status_code)
    assert b"Page not found" in response.content


@pytest.mark.parametrize("kind", KINDS)
def test_feeds_use_the_publication_name_and_language(
    client, article, kind, django_capture_on_commit_callbacks
):
    publication = Publication.load()
    publication.name = "The Harbour Courier"
    publication.language = "cy"
    with django_capture_on_commit_callbacks(execute=True):  # the admin's save commits
        publication.save()
    parsed = get_feed(client, f"/feeds/{kind}/")
    assert parsed.feed.title == "The Harbour Courier"
    assert parsed.feed.language == "cy"
    assert get_feed(client, f"/feeds/section/politics/{kind}/").feed.title == "Politics — The Harbour Courier"


@pytest.mark.parametrize("kind", KINDS)
def test_feed_urls_are_on_the_canonical_host_whatever_host_was_asked(client, article, kind):
    url = f"/feeds/section/politics/{kind}/"
    parsed = get_feed(client, url, HTTP_HOST="localhost")
    assert parsed.entries[0].link == SITE + article.url
    if kind == "atom":
        assert {link.rel: link.href for link in parsed.feed.links}["self"] == SITE + url


def alternate_feeds(client: Client, url: str) -> dict[str, str]:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    page = BeautifulSoup(response.content, "html.parser")
    return {link["href"]: link["type"] for link in page.select("head link[rel=alternate]")}


@pytest.mark.parametrize("where", ["home", "section", "tag", "author"])
def test_listing_pages_advertise_their_own_feeds(client, article, section, author, where):
    page_url, route, args = {
        "home": ("/", "news:feed", []),
        "section": (section.url, "news:section_feed", [section.slug]),
        "tag": ("/tags/harbour/", "news:tag_feed", ["harbour"]),
        "author": (author.get_absolute_url(), "news:author_feed", [author.slug]),
    }[where]
    advertised = alternate_feeds(client, page_url)
    for kind in KINDS:
        href = reverse(route, args=[*args, kind])
        assert advertised.get(href) == CONTENT_TYPES[kind], (where, href, advertised)
        assert titles(get_feed(client, href)) == [article.title]


def test_article_page_advertises_its_sections_feed(client, article: ArticlePage, section):
    advertised = alternate_feeds(client, article.url)
    assert advertised.get(f"/feeds/section/{section.slug}/rss/") == "application/rss+xml"


def test_feed_is_capped_and_keeps_the_newest(client, make_article: Callable[..., ArticlePage], monkeypatch):
    monkeypatch.setattr("news.feeds.FEED_SIZE", 2)
    for hours in (4, 1, 3, 2):
        make_article(f"{hours} hours ago", hours_ago=hours)
    assert titles(get_feed(client, "/feeds/rss/")) == ["1 hours ago", "2 hours ago"]
