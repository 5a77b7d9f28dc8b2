"""The ``newsletter`` part of ``manage.py erase_email``."""

from __future__ import annotations

from core.erasure import eraser, normalise
from newsletter.models import OutboxMessage, Subscriber


@eraser("newsletter")
def erase(address: str) -> int:
    """The subscriber with their subscriptions and deliveries (cascade), and one-off mail to them."""
    removed, _ = Subscriber.objects.with_email(address).delete()
    stray, _ = OutboxMessage.objects.filter(to_email=normalise(address)).delete()
    return removed + stray
