"""Every endpoint and filter: what each answers, in which order, and the 400s for bad input."""

from __future__ import annotations

import pytest
from wagtail.images.models import Image

from comments.models import Comment, Status
from conftest import make_image, uncached_get
from contentapi.tests.conftest import titles
from quotes.store import refresh_article

pytestmark = pytest.mark.django_db

NEWEST_FIRST = ["Budget agreed", "Shops reopen", "Ferries return", "Harbour plan approved"]


def test_articles_are_listed_newest_first_with_a_total(client, newsroom):
    response = client.get("/api/v2/articles/")
    assert response["Content-Type"] == "application/json"
    assert titles(response) == NEWEST_FIRST
    assert response.json()["meta"] == {"total_count": 4}


def test_articles_are_paginated_with_limit_and_offset(client, newsroom):
    response = client.get("/api/v2/articles/", {"limit": 2, "offset": 1})
    assert titles(response) == NEWEST_FIRST[1:3]
    assert response.json()["meta"]["total_count"] == 4
    assert titles(client.get("/api/v2/articles/", {"offset": 4})) == []


def test_a_listing_shows_what_a_card_needs(client, newsroom, section, author, bo):
    budget = client.get("/api/v2/articles/", {"limit": 1}).json()["items"][0]
    article = newsroom["budget"]
    assert budget["id"] == article.pk
    assert budget["meta"] == {
        "type": "news.ArticlePage",
        "detail_url": f"http://127.0.0.1:8000/api/v2/articles/{article.pk}/",
        "html_url": "http://127.0.0.1:8000/business/budget-agreed/",
        "slug": "budget-agreed",
        "first_published_at": budget["meta"]["first_published_at"],
    }
    assert budget["canonical_url"] == "http://127.0.0.1:8000/business/budget-agreed/"
    assert budget["published_at"] == "2026-03-04T09:00:00+00:00"
    assert budget["section"]["title"] == "Business"
    assert [person["name"] for person in budget["authors"]] == ["Ada Reporter", "Bo Writer"]
    assert budget["byline"] == "Ada Reporter and Bo Writer"
    assert [rendition["filter"] for rendition in budget["lead_image"]["renditions"]] == [
        "format-webp|width-480",
        "format-jpeg|width-480",
        "format-webp|width-800",
        "format-jpeg|width-800",
    ]
    assert budget["lead_image"]["renditions"][0]["url"].startswith("http://127.0.0.1:8000/media/images/")
    assert "body" not in budget
    assert "comment_count" not in budget


def test_articles_filter_by_section(client, newsroom, section, business):
    assert titles(client.get("/api/v2/articles/", {"section": business.pk})) == NEWEST_FIRST[:2]
    assert titles(client.get("/api/v2/articles/", {"section": section.pk})) == NEWEST_FIRST[2:]


def test_articles_filter_by_tag(client, newsroom):
    tags = {tag["meta"]["slug"]: tag["id"] for tag in client.get("/api/v2/tags/").json()["items"]}
    assert titles(client.get("/api/v2/articles/", {"tag": tags["harbour"]})) == NEWEST_FIRST[2:]
    assert titles(client.get("/api/v2/articles/", {"tag": tags["high-street"]})) == ["Shops reopen"]


def test_articles_filter_by_author(client, newsroom, author, bo):
    assert titles(client.get("/api/v2/articles/", {"author": bo.pk})) == NEWEST_FIRST[:2]
    assert titles(client.get("/api/v2/articles/", {"author": author.pk})) == [
        "Budget agreed",
        *NEWEST_FIRST[2:],
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"date_from": "2026-03-02"}, NEWEST_FIRST[:3]),
        ({"date_to": "2026-03-02"}, NEWEST_FIRST[2:]),
        ({"date_from": "2026-03-02", "date_to": "2026-03-03"}, NEWEST_FIRST[1:3]),
        ({"date_from": "2026-03-02T09:00:01Z"}, NEWEST_FIRST[:2]),
        ({"date_to": "2026-03-04T09:00:00+00:00"}, NEWEST_FIRST[1:]),
        ({"date_from": "2026-03-03", "date_to": "2026-03-03"}, ["Shops reopen"]),
    ],
)
def test_articles_filter_by_date_range(client, newsroom, query, expected):
    assert titles(client.get("/api/v2/articles/", query)) == expected


def test_filters_combine(client, newsroom, business, author):
    query = {"section": business.pk, "author": author.pk, "date_to": "2026-03-04"}
    assert titles(client.get("/api/v2/articles/", query)) == ["Budget agreed"]


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("section", "section: no published section has the id"),
        ("tag", "tag: no tag has the id"),
        ("author", "author: no author has the id"),
    ],
)
def test_an_id_that_names_nothing_is_a_400_never_a_stored_empty_list(client, newsroom, name, message):
    response = client.get("/api/v2/articles/", {name: 999999})
    assert response.status_code == 400
    assert response.json()["message"].startswith(message)


def test_a_section_that_is_not_a_live_section_is_refused(client, newsroom, home, business):
    assert client.get("/api/v2/articles/", {"section": home.pk}).status_code == 400
    business.unpublish()
    assert client.get("/api/v2/articles/", {"section": business.pk}).status_code == 400


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"section": "politics"}, "section must be an id as the API gives it (a positive whole number)."),
        ({"tag": "-1"}, "tag must be an id"),
        ({"author": "9" * 5000}, "author must be an id"),
        ({"author": "²"}, "author must be an id"),
        ({"date_from": "2026-13-01"}, "date_from must be a date (YYYY-MM-DD)"),
        ({"date_to": "yesterday"}, "date_to must be a date"),
        ({"date_to": "9999-12-31"}, "date_to must be a date"),
        ({"date_from": "2026-03-04", "date_to": "2026-03-01"}, "date_from must come before date_to."),
        ({"limit": "0"}, "limit must be a whole number from 1 to 100."),
        ({"limit": "101"}, "limit must be a whole number from 1 to 100."),
        ({"limit": "ten"}, "limit must be a whole number from 1 to 100."),
        ({"offset": "10001"}, "offset must be a whole number from 0 to 10000."),
        ({"offset": "-5"}, "offset must be a whole number from 0 to 10000."),
    ],
)
def test_a_bad_value_is_a_400_saying_what_is_accepted(client, newsroom, query, message):
    response = client.get("/api/v2/articles/", query)
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert response.json()["message"].startswith(message)


@pytest.mark.parametrize("listing", ["sections", "tags", "authors", "images"])
def test_every_listing_caps_its_page_size(client, newsroom, listing):
    assert client.get(f"/api/v2/{listing}/", {"limit": 101}).status_code == 400
    assert client.get(f"/api/v2/{listing}/", {"limit": 1}).json()["items"].__len__() == 1


def test_unknown_parameters_are_ignored(client, newsroom):
    assert titles(client.get("/api/v2/articles/", {"utm_source": "x", "fields": "*"})) == NEWEST_FIRST


def test_an_article_in_full(client, newsroom, author, bo):
    article = newsroom["budget"]
    picture = make_image("Council chamber")
    article.body = [
        {"type": "heading", "value": "What was agreed"},
        {"type": "paragraph", "value": '<p>Rates <b>rise</b> by <a href="https://example.org/">2%</a>.</p>'},
        {
            "type": "image",
            "value": {"image": picture.pk, "alt_text": "", "caption": "The vote", "credit": "Lu"},
        },
        {"type": "list", "value": ["Roads", "Schools"]},
        {"type": "quote", "value": {"text": "Fair", "speaker": "Jo Mayor", "role": ""}},
        {"type": "embed", "value": {"url": "https://vimeo.com/123456", "title": "The debate"}},
    ]
    article.correction = "An earlier version misspelt the mayor's name."
    article.save_revision().publish()
    for status in (Status.APPROVED, Status.APPROVED, Status.PENDING, Status.SPAM):
        Comment.objects.create(article=article, name="R", email="r@example.org", text="Hi", status=status,
                               fingerprint=f"{status}-{Comment.objects.count()}")  # fmt: skip

    shown = client.get(f"/api/v2/articles/{article.pk}/").json()

    assert shown["title"] == "Budget agreed"
    assert shown["standfirst"] == article.standfirst
    assert shown["byline"] == "Ada Reporter and Bo Writer"
    assert shown["correction"] == "An earlier version misspelt the mayor's name."
    assert shown["comment_count"] == 2
    assert shown["meta"]["last_published_at"]
    assert [block["type"] for block in shown["body"]] == [
        "heading",
        "paragraph",
        "image",
        "list",
        "quote",
        "embed",
    ]
    heading, paragraph, image, items, quote, embed = (block["value"] for block in shown["body"])
    assert heading == "What was agreed"
    assert paragraph == '<p>Rates <b>rise</b> by <a href="https://example.org/">2%</a>.</p>'
    assert image["alt_text"] == "Council chamber"
    assert image["caption"] == "The vote"
    assert image["image"]["id"] == picture.pk
    assert len(image["image"]["renditions"]) == 4
    assert items == ["Roads", "Schools"]
    assert quote == {"text": "Fair", "speaker": "Jo Mayor", "role": ""}
    assert embed == {"url": "https://vimeo.com/123456", "title": "The debate"}
    assert "<h2" in shown["body_html"]
    assert "<picture" in shown["body_html"]
    assert "Rates <b>rise</b>" in shown["body_html"]
    refresh_article(article)  # the worker reads the quotations once the article is published
    (said,) = uncached_get(client, f"/api/v2/articles/{article.pk}/").json()["quotes"]
    assert said["text"] == "Fair"
    assert said["anonymous"] is False
    assert said["speaker"] == {"name": "Jo Mayor", "kind": "person", "url": "/people/jo-mayor/"}


def test_sections_with_their_article_counts(client, newsroom, section, business):
    listed = client.get("/api/v2/sections/").json()
    assert listed["meta"]["total_count"] == 2
    assert [(item["title"], item["article_count"]) for item in listed["items"]] == [
        ("Politics", 2),
        ("Business", 2),
    ]
    detail = client.get(f"/api/v2/sections/{business.pk}/").json()
    assert detail["meta"]["html_url"] == "http://127.0.0.1:8000/business/"
    assert detail["article_count"] == 2


def test_tags_used_by_live_articles_with_counts(client, newsroom):
    listed = client.get("/api/v2/tags/").json()
    assert [(item["name"], item["article_count"]) for item in listed["items"]] == [
        ("council", 1),
        ("harbour", 2),
        ("high street", 1),
    ]
    harbour = next(item for item in listed["items"] if item["name"] == "harbour")
    assert harbour["meta"]["html_url"] == "http://127.0.0.1:8000/tags/harbour/"
    assert client.get(f"/api/v2/tags/{harbour['id']}/").json() == harbour


def test_authors_with_counts(client, newsroom, author, bo):
    bo.photo = make_image("Bo")
    bo.save()
    listed = client.get("/api/v2/authors/").json()
    assert [(item["name"], item["article_count"]) for item in listed["items"]] == [
        ("Ada Reporter", 3),
        ("Bo Writer", 2),
    ]
    shown = client.get(f"/api/v2/authors/{bo.pk}/").json()
    assert shown["role"] == "Business editor"
    assert shown["meta"]["html_url"] == "http://127.0.0.1:8000/authors/bo-writer/"
    assert len(shown["photo"]["renditions"]) == 4


def test_images_are_the_lead_images_of_live_articles(client, newsroom):
    make_image("An upload no article uses yet")
    listed = client.get("/api/v2/images/").json()
    leads = [newsroom["budget"].lead_image_id, newsroom["harbour"].lead_image_id]
    assert [item["id"] for item in listed["items"]] == leads
    assert Image.objects.count() == 3
    shown = client.get(f"/api/v2/images/{leads[0]}/").json()
    assert shown["title"] == "Budget agreed"
    assert {rendition["width"] for rendition in shown["renditions"]} == {480, 800}


@pytest.mark.parametrize("kind", ["articles", "sections", "tags", "authors", "images"])
@pytest.mark.parametrize("pk", ["999999", "abc", "9" * 40, "0"])
def test_an_unknown_id_is_a_json_404(client, newsroom, kind, pk):
    response = client.get(f"/api/v2/{kind}/{pk}/")
    assert response.status_code == 404
    assert response.json()["message"].startswith("No published")


def test_the_api_is_read_only(client, newsroom):
    response = client.post("/api/v2/articles/", {})
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"


def test_the_index_lists_every_listing(client, home):
    assert client.get("/api/v2/").json() == {
        name: f"http://127.0.0.1:8000/api/v2/{name}/"
        for name in ("articles", "sections", "tags", "authors", "images")
    }


def test_an_unknown_endpoint_is_a_json_404(client, home):
    response = client.get("/api/v2/pages/")
    assert response.status_code == 404
    assert response.json()["message"].startswith("No such endpoint.")
    assert response["Access-Control-Allow-Origin"] == "*"


def test_an_address_without_its_slash_is_redirected_to_it(client, home):
    response = client.get("/api/v2/articles")
    assert (response.status_code, response["Location"]) == (301, "/api/v2/articles/")
