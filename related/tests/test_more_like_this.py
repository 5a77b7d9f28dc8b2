"""More like this end to end: stored lists, the region, and updates through the task queue."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from news.models import ArticlePage, RelatedArticle
from related import index
from related.models import SimilarArticle
from related.regions import more_like_this, more_like_this_articles

pytestmark = pytest.mark.django_db


def body(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


FERRY = "The ferry operator cancels sailings across the estuary as storms batter the coast"


@pytest.fixture(autouse=True)
def fresh_process() -> Iterator[None]:
    index._forget()  # this process holds no copy of the index from an earlier test
    yield
    index._forget()


@pytest.fixture
def stories(make_article: Callable[..., ArticlePage]) -> dict[str, ArticlePage]:
    return {
        "ferry": make_article("Storms cancel estuary ferries", body=body(FERRY), tags=("ferries",)),
        "ferry2": make_article(
            "Ferry sailings cancelled again", body=body(FERRY + " again"), tags=("ferries",), image=True
        ),
        "ferry3": make_article(
            "Estuary ferry storms continue", body=body(FERRY + " for days"), tags=("ferries",)
        ),
        "bakery": make_article(
            "Bakery wins prize", body=body("Sourdough loaves impress judges"), tags=("food",)
        ),
    }


def titles(articles: Iterable[ArticlePage]) -> list[str]:
    return [article.title for article in articles]


def test_rebuild_stores_ranked_lists_without_the_article_itself(stories) -> None:
    assert index.rebuild() == 4
    rows = SimilarArticle.objects.filter(article=stories["ferry"])
    assert [row.rank for row in rows] == list(range(1, len(rows) + 1))
    assert stories["ferry"].pk not in {row.similar_id for row in rows}
    assert set(titles(more_like_this_articles(stories["ferry"]))[:2]) == {
        "Ferry sailings cancelled again",
        "Estuary ferry storms continue",
    }


def test_editors_picks_are_not_repeated(stories) -> None:
    index.rebuild()
    RelatedArticle.objects.create(article=stories["ferry"], related=stories["ferry2"])
    assert "Ferry sailings cancelled again" not in titles(more_like_this_articles(stories["ferry"]))
    assert "Estuary ferry storms continue" in titles(more_like_this_articles(stories["ferry"]))


def test_unpublishing_removes_an_article_from_other_lists_through_the_task(
    stories, django_capture_on_commit_callbacks
) -> None:
    index.rebuild()
    with django_capture_on_commit_callbacks(execute=True):
        stories["ferry2"].unpublish()
    assert not SimilarArticle.objects.filter(similar=stories["ferry2"]).exists()
    assert not SimilarArticle.objects.filter(article=stories["ferry2"]).exists()
    assert "Ferry sailings cancelled again" not in titles(more_like_this_articles(stories["ferry"]))


def test_an_unpublished_page_is_not_shown_even_before_the_task_runs(stories) -> None:
    index.rebuild()
    type(stories["ferry2"]).objects.filter(pk=stories["ferry2"].pk).update(live=False)
    assert "Ferry sailings cancelled again" not in titles(more_like_this_articles(stories["ferry"]))


def test_publishing_a_close_article_updates_lists_through_the_task_queue(
    stories, make_article, django_capture_on_commit_callbacks
) -> None:
    index.rebuild()
    assert "Sourdough bakery prize judges" not in titles(more_like_this_articles(stories["bakery"]))
    with django_capture_on_commit_callbacks(execute=True):
        new = make_article(
            "Sourdough bakery prize judges", body=body("Judges praise the sourdough loaves"), tags=("food",)
        )
    assert titles(more_like_this_articles(stories["bakery"]))[0] == new.title
    assert titles(more_like_this_articles(new))[0] == "Bakery wins prize"


def test_an_edit_that_changes_the_story_moves_it_between_lists(
    stories, django_capture_on_commit_callbacks
) -> None:
    index.rebuild()
    bakery = stories["bakery"]
    bakery.title = "Estuary ferries cancelled in storms"
    bakery.body = body(FERRY)
    with django_capture_on_commit_callbacks(execute=True):
        bakery.save_revision().publish()
    assert bakery.title in titles(more_like_this_articles(stories["ferry"]))


def test_sync_is_idempotent(stories) -> None:
    index.rebuild()
    before = list(SimilarArticle.objects.values_list("article_id", "similar_id", "rank"))
    assert index.sync() == {"rebuilt": 0, "changed": 0, "removed": 0}
    assert list(SimilarArticle.objects.values_list("article_id", "similar_id", "rank")) == before


def test_sync_without_a_stored_index_rebuilds(stories) -> None:
    assert index.sync()["rebuilt"] == 4
    assert SimilarArticle.objects.filter(article=stories["ferry"]).exists()


def test_region_renders_cards_with_thumbnails_in_one_query(stories) -> None:
    index.rebuild()
    request = RequestFactory().get(stories["ferry"].url)
    more_like_this(request, stories["ferry"])  # site root paths cached, as in production
    with CaptureQueriesContext(connection) as queries:
        html = more_like_this(request, stories["ferry"])
    assert len(queries) == 1
    assert 'aria-labelledby="more-like-this-heading"' in html
    assert "More like this" in html
    assert "Ferry sailings cancelled again" in html
    assert "<picture" in html
    assert stories["ferry"].title not in html


def test_region_is_empty_without_stored_lists(stories) -> None:
    request = RequestFactory().get("/")
    assert more_like_this(request, stories["ferry"]) == ""


def test_article_page_shows_the_region(client, stories) -> None:
    index.rebuild()
    response = client.get(stories["ferry"].url)
    assert response.status_code == 200
    assert b"More like this" in response.content


def test_rebuild_command_reports_progress_on_stderr(stories) -> None:
    out, err = StringIO(), StringIO()
    call_command("rebuild_related", stdout=out, stderr=err)
    assert "Rebuilt 'More like this' for 4 articles" in out.getvalue()
    assert "4/4 articles 100%" in err.getvalue()


def test_an_article_its_editor_hides_from_recommendations_leaves_every_list(stories) -> None:
    index.rebuild()
    hidden = stories["ferry2"]
    assert hidden.title in titles(more_like_this_articles(stories["ferry"]))
    hidden.hide_from_recommendations = True
    hidden.save_revision().publish()
    shown = titles(more_like_this_articles(stories["ferry"]))
    assert hidden.title not in shown
    assert "Estuary ferry storms continue" in shown


def test_rebuild_in_the_worker_reports_progress_and_the_count(stories) -> None:
    out, err = StringIO(), StringIO()
    call_command("rebuild_related", "--in-worker", stdout=out, stderr=err)
    assert "Rebuilt 'More like this' for 4 articles" in out.getvalue()
    assert "4/4 articles 100%" in err.getvalue()
    assert SimilarArticle.objects.filter(article=stories["ferry"]).exists()
