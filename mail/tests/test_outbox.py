"""Every mail the site sends goes through the outbox: an SMTP outage loses nothing, sends nothing twice."""

from __future__ import annotations

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import Group, User
from django.core.mail import EmailMultiAlternatives, send_mail
from django.core.management import call_command
from django.utils import timezone

from comments import notify
from comments.models import Comment
from core.erasure import erase_email
from mail import relay, tasks
from mail.models import OutgoingMail, SendStatus
from mail.tests.smtp import SMTPServer
from news.models import HomePage
from news.roles import MODERATORS
from newsletter import services
from newsletter.models import Newsletter, OutboxMessage

pytestmark = pytest.mark.django_db


def make_due() -> None:
    """Pretend every backoff has elapsed."""
    OutgoingMail.objects.filter(status=SendStatus.PENDING).update(next_attempt_at=timezone.now())
    OutboxMessage.objects.filter(status=SendStatus.PENDING).update(next_attempt_at=timezone.now())


def recipients(smtp: SMTPServer) -> list[str]:
    return sorted(message["To"] for message in smtp.inbox.messages)


@pytest.fixture
def moderator(home: HomePage) -> User:
    user = User.objects.create_user("mo", email="mo@example.org", password="an-old-password-1")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user


@pytest.fixture
def daily(db) -> Newsletter:
    return Newsletter.objects.get_or_create(slug="daily", defaults={"name": "Daily digest"})[0]


def test_smtp_away_then_refusing_then_back_delivers_every_mail_exactly_once(
    smtp, client, article, moderator, daily, django_capture_on_commit_callbacks
):
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):  # the relay runs after commit, and fails
        send_mail("Printing press booked", "Thursday, 9 am.", None, ["desk@example.org"])
        held = Comment.objects.create(
            article=article, name="Pat", email="p@example.org", text="Hi", fingerprint="x"
        )
        notify.notify_after_commit(held)
        services.request_subscription("reader@example.org", daily)
        response = client.post("/admin/password_reset/", {"email": "mo@example.org"})
    assert response.status_code == 302  # "check your inbox": and the mail is indeed waiting
    assert OutgoingMail.objects.filter(status=SendStatus.PENDING).count() == 3
    assert OutboxMessage.objects.get().status == SendStatus.PENDING
    assert smtp.inbox.messages == []
    assert relay.backlog().waiting == 4
    assert relay.backlog().most_overdue_seconds == 0

    smtp.inbox.refusal = "451 try again later"
    smtp.start()
    OutgoingMail.objects.update(next_attempt_at=timezone.now() - timedelta(minutes=10))
    assert relay.backlog().most_overdue_seconds >= 600  # what a monitor sees while no relay runs
    make_due()
    report = relay.relay()
    assert report.sent == 0
    assert report.retried == 4
    assert smtp.inbox.messages == []

    smtp.stop()
    smtp.inbox.refusal = None
    smtp.start()
    assert relay.relay().sent == 0  # backing off: nothing is due yet
    make_due()
    assert relay.relay().sent == 4
    assert relay.relay().sent == 0
    make_due()
    assert relay.relay().sent == 0
    assert recipients(smtp) == ["desk@example.org", "mo@example.org", "mo@example.org", "reader@example.org"]
    subjects = sorted(message["Subject"].strip() for message in smtp.inbox.to("mo@example.org"))
    assert subjects[0] == f"Comment awaiting moderation on “{article.title}”"
    assert "Password reset" in subjects[1]
    assert set(OutgoingMail.objects.values_list("status", flat=True)) == {SendStatus.SENT}
    assert relay.backlog() == relay.Backlog(waiting=0, most_overdue_seconds=0, in_doubt=0)


def test_a_password_reset_is_queued_and_its_link_works_once_delivered(smtp, client, moderator):
    smtp.stop()
    response = client.post("/admin/password_reset/", {"email": "mo@example.org"}, follow=True)
    assert response.status_code == 200
    row = OutgoingMail.objects.get()
    assert row.to == ["mo@example.org"]
    assert row.status == SendStatus.PENDING
    smtp.start()
    make_due()
    relay.relay()
    (message,) = smtp.inbox.to("mo@example.org")
    path = re.search(r"https?://[^/\s]+(/admin/password_reset/confirm/[^\s]+/)", message.get_content()).group(
        1
    )
    form = client.get(path, follow=True)
    assert form.status_code == 200
    assert b"new_password1" in form.content


def test_the_queued_message_keeps_its_parts_and_message_id(smtp, django_capture_on_commit_callbacks):
    message = EmailMultiAlternatives(
        "Rota",
        "Plain text.",
        "desk@example.org",
        ["a@example.org"],
        bcc=["b@example.org"],
        reply_to=["r@example.org"],
    )
    message.attach_alternative("<p>Rich text.</p>", "text/html")
    with django_capture_on_commit_callbacks(execute=True):
        message.send()
    queued = OutgoingMail.objects.get()
    assert queued.status == SendStatus.SENT
    (received,) = smtp.inbox.messages
    assert received["Message-ID"] == queued.headers["Message-ID"]
    assert received["Reply-To"] == "r@example.org"
    assert "Bcc" not in received
    assert received.get_body(preferencelist=("html",)).get_content().strip() == "<p>Rich text.</p>"


def test_in_doubt_mail_is_listed_and_resent_only_on_request(smtp):
    send_mail("Rota", "Plain text.", None, ["a@example.org"])
    OutgoingMail.objects.update(status=SendStatus.CLAIMED, claimed_at=timezone.now() - timedelta(hours=1))
    assert relay.relay().sent == 0
    out = StringIO()
    call_command("mail_in_doubt", stdout=out)
    assert "OutgoingMail" in out.getvalue()
    assert "a@example.org\tRota" in out.getvalue()
    call_command("mail_in_doubt", "--resend", stdout=StringIO())
    assert relay.relay().sent == 1
    assert recipients(smtp) == ["a@example.org"]


def test_sent_mail_is_forgotten_after_its_days_and_erased_on_request(smtp, settings):
    send_mail("Rota", "Plain text.", None, ["Someone@Example.org", "other@example.org"])
    send_mail("Rota", "Plain text.", None, ["another@example.org"])
    assert erase_email("someone@example.org")["mail"] == 1
    relay.relay()
    assert tasks.forget_sent_mail.call() == 0
    OutgoingMail.objects.update(
        created_at=timezone.now() - timedelta(days=settings.MAIL_KEEP_DAYS, seconds=1)
    )
    assert tasks.forget_sent_mail.call() == 1
    assert not OutgoingMail.objects.exists()
