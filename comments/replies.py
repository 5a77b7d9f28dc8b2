"""Reply notifications: "email me replies", confirmed once, one mail per reply, stopped in one click.

A commenter who ticks the box gets one confirmation mail (unless the address is already
confirmed), so nobody can sign a stranger up. A reply to their comment is marked
``reply_notice_due`` when it is posted; once it is published (at once, by a moderator or after
the spam check), :func:`send_reply_notices` claims it and queues one mail through the site's
outbox in the same transaction, so a notice is neither lost nor sent twice. Every notice
carries a one-click stop link (and ``List-Unsubscribe-Post`` for mail programs).
"""

from __future__ import annotations

from datetime import timedelta

from django.core import signing
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django_tasks import task

from comments.models import Comment, ReplyAddress, Status
from core.scheduler import every
from core.sites import absolute_url

CONFIRM_DAYS = 3
RESEND_CONFIRMATION_AFTER = timedelta(hours=1)
EXCERPT_CHARS = 500
SALT = "comments.replies"


def token(email: str, action: str) -> str:
    return signing.dumps({"email": email, "action": action}, salt=SALT, compress=True)


def address_from(value: str, action: str) -> str | None:
    """The address a link was made for, or None for a forged, altered or expired link."""
    max_age = timedelta(days=CONFIRM_DAYS) if action == "confirm" else None
    try:
        data = signing.loads(value, salt=SALT, max_age=max_age)
    except signing.BadSignature:
        return None
    return data.get("email") if isinstance(data, dict) and data.get("action") == action else None


def ask_for_confirmation(email: str) -> None:
    """Called when a comment asks for replies: one confirmation mail, unless confirmed already."""
    address, _ = ReplyAddress.objects.get_or_create(email=email)
    now = timezone.now()
    sent = address.confirmation_sent_at
    if address.confirmed_at or (sent and now - sent < RESEND_CONFIRMATION_AFTER):
        return
    address.confirmation_sent_at = now
    address.save(update_fields=["confirmation_sent_at"])
    link = absolute_url(reverse("comments:replies_confirm", args=[token(email, "confirm")]))
    EmailMessage(
        subject="Confirm: email me replies to my comments",
        body=f"Someone, probably you, asked to be emailed when readers reply to their comments on "
        f"{absolute_url('')}.\n\nTo confirm, open this link within {CONFIRM_DAYS} days:\n"
        f"{link}\n\nIf it was not you, ignore this email: nothing more will be sent.\n",
        to=[email],
    ).send()


def confirm(email: str) -> None:
    ReplyAddress.objects.filter(email=email, confirmed_at__isnull=True).update(confirmed_at=timezone.now())


def stop(email: str) -> None:
    """No more reply mails to this address, for any comment, until it asks (and confirms) again."""
    ReplyAddress.objects.filter(email=email).delete()
    Comment.objects.filter(email=email, notify_replies=True).update(notify_replies=False)


def _notice(reply: Comment) -> EmailMessage:
    parent = reply.parent
    stop_url = absolute_url(reverse("comments:replies_stop", args=[token(parent.email, "stop")]))
    reply_url = absolute_url(f"{reply.article.url}#comment-{reply.pk}")
    return EmailMessage(
        subject=f"{reply.name} replied to your comment on “{reply.article.title}”",
        body=f"{reply.name} replied to your comment on “{reply.article.title}”:\n\n"
        f"{Truncator(reply.text).chars(EXCERPT_CHARS)}\n\nRead it and answer: {reply_url}\n\n"
        f"Stop emails about replies: {stop_url}\n",
        to=[parent.email],
        headers={"List-Unsubscribe": f"<{stop_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )


def send_after_commit() -> None:
    transaction.on_commit(send_reply_notices.enqueue)


@every(seconds=60)
@task()
def send_reply_notices() -> int:
    """Queue a mail for each published reply whose parent's author confirmed; returns how many."""
    sent = 0
    due = Comment.objects.filter(reply_notice_due=True, status=Status.APPROVED).select_related(
        "parent", "article"
    )
    for reply in due[:500]:
        with transaction.atomic():
            if not Comment.objects.filter(pk=reply.pk, reply_notice_due=True).update(reply_notice_due=False):
                continue  # another worker has it
            parent = reply.parent
            wanted = parent is not None and parent.notify_replies and parent.email != reply.email
            if (
                wanted
                and ReplyAddress.objects.filter(email=parent.email, confirmed_at__isnull=False).exists()
            ):
                _notice(reply).send()
                sent += 1
    return sent
