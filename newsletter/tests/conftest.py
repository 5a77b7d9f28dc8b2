"""Helpers to read what the real SMTP server (the ``smtp`` fixture, root conftest) received, and a
reader's browser posting from the site's own pages."""

from __future__ import annotations

import re
from email.message import EmailMessage

import pytest
from django.test import Client

from newsletter.models import Newsletter


@pytest.fixture
def client() -> Client:
    """Like a browser on one of the site's pages: every post says where it comes from."""
    return Client(HTTP_SEC_FETCH_SITE="same-origin", HTTP_ORIGIN="http://testserver")


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
