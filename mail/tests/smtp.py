"""A real SMTP server (aiosmtpd) on a free port, for tests of every app that sends mail."""

from __future__ import annotations

import socket
import threading
from email import message_from_bytes, policy
from email.message import EmailMessage

from aiosmtpd.controller import Controller


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Inbox:
    """Collects every message the server accepts."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.lock = threading.Lock()

    async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
        with self.lock:
            self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[attr-defined]
        return "250 Message accepted"

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [m for m in self.messages if m["To"] == address]


class SMTPServer:
    def __init__(self, port: int) -> None:
        self.port = port
        self.inbox = Inbox()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller:
            self.controller.stop()
            self.controller = None


def send_through(settings, server: SMTPServer) -> None:  # type: ignore[no-untyped-def]
    """Mail as in production: queued in the outbox, relayed to ``server`` with no send-rate wait."""
    settings.EMAIL_BACKEND = "mail.backends.OutboxBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", server.port, 5
    settings.MAIL_SEND_RATE = 0
