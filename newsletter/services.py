"""What readers, operators and webhooks do to subscriptions; each change records its mail.

Every function that causes mail writes the outbox row in the caller's transaction and
asks for a relay only after commit, so a message exists exactly when its cause does.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone

from core.erasure import normalise
from mail.tasks import relay_after_commit
from newsletter import mail, tokens
from newsletter.models import Newsletter, OutboxMessage, Subscriber, Subscription

# Anyone can type anyone's address: cap the confirmation mails one address can be sent.
CONFIRMATIONS_PER_DAY = 3
BLOCKED = (Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED)


def record(kind: str, subscriber: Subscriber, rendered: mail.Rendered, headers: dict | None = None) -> None:
    OutboxMessage.objects.create(
        kind=kind,
        subscriber=subscriber,
        to_email=subscriber.email,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        headers=headers or {},
    )
    relay_after_commit()


def _subscriber_for(address: str) -> Subscriber:
    try:
        with transaction.atomic():
            return Subscriber.objects.get_or_create(email=normalise(address))[0]
    except IntegrityError:  # two sign-ups for one address at the same moment
        return Subscriber.objects.get(email=normalise(address))


@transaction.atomic
def request_subscription(address: str, newsletter: Newsletter) -> None:
    """Ask the address to confirm; silently nothing when there is nothing to confirm.

    The caller shows the same answer whatever happens here (no enumeration).
    """
    subscriber = _subscriber_for(address)
    if subscriber.status in BLOCKED:
        return
    subscription, _ = Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
    if subscription.confirmed_at and subscriber.mailable:
        return
    recent = subscriber.outbox.filter(
        kind=OutboxMessage.Kind.CONFIRMATION, created_at__gte=timezone.now() - timedelta(days=1)
    )
    if recent.count() >= CONFIRMATIONS_PER_DAY:
        return
    rendered = mail.render(
        "confirm",
        {
            "newsletter": newsletter,
            "confirm_url": tokens.confirm_url(subscriber.pk, newsletter.pk),
            "days": settings.NEWSLETTER_CONFIRM_DAYS,
        },
    )
    record(OutboxMessage.Kind.CONFIRMATION, subscriber, rendered)


@dataclass
class Confirmation:
    subscriber: Subscriber
    newsletter: Newsletter
    blocked: bool = False


def _load(pair: tokens.Pair) -> tuple[Subscriber, Newsletter] | None:
    """The subscriber (locked) and newsletter a link names; None once either is gone (erased)."""
    subscriber = Subscriber.objects.select_for_update().filter(pk=pair.subscriber_id).first()
    newsletter = Newsletter.objects.filter(pk=pair.newsletter_id).first()
    return (subscriber, newsletter) if subscriber and newsletter else None


@transaction.atomic
def confirm(pair: tokens.Pair) -> Confirmation | None:
    """Confirm the subscription a link was sent for; None if it no longer exists."""
    if (found := _load(pair)) is None:
        return None
    subscriber, newsletter = found
    if subscriber.status in BLOCKED:
        return Confirmation(subscriber, newsletter, blocked=True)
    now = timezone.now()
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.set_status(Subscriber.Status.CONFIRMED)
        subscriber.consent, subscriber.consent_at = Subscriber.Consent.DOUBLE_OPT_IN, now
        subscriber.save()
    subscription, _ = Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = now
        subscription.save(update_fields=["confirmed_at"])
        welcome = mail.render(
            "welcome",
            {
                "newsletter": newsletter,
                "unsubscribe_url": tokens.unsubscribe_url(subscriber.pk, newsletter.pk),
                "preferences_url": tokens.preferences_url(subscriber.pk),
            },
        )
        record(
            OutboxMessage.Kind.WELCOME,
            subscriber,
            welcome,
            headers=mail.list_headers(subscriber.pk, newsletter.pk),
        )
    return Confirmation(subscriber, newsletter)


def _leave_if_nothing_left(subscriber: Subscriber) -> None:
    if not subscriber.subscriptions.filter(confirmed_at__isnull=False).exists() and subscriber.mailable:
        subscriber.set_status(Subscriber.Status.UNSUBSCRIBED)
        subscriber.save()


@transaction.atomic
def unsubscribe(pair: tokens.Pair) -> Confirmation | None:
    """Stop one newsletter (the one the mail came from); idempotent."""
    if (found := _load(pair)) is None:
        return None
    subscriber, newsletter = found
    Subscription.objects.filter(subscriber=subscriber, newsletter=newsletter).delete()
    _leave_if_nothing_left(subscriber)
    return Confirmation(subscriber, newsletter)


@transaction.atomic
def set_newsletters(subscriber: Subscriber, newsletters: list[Newsletter]) -> None:
    """From the preferences page, which the reader reached from their own mailbox."""
    now = timezone.now()
    subscriber.subscriptions.exclude(newsletter__in=newsletters).delete()
    for newsletter in newsletters:
        subscription, _ = Subscription.objects.get_or_create(subscriber=subscriber, newsletter=newsletter)
        if subscription.confirmed_at is None:
            subscription.confirmed_at = now
            subscription.save(update_fields=["confirmed_at"])
    if newsletters and subscriber.status in (Subscriber.Status.UNSUBSCRIBED, Subscriber.Status.PENDING):
        subscriber.set_status(Subscriber.Status.CONFIRMED)
        subscriber.save()
    _leave_if_nothing_left(subscriber)


@transaction.atomic
def leave(subscriber: Subscriber) -> None:
    subscriber.subscriptions.all().delete()
    if subscriber.status not in BLOCKED:
        subscriber.set_status(Subscriber.Status.UNSUBSCRIBED)
        subscriber.save()


@transaction.atomic
def mark_undeliverable(address: str, status: str) -> bool:
    """A hard bounce or a complaint: never mail this address again. True if known."""
    subscriber = Subscriber.objects.with_email(address).select_for_update().first()
    if subscriber is None:
        return False
    if subscriber.status != Subscriber.Status.COMPLAINED:  # a complaint outranks a later bounce
        subscriber.set_status(status)
        subscriber.save()
    return True


@dataclass
class ImportReport:
    added: int = 0
    already_known: int = 0
    errors: list[str] = field(default_factory=list)


@transaction.atomic
def import_csv(
    data: bytes, newsletters: list[Newsletter], consent_affirmed: bool, operator: str
) -> ImportReport:
    """Addresses from the first column (or an ``email`` column) of a CSV file.

    With ``consent_affirmed`` they are confirmed at once and the consent is recorded as
    imported; without it each gets a confirmation mail like a reader signing up.
    """
    report = ImportReport()
    now = timezone.now()
    for number, address in _csv_addresses(data, report):
        try:
            validate_email(address)
        except ValidationError:
            report.errors.append(f"Row {number}: {address!r} is not an email address; skipped.")
            continue
        subscriber, created = Subscriber.objects.get_or_create(email=address)
        report.added += created
        report.already_known += not created
        if subscriber.status in BLOCKED:
            continue
        if not consent_affirmed:
            for newsletter in newsletters:
                request_subscription(address, newsletter)
        elif subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            report.errors.append(f"Row {number}: {address} unsubscribed earlier; not subscribed again.")
        else:
            _confirm_imported(subscriber, newsletters, operator, now)
    return report


def _csv_addresses(data: bytes, report: ImportReport) -> list[tuple[int, str]]:
    """(row number, address) of each row with something in the address column; a file that
    cannot be read gives none, and says why in ``report.errors``."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        report.errors.append("The file is not UTF-8 text; save it as CSV (UTF-8) and try again.")
        return []
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))  # newline="": \r-only files too
    except csv.Error as error:
        report.errors.append(f"The file could not be read as CSV ({error}); nothing was imported.")
        return []
    column = 0
    if rows and "email" in [cell.strip().lower() for cell in rows[0]]:
        column = [cell.strip().lower() for cell in rows[0]].index("email")
        rows = rows[1:]
    found = (
        (number, normalise(row[column]) if len(row) > column else "") for number, row in enumerate(rows, 1)
    )
    return [(number, address) for number, address in found if address]


def _confirm_imported(
    subscriber: Subscriber, newsletters: list[Newsletter], operator: str, now: datetime
) -> None:
    """Subscribe at once, the consent recorded as affirmed by ``operator`` on import."""
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.set_status(Subscriber.Status.CONFIRMED)
        subscriber.consent, subscriber.consent_at = Subscriber.Consent.IMPORTED, now
        subscriber.consent_note = f"Affirmed by {operator} on import"[:200]
        subscriber.save()
    for newsletter in newsletters:
        Subscription.objects.update_or_create(
            subscriber=subscriber, newsletter=newsletter, defaults={"confirmed_at": now}
        )
