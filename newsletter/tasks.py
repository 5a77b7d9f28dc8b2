"""Background work: scheduled digests, purging unconfirmed sign-ups (``mail.tasks`` relays)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone
from django_tasks import task

from core.scheduler import every
from newsletter import digest
from newsletter.models import Issue, Newsletter, Subscriber, Subscription


@every(seconds=300)
@task()
def send_scheduled_digests() -> list[int]:
    """Create today's issue of each newsletter whose hour (and weekday) has come."""
    now = timezone.now()
    created = []
    for newsletter in Newsletter.objects.filter(is_active=True):
        edition = digest.due_edition(newsletter, now)
        if edition is None or Issue.objects.filter(newsletter=newsletter, edition=edition).exists():
            continue
        try:
            issue = digest.create_issue(newsletter, edition=edition)
        except IntegrityError:  # another worker created this edition a moment ago
            continue
        if issue:
            created.append(issue.pk)
    return created


@every(seconds=3600)
@task()
def purge_unconfirmed() -> int:
    """Sign-ups nobody confirmed within the link's lifetime are forgotten."""
    cutoff = timezone.now() - timedelta(days=settings.NEWSLETTER_CONFIRM_DAYS)
    subscribers, _ = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, created_at__lt=cutoff
    ).delete()
    stale, _ = Subscription.objects.filter(confirmed_at__isnull=True, created_at__lt=cutoff).delete()
    return subscribers + stale
