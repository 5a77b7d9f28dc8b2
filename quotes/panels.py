"""The article editor's panel: the quotations found in the current draft, with their speakers."""

from __future__ import annotations

from typing import Any

from wagtail.admin.panels import Panel

from news.panels import provide_editor_panel


class QuotationsPanel(Panel):
    """Read from the draft on each load of the editor, so saving a draft refreshes it."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "quotes/admin/quotations_panel.html"

        def get_context_data(self, parent_context: dict | None = None) -> dict[str, Any]:
            from quotes.store import quotations_in

            context = super().get_context_data(parent_context)
            body = getattr(self.instance, "body", None)
            context["found"] = (
                quotations_in(body, keep_unattributed=True) if body and self.instance.pk else []
            )
            context["article_id"] = self.instance.pk
            return context


provide_editor_panel("article_draft", QuotationsPanel(heading="Who said what in this draft"))
