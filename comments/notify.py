"""Moderators hear of held comments by email, batched: at most one mail each per few minutes.

A comment held for moderation (when the site's comment settings ask for notices) is marked
``awaits_notice`` in the transaction that holds it. :func:`notify_moderators` then sends every
moderator one message listing all the comments waiting for a notice, at once if no notice went
out in the last ``COMMENTS_NOTICE_SECONDS`` (300), otherwise on a later periodic run. The mail
goes through the site's outbox (``mail``), written in the same transaction that marks the
comments notified, so a notice is neither lost nor sent twice.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.text import Truncator
from django_tasks import task

from comments.models import MODERATE_PERMISSION, Comment, Status
from core.scheduler import every
from core.sites import absolute_url
from core.tasks import enqueue_after_commit

EXCERPT_CHARS = 300
LISTED_AT_MOST = 50


class _Raced(Exception):
    """Another worker is sending the same notice."""


def moderator_addresses() -> list[str]:
    """Active people who may moderate comments (superusers too), each address once."""
    moderators = get_user_model().objects.with_perm(
        MODERATE_PERMISSION, include_superusers=True, backend="django.contrib.auth.backends.ModelBackend"
    )
    return sorted({address for address in moderators.values_list("email", flat=True) if address})


def _message(held: list[Comment]) -> tuple[str, str]:
    if len(held) == 1:
        subject = f"Comment awaiting moderation on “{held[0].article.title}”"
    else:
        subject = f"{len(held)} comments awaiting moderation"
    entries = [
        f"{comment.name} commented on “{comment.article.title}”.\n"
        f"Held because: {comment.held_reason or 'moderation'}\n\n"
        f"{Truncator(comment.text).chars(EXCERPT_CHARS)}\n"
        for comment in held[:LISTED_AT_MOST]
    ]
    if len(held) > LISTED_AT_MOST:
        entries.append(f"…and {len(held) - LISTED_AT_MOST} more.\n")
    body = "\n".join(entries) + f"\nModerate: {absolute_url('/admin/comments/')}\n"
    return subject, body


@every(seconds=60)
@task()
def notify_moderators() -> int:
    """Send the waiting notice if none went out recently; returns how many mails were queued."""
    try:
        with transaction.atomic():
            return _send_notice(timezone.now())
    except _Raced:
        return 0


def _send_notice(now: datetime) -> int:
    quiet_since = now - timedelta(seconds=settings.COMMENTS_NOTICE_SECONDS)
    if Comment.objects.filter(moderators_notified_at__gt=quiet_since).exists():
        return 0  # a later periodic run sends what waits
    waiting = list(Comment.objects.filter(awaits_notice=True).values_list("pk", flat=True))
    claimed = Comment.objects.filter(pk__in=waiting, awaits_notice=True).update(awaits_notice=False)
    if claimed != len(waiting):
        raise _Raced  # roll back: the other worker's notice lists these
    held = list(Comment.objects.filter(pk__in=waiting, status=Status.PENDING).select_related("article"))
    addresses = moderator_addresses()
    if not held or not addresses:
        return 0
    Comment.objects.filter(pk__in=[comment.pk for comment in held]).update(moderators_notified_at=now)
    subject, body = _message(held)
    return send_mass_mail([(subject, body, None, [address]) for address in addresses])


def notify_after_commit(comment: Comment) -> None:
    """Put a held comment in the next notice, and ask for that notice once this commits."""
    Comment.objects.filter(pk=comment.pk).update(awaits_notice=True)
    enqueue_after_commit(notify_moderators)
