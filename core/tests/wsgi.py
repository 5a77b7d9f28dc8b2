"""Calling the site's WSGI stack in tests, as Granian does, without a server."""

from __future__ import annotations

from django.test import RequestFactory


def wsgi_call(application, path: str, **headers: str):  # type: ignore[no-untyped-def]
    environ = RequestFactory().get(path, headers=headers).environ
    environ.setdefault("HTTP_HOST", "testserver")
    seen: dict = {}

    def start_response(status, response_headers):  # type: ignore[no-untyped-def]
        seen.update(status=status, headers=dict(response_headers))

    body = b"".join(application(environ, start_response))
    return seen["status"], seen["headers"], body
