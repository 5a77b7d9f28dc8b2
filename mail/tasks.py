"""The periodic relay, and forgetting mail once it has been sent."""

from __future__ import annotations

from dataclasses import asdict
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from core.scheduler import every
from mail import relay as relay_module
from mail.models import OutgoingMail, SendStatus


@every(seconds=settings.MAIL_RELAY_EVERY_SECONDS)
@task()
def relay() -> dict[str, int | bool]:
    """Enqueued after every change that queues mail, and periodically to retry what is due."""
    return asdict(relay_module.relay())


@every(seconds=3600)
@task()
def forget_sent_mail() -> int:
    """Queued mail holds addresses and links (password resets): keep it only ``MAIL_KEEP_DAYS``."""
    cutoff = timezone.now() - timedelta(days=settings.MAIL_KEEP_DAYS)
    done = (SendStatus.SENT, SendStatus.FAILED, SendStatus.SUPPRESSED)
    deleted, _ = OutgoingMail.objects.filter(status__in=done, created_at__lt=cutoff).delete()
    return deleted
