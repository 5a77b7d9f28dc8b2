"""Every page type renders for readers, with the regions and metadata the brief asks for."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from bs4 import BeautifulSoup
from django.http import HttpResponse
from django.utils.timezone import localtime
from wagtail.models import PageViewRestriction

from conftest import uncached_get
from news.models import PromoSpot, RelatedArticle, StandardPage

pytestmark = pytest.mark.django_db


def soup(response: HttpResponse) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_home_shows_lead_section_blocks_and_latest(client, make_article, section):
    older = make_article("Older story", hours_ago=30)
    newest = make_article("Newest story", hours_ago=1)
    page = soup(client.get("/"))
    assert page.select_one(".lead-story a")["href"] == newest.url
    assert [a.get_text() for a in page.select(".section-block h2 a")] == ["Politics"]
    assert older.title in page.select_one(".latest").get_text()


def test_home_leads_with_the_editors_pick(client, make_article, home):
    pick = make_article("The editor's pick", hours_ago=20)
    make_article("A newer story", hours_ago=1)
    home.lead_article = pick
    home.save_revision().publish()
    assert soup(client.get("/")).select_one(".lead-story a")["href"] == pick.url


def test_section_tag_and_author_pages_list_the_article(client, article, author, section):
    for url in (section.url, "/tags/harbour/", author.get_absolute_url()):
        page = soup(client.get(url))
        assert article.title in page.select_one("main").get_text(), url


def test_author_page_shows_bio(client, article, author):
    author.bio = "Covers the council and the courts."
    author.save()
    assert "Covers the council" in soup(client.get(author.get_absolute_url())).get_text()


def test_standard_page_renders(client, home):
    about = home.add_child(instance=StandardPage(title="About us", slug="about", intro="Who we are."))
    about.save_revision().publish()
    assert soup(client.get("/about/")).h1.get_text() == "About us"


@pytest.mark.parametrize("bad", ["0", "-1", "abc", "99999999999999999999", "2.5", "", "9"])
def test_bad_page_numbers_are_friendly_404s(client, article, section, bad):
    for url in ("/", section.url, "/tags/harbour/"):
        response = client.get(url, {"page": bad})
        assert response.status_code == 404, (url, bad)
        assert b"Page not found" in response.content


def test_unknown_urls_get_the_friendly_404(client, home):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"Page not found" in response.content
    assert b"Traceback" not in response.content


def test_article_regions_come_in_the_reference_order(client, make_article):
    pick = make_article("Earlier chapter of the saga", hours_ago=5)
    article = make_article("Latest chapter of the saga")
    RelatedArticle.objects.create(article=article, related=pick)
    PromoSpot.objects.create(
        placement="article", title="Courier Live", text="Our evening of talks.", link_url="/"
    )
    html = client.get(article.url).content.decode()
    markers = [
        "<h1>",
        'class="article__standfirst"',
        'class="dateline"',
        'class="byline"',
        'class="article__body"',
        'id="share-heading"',
        'class="promo"',
        'id="related-heading"',
    ]
    positions = [html.index(marker) for marker in markers]
    assert positions == sorted(positions)


def test_empty_regions_render_nothing(client, article):
    page = soup(client.get(article.url))
    assert page.select_one("#related-heading") is None
    assert page.select_one(".promo") is None  # no empty "Promoted" box


def test_dateline_shows_publication_time_in_site_time_zone(client, make_article):
    article = make_article()
    dateline = soup(client.get(article.url)).select_one(".dateline")
    times = dateline.select("time")
    # Whole seconds: HTML's <time datetime> allows at most three digits of a second.
    assert [t["datetime"] for t in times] == [localtime(article.published_at).isoformat(timespec="seconds")]
    assert "Updated" not in dateline.get_text()


def test_related_picks_show_headline_teaser_and_thumbnail(client, make_article):
    long_standfirst = " ".join(f"word{n}" for n in range(60))
    pick = make_article("A picked story", standfirst=long_standfirst, image=True, hours_ago=3)
    article = make_article("The main story")
    RelatedArticle.objects.create(article=article, related=pick)
    region = soup(client.get(article.url)).select_one(".region--related")
    assert region.select_one("h3 a").get_text() == "A picked story"
    teaser = region.select_one(".card__teaser").get_text()
    assert teaser.endswith("…")
    assert teaser.startswith("word0 word1")
    assert "word59" not in teaser
    assert region.select_one("img")["loading"] == "lazy"
    assert region.select_one("img").has_attr("width")


def test_unpublished_related_pick_is_not_shown(client, make_article):
    pick = make_article("Withdrawn story", hours_ago=2)
    article = make_article("The main story")
    RelatedArticle.objects.create(article=article, related=pick)
    pick.unpublish()
    assert soup(client.get(article.url)).select_one(".region--related") is None


def test_share_links_are_encoded_plain_links(client, make_article):
    article = make_article("Rates & fees: “up” 5%?")
    page = soup(client.get(article.url))
    links = {a.find(string=True, recursive=False).strip(): a["href"] for a in page.select(".share__links a")}
    assert set(links) == {"X", "Facebook", "LinkedIn", "WhatsApp", "Telegram", "Reddit", "Email"}
    canonical = page.select_one("link[rel=canonical]")["href"]
    assert parse_qs(urlsplit(links["X"]).query) == {"url": [canonical], "text": [article.title]}
    assert parse_qs(urlsplit(links["Reddit"]).query) == {"url": [canonical], "title": [article.title]}
    assert quote(article.title) in links["Email"]
    assert page.select_one(".share__copy")["data-copy-url"] == canonical
    assert page.select_one(".share__native").has_attr("hidden")


def test_no_page_loads_anything_from_another_origin(client, make_article, section, author):
    article = make_article(image=True)
    for url in (
        "/",
        section.url,
        article.url,
        "/tags/harbour/",
        author.get_absolute_url(),
        "/search/?q=harbour",
    ):
        page = soup(client.get(url))
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "srcset"),
        ):
            for element in page.find_all(tag):
                value = element.get(attribute, "")
                if tag == "link" and element.get("rel") in (["canonical"], ["alternate"]):
                    continue
                assert not re.match(r"^(https?:)?//", value), (url, tag, value)


def test_click_to_load_embed_makes_no_request_until_asked(client, make_article):
    body = [
        {
            "type": "embed",
            "value": {"url": "https://www.youtube.com/watch?v=abcdEFGH123", "title": "Harbour at dawn"},
        }
    ]
    page = soup(client.get(make_article(body=body).url))
    embed = page.select_one(".embed")
    assert embed["data-embed-src"] == "https://www.youtube-nocookie.com/embed/abcdEFGH123"
    assert embed.find("iframe") is None
    assert embed.select_one("button.embed__load")


def test_quote_block_carries_its_speaker(client, article):
    quote_block = soup(client.get(article.url)).select_one(".article__body figure.quote")
    assert quote_block.blockquote.get_text(strip=True) == "It is a good day"
    assert quote_block.cite.get_text() == "Jo Mayor"


def test_accented_tag_gets_an_ascii_address(client, make_article, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        article = make_article(tags=("Café culture",))
    assert client.get("/tags/cafe-culture/").status_code == 200
    assert article.title in client.get("/tags/cafe-culture/").content.decode()


def test_routing_finds_every_kind_of_page_and_nothing_else(client, make_article, home, section):
    about = home.add_child(instance=StandardPage(title="About us", slug="about"))
    about.save_revision().publish()
    article = make_article()
    draft = make_article("Not yet out", live=False)
    for page in (home, section, about, article):
        assert uncached_get(client, page.url).context["page"] == page, page.url
    for url in (draft.url, section.url + "no-such-story/", "/no-such-section/", article.url + "extra/"):
        assert client.get(url).status_code == 404, url


def test_making_a_page_private_takes_effect_at_once(client, article, django_capture_on_commit_callbacks):
    assert client.get(article.url).status_code == 200
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=article.get_parent(), restriction_type="password", password="letmein"
        )
    response = client.get(article.url)
    assert response.get("X-Page-Cache") != "hit"
    assert "password" in response.content.decode().lower()
    assert "The council voted" not in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert "The council voted" in client.get(article.url).content.decode()


def test_a_render_that_looked_before_a_page_went_private_cannot_hide_it(home, monkeypatch):
    from django.core.cache import cache

    from news.models import shared_view_restrictions, view_restrictions_exist

    key = shared_view_restrictions.key()

    def writer_commits_meanwhile() -> bool:
        cache.set(key, True, timeout=60)  # the restriction's retirement, after the commit
        return False  # what this render read just before

    monkeypatch.setattr(PageViewRestriction.objects, "exists", writer_commits_meanwhile)
    view_restrictions_exist()
    assert cache.get(key) is True
