"""The relay: hands pending mail to SMTP one recipient at a time, never twice.

For each recipient: **claim** (a conditional UPDATE from ``pending`` to ``claimed``), hand
the message to SMTP, then **mark sent**. SMTP saying no, or being down, puts the row back
to ``pending`` with a later ``next_attempt_at`` (exponential backoff), or ``failed`` after
``NEWSLETTER_MAX_ATTEMPTS`` or on a permanent (5xx) refusal. A crash between claim and
mark leaves the row ``claimed``: it may have been delivered, so only an operator resends
it (:func:`in_doubt`, :func:`resend`). Several relays may run at once; the claim makes
each row theirs alone.
"""

from __future__ import annotations

import smtplib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db.models import Exists, F, OuterRef, QuerySet
from django.utils import timezone

from newsletter import mail
from newsletter.models import Delivery, Issue, OutboxMessage, Sendable, SendStatus, Subscriber, Subscription

BATCH = 200
MAX_BACKOFF_SECONDS = 6 * 3600
# The server went away (as opposed to refusing one message): stop; the periodic relay retries.
SERVER_DOWN = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)


@dataclass
class RelayReport:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    suppressed: int = 0
    stopped_early: bool = False


class Throttle:
    """At most ``rate`` messages per second (0: no limit), without drifting over time."""

    def __init__(self, rate: float) -> None:
        self.interval = 1 / rate if rate > 0 else 0.0
        self.next_slot = time.monotonic()

    def wait(self) -> None:
        if not self.interval:
            return
        now = time.monotonic()
        if self.next_slot > now:
            time.sleep(self.next_slot - now)
        self.next_slot = max(self.next_slot, now) + self.interval


def _due(model: type[Sendable]) -> QuerySet:
    return model.objects.filter(status=SendStatus.PENDING, next_attempt_at__lte=timezone.now()).order_by("pk")


def _outbox_batch() -> list[OutboxMessage]:
    return list(_due(OutboxMessage).select_related("subscriber")[:BATCH])


def _delivery_batch() -> list[Delivery]:
    subscribed = Subscription.objects.filter(
        subscriber=OuterRef("subscriber"), newsletter__issues=OuterRef("issue"), confirmed_at__isnull=False
    )
    return list(_due(Delivery).select_related("subscriber").annotate(subscribed=Exists(subscribed))[:BATCH])


class _Builder:
    """Turns a row into the message to send, or None when its recipient may no longer get it."""

    def __init__(self) -> None:
        self.issues: dict[int, Issue] = {}

    def outbox(self, row: OutboxMessage) -> EmailMultiAlternatives | None:
        if row.subscriber and row.subscriber.status in (
            Subscriber.Status.BOUNCED,
            Subscriber.Status.COMPLAINED,
        ):
            return None
        return mail.message(row.to_email, row.subject, row.text, row.html, row.headers)

    def delivery(self, row: Delivery) -> EmailMultiAlternatives | None:
        if not (row.subscriber.mailable and row.subscribed):
            return None
        issue = self.issues.get(row.issue_id)
        if issue is None:
            issue = self.issues[row.issue_id] = Issue.objects.get(pk=row.issue_id)
        ids = (row.subscriber_id, issue.newsletter_id)
        return mail.message(
            row.subscriber.email,
            issue.subject,
            mail.personalise(issue.text, *ids),
            mail.personalise(issue.html, *ids),
            mail.list_headers(*ids),
        )


def _rows(builder: _Builder) -> Iterator[tuple[Sendable, Callable]]:
    while True:
        batch: list[tuple[Sendable, Callable]] = [(row, builder.outbox) for row in _outbox_batch()]
        batch += [(row, builder.delivery) for row in _delivery_batch()]
        if not batch:
            return
        yield from batch


def _claim(row: Sendable) -> bool:
    now = timezone.now()
    claimed = (
        type(row)
        .objects.filter(pk=row.pk, status=SendStatus.PENDING)
        .update(status=SendStatus.CLAIMED, claimed_at=now, attempts=F("attempts") + 1)
    )
    row.attempts += 1
    return claimed == 1


def _finish(row: Sendable, status: str, error: str = "") -> None:
    sent_at = timezone.now() if status == SendStatus.SENT else None
    type(row).objects.filter(pk=row.pk).update(status=status, sent_at=sent_at, last_error=error[:500])


def _retry_later(row: Sendable, error: Exception) -> str:
    if row.attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        _finish(row, SendStatus.FAILED, f"gave up after {row.attempts} attempts: {error}")
        return SendStatus.FAILED
    delay = min(settings.NEWSLETTER_RETRY_SECONDS * 2 ** (row.attempts - 1), MAX_BACKOFF_SECONDS)
    type(row).objects.filter(pk=row.pk).update(
        status=SendStatus.PENDING,
        claimed_at=None,
        next_attempt_at=timezone.now() + timedelta(seconds=delay),
        last_error=str(error)[:500],
    )
    return SendStatus.PENDING


def _permanent(error: smtplib.SMTPException) -> bool:
    """A 5xx answer about this message or recipient: retrying cannot help."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _ in error.recipients.values())
    return isinstance(error, smtplib.SMTPResponseException) and error.smtp_code >= 500


def relay(rate: float | None = None) -> RelayReport:
    """Send everything due now; stop early if the SMTP server is down."""
    report = RelayReport()
    builder = _Builder()
    throttle = Throttle(settings.NEWSLETTER_SEND_RATE if rate is None else rate)
    connection = get_connection()
    try:
        for row, build in _rows(builder):
            if not _claim(row):
                continue  # another relay took it
            message = build(row)
            if message is None:
                _finish(row, SendStatus.SUPPRESSED)
                report.suppressed += 1
                continue
            throttle.wait()
            message.connection = connection
            try:
                connection.open()  # one connection for the whole run; a no-op once open
                connection.send_messages([message])
            except smtplib.SMTPException as error:
                if _permanent(error):
                    _finish(row, SendStatus.FAILED, str(error))
                    report.failed += 1
                    continue
                report.retried += _retry_later(row, error) == SendStatus.PENDING
                if isinstance(error, SERVER_DOWN):
                    report.stopped_early = True
                    break
                continue
            except OSError as error:  # connection refused, unreachable, timed out
                report.retried += _retry_later(row, error) == SendStatus.PENDING
                report.stopped_early = True
                break
            _finish(row, SendStatus.SENT)
            report.sent += 1
    finally:
        connection.close()
    return report


def in_doubt(older_than: timedelta = timedelta(minutes=5)) -> list[Sendable]:
    """Rows claimed but never marked sent: their worker died while handing them to SMTP."""
    cutoff = timezone.now() - older_than
    rows: list[Sendable] = []
    for model in (OutboxMessage, Delivery):
        claimed = model.objects.filter(status=SendStatus.CLAIMED, claimed_at__lte=cutoff)
        rows += list(claimed.select_related("subscriber").order_by("claimed_at"))
    return rows


def resend(rows: list[Sendable]) -> int:
    """An operator's decision to send in-doubt rows again (the reader may get a duplicate)."""
    count = 0
    for row in rows:
        count += type(row).objects.filter(pk=row.pk, status=SendStatus.CLAIMED).update(
            status=SendStatus.PENDING, claimed_at=None, next_attempt_at=timezone.now(),
            last_error="resent by an operator after an interrupted send",
        )  # fmt: skip
    return count
