"""The relay through a real SMTP server: outages, refusals, retries, issues, in-doubt rows."""

from __future__ import annotations

import smtplib
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from mail import relay
from mail.models import SendStatus
from news.models import ArticlePage, Publication, SectionPage
from newsletter import digest, services
from newsletter.models import Delivery, DigestPin, Issue, Newsletter, OutboxMessage, Subscriber, Subscription
from newsletter.tests.conftest import html_of, link, text_of

pytestmark = pytest.mark.django_db


def confirmed(address: str, *newsletters: Newsletter) -> Subscriber:
    subscriber = Subscriber.objects.create(email=address, status=Subscriber.Status.CONFIRMED)
    for newsletter in newsletters:
        Subscription.objects.create(subscriber=subscriber, newsletter=newsletter, confirmed_at=timezone.now())
    return subscriber


def make_due() -> None:
    """Pretend the backoff has elapsed."""
    for model in (OutboxMessage, Delivery):
        model.objects.filter(status=SendStatus.PENDING).update(next_attempt_at=timezone.now())


def test_smtp_down_then_up_loses_nothing_and_backs_off(smtp, daily, django_capture_on_commit_callbacks):
    smtp.stop()
    with django_capture_on_commit_callbacks(execute=True):
        for n in range(3):
            services.request_subscription(f"reader{n}@example.org", daily)
    rows = OutboxMessage.objects.order_by("pk")
    assert [row.status for row in rows] == [SendStatus.PENDING] * 3
    first = rows[0]
    assert first.attempts >= 1
    assert first.last_error
    assert first.next_attempt_at > timezone.now() + timedelta(seconds=30)  # backing off, not hammering

    smtp.start()
    assert relay.relay().sent == 0  # nothing is due yet
    make_due()
    report = relay.relay()
    assert report.sent == 3
    assert sorted(m["To"] for m in smtp.inbox.messages) == [f"reader{n}@example.org" for n in range(3)]
    assert relay.relay().sent == 0  # and nobody twice


def test_gives_up_after_the_configured_attempts(smtp, daily, settings):
    settings.MAIL_MAX_ATTEMPTS = 2
    smtp.stop()
    services.request_subscription("reader@example.org", daily)
    relay.relay()
    make_due()
    relay.relay()
    row = OutboxMessage.objects.get()
    assert row.status == SendStatus.FAILED
    assert "gave up after 2 attempts" in row.last_error


def test_permanent_refusal_fails_and_temporary_one_retries(smtp, daily):
    smtp.stop()
    smtp.inbox.refusal = "550 mailbox unavailable"
    smtp.start()
    services.request_subscription("gone@example.org", daily)
    assert relay.relay().failed == 1
    assert OutboxMessage.objects.get().status == SendStatus.FAILED

    smtp.stop()
    smtp.inbox.refusal = "451 mailbox unavailable"
    smtp.start()
    services.request_subscription("busy@example.org", daily)
    assert relay.relay().retried == 1
    busy = OutboxMessage.objects.get(to_email="busy@example.org")
    assert busy.status == SendStatus.PENDING
    assert "451" in busy.last_error


def test_throttle_spaces_messages(smtp, daily, settings):
    throttle = relay.Throttle(rate=20)
    start = timezone.now()
    for _ in range(5):
        throttle.wait()
    assert (timezone.now() - start).total_seconds() >= 0.19


@pytest.fixture
def stories(make_article: Callable[..., ArticlePage], section: SectionPage) -> list[ArticlePage]:
    return [make_article(f"Story number {n}", hours_ago=n) for n in range(1, 4)]


def test_digest_goes_to_confirmed_subscribers_once_with_rfc8058_headers(
    smtp, daily, weekly, stories, client, django_capture_on_commit_callbacks
):
    reader = confirmed("reader@example.org", daily)
    confirmed("weekly-only@example.org", weekly)
    Subscriber.objects.create(email="pending@example.org")
    DigestPin.objects.create(newsletter=daily, article=stories[2])
    with django_capture_on_commit_callbacks(execute=True):
        issue = digest.create_issue(daily, by="editor")
    assert issue.article_ids[0] == stories[2].pk  # pinned first, then newest
    assert issue.article_ids[1:] == [stories[0].pk, stories[1].pk]
    assert not DigestPin.objects.exists()
    [message] = smtp.inbox.messages
    assert message["To"] == "reader@example.org"
    assert message["Subject"] == "Daily digest: Story number 3 and 2 more"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "%%" not in text_of(message) + html_of(message)
    assert "Story number 1" in text_of(message)
    assert 'href="https://' in html_of(message)
    assert "prefers-color-scheme: dark" in html_of(message)
    assert "<img" not in html_of(message)
    assert Delivery.objects.get().status == SendStatus.SENT

    assert relay.relay().sent == 0
    assert digest.create_issue(daily) is None  # nothing new since the last issue
    response = client.post(link(message, "unsubscribe"))
    assert response.status_code == 200
    assert not reader.subscriptions.exists()


def test_recipients_who_leave_or_bounce_before_sending_are_suppressed_not_skipped_silently(
    smtp, daily, stories
):
    leaving = confirmed("leaving@example.org", daily)
    confirmed("bouncing@example.org", daily)
    issue = digest.create_issue(daily)
    services.leave(leaving)
    services.mark_undeliverable("BOUNCING@example.org", Subscriber.Status.BOUNCED)
    assert relay.relay().suppressed == 2
    assert smtp.inbox.messages == []
    assert set(issue.deliveries.values_list("status", flat=True)) == {SendStatus.SUPPRESSED}


def test_claimed_but_unconfirmed_rows_are_listed_and_resent_only_on_request(smtp, daily, stories):
    for n in range(3):
        confirmed(f"reader{n}@example.org", daily)
    issue = digest.create_issue(daily)
    crashed = issue.deliveries.order_by("pk").first()
    Delivery.objects.filter(pk=crashed.pk).update(status=SendStatus.CLAIMED, claimed_at=timezone.now())
    relay.relay()
    assert len(smtp.inbox.messages) == 2
    assert relay.relay().sent == 0  # the in-doubt one is not resent automatically

    out = StringIO()
    call_command("mail_in_doubt", "--older-than", "0", stdout=out)
    assert f"Delivery {crashed.pk}\t{crashed.subscriber.email}\tissue {issue.pk}" in out.getvalue()
    assert "1 message(s) in doubt." in out.getvalue()
    assert len(smtp.inbox.messages) == 2

    call_command("mail_in_doubt", "--older-than", "0", "--resend", stdout=StringIO())
    relay.relay()
    assert sorted(m["To"] for m in smtp.inbox.messages) == [f"reader{n}@example.org" for n in range(3)]
    assert relay.in_doubt(timedelta(0)) == []


def test_test_send_goes_to_one_address_only(smtp, daily, stories):
    confirmed("reader@example.org", daily)
    digest.send_test(daily, "editor@example.org")
    relay.relay()
    [message] = smtp.inbox.messages
    assert message["To"] == "editor@example.org"
    assert message["Subject"].startswith("[Test] Daily digest")
    assert not Issue.objects.exists()


def test_scheduled_issue_is_due_at_the_hour_in_the_site_time_zone(daily, weekly, settings):
    settings.TIME_ZONE = "Europe/London"
    daily.send_hour, weekly.send_hour, weekly.send_weekday = 7, 7, 5
    summer_morning = datetime(2026, 7, 4, 5, 59, tzinfo=UTC)  # 06:59 in London, a Saturday
    assert digest.due_edition(daily, summer_morning) is None
    at_seven = summer_morning + timedelta(minutes=1)
    assert digest.due_edition(daily, at_seven).isoformat() == "2026-07-04"
    assert digest.due_edition(weekly, at_seven).isoformat() == "2026-07-04"
    assert digest.due_edition(weekly, at_seven + timedelta(days=1)) is None


def test_scheduler_job_sends_one_issue_per_edition(smtp, daily, stories, settings):
    from newsletter.tasks import send_scheduled_digests

    confirmed("reader@example.org", daily)
    daily.send_hour = 0
    daily.save()
    assert len(send_scheduled_digests.call()) == 1
    assert send_scheduled_digests.call() == []
    relay.relay()
    assert len(smtp.inbox.messages) == 1


def test_unconfirmed_sign_ups_are_purged_after_the_link_expires(daily, settings):
    services.request_subscription("late@example.org", daily)
    services.request_subscription("fresh@example.org", daily)
    Subscriber.objects.filter(email="late@example.org").update(created_at=timezone.now() - timedelta(days=4))
    from newsletter.tasks import purge_unconfirmed

    purge_unconfirmed.call()
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["fresh@example.org"]


def test_erase_email_removes_the_subscriber_and_their_mail(daily, smtp):
    reader = confirmed("reader@example.org", daily)
    services.request_subscription("Reader@Example.org", daily)
    out = StringIO()
    call_command("erase_email", "READER@example.org", stdout=out)
    assert "newsletter: " in out.getvalue()
    assert not Subscriber.objects.filter(pk=reader.pk).exists()
    assert not OutboxMessage.objects.exists()
    assert not Subscription.objects.exists()


def test_smtp_exceptions_are_classified(daily):
    assert relay._permanent(smtplib.SMTPRecipientsRefused({"a@b.c": (550, b"no")}))
    assert not relay._permanent(smtplib.SMTPRecipientsRefused({"a@b.c": (452, b"full")}))
    assert not relay._permanent(smtplib.SMTPServerDisconnected("gone"))


def test_mail_is_signed_with_the_publications_name_and_issue_titles_are_not_doubled(
    smtp, daily, stories, settings, django_capture_on_commit_callbacks
):
    settings.WAGTAIL_SITE_NAME = "Newsroom admin"
    publication = Publication.load()
    publication.name = "The Harbour Herald"
    with django_capture_on_commit_callbacks(execute=True):  # the shared copy is retired after commit
        publication.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.request_subscription("reader@example.org", daily)
    (message,) = smtp.inbox.messages
    assert "from The Harbour Herald." in text_of(message)
    assert "Newsroom admin" not in text_of(message)
    assert '<p class="masthead">The Harbour Herald</p>' in html_of(message)
    assert message["From"] == "The Harbour Herald <newsroom@localhost>"
    issue = digest.create_issue(daily)
    assert issue.subject.startswith(f"{daily.name}: ")
    assert issue.subject.count(daily.name) == 1
    assert str(issue) == issue.subject


def test_an_article_excluded_from_newsletters_is_never_in_a_digest_even_when_pinned(daily, stories):
    excluded = stories[0]
    excluded.exclude_from_newsletters = True
    excluded.save_revision().publish()
    DigestPin.objects.create(newsletter=daily, article=excluded)
    chosen = digest.articles_for(daily, timezone.now() - timedelta(days=1))
    assert [article.title for article in chosen] == ["Story number 2", "Story number 3"]
