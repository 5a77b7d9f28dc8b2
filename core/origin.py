"""Refusing cross-site posts to forms that live on cached pages and so carry no CSRF token.

One policy for every such form (comments, comment reports, newsletter sign-up and preferences;
docs/decisions/0008 and 0009). Browsers mark every request with ``Sec-Fetch-Site`` and send
``Origin`` on a POST; neither can be set by a page on another site. Older browsers without
either fall back to ``Referer``. A POST carrying none of the three is refused: whatever sent
it cannot show it came from this site. Allowed origins are the request's own, ``SITE_URL``'s
and ``CSRF_TRUSTED_ORIGINS``, the same list Django's CSRF check trusts.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower() if parts.scheme and parts.netloc else ""


def allowed_origins(request: HttpRequest) -> set[str]:
    return {
        f"{request.scheme}://{request.get_host()}".lower(),
        _origin(settings.SITE_URL),
        *(_origin(origin) for origin in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])),
    } - {""}


def is_same_origin(request: HttpRequest) -> bool:
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site != "same-origin":
        return False
    origin = request.headers.get("Origin")
    if origin and origin != "null":
        return origin.lower() in allowed_origins(request)
    if origin == "null":
        return False
    if fetch_site == "same-origin":
        return True
    referer = request.headers.get("Referer")
    return bool(referer) and _origin(referer) in allowed_origins(request)
