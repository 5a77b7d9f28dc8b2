"""The relay: hands due mail to the real backend one message at a time, never twice.

For each row: **claim** (a conditional UPDATE from ``pending`` to ``claimed``), hand the
message to the delivery backend, then **mark sent**. The server saying no, or being down,
puts the row back to ``pending`` with a later ``next_attempt_at`` (exponential backoff), or
``failed`` after ``MAIL_MAX_ATTEMPTS`` or on a permanent (5xx) refusal. A crash between
claim and mark leaves the row ``claimed``: it may have been delivered, so only an operator
resends it (:func:`in_doubt`, :func:`resend`). Several relays may run at once; the claim
makes each row theirs alone.

Rows come from registered :class:`Source` s: the site's own queued mail
(:class:`mail.models.OutgoingMail`, first) and, for example, the newsletter's one-off mail and
issue deliveries. A source turns a row into the message to send, or None when its recipient
may no longer get it (the row is then ``suppressed``).
"""

from __future__ import annotations

import logging
import smtplib
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage, EmailMultiAlternatives, get_connection
from django.db.models import F, QuerySet
from django.utils import timezone

from mail.models import OutgoingMail, Sendable, SendStatus

log = logging.getLogger(__name__)

BATCH = 200
MAX_BACKOFF_SECONDS = 6 * 3600
# The server went away (as opposed to refusing one message): stop; the periodic relay retries.
SERVER_DOWN = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError)


@dataclass(frozen=True)
class Source:
    """A kind of row the relay sends: its model, its due rows, and how to build each message."""

    model: type[Sendable]
    due: Callable[[], list[Sendable]]  # at most BATCH rows, oldest first
    message: Callable[[Sendable], EmailMessage | None]  # None: suppressed


_sources: list[Source] = []


def register(source: Source) -> None:
    """Add a kind of row to relay (call from ``AppConfig.ready()``)."""
    if all(known.model is not source.model for known in _sources):
        _sources.append(source)


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


def due(model: type[Sendable]) -> QuerySet[Sendable]:
    """Rows of ``model`` waiting and due now, oldest first."""
    return model.objects.filter(status=SendStatus.PENDING, next_attempt_at__lte=timezone.now()).order_by("pk")


def due_outgoing_mail() -> list[Sendable]:
    return list(due(OutgoingMail)[:BATCH])


def outgoing_message(row: OutgoingMail) -> EmailMessage:
    message = EmailMultiAlternatives(
        subject=row.subject,
        body=row.body,
        from_email=row.from_email,
        to=row.to,
        cc=row.cc,
        bcc=row.bcc,
        reply_to=row.reply_to,
        headers=row.headers,
    )
    for content, mimetype in row.alternatives:
        message.attach_alternative(content, mimetype)
    return message


def _rows() -> Iterator[tuple[Sendable, Source]]:
    while True:
        batch = [(row, source) for source in _sources for row in source.due()]
        if not batch:
            return
        yield from batch


def _claim(row: Sendable) -> bool:
    claimed = (
        type(row)
        .objects.filter(pk=row.pk, status=SendStatus.PENDING)
        .update(status=SendStatus.CLAIMED, claimed_at=timezone.now(), attempts=F("attempts") + 1)
    )
    row.attempts += 1
    return claimed == 1


def _finish(row: Sendable, status: str, error: str = "") -> None:
    sent_at = timezone.now() if status == SendStatus.SENT else None
    type(row).objects.filter(pk=row.pk).update(status=status, sent_at=sent_at, last_error=error[:500])


def _retry_later(row: Sendable, error: Exception) -> str:
    if row.attempts >= settings.MAIL_MAX_ATTEMPTS:
        _finish(row, SendStatus.FAILED, f"gave up after {row.attempts} attempts: {error}")
        log.error(
            "mail: gave up on %s #%s after %s attempts: %s", type(row).__name__, row.pk, row.attempts, error
        )
        return SendStatus.FAILED
    delay = min(settings.MAIL_RETRY_SECONDS * 2 ** (row.attempts - 1), MAX_BACKOFF_SECONDS)
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
    """Send everything due now; stop early if the mail server is down."""
    report = RelayReport()
    throttle = Throttle(settings.MAIL_SEND_RATE if rate is None else rate)
    connection = get_connection(settings.MAIL_DELIVERY_BACKEND)
    try:
        for row, source in _rows():
            if not _claim(row):
                continue  # another relay took it
            message = source.message(row)
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


@dataclass(frozen=True)
class Backlog:
    waiting: int  # pending: due now, or backing off after a refusal
    most_overdue_seconds: float  # how long the longest-due message has been left unsent (0: none due)
    in_doubt: int  # claimed, never marked sent


def backlog() -> Backlog:
    """How much mail waits, for monitoring (a deep health check): a few small queries per source."""
    now = timezone.now()
    waiting, earliest, claimed = 0, now, 0
    for source in _sources:
        pending = source.model.objects.filter(status=SendStatus.PENDING)
        waiting += pending.count()
        claimed += source.model.objects.filter(status=SendStatus.CLAIMED).count()
        first_due = pending.order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
        earliest = min(earliest, first_due or now)
    return Backlog(waiting, (now - earliest).total_seconds(), claimed)


def in_doubt(older_than: timedelta = timedelta(minutes=5)) -> list[Sendable]:
    """Rows claimed but never marked sent: their worker died while handing them to SMTP."""
    cutoff = timezone.now() - older_than
    rows: list[Sendable] = []
    for source in _sources:
        claimed = source.model.objects.filter(status=SendStatus.CLAIMED, claimed_at__lte=cutoff)
        rows += list(claimed.order_by("claimed_at"))
    return rows


def resend(rows: list[Sendable]) -> int:
    """An operator's decision to send in-doubt rows again (the recipient may get a duplicate)."""
    count = 0
    for row in rows:
        count += type(row).objects.filter(pk=row.pk, status=SendStatus.CLAIMED).update(
            status=SendStatus.PENDING, claimed_at=None, next_attempt_at=timezone.now(),
            last_error="resent by an operator after an interrupted send",
        )  # fmt: skip
    return count
