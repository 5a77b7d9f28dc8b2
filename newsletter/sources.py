"""The newsletter's mail, as sources for the site's relay (``mail.relay``).

One-off mail (:class:`OutboxMessage`: confirmation, welcome, test) and issue deliveries
(:class:`Delivery`, one per recipient) are relayed with the same claim → send → mark-sent
protocol, retries, send rate and in-doubt handling as all the site's mail. A recipient who
left, bounced or complained before their turn gets nothing: the row is marked ``suppressed``.
"""

from __future__ import annotations

from django.core.mail import EmailMultiAlternatives
from django.db.models import Exists, OuterRef

from mail.relay import BATCH, Source, due
from newsletter import mail
from newsletter.models import Delivery, Issue, OutboxMessage, Subscriber, Subscription


def _due_outbox() -> list[OutboxMessage]:
    return list(due(OutboxMessage).select_related("subscriber")[:BATCH])


def _due_deliveries() -> list[Delivery]:
    subscribed = Subscription.objects.filter(
        subscriber=OuterRef("subscriber"), newsletter__issues=OuterRef("issue"), confirmed_at__isnull=False
    )
    rows = list(due(Delivery).select_related("subscriber").annotate(subscribed=Exists(subscribed))[:BATCH])
    issues = Issue.objects.in_bulk({row.issue_id for row in rows})  # each issue's body loaded once
    for row in rows:
        row.issue = issues[row.issue_id]
    return rows


def _outbox_message(row: OutboxMessage) -> EmailMultiAlternatives | None:
    if row.subscriber and row.subscriber.status in (Subscriber.Status.BOUNCED, Subscriber.Status.COMPLAINED):
        return None
    return mail.message(row.to_email, row.subject, row.text, row.html, row.headers)


def _delivery_message(row: Delivery) -> EmailMultiAlternatives | None:
    if not (row.subscriber.mailable and row.subscribed):
        return None
    issue = row.issue
    ids = (row.subscriber_id, issue.newsletter_id)
    return mail.message(
        row.subscriber.email,
        issue.subject,
        mail.personalise(issue.text, *ids),
        mail.personalise(issue.html, *ids),
        mail.list_headers(*ids),
    )


SOURCES = (
    Source(OutboxMessage, _due_outbox, _outbox_message),
    Source(Delivery, _due_deliveries, _delivery_message),
)
