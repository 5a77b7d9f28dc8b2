"""Speakers in the Wagtail admin: rename, aliases, role, hide or noindex (as a snippet), merge
and split (listing buttons), and fixing who said a quotation (from the article editor's panel)."""

from __future__ import annotations

from typing import Any

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.widgets import ListingButton
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from quotes import editing
from quotes.admin_views import AttributeQuotation, MergeSpeaker, SplitSpeaker
from quotes.models import Speaker


class SpeakerViewSet(SnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = "Speakers"
    list_display = ["name", "kind", "role", "hidden", "noindex"]
    list_filter = ["kind", "hidden", "noindex"]
    search_fields = ["name"]


register_snippet(SpeakerViewSet)


@hooks.register("after_edit_snippet")
def speaker_edited(request: Any, instance: Any) -> None:
    """An editor's save is their decision on visibility, and the speaker's pages change."""
    if isinstance(instance, Speaker):
        editing.set_visibility(instance, instance.hidden, instance.noindex)


@hooks.register("register_admin_urls")
def register_editing_urls() -> list:
    return [
        path("quotes/speakers/<int:pk>/merge/", MergeSpeaker.as_view(), name="quotes_merge"),
        path("quotes/speakers/<int:pk>/split/", SplitSpeaker.as_view(), name="quotes_split"),
        path(
            "quotes/articles/<int:article_id>/<int:number>/",
            AttributeQuotation.as_view(),
            name="quotes_attribute",
        ),
    ]


@hooks.register("register_snippet_listing_buttons")
def speaker_buttons(snippet: Any, user: Any, next_url: str | None = None) -> list[ListingButton]:
    if not isinstance(snippet, Speaker) or not user.has_perm("quotes.change_speaker"):
        return []
    return [
        ListingButton("Merge another into this", reverse("quotes_merge", args=[snippet.pk]), priority=20),
        ListingButton("Split quotations off", reverse("quotes_split", args=[snippet.pk]), priority=30),
    ]
