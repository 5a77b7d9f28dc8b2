"""Composing newsletter mail: templates to text + HTML, RFC 8058 headers, per-recipient links."""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

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
    context = {"site_url": settings.SITE_URL, "site_name": settings.WAGTAIL_SITE_NAME, **context}
    subject = " ".join(render_to_string(f"newsletter/email/{template}.subject.txt", context).split())
    return Rendered(
        subject=subject,
        text=render_to_string(f"newsletter/email/{template}.txt", context),
        html=render_to_string(f"newsletter/email/{template}.html", context),
    )


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


def message(to: str, subject: str, text: str, html: str, headers: dict[str, str]) -> EmailMultiAlternatives:
    email = EmailMultiAlternatives(
        subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers
    )
    if html:
        email.attach_alternative(html, "text/html")
    return email
