"""Admin panels of the article editor that show facts about the text rather than edit a field."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel

from news.blocks import reading_minutes, word_count


class ReadingTimePanel(Panel):
    """Word count and reading time of the body as last saved (the page stores them on publish)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "news/admin/reading_time_panel.html"

        def get_context_data(self, parent_context: dict[str, Any] | None = None) -> dict[str, Any]:
            context = super().get_context_data(parent_context)
            words = word_count(self.instance.body)
            context.update(words=words, minutes=reading_minutes(words))
            return context
