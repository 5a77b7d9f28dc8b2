"""A Django email backend that queues instead of sending: every ``send_mail`` lands in the outbox."""

from __future__ import annotations

from collections.abc import Sequence
from email.utils import make_msgid

from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.utils import DNS_NAME

from mail.models import OutgoingMail
from mail.tasks import relay_after_commit


class OutboxBackend(BaseEmailBackend):
    """Writes each message as an :class:`OutgoingMail` row in the caller's transaction.

    The relay sends it after commit, so a message exists exactly when its cause does, survives
    a mail server that is away, and is never sent twice. Attachments are not supported (the
    site sends none): such a message is refused loudly rather than sent without them.
    """

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        rows = [self._row(message) for message in email_messages if message.recipients()]
        OutgoingMail.objects.bulk_create(rows)
        if rows:
            relay_after_commit()
        return len(rows)

    @staticmethod
    def _row(message: EmailMessage) -> OutgoingMail:
        if message.attachments:
            raise ImproperlyConfigured("mail.backends.OutboxBackend does not queue attachments.")
        headers = {"Message-ID": make_msgid(domain=DNS_NAME), **message.extra_headers}
        return OutgoingMail(
            from_email=message.from_email,
            to=list(message.to),
            cc=list(message.cc),
            bcc=list(message.bcc),
            reply_to=list(message.reply_to),
            subject=str(message.subject),
            body=str(message.body),
            alternatives=[
                [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
            ],
            headers=headers,
        )
