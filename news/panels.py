"""Admin panels of the article editor that show facts about the text rather than edit a field."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel
from wagtail.models.panels import PanelPlaceholder

from news.blocks import reading_minutes, word_count

_provided: dict[str, Panel] = {}


def provide_editor_panel(slot: str, panel: Panel) -> None:
    """Show ``panel`` in the editor where news reserves ``slot`` (one provider a slot); call it
    from a module your ``AppConfig.ready()`` imports, as the quotes app does for ``article_draft``."""
    if _provided.setdefault(slot, panel) is not panel:
        raise ValueError(f"The editor slot {slot!r} already has a panel.")


class EditorSlot(PanelPlaceholder):
    """A place in ``content_panels`` that another app fills without news importing it. Wagtail
    expands it when it first builds the editor, after every app is ready; empty, it shows nothing."""

    def __init__(self, slot: str) -> None:
        super().__init__("", [], {})
        self.slot = slot

    def construct(self) -> Panel | None:
        return _provided.get(self.slot)


class ReadingTimePanel(Panel):
    """Word count and reading time of the body as last saved (the page stores them on publish)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/reading_time_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            words = word_count(self.instance.body)
            context.update(words=words, minutes=reading_minutes(words))
            return context
