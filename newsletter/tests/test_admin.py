"""The newsletter desk and subscriber admin: counts, preview, test send, send now, import, export."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from mail.models import SendStatus
from newsletter.models import Delivery, Issue, Subscriber, Subscription

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client: Client) -> User:
    user = User.objects.create_superuser("editor", "editor@example.org", "a-long-test-password")
    client.force_login(user)
    return user


def test_desk_shows_counts_issues_and_in_doubt_rows_and_resends_on_request(
    client, editor, daily, make_article, smtp, django_capture_on_commit_callbacks
):
    make_article("Tide tables printed again")
    reader = Subscriber.objects.create(
        email="reader@example.org", status="confirmed", consent_at=timezone.now()
    )
    Subscription.objects.create(subscriber=reader, newsletter=daily, confirmed_at=timezone.now())
    Subscriber.objects.create(email="pending@example.org")
    issue = Issue.objects.create(
        newsletter=daily, subject="Old issue", text="t", html="h", covers_since=timezone.now()
    )
    stuck = Delivery.objects.create(
        issue=issue,
        subscriber=reader,
        status=SendStatus.CLAIMED,
        claimed_at=timezone.now() - timezone.timedelta(hours=1),
    )
    html = client.get("/admin/newsletter-desk/").content.decode()
    assert "<td>Confirmed</td><td>1</td>" in html
    assert "<td>Pending confirmation</td><td>1</td>" in html
    assert "Old issue" in html
    assert f'value="Delivery:{stuck.pk}"' in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/admin/newsletter-desk/in-doubt/resend/", {"row": f"Delivery:{stuck.pk}"})
    stuck.refresh_from_db()
    assert stuck.status == SendStatus.SENT
    assert len(smtp.inbox.messages) == 1


def test_preview_test_send_and_send_now(
    client, editor, daily, make_article, smtp, django_capture_on_commit_callbacks
):
    make_article("Ferry returns to the island")
    reader = Subscriber.objects.create(email="reader@example.org", status="confirmed")
    Subscription.objects.create(subscriber=reader, newsletter=daily, confirmed_at=timezone.now())
    preview = client.get(f"/admin/newsletter-desk/{daily.pk}/preview/").content.decode()
    assert "Ferry returns to the island" in preview
    assert "Daily digest: Ferry returns to the island" in preview
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/newsletter-desk/{daily.pk}/test/", {"address": "desk@example.org"})
    assert [m["To"] for m in smtp.inbox.messages] == ["desk@example.org"]
    assert not Issue.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/newsletter-desk/{daily.pk}/send/")
    assert Issue.objects.get().created_by == "editor"
    assert [m["To"] for m in smtp.inbox.messages] == ["desk@example.org", "reader@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        again = client.post(f"/admin/newsletter-desk/{daily.pk}/send/", follow=True)
    assert "no new articles" in again.content.decode()
    assert Issue.objects.count() == 1


def test_import_with_affirmed_consent_subscribes_at_once_and_records_it(client, editor, daily, smtp):
    Subscriber.objects.create(email="left@example.org", status="unsubscribed")
    data = b"email,name\nOne@Example.org,One\nnot-an-address,X\ntwo@example.org,Two\nleft@example.org,L\n"
    response = client.post(
        "/admin/newsletter-desk/import/",
        {"file": SimpleUploadedFile("list.csv", data), "newsletters": [daily.pk], "consent_affirmed": "on"},
        follow=True,
    )
    assert "2 new address(es)" in response.content.decode()
    assert "Row 2: &#x27;not-an-address&#x27; is not an email address; skipped." in response.content.decode()
    assert "Row 4: left@example.org unsubscribed earlier; not subscribed again." in response.content.decode()
    assert Subscriber.objects.get(email="left@example.org").status == "unsubscribed"
    one = Subscriber.objects.get(email="one@example.org")
    assert one.status == "confirmed"
    assert one.consent == Subscriber.Consent.IMPORTED
    assert one.consent_note == "Affirmed by editor on import"
    assert one.subscriptions.get().confirmed_at is not None
    assert smtp.inbox.messages == []


def test_import_without_affirmation_asks_each_address_to_confirm(
    client, editor, daily, smtp, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/admin/newsletter-desk/import/",
            {"file": SimpleUploadedFile("list.csv", b"three@example.org\n"), "newsletters": [daily.pk]},
        )
    assert Subscriber.objects.get().status == "pending"
    assert smtp.inbox.messages[0]["Subject"] == "Confirm your subscription to Daily digest"


def test_subscriber_list_searches_filters_and_exports_csv(client, editor, daily):
    Subscriber.objects.create(email="alice@example.org", status="confirmed")
    Subscriber.objects.create(email="bob@example.org", status="bounced")
    found = client.get("/admin/newsletter/subscribers/", {"q": "alice"}).content.decode()
    assert "alice@example.org" in found
    assert "bob@example.org" not in found
    bounced = client.get("/admin/newsletter/subscribers/", {"status": "bounced"}).content.decode()
    assert "bob@example.org" in bounced
    assert "alice@example.org" not in bounced
    export = client.get("/admin/newsletter/subscribers/", {"export": "csv"})
    body = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert body.splitlines()[0].lower().startswith("email")
    assert "alice@example.org,confirmed" in body.replace('"', "")


def test_desk_needs_permission(client, daily):
    user = User.objects.create_user("reporter", "r@example.org", "a-long-test-password")
    from django.contrib.auth.models import Permission

    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail answers a permission denied inside the admin with a redirect to the dashboard.
    assert client.get("/admin/newsletter-desk/")["Location"] == "/admin/"
    assert client.post(f"/admin/newsletter-desk/{daily.pk}/send/")["Location"] == "/admin/"
    assert not Issue.objects.exists()


def test_import_reads_files_with_old_mac_line_ends(client, editor, daily, smtp):
    data = b"email\rone@example.org\rtwo@example.org\r"
    response = client.post(
        "/admin/newsletter-desk/import/",
        {"file": SimpleUploadedFile("list.csv", data), "newsletters": [daily.pk], "consent_affirmed": "on"},
        follow=True,
    )
    assert response.status_code == 200
    assert "2 new address(es)" in response.content.decode()
