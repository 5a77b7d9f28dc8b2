"""Named page regions that capabilities fill without the page knowing them.

The article page reserves ``comments``, ``subscribe``, ``popular`` and
``more_like_this``; an app fills one with :func:`provides`. An empty region renders
nothing at all, so a page never shows a broken or fake block.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

Provider = Callable[[HttpRequest, Page], str]
_providers: dict[str, list[Provider]] = {}


def provides(region: str) -> Callable[[Provider], Provider]:
    def register(provider: Provider) -> Provider:
        _providers.setdefault(region, []).append(provider)
        return provider

    return register


def render_region(region: str, request: HttpRequest, page: Page) -> SafeString:
    # Providers return rendered templates, which Django has already escaped.
    return mark_safe("".join(provider(request, page) for provider in _providers.get(region, [])))  # noqa: S308
