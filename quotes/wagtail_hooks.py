"""Speakers in the Wagtail admin: rename, aliases, role, hide or noindex (as a snippet)."""

from __future__ import annotations

from typing import Any

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from quotes import editing
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
