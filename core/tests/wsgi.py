"""Calling the site's WSGI stack in tests, as Granian does, without a server."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from django.test import RequestFactory


def wsgi_call(
    application: Callable[..., Iterable[bytes]], path: str, **headers: str
) -> tuple[str, dict[str, str], bytes]:
    environ = RequestFactory().get(path, headers=headers).environ
    environ.setdefault("HTTP_HOST", "testserver")
    seen: dict = {}

    def start_response(status: str, response_headers: list[tuple[str, str]]) -> None:
        seen.update(status=status, headers=dict(response_headers))

    body = b"".join(application(environ, start_response))
    return seen["status"], seen["headers"], body
