"""Editors in the admin: title a story, add an article, remove or split some off, merge."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import Group
from django.test import Client

from news.models import ArticlePage, HomePage
from news.roles import EDITORS, REPORTERS, ensure_roles
from stories import store
from stories.models import Exclusion, Membership, Story

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client: Client, home: HomePage) -> AbstractBaseUser:
    ensure_roles()
    user = get_user_model().objects.create_user("ed", "ed@example.org", "pw")
    user.groups.add(*Group.objects.filter(name=EDITORS))
    client.force_login(user)
    return user


@pytest.fixture
def story(newsroom: dict[str, Any]) -> Story:
    story = store.new_story("Aberwen toll")
    for article in newsroom["harbour"]:
        Membership.objects.create(article=article, story=story)
    store.renumber([story.pk])
    return story


def in_story(story: Story) -> set[int]:
    return set(Membership.objects.filter(story=story).values_list("article_id", flat=True))


def test_the_listing_offers_the_editing_tools_and_a_title_is_kept(client, editor, story) -> None:
    listing = client.get("/admin/snippets/stories/story/").content.decode()
    assert "Aberwen harbour toll, day 1" in listing  # the first headline until an editor names it
    assert f"/admin/stories/{story.pk}/merge/" in listing
    response = client.post(
        f"/admin/snippets/stories/story/edit/{story.pk}/", {"title": "The toll row", "slug": story.slug}
    )
    assert response.status_code == 302
    story.refresh_from_db()
    assert story.title == "The toll row"
    assert story.title_set_by_editor


def test_add_remove_split_and_merge_through_the_admin(client, editor, story, newsroom) -> None:
    bakery = newsroom["bakery"]
    page_id = ArticlePage.objects.get(pk=bakery.pk).page_ptr_id
    assert client.post(f"/admin/stories/{story.pk}/add/", {"article": page_id}).status_code == 302
    assert Membership.objects.get(article=bakery).added_by_editor
    third = newsroom["harbour"][2]
    members_url = f"/admin/stories/{story.pk}/articles/"
    assert client.post(members_url, {"articles": [bakery.pk], "action": "remove"}).status_code == 302
    assert Exclusion.objects.filter(story=story, article=bakery).exists()
    assert (
        client.post(members_url, {"articles": [third.pk], "action": "split", "title": "The vote"}).status_code
        == 302
    )
    assert in_story(Story.objects.get(title="The vote")) == {third.pk}
    other = store.new_story("Orchestra")
    Membership.objects.filter(article__in=newsroom["orchestra"]).delete()
    for article in newsroom["orchestra"]:
        Membership.objects.create(article=article, story=other)
    assert client.post(f"/admin/stories/{story.pk}/merge/", {"duplicate": other.slug}).status_code == 302
    assert in_story(story) == {a.pk for a in newsroom["harbour"][:2]} | {a.pk for a in newsroom["orchestra"]}


def test_bad_input_re_renders_with_a_specific_error(client, editor, story, newsroom) -> None:
    merge = client.post(f"/admin/stories/{story.pk}/merge/", {"duplicate": "no-such-story"}).content.decode()
    assert "No story has that slug." in merge
    itself = client.post(f"/admin/stories/{story.pk}/merge/", {"duplicate": story.slug}).content.decode()
    assert "That is this story." in itself
    everything = [a.pk for a in newsroom["harbour"]]
    split = client.post(f"/admin/stories/{story.pk}/articles/", {"articles": everything, "action": "split"})
    assert "Leave at least one article in this story" in split.content.decode()
    nothing = client.post(f"/admin/stories/{story.pk}/articles/", {"action": "remove"}).content.decode()
    assert "This field is required." in nothing
    assert in_story(story) == set(everything)


def test_reporters_cannot_edit_stories(client, home, story) -> None:
    ensure_roles()
    reporter = get_user_model().objects.create_user("rep", "rep@example.org", "pw")
    reporter.groups.add(*Group.objects.filter(name=REPORTERS))
    client.force_login(reporter)
    other = store.new_story("Orchestra")
    refused = client.post(f"/admin/stories/{story.pk}/merge/", {"duplicate": other.slug})
    assert refused.status_code == 302
    assert refused["Location"] == "/admin/"
    assert Story.objects.filter(pk=other.pk).exists()
