"""Background work: scheduled digests (their logic in ``digest``), purging unconfirmed sign-ups.

The newsletter's mail goes out through ``mail.tasks`` (the relay and ``relay_after_commit``)."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core.scheduler import every
from newsletter import digest
from newsletter.models import Subscriber, Subscription


@every(seconds=300)
@task()
def send_scheduled_digests() -> list[int]:
    """Create today's issue of each newsletter whose hour (and weekday) has come."""
    return digest.create_due_issues(timezone.now())


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
