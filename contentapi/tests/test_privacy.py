"""Only live, public content: never a draft, a scheduled article, unpublished changes, a private
page or a page under a private parent, nor the tags, authors and images only they use."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from taggit.models import Tag
from wagtail.models import PageViewRestriction

from conftest import publish
from contentapi.tests.conftest import titles
from news.models import ArticleAuthor, ArticlePage, ArticleTag, Author, SectionPage

pytestmark = pytest.mark.django_db

LISTINGS = ("articles", "sections", "tags", "authors", "images")


def everything_shown(client: Client) -> str:
    return "".join(client.get(f"/api/v2/{listing}/").content.decode() for listing in LISTINGS)


@pytest.fixture
def secret_author(db) -> Author:
    return Author.objects.create(name="Embargoed Byline", slug="embargoed-byline")


def _hidden_story(
    make_article: Callable[..., ArticlePage], secret_author: Author, **fields: object
) -> ArticlePage:
    article = make_article("Secret merger talks", tags=("secret-merger",), image=True, **fields)
    article.author_links = [ArticleAuthor(author=secret_author, sort_order=0)]
    if article.live:
        article.save_revision().publish()
    else:
        article.save_revision()
    return article


def _assert_never_shown(client: Client, article: ArticlePage) -> None:
    shown = everything_shown(client)
    for secret in ("Secret merger", "secret-merger", "Embargoed Byline"):
        assert secret not in shown
    images = client.get("/api/v2/images/").json()["items"]
    assert article.lead_image_id not in [picture["id"] for picture in images]
    assert client.get(f"/api/v2/articles/{article.pk}/").status_code == 404
    assert client.get(f"/api/v2/images/{article.lead_image_id}/").status_code == 404


def test_a_draft_and_what_only_it_uses_never_appear(client, make_article, secret_author):
    make_article("Public story")
    draft = _hidden_story(make_article, secret_author, live=False)
    # Saved as rows, as a draft's tags and byline are once it has been published before.
    secret_tag, _ = Tag.objects.get_or_create(name="secret-merger", slug="secret-merger")
    ArticleTag.objects.get_or_create(content_object=draft, tag=secret_tag)
    ArticleAuthor.objects.get_or_create(article=draft, author=secret_author)
    assert titles(client.get("/api/v2/articles/")) == ["Public story"]
    _assert_never_shown(client, draft)
    assert client.get(f"/api/v2/tags/{secret_tag.pk}/").status_code == 404
    assert client.get(f"/api/v2/authors/{secret_author.pk}/").status_code == 404


def test_a_scheduled_article_stays_hidden_until_it_goes_live(client, make_article, secret_author):
    scheduled = _hidden_story(make_article, secret_author, live=False)
    scheduled.go_live_at = timezone.now() + timedelta(days=1)
    scheduled.save_revision().publish()  # with a future go-live, this only schedules it
    scheduled.refresh_from_db()
    assert not scheduled.live
    _assert_never_shown(client, scheduled)


def test_unpublished_changes_are_not_shown(client, article):
    draft = article.latest_revision.as_object()
    draft.title = "A draft headline"
    draft.standfirst = "Draft words."
    draft.save_revision()
    shown = client.get(f"/api/v2/articles/{article.pk}/").content.decode()
    assert "Council approves harbour plan" in shown
    assert "draft" not in shown.lower()


def test_a_private_article_never_appears(client, make_article, secret_author):
    make_article("Public story")
    private = _hidden_story(make_article, secret_author)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    assert titles(client.get("/api/v2/articles/")) == ["Public story"]
    _assert_never_shown(client, private)


def test_articles_under_a_private_section_never_appear(client, make_article, home, secret_author):
    members = publish(home.add_child(instance=SectionPage(title="Members", slug="members")))
    make_article("Public story")
    private = _hidden_story(make_article, secret_author, parent=members)
    PageViewRestriction.objects.create(page=members, restriction_type=PageViewRestriction.LOGIN)
    assert titles(client.get("/api/v2/articles/")) == ["Public story"]
    assert client.get("/api/v2/articles/", {"section": members.pk}).status_code == 400
    assert "Members" not in everything_shown(client)
    assert client.get(f"/api/v2/sections/{members.pk}/").status_code == 404
    _assert_never_shown(client, private)


def test_counts_leave_out_what_is_not_public(client, make_article, section, author, secret_author):
    make_article("Public story", tags=("harbour",))
    hidden = make_article("Private story", tags=("harbour",))
    make_article("Draft story", tags=("harbour",), live=False)
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    counts = [item["article_count"] for listing in ("sections", "tags", "authors")
              for item in client.get(f"/api/v2/{listing}/").json()["items"]]  # fmt: skip
    assert counts == [1, 1, 1]
