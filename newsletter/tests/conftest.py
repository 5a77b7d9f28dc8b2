"""A real SMTP server (aiosmtpd) on a free port, helpers to read what it received, and a reader's
browser posting from the site's own pages."""

from __future__ import annotations

import re
import socket
import threading
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from aiosmtpd.controller import Controller
from django.test import Client

from newsletter.models import Newsletter


@pytest.fixture
def client() -> Client:
    """Like a browser on one of the site's pages: every post says where it comes from."""
    return Client(HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="http://testserver")


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


@pytest.fixture
def smtp(settings) -> Iterator[SMTPServer]:
    """Mail goes to a real SMTP server; links in it point at https://news.example."""
    server = SMTPServer(free_port())
    server.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = server.port
    settings.EMAIL_TIMEOUT = 5
    settings.NEWSLETTER_SEND_RATE = 0
    settings.SITE_URL = "https://news.example"
    yield server
    server.stop()


def text_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("plain",)).get_content()


def html_of(message: EmailMessage) -> str:
    return message.get_body(preferencelist=("html",)).get_content()


def link(message: EmailMessage, kind: str) -> str:
    """The first https://…/newsletter/<kind>/… link in the plain-text part, as a path."""
    found = re.search(rf"https://news\.example(/newsletter/{kind}/[^\s]+/)", text_of(message))
    assert found, f"no {kind} link in:\n{text_of(message)}"
    return found.group(1)


# Made by a data migration; re-made here because transactional tests flush every table.
@pytest.fixture
def daily(db) -> Newsletter:
    return Newsletter.objects.get_or_create(
        slug="daily",
        defaults={"name": "Daily digest", "description": "The day's main stories, every morning."},
    )[0]


@pytest.fixture
def weekly(db) -> Newsletter:
    return Newsletter.objects.get_or_create(
        slug="weekly",
        defaults={"name": "Weekly digest", "description": "The week in review.", "frequency": "weekly"},
    )[0]
