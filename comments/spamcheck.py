"""The optional Akismet-compatible spam service: whether it is configured, and asking it.

The worker task that asks it, and what a comment waits with meanwhile, are in
:mod:`comments.tasks`.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request

from django.conf import settings

TIMEOUT_SECONDS = 10


def enabled() -> bool:
    return bool(settings.COMMENTS_AKISMET_KEY)


def ask(fields: dict[str, str]) -> bool | None:
    """True for spam, False for not spam, None when the service gave no usable answer."""
    url = settings.COMMENTS_AKISMET_URL.rstrip("/") + "/1.1/comment-check"
    body = urllib.parse.urlencode({"api_key": settings.COMMENTS_AKISMET_KEY, **fields}).encode()
    request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310 (https/http from settings)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            answer = response.read(100).decode().strip()
    except (urllib.error.URLError, OSError, UnicodeDecodeError):
        return None
    return {"true": True, "false": False}.get(answer)
