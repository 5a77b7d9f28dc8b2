"""``manage.py erase_email``: queued mail addressed to the person goes."""

from __future__ import annotations

from core.erasure import eraser, normalise
from mail.models import OutgoingMail


@eraser("mail")
def erase(address: str) -> int:
    candidates = (
        OutgoingMail.objects.filter(to__icontains=address)
        | OutgoingMail.objects.filter(cc__icontains=address)
        | OutgoingMail.objects.filter(bcc__icontains=address)
    )
    ids = [row.pk for row in candidates if address in {normalise(r) for r in row.recipients}]
    deleted, _ = OutgoingMail.objects.filter(pk__in=ids).delete()
    return deleted
