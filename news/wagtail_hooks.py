"""The newsroom's snippets in the admin, and the article editor's warnings."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest
from wagtail import hooks
from wagtail.models import Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from news.models import ArticlePage, Author, PromoSpot

MISSING_ALT = (
    "The lead image has no alt text: readers who cannot see it get nothing. "
    "Describe it under Lead image, unless it adds nothing to the text."
)


class AuthorViewSet(SnippetViewSet):
    model = Author
    icon = "user"
    list_display = ["name", "role", "slug", "user"]
    search_fields = ["name"]


class PromoSpotViewSet(SnippetViewSet):
    model = PromoSpot
    icon = "pick"
    list_display = ["title", "placement", "starts_at", "ends_at"]
    list_filter = ["placement"]


register_snippet(AuthorViewSet)
register_snippet(PromoSpotViewSet)


@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def warn_of_missing_lead_image_alt(request: HttpRequest, page: Page) -> None:
    """A warning, not an error: a purely decorative picture rightly has empty alt text."""
    if isinstance(page, ArticlePage) and page.lead_image_id and not page.lead_image_alt.strip():
        messages.warning(request, MISSING_ALT)
