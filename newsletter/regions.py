"""The ``subscribe`` region of the article page."""

from __future__ import annotations

from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page

from core.regions import provides
from newsletter.models import offered_newsletters


@provides("subscribe")
def subscribe_region(request: HttpRequest, page: Page) -> str:
    """The sign-up form, with the article's section digest chosen when there is one."""
    section = getattr(page, "section", None)
    selected = next(
        (slug for slug, _, section_id in offered_newsletters.get() if section and section_id == section.pk),
        "",
    )
    return render_to_string("newsletter/region.html", {"selected": selected}, request=request)
