"""The relay as a task (after each queueing, and periodically), and forgetting sent mail."""

from __future__ import annotations

import logging
from dataclasses import asdict
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from core.scheduler import every
from mail import relay as relay_module
from mail.models import OutgoingMail, SendStatus

log = logging.getLogger(__name__)


@every(seconds=settings.MAIL_RELAY_EVERY_SECONDS)
@task()
def relay() -> dict[str, int | bool]:
    """Enqueued after every change that queues mail, and periodically to retry what is due."""
    return asdict(relay_module.relay())


def relay_after_commit() -> None:
    """Ask the worker to send now; if the queue is down the periodic relay sends later."""

    def enqueue() -> None:
        try:
            relay.enqueue()
        except Exception:
            log.warning("mail: could not enqueue the relay; the periodic relay will send", exc_info=True)

    transaction.on_commit(enqueue)


@every(seconds=3600)
@task()
def forget_sent_mail() -> int:
    """Queued mail holds addresses and links (password resets): keep it only ``MAIL_KEEP_DAYS``."""
    cutoff = timezone.now() - timedelta(days=settings.MAIL_KEEP_DAYS)
    done = (SendStatus.SENT, SendStatus.FAILED, SendStatus.SUPPRESSED)
    deleted, _ = OutgoingMail.objects.filter(status__in=done, created_at__lt=cutoff).delete()
    return deleted
