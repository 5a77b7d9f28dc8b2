"""Posting from a cached page without a CSRF token: other sites' posts are refused."""

from __future__ import annotations

import pytest
from django.urls import reverse

from comments.models import Comment
from comments.tests.conftest import form_data
from comments.views import CROSS_SITE

pytestmark = pytest.mark.django_db


def send(client, article, **headers: str):
    return client.post(
        reverse("comments:post"), form_data(article), HTTP_ACCEPT="application/json", **headers
    )


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example", "HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site", "HTTP_ORIGIN": "http://news.testserver"},
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "https://evil.example"},
        {},
    ],
    ids=[
        "cross-site",
        "same-site",
        "foreign-origin",
        "null-origin",
        "foreign-referer",
        "mixed",
        "no-headers",
    ],
)
def test_a_cross_site_post_is_refused(client, article, headers):
    response = send(client, article, **headers)
    assert response.status_code == 403
    assert response.json()["errors"] == {"__all__": CROSS_SITE}
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_SEC_FETCH_SITE": "same-origin"},
        {"HTTP_REFERER": "http://testserver/politics/council/"},
    ],
    ids=["modern-browser", "origin-only", "fetch-metadata-only", "referer-fallback"],
)
def test_a_same_origin_post_is_accepted(client, article, headers):
    response = send(client, article, **headers)
    assert response.status_code == 201
    assert Comment.objects.count() == 1


def test_no_csrf_cookie_or_token_is_needed(article):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = send(strict, article, HTTP_ORIGIN="http://testserver", HTTP_SEC_FETCH_SITE="same-origin")
    assert response.status_code == 201
    assert not response.cookies
