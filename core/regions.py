"""Named page regions that capabilities fill without the page knowing them.

The article page reserves ``story_so_far``, ``who_said_what``, ``comments``, ``subscribe``,
``popular`` and ``more_like_this``; an app fills one with :func:`provides`. An empty region renders
nothing at all, so a page never shows a broken or fake block. A provider whose output
depends only on the page and on generations of :mod:`core.fragments` names them in
``depends_on`` and is then rendered only when that output is not already stored.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from django.http import HttpRequest
from django.utils.safestring import SafeString, mark_safe
from wagtail.models import Page

from core import fragments

Provider = Callable[[HttpRequest, Page], str]
_providers: dict[str, list[tuple[Provider, Sequence[str]]]] = {}


def provides(region: str, depends_on: Sequence[str] = ()) -> Callable[[Provider], Provider]:
    def register(provider: Provider) -> Provider:
        _providers.setdefault(region, []).append((provider, tuple(depends_on)))
        return provider

    return register


def _render(provider: Provider, depends_on: Sequence[str], request: HttpRequest, page: Page) -> str:
    if not depends_on or page is None or page.pk is None:
        return provider(request, page)
    name = f"region:{provider.__module__}.{provider.__name__}"
    return fragments.cached(request, name, [page.pk], depends_on, lambda: provider(request, page))


def render_region(region: str, request: HttpRequest, page: Page) -> SafeString:
    # Providers return rendered templates, which Django has already escaped.
    html = "".join(
        _render(provider, depends_on, request, page) for provider, depends_on in _providers.get(region, [])
    )
    return mark_safe(html)  # noqa: S308
