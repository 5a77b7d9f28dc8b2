"""Stories in the Wagtail admin: the title (as a snippet), and listing buttons to add an
article, remove or split off articles, and merge another story in."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from stories import store
from stories.admin_views import AddArticle, EditMembers, MergeStory
from stories.models import Story


class StoryViewSet(SnippetViewSet):
    model = Story
    icon = "list-ul"
    menu_label = "Stories"
    list_display = ["title", "size", "updated_at", "title_set_by_editor"]
    search_fields = ["title"]
    add_to_admin_menu = True


register_snippet(StoryViewSet)


@hooks.register("after_create_snippet")
@hooks.register("after_edit_snippet")
def story_edited(request: Any, instance: Any) -> None:
    """A title saved in the form is the editor's: the grouping no longer renames the story."""
    if isinstance(instance, Story):
        store.set_title(instance, instance.title)


@hooks.register("register_admin_urls")
def register_editing_urls() -> list:
    return [
        path("stories/<int:pk>/add/", AddArticle.as_view(), name="stories_add"),
        path("stories/<int:pk>/articles/", EditMembers.as_view(), name="stories_members"),
        path("stories/<int:pk>/merge/", MergeStory.as_view(), name="stories_merge"),
    ]


@hooks.register("register_snippet_listing_buttons")
def story_buttons(snippet: Any, user: Any, next_url: str | None = None) -> list[ListingButton]:
    if not isinstance(snippet, Story) or not user.has_perm("stories.change_story"):
        return []
    return [
        ListingButton("Add an article", reverse("stories_add", args=[snippet.pk]), priority=20),
        ListingButton(
            "Remove or split off articles", reverse("stories_members", args=[snippet.pk]), priority=30
        ),
        ListingButton(
            "Merge another story into this", reverse("stories_merge", args=[snippet.pk]), priority=40
        ),
    ]
