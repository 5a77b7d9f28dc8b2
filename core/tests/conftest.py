"""Fixtures of the core tests."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test.client import ClientHandler

from core import pagecache


@pytest.fixture
def application():
    """The fast path around Django's test-safe WSGI handler (which leaves the test's connection open)."""
    handler = ClientHandler()

    def django_application(environ: dict[str, Any], start_response: Callable[..., object]) -> list[bytes]:
        django_application.calls += 1
        response = handler(environ)
        start_response(f"{response.status_code} {response.reason_phrase}", list(response.items()))
        return [response.content]

    django_application.calls = 0
    fast = pagecache.fast_path(django_application)
    fast.django = django_application
    return fast
