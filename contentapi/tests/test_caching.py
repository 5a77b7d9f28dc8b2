"""Cached like pages, purged exactly where a change shows, open to every origin (CORS)."""

from __future__ import annotations

import pytest
from taggit.models import Tag

from comments.models import Comment, Status
from comments.moderation import set_status
from contentapi.tests.conftest import titles
from core import pagecache
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_purges():
    """Each invalidation of API paths, as the worker would run it."""
    seen: list[list[str]] = []

    def record(sender: object, paths: list[str], **kwargs: object) -> None:
        if any(path.startswith("/api/") for path in paths):
            seen.append(paths)

    pagecache.pages_invalidated.connect(record)
    yield seen
    pagecache.pages_invalidated.disconnect(record)


def publication_purges(purges: list[list[str]], article: ArticlePage) -> list[list[str]]:
    """Leave out the article's detail purged alone once its quotations are read (quotes.api)."""
    return [paths for paths in purges if paths != [f"/api/v2/articles/{article.pk}/"]]


def _tag_id(name: str) -> int:
    return Tag.objects.get(name=name).pk


def test_responses_are_cached_like_pages_with_cors_on_hits(client, newsroom, django_assert_num_queries):
    first = client.get("/api/v2/articles/", {"limit": 2})
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        again = client.get("/api/v2/articles/", {"limit": 2}, headers={"origin": "https://app.example"})
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content
    assert again["Content-Type"] == "application/json"
    assert again["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in again
    assert again["Cache-Control"] == "public, max-age=0, s-maxage=300"


def test_only_the_apis_own_parameters_are_cache_keys(client, newsroom, section):
    assert client.get("/api/v2/articles/", {"limit": 2})["X-Page-Cache"] == "miss"
    assert (
        client.get("/api/v2/articles/", {"limit": 2, "utm_source": "x", "page": 3})["X-Page-Cache"] == "hit"
    )
    assert client.get("/api/v2/articles/", {"limit": 3})["X-Page-Cache"] == "miss"
    client.get(section.url)
    assert client.get(section.url, {"limit": 3, "offset": 1})["X-Page-Cache"] == "hit"  # not the site's keys


def test_json_is_stored_compressed(client, newsroom):
    client.get("/api/v2/articles/")
    hit = client.get("/api/v2/articles/", headers={"accept-encoding": "br"})
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Encoding"] == "br"


def test_a_preflight_allows_reading_from_any_origin_without_credentials(client, newsroom):
    response = client.options(
        "/api/v2/articles/",
        headers={"origin": "https://app.example", "access-control-request-method": "GET"},
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_errors_carry_cors_headers_too(client, newsroom):
    response = client.get("/api/v2/articles/", {"limit": "x"}, headers={"origin": "https://app.example"})
    assert response.status_code == 400
    assert response["Access-Control-Allow-Origin"] == "*"


def test_publishing_purges_exactly_the_api_addresses_that_show_the_article(
    newsroom, section, author, api_purges, django_capture_on_commit_callbacks
):
    article = newsroom["harbour"]
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert [f"/api/v2/articles/{article.pk}/"] in api_purges  # its quotations, once read
    assert publication_purges(api_purges, article) == [
        sorted(
            [
                "/api/v2/articles/",
                f"/api/v2/articles/{article.pk}/",
                "/api/v2/sections/",
                f"/api/v2/sections/{section.pk}/",
                "/api/v2/tags/",
                f"/api/v2/tags/{_tag_id('harbour')}/",
                f"/api/v2/tags/{_tag_id('council')}/",
                "/api/v2/authors/",
                f"/api/v2/authors/{author.pk}/",
                "/api/v2/images/",
                f"/api/v2/images/{article.lead_image_id}/",
            ]
        )
    ]


def test_a_removed_tag_author_and_section_are_purged_too(
    newsroom, business, author, bo, api_purges, django_capture_on_commit_callbacks
):
    article = newsroom["ferries"]
    article.tags.set(["ferries"])
    article.author_links = [article.author_links.model(author=bo, sort_order=0)]
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        article.move(business, pos="last-child")
    api_purges = publication_purges(api_purges, article)
    assert {f"/api/v2/tags/{_tag_id('harbour')}/", f"/api/v2/authors/{author.pk}/"} <= set(api_purges[0])
    assert {f"/api/v2/tags/{_tag_id('ferries')}/", f"/api/v2/authors/{bo.pk}/"} <= set(api_purges[0])
    section_paths = {path for path in api_purges[1] if path.startswith("/api/v2/sections/")}
    assert section_paths == {
        "/api/v2/sections/",
        f"/api/v2/sections/{business.pk}/",
        f"/api/v2/sections/{newsroom['harbour'].get_parent().pk}/",
    }


def test_a_published_article_reaches_a_cached_listing(
    client, newsroom, make_article, django_capture_on_commit_callbacks
):
    tag = _tag_id("harbour")
    for _ in range(2):
        client.get("/api/v2/articles/", {"tag": tag})
    with django_capture_on_commit_callbacks(execute=True):
        make_article("Harbour reopens", tags=("harbour",), hours_ago=0)
    response = client.get("/api/v2/articles/", {"tag": tag})
    assert response["X-Page-Cache"] == "miss"
    assert titles(response)[0] == "Harbour reopens"


def test_unpublishing_purges_the_article_and_its_listings(
    client, newsroom, api_purges, django_capture_on_commit_callbacks
):
    article = newsroom["budget"]
    client.get(f"/api/v2/articles/{article.pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    purges = publication_purges(api_purges, article)
    assert {"/api/v2/articles/", f"/api/v2/articles/{article.pk}/", "/api/v2/images/"} <= set(purges[-1])
    assert client.get(f"/api/v2/articles/{article.pk}/").status_code == 404


def test_deleting_an_article_purges_where_it_showed(newsroom, api_purges, django_capture_on_commit_callbacks):
    article = newsroom["budget"]
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=article.pk).delete()
    assert {"/api/v2/articles/", f"/api/v2/articles/{article.pk}/"} <= set(api_purges[-1])


def test_making_a_section_private_purges_everything_under_it(
    client, newsroom, business, api_purges, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    client.get(f"/api/v2/articles/{newsroom['shops'].pk}/")
    with django_capture_on_commit_callbacks(execute=True):
        PageViewRestriction.objects.create(page=business, restriction_type=PageViewRestriction.LOGIN)
    purged = set(api_purges[-1])
    assert {
        f"/api/v2/articles/{newsroom['shops'].pk}/",
        f"/api/v2/articles/{newsroom['budget'].pk}/",
    } <= purged
    assert {f"/api/v2/sections/{business.pk}/", "/api/v2/articles/", "/api/v2/sections/"} <= purged
    assert client.get(f"/api/v2/articles/{newsroom['shops'].pk}/").status_code == 404


def test_a_comment_shown_purges_only_its_article_detail(
    client, newsroom, api_purges, django_capture_on_commit_callbacks
):
    article = newsroom["budget"]
    assert client.get(f"/api/v2/articles/{article.pk}/").json()["comment_count"] == 0
    comment = Comment.objects.create(article=article, name="R", email="r@example.org", text="Well put.",
                                     status=Status.PENDING, fingerprint="one")  # fmt: skip
    with django_capture_on_commit_callbacks(execute=True):
        set_status(Comment.objects.filter(pk=comment.pk), Status.APPROVED)
    assert api_purges == [[f"/api/v2/articles/{article.pk}/"]]
    assert client.get(f"/api/v2/articles/{article.pk}/").json()["comment_count"] == 1


def test_an_editors_correction_of_a_quotation_purges_its_article_detail(
    client, newsroom, api_purges, django_capture_on_commit_callbacks
):
    from quotes import editing
    from quotes.models import Quotation, Speaker
    from quotes.store import refresh_article

    article = newsroom["budget"]
    refresh_article(article)  # as the worker does once the article is published
    quotation = Quotation.objects.filter(article=article).first()
    assert client.get(f"/api/v2/articles/{article.pk}/").json()["quotes"][0]["speaker"]["name"] == "Jo Mayor"
    other = Speaker.objects.create(name="Ilse Varga", slug="ilse-varga", kind="person")
    with django_capture_on_commit_callbacks(execute=True):
        editing.correct(quotation, other)
    assert [f"/api/v2/articles/{article.pk}/"] in api_purges
    assert (
        client.get(f"/api/v2/articles/{article.pk}/").json()["quotes"][0]["speaker"]["name"] == "Ilse Varga"
    )


def test_publishing_a_section_purges_its_detail_and_the_listings_naming_it(
    business, api_purges, django_capture_on_commit_callbacks
):
    business.title = "Business and money"
    with django_capture_on_commit_callbacks(execute=True):
        business.save_revision().publish()
    assert api_purges == [["/api/v2/articles/", "/api/v2/sections/", f"/api/v2/sections/{business.pk}/"]]
