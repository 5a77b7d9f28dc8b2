"""Helpers to read what the real SMTP server (the ``smtp`` fixture, root conftest) received."""

from __future__ import annotations

import re
from email.message import EmailMessage

import pytest

from newsletter.models import Newsletter


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
