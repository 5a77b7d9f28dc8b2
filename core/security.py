"""Security headers Django 5.2 does not send itself: Content-Security-Policy and Permissions-Policy.

Django's ``SecurityMiddleware`` already sends ``X-Content-Type-Options``, ``Referrer-Policy``,
``Cross-Origin-Opener-Policy`` and (under TLS) HSTS; ``XFrameOptionsMiddleware`` sends
``X-Frame-Options``. This middleware sits inside the page cache, so the headers are stored with a
cached page and replayed on every hit. Public pages get ``CONTENT_SECURITY_POLICY`` (no inline
script: the pages are cached and shared, so nonces cannot work); the Wagtail and Django admins
get ``CONTENT_SECURITY_POLICY_ADMIN``, looser because Wagtail's own templates use inline styles
and scripts. Policies are dicts of directive -> sources in settings, so a later app can add a
source in one line. See docs/decisions/0012-security-headers.md.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from django.conf import settings
from django.http import HttpRequest, HttpResponse


def serialise(policy: Mapping[str, Sequence[str]]) -> str:
    """``{"default-src": ["'self'"]}`` -> ``"default-src 'self'"``; an empty list is a bare directive."""
    return "; ".join(" ".join([directive, *sources]) for directive, sources in policy.items())


class SecurityHeadersMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.public = serialise(settings.CONTENT_SECURITY_POLICY)
        self.admin = serialise(settings.CONTENT_SECURITY_POLICY_ADMIN)
        self.permissions = settings.PERMISSIONS_POLICY

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(settings.ADMIN_PATH_PREFIXES):
            # Wagtail renders a preview by running a page request through the whole middleware
            # stack, which sets the public policy (frame-ancestors 'none'); the admin's must win.
            response.headers["Content-Security-Policy"] = self.admin
        else:
            response.headers.setdefault("Content-Security-Policy", self.public)
        response.headers.setdefault("Permissions-Policy", self.permissions)
        return response
