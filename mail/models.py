"""What the relay sends: :class:`Sendable` rows, and the site's own queued mail."""

from __future__ import annotations

from django.db import models
from django.utils import timezone


class SendStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    CLAIMED = "claimed", "Handed to SMTP, not confirmed"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed permanently"
    SUPPRESSED = "suppressed", "Not sent: recipient no longer subscribed"


class Sendable(models.Model):
    """A message relayed with claim → send → mark sent.

    A row left ``claimed`` was being handed to SMTP when its worker died: it may or
    may not have gone out, so it is never resent automatically (see ``mail.relay.in_doubt``).
    """

    status = models.CharField(max_length=10, choices=SendStatus.choices, default=SendStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(default=timezone.now)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        abstract = True

    def recipient(self) -> str:
        """Who it is for, as an operator reads it."""
        raise NotImplementedError

    def description(self) -> str:
        """What it is, as an operator reads it."""
        raise NotImplementedError


class OutgoingMail(Sendable):
    """One message given to ``send_mail`` (or any Django mail API), as it will be sent."""

    from_email = models.CharField(max_length=300)
    to = models.JSONField(default=list)
    cc = models.JSONField(default=list, blank=True)
    bcc = models.JSONField(default=list, blank=True)
    reply_to = models.JSONField(default=list, blank=True)
    subject = models.TextField()
    body = models.TextField()
    alternatives = models.JSONField(default=list, blank=True)  # [[content, mimetype], …]
    headers = models.JSONField(default=dict, blank=True)  # includes a Message-ID fixed at queueing
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "outgoing mail"
        verbose_name_plural = "outgoing mail"
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outgoing_mail_due")]

    def __str__(self) -> str:
        return f"{self.subject} to {', '.join(self.to)}"

    @property
    def recipients(self) -> list[str]:
        return [*self.to, *self.cc, *self.bcc]

    def recipient(self) -> str:
        return ", ".join(self.recipients)

    def description(self) -> str:
        return self.subject
