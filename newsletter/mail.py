"""Composing newsletter mail: templates to text + HTML, RFC 8058 headers, per-recipient links."""

from __future__ import annotations

from dataclasses import dataclass
from email.utils import formataddr, parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from news.models import Publication
from newsletter import tokens

# An issue is rendered once; these stand in for each recipient's own links until sending.
UNSUBSCRIBE_SLOT = "%%UNSUBSCRIBE_URL%%"
PREFERENCES_SLOT = "%%PREFERENCES_URL%%"


@dataclass(frozen=True)
class Rendered:
    subject: str
    text: str
    html: str


def render(template: str, context: dict) -> Rendered:
    """``newsletter/email/<template>.{subject.txt,txt,html}`` rendered with ``context``."""
    context = {"site_url": settings.SITE_URL, "publication_name": publication_name(), **context}
    subject = " ".join(render_to_string(f"newsletter/email/{template}.subject.txt", context).split())
    return Rendered(
        subject=subject,
        text=render_to_string(f"newsletter/email/{template}.txt", context),
        html=render_to_string(f"newsletter/email/{template}.html", context),
    )


def publication_name() -> str:
    """The public name editors set (Settings → Publication), not the admin's ``SITE_NAME``."""
    return Publication.load().name


def list_headers(subscriber_id: int, newsletter_id: int) -> dict[str, str]:
    """RFC 2369 / RFC 8058: mail clients show an unsubscribe button that POSTs to the URL."""
    return {
        "List-Unsubscribe": f"<{tokens.unsubscribe_url(subscriber_id, newsletter_id)}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }


def personalise(body: str, subscriber_id: int, newsletter_id: int) -> str:
    return body.replace(UNSUBSCRIBE_SLOT, tokens.unsubscribe_url(subscriber_id, newsletter_id)).replace(
        PREFERENCES_SLOT, tokens.preferences_url(subscriber_id)
    )


def sender() -> str:
    """``DEFAULT_FROM_EMAIL``, shown under the publication's name unless it names itself."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return settings.DEFAULT_FROM_EMAIL if name else formataddr((publication_name(), address))


def message(to: str, subject: str, text: str, html: str, headers: dict[str, str]) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(subject=subject, body=text, from_email=sender(), to=[to], headers=headers)
    if html:
        email.attach_alternative(html, "text/html")
    return email
