"""What search engines and link previews read: sitemaps, robots.txt, article metadata."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.test import Client
from django.utils import timezone
from django.utils.timezone import localtime
from lxml import etree
from wagtail.models import Page, PageViewRestriction

from conftest import make_image
from news.models import ArticleAuthor, Author, Publication, StandardPage

pytestmark = pytest.mark.django_db

SITE = settings.SITE_URL.rstrip("/")
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"s": SITEMAP_NS, "news": NEWS_NS}
W3C_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")


def xml(client: Client, url: str) -> etree._Element:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response["Content-Type"].startswith("application/xml"), response["Content-Type"]
    return etree.fromstring(response.content)


def sitemap_files(client: Client, **headers: str) -> list[str]:
    """The files the index at /sitemap.xml lists, as paths with their query."""
    index = etree.fromstring(client.get("/sitemap.xml", headers=headers).content)
    assert index.tag == f"{{{SITEMAP_NS}}}sitemapindex"
    locs = [loc.text for loc in index.findall("s:sitemap/s:loc", NS)]
    assert all(loc.startswith(SITE + "/sitemap-") for loc in locs), locs
    return [loc.removeprefix(SITE) for loc in locs]


def sitemap_entries(client: Client, **headers: str) -> dict[str, etree._Element]:
    """Every <url> of every file the index lists; none over the per-file limit."""
    urls = []
    for path in sitemap_files(client, **headers):
        root = etree.fromstring(client.get(path, headers=headers).content)
        assert root.tag == f"{{{SITEMAP_NS}}}urlset"
        in_file = root.findall("s:url", NS)
        assert len(in_file) <= settings.SITEMAP_URLS_PER_FILE, path
        urls += in_file
    locs = [url.findtext("s:loc", namespaces=NS) for url in urls]
    assert all(locs), locs
    assert len(set(locs)) == len(locs), locs
    for loc in locs:
        assert loc.startswith(SITE + "/"), loc
    return dict(zip(locs, urls, strict=True))


def html(client: Client, url: str) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return BeautifulSoup(response.content, "html.parser")


def meta(page: BeautifulSoup, key: str) -> str | None:
    tag = page.find("meta", attrs={"property": key}) or page.find("meta", attrs={"name": key})
    return tag["content"] if tag else None


def structured_data(page: BeautifulSoup) -> dict:
    (script,) = page.find_all("script", type="application/ld+json")
    return json.loads(script.string)


def moment(value: str | None) -> datetime:
    assert value, value
    parsed = datetime.fromisoformat(value)
    assert parsed.tzinfo is not None, value
    return parsed


def publish(page: Page) -> Page:
    page.save_revision().publish()
    return page


# sitemap.xml ---------------------------------------------------------------------------


def test_sitemap_lists_every_public_page_on_the_canonical_host(client, home, section, author, make_article):
    article = make_article()
    about = publish(home.add_child(instance=StandardPage(title="About us", slug="about")))
    locs = sitemap_entries(client)
    for path in ("/", section.url, article.url, about.url, author.get_absolute_url(), "/tags/harbour/"):
        assert SITE + path in locs, (path, sorted(locs))


def test_sitemap_leaves_out_drafts_withdrawn_private_and_out_of_site_pages(client, home, make_article):
    make_article("Visible story", tags=("visible",))
    draft = make_article("Draft story", tags=("embargoed",), live=False)
    withdrawn = make_article("Withdrawn story", hours_ago=3)
    withdrawn.unpublish()
    ghost = Author.objects.create(name="Ghost Writer", slug="ghost-writer")
    ArticleAuthor.objects.filter(article=draft).update(author=ghost)
    private = publish(home.add_child(instance=StandardPage(title="Staff only", slug="staff")))
    PageViewRestriction.objects.create(page=private, restriction_type="password", password="letmein")
    publish(Page.get_first_root_node().add_child(instance=Page(title="Old tree", slug="old-tree")))
    paths = {urlsplit(loc).path for loc in sitemap_entries(client)}
    for path in (draft.url, withdrawn.url, "/staff/", "/tags/embargoed/", "/authors/ghost-writer/"):
        assert path not in paths, path
    assert not any("old-tree" in path for path in paths), paths


def test_sitemap_gives_articles_their_last_modified_date(client, make_article):
    published = timezone.now() - timedelta(days=5)
    fresh = make_article("Fresh story")
    updated = make_article(
        "Updated story", published_at=published, updated_at=timezone.now() - timedelta(hours=1)
    )
    locs = sitemap_entries(client)
    for article in (fresh, updated):
        lastmod = locs[SITE + article.url].findtext("s:lastmod", namespaces=NS)
        assert lastmod == localtime(article.modified).date().isoformat(), (article.title, lastmod)
    assert (
        locs[SITE + updated.url].findtext("s:lastmod", namespaces=NS)
        != localtime(published).date().isoformat()
    )


def test_sitemap_urls_do_not_follow_the_request_host(client, article):
    response = client.get("/sitemap.xml", HTTP_HOST="localhost")
    assert b"localhost" not in response.content
    assert SITE + article.url in sitemap_entries(client, host="localhost")


@pytest.fixture
def two_per_file(settings):
    settings.SITEMAP_URLS_PER_FILE = 2
    return 2


def test_the_index_splits_every_public_address_into_files_within_the_limit(
    client, two_per_file, home, section, make_article
):
    stories = [make_article(f"Story {n}", tags=(f"topic-{n}",), hours_ago=n) for n in range(5)]
    hidden = make_article("Hidden story", tags=("hidden-topic",))
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    make_article("Draft story", tags=("draft-topic",), live=False)
    files = sitemap_files(client)
    assert files == [
        "/sitemap-pages.xml",
        "/sitemap-pages.xml?p=2",
        "/sitemap-pages.xml?p=3",
        "/sitemap-pages.xml?p=4",
        "/sitemap-authors.xml",
        "/sitemap-tags.xml",
        "/sitemap-tags.xml?p=2",
        "/sitemap-tags.xml?p=3",
    ]  # fmt: skip  (no speaker is quoted: their file is left out)
    for path in files:
        root = etree.fromstring(client.get(path).content)
        assert 1 <= len(root.findall("s:url", NS)) <= two_per_file, path
    paths = sorted(urlsplit(loc).path for loc in sitemap_entries(client))
    assert paths == sorted(
        ["/", section.url, *(story.url for story in stories), "/authors/ada-reporter/",
         *(f"/tags/topic-{n}/" for n in range(5))]
    )  # fmt: skip
    assert client.get("/sitemap-pages.xml?p=5").status_code == 404


def test_the_per_file_limit_never_exceeds_what_sitemaps_org_allows(settings):
    from news.sitemaps import PageSitemap

    settings.SITEMAP_URLS_PER_FILE = 1_000_000
    assert PageSitemap().limit == 50_000


def test_robots_txt_points_at_the_index(client, home):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert f"Sitemap: {SITE}/sitemap.xml" in lines


# news-sitemap.xml ----------------------------------------------------------------------


def test_news_sitemap_lists_only_articles_from_the_last_two_days(client, make_article):
    recent = make_article("Rates & fees <rise>", hours_ago=1)
    yesterday = make_article("Yesterday's story", hours_ago=47)
    make_article("Last week's story", hours_ago=24 * 7)
    make_article("Story from three days ago", hours_ago=49)
    make_article("Recent draft", hours_ago=1, live=False)
    root = xml(client, "/news-sitemap.xml")
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    assert root.nsmap.get("news") == NEWS_NS
    urls = root.findall("s:url", NS)
    assert [url.findtext("s:loc", namespaces=NS) for url in urls] == [SITE + recent.url, SITE + yesterday.url]
    for url, article in zip(urls, (recent, yesterday), strict=True):
        news = url.find("news:news", NS)
        assert news.findtext("news:publication/news:name", namespaces=NS) == "Broadsheet"
        assert news.findtext("news:publication/news:language", namespaces=NS) == "en"
        published = news.findtext("news:publication_date", namespaces=NS)
        assert W3C_DATETIME.match(published), published
        assert moment(published) == article.published_at
        assert news.findtext("news:title", namespaces=NS) == article.title


def test_news_sitemap_uses_the_publication_setting(client, article, django_capture_on_commit_callbacks):
    publication = Publication.load()
    publication.name = "Smith & Daughters Gazette"
    publication.language = "cy"
    with django_capture_on_commit_callbacks(execute=True):  # the admin's save commits
        publication.save()
    news = xml(client, "/news-sitemap.xml").find("s:url/news:news/news:publication", NS)
    assert news.findtext("news:name", namespaces=NS) == "Smith & Daughters Gazette"
    assert news.findtext("news:language", namespaces=NS) == "cy"


def test_news_sitemap_is_valid_when_empty(client, home):
    root = xml(client, "/news-sitemap.xml")
    assert root.tag == f"{{{SITEMAP_NS}}}urlset"
    assert root.findall("s:url", NS) == []


# robots.txt ----------------------------------------------------------------------------


def test_robots_txt_points_to_both_sitemaps_and_keeps_crawlers_out_of_the_admin(client, article):
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    robots = RobotFileParser()
    robots.parse(response.content.decode().splitlines())
    assert robots.site_maps() == [SITE + "/sitemap.xml", SITE + "/news-sitemap.xml"]
    assert not robots.can_fetch("*", SITE + "/admin/")
    assert not robots.can_fetch("*", SITE + "/admin/pages/")
    for path in ("/", article.url, "/sitemap.xml", "/news-sitemap.xml", "/feeds/rss/"):
        assert robots.can_fetch("*", SITE + path), path
    for sitemap in robots.site_maps():
        assert client.get(urlsplit(sitemap).path).status_code == 200


# Article metadata ----------------------------------------------------------------------


def test_article_has_canonical_description_open_graph_and_twitter_tags(client, make_article):
    article = make_article("Council approves harbour plan", image=True)
    page = html(client, article.url)
    canonical = SITE + article.url
    assert page.select_one("link[rel=canonical]")["href"] == canonical
    assert meta(page, "description") == article.standfirst
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == article.title
    assert meta(page, "og:description") == article.standfirst
    assert meta(page, "og:url") == canonical
    image = meta(page, "og:image")
    assert image.startswith(SITE + "/media/"), image
    assert client.get(urlsplit(image).path).status_code == 200
    assert moment(meta(page, "article:published_time")) == article.published_at
    assert moment(meta(page, "article:modified_time")) == article.published_at
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "twitter:title") == article.title
    assert meta(page, "twitter:description") == article.standfirst
    assert meta(page, "twitter:image") == image


def test_article_without_a_lead_image_has_no_image_metadata(client, article):
    page = html(client, article.url)
    assert meta(page, "og:image") is None
    assert meta(page, "twitter:image") is None
    assert meta(page, "twitter:card") == "summary"
    assert "image" not in structured_data(page)


def test_canonical_link_drops_the_query_string(client, article):
    page = html(client, article.url + "?utm_source=newsletter&ref=x")
    assert page.select_one("link[rel=canonical]")["href"] == SITE + article.url
    assert meta(page, "og:url") == SITE + article.url


def test_search_description_overrides_the_standfirst_in_meta_description(client, make_article):
    article = make_article(search_description="What the council decided about the harbour.")
    assert meta(html(client, article.url), "description") == "What the council decided about the harbour."


def test_structured_data_describes_the_news_article(client, make_article):
    article = make_article("Council approves harbour plan", image=True, tags=("harbour", "council"))
    page = html(client, article.url)
    data = structured_data(page)
    canonical = SITE + article.url
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["description"] == article.standfirst
    assert moment(data["datePublished"]) == article.published_at
    assert data["dateModified"] == data["datePublished"]
    assert data["author"] == [
        {"@type": "Person", "name": "Ada Reporter", "url": SITE + "/authors/ada-reporter/"}
    ]
    assert data["image"] == [meta(page, "og:image")]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == "Broadsheet"
    assert data["publisher"]["logo"]["url"].startswith(SITE + "/static/"), data["publisher"]
    assert data["mainEntityOfPage"]["@id"] == canonical
    assert data["mainEntityOfPage"]["@type"] == "WebPage"
    assert data["articleSection"] == "Politics"
    assert sorted(data["keywords"]) == ["council", "harbour"]


def test_structured_data_date_modified_follows_an_update(client, make_article):
    published = timezone.now() - timedelta(hours=8)
    article = make_article(published_at=published, updated_at=published + timedelta(hours=3))
    page = html(client, article.url)
    data = structured_data(page)
    assert moment(data["datePublished"]) == published
    assert moment(data["dateModified"]) == published + timedelta(hours=3)
    assert moment(meta(page, "article:modified_time")) == published + timedelta(hours=3)


def test_structured_data_lists_every_author(client, article, author):
    other = Author.objects.create(name="Ben Writer", slug="ben-writer")
    ArticleAuthor.objects.create(article=article, author=other, sort_order=1)
    authors = structured_data(html(client, article.url))["author"]
    assert [(person["@type"], person["name"], person["url"]) for person in authors] == [
        ("Person", "Ada Reporter", SITE + "/authors/ada-reporter/"),
        ("Person", "Ben Writer", SITE + "/authors/ben-writer/"),
    ]


def test_structured_data_uses_the_publication_logo_and_name(
    client, article, django_capture_on_commit_callbacks
):
    publication = Publication.load()
    publication.name = "The Harbour Courier"
    publication.logo = make_image("Masthead", size=(800, 120))
    with django_capture_on_commit_callbacks(execute=True):  # the admin's save commits
        publication.save()
    publisher = structured_data(html(client, article.url))["publisher"]
    assert publisher["name"] == "The Harbour Courier"
    assert publisher["logo"]["url"].startswith(SITE + "/media/"), publisher
    assert client.get(urlsplit(publisher["logo"]["url"]).path).status_code == 200


def test_structured_data_headline_fits_the_search_engine_limit(client, make_article):
    article = make_article("Harbour " * 30)
    headline = structured_data(html(client, article.url))["headline"]
    assert 0 < len(headline) <= 110
    assert article.title.startswith(headline)


@pytest.mark.parametrize(
    "title",
    [
        'Mayor: "</script><script>alert(1)</script>" & more',
        "Rates &amp; fees </SCRIPT > rise",
        "<!-- <script> comment trick",
        "Ampersands & <b>bold</b> ]]> and \u2028 separators",
    ],
)
def test_headline_cannot_break_out_of_the_structured_data(client, make_article, title):
    article = make_article(title, standfirst=title)
    response = client.get(article.url)
    page = BeautifulSoup(response.content, "html.parser")
    data = structured_data(page)
    assert data["headline"] == title
    assert data["description"] == title
    for script in page.find_all("script"):
        assert script.get("type") == "application/ld+json" or script.get("src"), script
    assert b"alert(1)</script>" not in response.content
    assert meta(page, "og:title") == title
