"""Security headers on every public response, cache hits included; the admin has its own policy."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.http import HttpResponse

from core.security import serialise

pytestmark = pytest.mark.django_db

REQUIRED_PUBLIC = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "frame-src": "https://www.youtube-nocookie.com https://player.vimeo.com",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "object-src": "'none'",
}


def directives(header: str) -> dict[str, str]:
    parsed = {}
    for part in header.split(";"):
        name, _, sources = part.strip().partition(" ")
        parsed[name] = sources
    return parsed


def assert_public_headers(response: HttpResponse, url: str) -> None:
    policy = directives(response["Content-Security-Policy"])
    for name, sources in REQUIRED_PUBLIC.items():
        assert policy.get(name) == sources, f"{url}: {name} is {policy.get(name)!r}, expected {sources!r}"
    assert "unsafe" not in response["Content-Security-Policy"], url
    assert response["X-Content-Type-Options"] == "nosniff", url
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
    assert response["X-Frame-Options"] == "DENY", url
    assert "camera=()" in response["Permissions-Policy"], url
    assert response["Cross-Origin-Opener-Policy"] == "same-origin", url
    assert "Strict-Transport-Security" not in response, f"{url}: HSTS over plain http"


def test_every_kind_of_public_response_carries_the_headers(client, article, section):
    tag = article.tags.first()
    urls = [
        "/",
        section.url,
        article.url,
        f"/tags/{tag.slug}/",
        article.authors[0].get_absolute_url(),
        "/search/?q=council",
        "/no-such-page/",
        "/feeds/rss/",
        "/sitemap.xml",
        "/robots.txt",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        assert_public_headers(response, url)


def test_cache_hits_replay_the_headers(client, article):
    first = client.get(article.url)
    second = client.get(article.url)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert_public_headers(second, article.url)
    for name in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "Referrer-Policy"):
        assert second[name] == first[name]


def test_admin_gets_its_own_policy_and_may_frame_its_preview(client, article):
    user = User.objects.create_superuser("editor", "editor@example.org", "a long test password")
    client.force_login(user)
    response = client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    policy = directives(response["Content-Security-Policy"])
    assert policy["frame-ancestors"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_every_cookie_the_site_sets_is_httponly_and_samesite(client, home):
    User.objects.create_superuser("editor", "editor@example.org", "a long test password")
    login = client.get("/admin/login/")
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a long test password", "next": "/admin/"}
    )
    assert response.status_code == 302
    cookies = {**login.cookies, **response.cookies}
    assert {"csrftoken", "sessionid"} <= set(cookies)
    for name, morsel in cookies.items():
        assert morsel["httponly"], f"cookie {name} is readable by scripts"
        assert morsel["samesite"] in ("Lax", "Strict"), f"cookie {name} has no SameSite"


def test_a_policy_is_one_header_line_an_app_can_extend():
    assert serialise({"default-src": ["'self'"], "upgrade-insecure-requests": []}) == (
        "default-src 'self'; upgrade-insecure-requests"
    )
