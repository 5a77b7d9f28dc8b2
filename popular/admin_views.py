"""The editors' "What readers read" admin view."""

from __future__ import annotations

from typing import Any

from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from popular.report import top_articles


class WhatReadersRead(WagtailAdminTemplateMixin, TemplateView):
    template_name = "popular/admin/report.html"
    page_title = "What readers read"
    header_icon = "view"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["periods"] = top_articles()
        return context
