"""Sign-up, confirmation, welcome, one-click unsubscribe and preferences, through real SMTP."""

from __future__ import annotations

import time

import pytest
from django.core import signing
from django.test import Client

from mail.models import SendStatus
from newsletter import tokens
from newsletter.models import OutboxMessage, Subscriber, Subscription
from newsletter.tests.conftest import html_of, link, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def sign_up(client, django_capture_on_commit_callbacks):
    def post(email: str, newsletter: str = "daily", **headers: str):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                "/newsletter/subscribe/", {"email": email, "newsletter": newsletter}, **headers
            )

    return post


def test_sign_up_confirm_welcome_and_one_click_unsubscribe(
    smtp, sign_up, client, daily, django_capture_on_commit_callbacks
):
    response = sign_up("  Reader@Example.ORG ")
    assert response.status_code == 200
    assert b"Check your inbox" in response.content
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "reader@example.org"
    assert subscriber.status == Subscriber.Status.PENDING

    [confirmation] = smtp.inbox.to("reader@example.org")
    assert confirmation["Subject"] == "Confirm your subscription to Daily digest"
    assert "List-Unsubscribe" not in confirmation
    with django_capture_on_commit_callbacks(execute=True):
        page = client.get(link(confirmation, "confirm"))
    assert page.status_code == 200
    assert b"You are subscribed" in page.content
    assert b"The day&#x27;s main stories" in page.content or b"The day's main stories" in page.content
    assert "no-store" in page["Cache-Control"]
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.CONFIRMED
    assert subscriber.consent == Subscriber.Consent.DOUBLE_OPT_IN
    assert subscriber.consent_at

    welcome = smtp.inbox.to("reader@example.org")[1]
    assert welcome["Subject"] == "Welcome to Daily digest"
    assert welcome["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe_url = welcome["List-Unsubscribe"].strip().removeprefix("<").removesuffix(">")
    assert unsubscribe_url.startswith("https://news.example/newsletter/unsubscribe/")
    assert "Unsubscribe" in html_of(welcome)
    assert "unsubscribe" in text_of(welcome).lower()

    # RFC 8058: the mail provider POSTs, with no cookie and no CSRF token.
    mail_client = Client(enforce_csrf_checks=True)
    answer = mail_client.post(
        unsubscribe_url.removeprefix("https://news.example"),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert answer.status_code == 200
    assert b"You are unsubscribed" in answer.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not Subscription.objects.exists()
    assert len(smtp.inbox.messages) == 2


def test_answer_is_the_same_for_new_pending_confirmed_and_blocked_addresses(smtp, sign_up, daily):
    first = sign_up("someone@example.org").content
    again = sign_up("SOMEONE@example.org").content
    Subscriber.objects.update(status=Subscriber.Status.CONFIRMED)
    Subscription.objects.update(confirmed_at="2026-01-01T00:00:00Z")
    confirmed = sign_up("someone@example.org").content
    Subscriber.objects.update(status=Subscriber.Status.COMPLAINED)
    blocked = sign_up("someone@example.org").content
    assert first == again == confirmed == blocked
    assert Subscriber.objects.count() == 1
    assert len(smtp.inbox.messages) == 2  # new and pending get a (re)confirmation; the others nothing


def test_confirmation_mails_to_one_address_are_capped(smtp, sign_up, daily):
    for _ in range(5):
        assert sign_up("target@example.org").status_code == 200
    assert len(smtp.inbox.to("target@example.org")) == 3


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("", "Enter your email address."),
        ("not-an-address", "Enter a complete email address, like name@example.com."),
        ("a@" + "b" * 260 + ".org", "That address is too long"),
    ],
)
def test_bad_email_gets_a_message_next_to_the_field_and_keeps_the_text(sign_up, daily, email, message):
    response = sign_up(email)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'aria-describedby="subscribe-page-email-error"' in html
    assert 'id="subscribe-page-email-error"' in html
    if email:
        assert f'value="{email}"' in html
    assert not Subscriber.objects.exists()


def test_unknown_newsletter_is_refused_with_a_message(sign_up, daily):
    response = sign_up("reader@example.org", newsletter="gone")
    assert response.status_code == 400
    assert "That newsletter is not offered any more; choose another." in response.content.decode()
    assert 'value="reader@example.org"' in response.content.decode()


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_FETCH_SITE": "cross-site"}, {"HTTP_ORIGIN": "https://evil.example"}, {"HTTP_ORIGIN": "null"}],
)
def test_cross_site_posts_are_refused(sign_up, daily, headers):
    response = sign_up("victim@example.org", **headers)
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},
        {"HTTP_REFERER": "http://testserver/newsletter/"},
    ],
)
def test_same_site_posts_are_accepted(smtp, daily, headers):
    response = Client().post(
        "/newsletter/subscribe/", {"email": "reader@example.org", "newsletter": "daily"}, **headers
    )
    assert response.status_code == 200


def test_a_post_that_cannot_show_where_it_came_from_is_refused(daily):
    """The comments' policy (core.origin): no Sec-Fetch-Site, Origin or Referer, no sign-up."""
    response = Client().post("/newsletter/subscribe/", {"email": "victim@example.org", "newsletter": "daily"})
    assert response.status_code == 403
    assert not Subscriber.objects.exists()


def test_sign_ups_are_rate_limited_per_client_ip(smtp, sign_up, settings, daily):
    settings.NEWSLETTER_SUBSCRIBE_LIMIT = 3
    for n in range(3):
        assert sign_up(f"reader{n}@example.org").status_code == 200
    limited = sign_up("reader9@example.org")
    assert limited.status_code == 429
    assert b"many sign-ups from your network" in limited.content
    assert b'value="reader9@example.org"' in limited.content  # the reader's input is kept
    assert sign_up("other@example.org", REMOTE_ADDR="203.0.113.9").status_code == 200


def test_tampered_and_expired_confirmation_links_are_refused(smtp, sign_up, client, daily, monkeypatch):
    sign_up("reader@example.org")
    path = link(smtp.inbox.messages[0], "confirm")
    tampered = path.replace("/confirm/", "/confirm/9").replace(":", ":x", 1)
    bad = client.get(tampered)
    assert bad.status_code == 400
    assert b"This link does not work" in bad.content
    later = time.time() + 4 * 86400
    monkeypatch.setattr(signing.time, "time", lambda: later)
    expired = client.get(path)
    assert expired.status_code == 400
    assert b"This link has expired" in expired.content
    assert Subscriber.objects.get().status == Subscriber.Status.PENDING


def test_forged_unsubscribe_and_preferences_tokens_are_refused(client, daily):
    assert client.post("/newsletter/unsubscribe/1.1:forged/").status_code == 400
    assert client.get("/newsletter/preferences/1:forged/").status_code == 400


def test_preferences_link_changes_newsletters_and_leaves(
    smtp, sign_up, client, daily, weekly, django_capture_on_commit_callbacks
):
    sign_up("reader@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.get(link(smtp.inbox.messages[0], "confirm"))
    preferences = link(smtp.inbox.messages[1], "preferences")
    page = client.get(preferences)
    assert page.status_code == 200
    assert "no-store" in page["Cache-Control"]
    assert b"reader@example.org" in page.content
    saved = client.post(preferences, {"newsletters": [daily.pk, weekly.pk]})
    assert b"Saved." in saved.content
    subscriber = Subscriber.objects.get()
    assert set(subscriber.subscriptions.values_list("newsletter__slug", flat=True)) == {"daily", "weekly"}
    client.post(preferences, {"newsletters": [weekly.pk]})
    assert list(subscriber.subscriptions.values_list("newsletter__slug", flat=True)) == ["weekly"]
    stale = client.post(preferences, {"newsletters": [daily.pk, 999999]})  # a newsletter since removed
    assert stale.status_code == 400
    assert b"Saved." not in stale.content
    assert b'role="alert"' in stale.content
    ticked = {int(v) for v in stale.context["form"]["newsletters"].value()}
    assert ticked == {daily.pk, 999999}  # the reader's choice is kept as sent
    assert list(subscriber.subscriptions.values_list("newsletter__slug", flat=True)) == ["weekly"]
    left = client.post(preferences, {"leave": "1"})
    assert b"You will receive no more newsletters" in left.content
    subscriber.refresh_from_db()
    assert subscriber.status == Subscriber.Status.UNSUBSCRIBED
    assert not subscriber.subscriptions.exists()
    assert client.post(preferences, {"leave": "1"}, HTTP_SEC_FETCH_SITE="cross-site").status_code == 403


def test_unsubscribe_link_shows_a_button_on_get_and_changes_nothing(smtp, client, daily):
    subscriber = Subscriber.objects.create(email="reader@example.org", status=Subscriber.Status.CONFIRMED)
    Subscription.objects.create(subscriber=subscriber, newsletter=daily, confirmed_at="2026-01-01T00:00:00Z")
    path = tokens.unsubscribe_url(subscriber.pk, daily.pk).removeprefix("https://news.example")
    page = client.get(path)
    assert b'<button type="submit">Unsubscribe</button>' in page.content
    assert Subscription.objects.count() == 1


def test_queue_down_keeps_the_mail_in_the_outbox_until_the_periodic_relay(smtp, sign_up, daily, monkeypatch):
    from django_tasks import task_backends

    from mail import tasks

    def broken(*args: object, **kwargs: object) -> None:
        raise ConnectionError("queue backend unreachable")

    monkeypatch.setattr(task_backends["default"], "enqueue", broken)
    assert sign_up("reader@example.org").status_code == 200
    assert OutboxMessage.objects.get().status == SendStatus.PENDING
    assert smtp.inbox.messages == []
    monkeypatch.undo()
    tasks.relay.call()
    assert OutboxMessage.objects.get().status == SendStatus.SENT
    assert len(smtp.inbox.messages) == 1


def test_links_of_an_erased_address_fail_gracefully(smtp, sign_up, client, daily):
    from django.core.management import call_command

    sign_up("reader@example.org")
    confirm_path = link(smtp.inbox.messages[0], "confirm")
    call_command("erase_email", "reader@example.org", stdout=None)
    assert not Subscriber.objects.exists()
    gone = client.get(confirm_path)
    assert gone.status_code == 400
    assert b"This link has expired" in gone.content
    path = tokens.unsubscribe_url(1, daily.pk).removeprefix("https://news.example")
    assert client.post(path).status_code == 200


def test_the_sign_up_limit_holds_while_the_cache_is_down(cache_down, smtp, sign_up, settings, daily):
    settings.NEWSLETTER_SUBSCRIBE_LIMIT = 3
    assert [sign_up(f"reader{n}@example.org").status_code for n in range(4)] == [200, 200, 200, 429]
    assert Subscriber.objects.count() == 3


def test_an_origin_in_csrf_trusted_origins_may_sign_up(smtp, daily, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://www.example.org"]
    response = Client().post(
        "/newsletter/subscribe/",
        {"email": "reader@example.org", "newsletter": "daily"},
        HTTP_ORIGIN="https://www.example.org",
    )
    assert response.status_code == 200
