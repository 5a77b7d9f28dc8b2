"""SQL queries per API request on a page-cache miss: within budget, and the same for 2 items or 8
(4 articles, then 8 with more authors, tags and inline images; stated in docs/api.md)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from conftest import make_image
from core import pagecache
from news.models import ArticleAuthor, ArticlePage, Author, SectionPage

pytestmark = pytest.mark.django_db

BUDGETS = {
    "articles": 8,
    "article": 10,  # with its quotations and their speakers (quotes.api)
    "sections": 5,
    "section": 4,
    "tags": 3,
    "tag": 2,
    "authors": 4,
    "author": 3,
    "images": 4,
    "image": 3,
}


def _urls(article: ArticlePage, tag_id: int, author: Author) -> dict[str, str]:
    return {
        "articles": "/api/v2/articles/",
        "article": f"/api/v2/articles/{article.pk}/",
        "sections": "/api/v2/sections/",
        "section": f"/api/v2/sections/{article.get_parent().pk}/",
        "tags": "/api/v2/tags/",
        "tag": f"/api/v2/tags/{tag_id}/",
        "authors": "/api/v2/authors/",
        "author": f"/api/v2/authors/{author.pk}/",
        "images": "/api/v2/images/",
        "image": f"/api/v2/images/{article.lead_image_id}/",
    }


def _queries_on_a_miss(client: Client, url: str) -> int:
    for _view in range(2):  # the first view of a new image generates its renditions
        pagecache.invalidate([url])  # (publishing purges only after commit, never inside a test)
        client.get(url)
    pagecache.invalidate([url])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response["X-Page-Cache"] == "miss"
    return len(queries)


def _grow(make_article: Callable[..., ArticlePage], business: SectionPage, author: Author, n: int) -> None:
    for number in range(n):
        extra = Author.objects.create(
            name=f"Writer {number}", slug=f"writer-{number}", photo=make_image("Face")
        )
        story = make_article(f"More news {number}", parent=business, image=True,
                             tags=("harbour", f"extra-{number}"), hours_ago=number + 10)  # fmt: skip
        story.author_links = [
            ArticleAuthor(author=author, sort_order=0),
            ArticleAuthor(author=extra, sort_order=1),
        ]
        story.body = [
            *story.body.raw_data,
            *({"type": "image", "value": {"image": make_image("Inline").pk}} for _ in range(2)),
        ]
        story.save_revision().publish()


def test_each_endpoint_stays_within_its_budget_however_many_items(
    client, newsroom, make_article, business, author
):
    article = newsroom["budget"]
    article.body = [{"type": "image", "value": {"image": make_image("Inline").pk}}]
    article.save_revision().publish()
    author.photo = make_image("Ada")
    author.save()
    harbour = next(
        item["id"] for item in client.get("/api/v2/tags/").json()["items"] if item["name"] == "harbour"
    )
    urls = _urls(article, harbour, author)
    few = {name: _queries_on_a_miss(client, url) for name, url in urls.items()}

    _grow(make_article, business, author, 4)
    article.body = [{"type": "image", "value": {"image": make_image("Inline").pk}} for _ in range(4)]
    article.tags.add("more", "and more")
    article.save_revision().publish()
    many = {name: _queries_on_a_miss(client, url) for name, url in urls.items()}

    assert many == few
    over = {name: count for name, count in many.items() if count > BUDGETS[name]}
    assert not over, f"over budget: {over}"
