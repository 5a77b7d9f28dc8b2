"""Stories in the database: the worker's placement, recomputation and the editors' decisions."""

from __future__ import annotations

from collections.abc import Iterable
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command

from news.models import ArticlePage
from stories import store
from stories.models import Exclusion, Membership, Story

pytestmark = pytest.mark.django_db


def members(story: Story) -> set[int]:
    return set(Membership.objects.filter(story=story).values_list("article_id", flat=True))


def story_of(article: ArticlePage) -> Story | None:
    membership = Membership.objects.filter(article_id=article.pk).select_related("story").first()
    return membership.story if membership else None


def ids(articles: Iterable[ArticlePage]) -> set[int]:
    return {article.pk for article in articles}


def test_refresh_groups_each_developing_story_and_leaves_the_rest_alone(newsroom) -> None:
    assert store.refresh()["placed"] == 6
    harbour = story_of(newsroom["harbour"][0])
    orchestra = story_of(newsroom["orchestra"][0])
    assert harbour is not None
    assert orchestra is not None
    assert harbour != orchestra
    assert members(harbour) == ids(newsroom["harbour"])
    assert members(orchestra) == ids(newsroom["orchestra"])
    assert story_of(newsroom["bakery"]) is None  # a story of one article is no story
    harbour.refresh_from_db()
    assert harbour.size == 3
    assert harbour.title == "Aberwen harbour toll, day 1"
    positions = dict(Membership.objects.filter(story=harbour).values_list("article_id", "position"))
    assert [positions[article.pk] for article in newsroom["harbour"]] == [1, 2, 3]
    assert store.refresh() == {"placed": 0, "stories": 0}  # nothing new: nothing to do


def test_publishing_places_the_article_in_the_worker(
    newsroom, harbour_article, django_capture_on_commit_callbacks
) -> None:
    store.refresh()
    with django_capture_on_commit_callbacks(execute=True):
        fourth = harbour_article(4, hours_ago=1)
    story = story_of(newsroom["harbour"][0])
    assert story_of(fourth) == story
    story.refresh_from_db()
    assert story.size == 4
    assert Membership.objects.get(article=fourth).position == 4


def test_unpublishing_renumbers_the_story(newsroom) -> None:
    store.refresh()
    first, second, third = newsroom["harbour"]
    second.unpublish()
    store.refresh()
    story = story_of(first)
    story.refresh_from_db()
    assert story.size == 2
    positions = dict(Membership.objects.filter(story=story).values_list("article_id", "position"))
    assert positions == {first.pk: 1, second.pk: 0, third.pk: 2}


def test_editors_decisions_survive_recomputation(newsroom) -> None:
    store.refresh()
    harbour = story_of(newsroom["harbour"][0])
    orchestra = story_of(newsroom["orchestra"][0])
    store.set_title(harbour, "The Aberwen toll row")
    store.add_article(harbour, newsroom["bakery"])
    store.remove_articles(harbour, [newsroom["harbour"][2].pk])
    call_command("recompute_stories", stdout=StringIO(), stderr=StringIO())
    harbour.refresh_from_db()
    assert harbour.title == "The Aberwen toll row"
    assert harbour.title_set_by_editor
    assert members(harbour) == {newsroom["harbour"][0].pk, newsroom["harbour"][1].pk, newsroom["bakery"].pk}
    assert Exclusion.objects.filter(story=harbour, article=newsroom["harbour"][2]).exists()
    assert story_of(newsroom["orchestra"][1]) == orchestra  # the automatic story keeps its address


def test_split_and_merge_are_kept_by_recomputation(newsroom) -> None:
    store.refresh()
    harbour = story_of(newsroom["harbour"][0])
    orchestra = story_of(newsroom["orchestra"][0])
    later = store.split(harbour, [newsroom["harbour"][2].pk], "The toll vote")
    assert later.title == "The toll vote"
    assert later.title_set_by_editor
    store.merge(harbour, orchestra)
    assert not Story.objects.filter(pk=orchestra.pk).exists()
    call_command("recompute_stories", stdout=StringIO(), stderr=StringIO())
    assert members(later) == {newsroom["harbour"][2].pk}
    assert members(harbour) == ids(newsroom["harbour"][:2]) | ids(newsroom["orchestra"])


def test_recompute_reports_its_work_with_a_progress_line(newsroom) -> None:
    out, err = StringIO(), StringIO()
    call_command("recompute_stories", stdout=out, stderr=err)
    assert out.getvalue().startswith("Grouped 6 articles into 2 stories")
    assert "6/6 articles 100%" in err.getvalue()
    first = {m.article_id: m.story_id for m in Membership.objects.all()}
    call_command("recompute_stories", stdout=StringIO(), stderr=StringIO())
    assert {m.article_id: m.story_id for m in Membership.objects.all()} == first  # deterministic


def test_recompute_refuses_while_a_refresh_runs(newsroom) -> None:
    cache.add(store.LOCK, 1)
    with pytest.raises(CommandError, match="being updated by another process"):
        call_command("recompute_stories", stdout=StringIO(), stderr=StringIO())
    assert store.refresh() == {"placed": 0, "stories": 0}
    cache.delete(store.LOCK)
    assert store.refresh()["placed"] == 6


def test_bad_input_articles_group_without_error(make_article) -> None:
    make_article("Empty", body=[])
    make_article("Huge", body=[{"type": "paragraph", "value": "<p>" + "harbour toll " * 100_000 + "</p>"}])
    make_article("Ddim Saesneg", body=[{"type": "paragraph", "value": "<p>Mae'r harbwr ar gau heddiw.</p>"}])
    assert store.refresh()["placed"] == 3
