"""Stored page fragments: reused between renders, retired by exactly the changes they show."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext

from conftest import publish, uncached_get
from core import fragments
from popular import ranking
from popular.models import DailyViews

pytestmark = pytest.mark.django_db


def uncached(client: Client, url: str) -> str:
    return uncached_get(client, url).content.decode()


def counting_render(renders: list[int]) -> Callable[[], str]:
    def render() -> str:
        renders.append(1)
        return "<p>A fragment</p>"

    return render


def test_a_stored_fragment_gives_the_same_page_with_fewer_queries(client, make_article):
    article = make_article(image=True, tags=("harbour", "council"))
    make_article("Harbour plan goes to a vote")
    uncached(client, article.url)  # renditions are made on the first view ever
    fragments.bump("content")
    with CaptureQueriesContext(connection) as rendering:
        first = uncached(client, article.url)
    with CaptureQueriesContext(connection) as stored:
        second = uncached(client, article.url)
    assert second == first
    assert len(stored) < len(rendering)
    assert "Council approves harbour plan" in second
    assert "Ada Reporter" in second


def test_publishing_an_edit_retires_the_article_fragment(client, article, django_capture_on_commit_callbacks):
    uncached(client, article.url)
    article.title = "Council rejects harbour plan"
    with django_capture_on_commit_callbacks(execute=True):
        publish(article)
    assert "Council rejects harbour plan" in uncached(client, article.url)


def test_a_byline_change_reaches_the_stored_article(
    client, article, author, django_capture_on_commit_callbacks
):
    uncached(client, article.url)
    author.name = "Ada Editor"
    with django_capture_on_commit_callbacks(execute=True):
        author.save()
    assert "Ada Editor" in uncached(client, article.url)


def test_new_popular_lists_reach_the_stored_region(client, make_article, django_capture_on_commit_callbacks):
    article = make_article()
    others = [make_article(f"Story {n}", hours_ago=n + 2) for n in range(3)]
    ranking.recompute()
    assert "Latest stories" in uncached(client, article.url)
    for story in others:
        DailyViews.objects.create(article=story, day=story.dateline.date(), views=10)
    with django_capture_on_commit_callbacks(execute=True):
        ranking.recompute()
    assert "Most read" in uncached(client, article.url)


def test_a_preview_never_reads_or_stores_a_fragment(client, article):
    uncached(client, article.url)
    article.title = "A draft headline"
    draft = article.save_revision().as_object()
    assert "A draft headline" in draft.make_preview_request().content.decode()
    assert "A draft headline" not in uncached(client, article.url)


def test_a_bump_retires_only_the_fragments_that_depend_on_it():
    renders: list[int] = []
    render = counting_render(renders)

    def show() -> None:
        fragments.cached(RequestFactory().get("/"), "list", [1], ["discovery"], render)

    show()
    show()
    fragments.bump("comments")
    show()
    assert len(renders) == 1
    fragments.bump("discovery")
    show()
    assert len(renders) == 2


def test_without_a_working_cache_fragments_are_rendered_every_time(monkeypatch):
    monkeypatch.setattr(fragments.cache, "get_many", lambda keys: {})
    monkeypatch.setattr(fragments.cache, "add", lambda *args, **kwargs: False)
    monkeypatch.setattr(fragments.cache, "get", lambda *args, **kwargs: None)
    renders: list[int] = []
    for _ in range(2):
        fragments.cached(RequestFactory().get("/"), "list", [1], ["content"], counting_render(renders))
    assert len(renders) == 2


def test_fragments_can_be_turned_off(settings):
    settings.FRAGMENT_CACHE_SECONDS = 0
    renders: list[int] = []
    for _ in range(2):
        fragments.cached(RequestFactory().get("/"), "list", [1], ["content"], counting_render(renders))
    assert len(renders) == 2


def test_an_unknown_generation_is_refused():
    with pytest.raises(ValueError, match="Unknown fragment generation"):
        fragments.bump("contents")
