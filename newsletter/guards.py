"""Request checks for forms served on cached pages, which cannot carry a CSRF token.

See docs/decisions/0009-newsletter-forms-on-cached-pages.md.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest

from core.clientip import client_ip

RATE_WINDOW_SECONDS = 3600


def same_origin(request: HttpRequest) -> bool:
    """Refuse what a browser tells us came from another site; allow non-browser clients.

    Browsers send ``Sec-Fetch-Site`` and/or ``Origin`` on every cross-site POST, so a
    forged cross-site form is always recognisable. A request with neither comes from a
    script or an old browser, which cannot be used against a reader's mailbox anyway.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    if origin is None:
        return True
    if origin == "null":
        return False
    allowed = {f"{request.scheme}://{request.get_host()}", _origin(settings.SITE_URL)}
    return _origin(origin) in allowed


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def over_limit(request: HttpRequest, action: str, limit: int) -> bool:
    """Count one more ``action`` from the client's address; True past ``limit`` in the window."""
    key = f"newsletter:rate:{action}:{client_ip(request)}"
    cache.add(key, 0, timeout=RATE_WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.add(key, 1, timeout=RATE_WINDOW_SECONDS)
        count = 1
    return count > limit
