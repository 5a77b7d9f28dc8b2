"""Where the form appears, that cached pages carry it safely, and the bounce webhook."""

from __future__ import annotations

import hashlib
import hmac
import json

import pytest
from django.http import HttpResponse
from django.test import Client

from newsletter.models import Newsletter, Subscriber

pytestmark = pytest.mark.django_db


def test_article_page_region_and_footer_offer_the_form_and_preselect_the_section_digest(
    client, article, section
):
    Newsletter.objects.create(
        name="Politics digest", slug="politics", description="Politics.", section=section
    )
    html = client.get(article.url).content.decode()
    assert 'aria-labelledby="subscribe-article-heading"' in html
    assert '<option value="politics" selected>Politics digest</option>' in html
    assert 'id="subscribe-footer-email"' in html
    assert 'for="subscribe-article-email"' in html


def test_cached_pages_carry_no_per_reader_token_and_posting_from_them_works(client, article, daily, smtp):
    client.get(article.url)
    cached = client.get(article.url)
    assert cached["X-Page-Cache"] == "hit"
    assert b"csrfmiddlewaretoken" not in cached.content
    assert not cached.cookies
    response = client.post(
        "/newsletter/subscribe/",
        {"email": "reader@example.org", "newsletter": "daily"},
        HTTP_ORIGIN="http://testserver",
    )
    assert response.status_code == 200
    assert b"Check your inbox" in response.content


def test_newsletter_page_lists_every_active_newsletter(client, daily, weekly):
    Newsletter.objects.create(name="Retired", slug="retired", description="Old.", is_active=False)
    html = client.get("/newsletter/").content.decode()
    assert "Daily digest" in html
    assert "Weekly digest" in html
    assert "Retired" not in html
    assert client.get("/newsletter/subscribe/").status_code == 302


SECRET = "shared-secret-for-tests"


def signed_post(client: Client, body: bytes, secret: str = SECRET) -> HttpResponse:
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return client.post(
        "/newsletter/webhooks/bounces/", body, content_type="application/json", HTTP_X_SIGNATURE=signature
    )


def test_webhook_marks_hard_bounces_and_complaints_and_ignores_soft_bounces(client, settings):
    settings.NEWSLETTER_WEBHOOK_SECRET = SECRET
    for address in ("hard@example.org", "soft@example.org", "angry@example.org"):
        Subscriber.objects.create(email=address, status=Subscriber.Status.CONFIRMED)
    events = [
        {"email": "HARD@example.org", "type": "bounce", "hard": True},
        {"email": "soft@example.org", "type": "bounce", "hard": False},
        {"email": "angry@example.org", "type": "complaint"},
        {"email": "stranger@example.org", "type": "bounce"},
    ]
    response = signed_post(client, json.dumps({"events": events}).encode())
    assert response.json() == {"marked": 2, "received": 4}
    statuses = dict(Subscriber.objects.values_list("email", "status"))
    assert statuses == {
        "hard@example.org": "bounced",
        "soft@example.org": "confirmed",
        "angry@example.org": "complained",
    }


def test_webhook_refuses_bad_signatures_and_is_off_without_a_secret(client, settings):
    Subscriber.objects.create(email="reader@example.org", status=Subscriber.Status.CONFIRMED)
    body = json.dumps({"events": [{"email": "reader@example.org", "type": "complaint"}]}).encode()
    assert signed_post(client, body).status_code == 404  # no secret configured
    settings.NEWSLETTER_WEBHOOK_SECRET = SECRET
    assert signed_post(client, body, secret="wrong").status_code == 403
    assert (
        client.post("/newsletter/webhooks/bounces/", body, content_type="application/json").status_code == 403
    )
    assert signed_post(client, b"not json").status_code == 400
    forged = client.post(
        "/newsletter/webhooks/bounces/",
        body,
        content_type="application/json",
        HTTP_X_SIGNATURE="sha256=\u00e9",
    )
    assert forged.status_code == 403
    assert signed_post(client, b'{"events": ["x"]}').status_code == 400
    assert Subscriber.objects.get().status == Subscriber.Status.CONFIRMED
    assert signed_post(client, body).status_code == 200
    assert Subscriber.objects.get().status == Subscriber.Status.COMPLAINED
