"""Signed links in newsletter mail: confirm (expiring), unsubscribe and preferences (lasting).

Unsubscribe and preference links must keep working in an old issue, so they do not
expire; they carry only ids and are useless once the subscriber is erased.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing
from django.urls import reverse

from core.sites import absolute_url

CONFIRM = signing.TimestampSigner(salt="newsletter.confirm")
UNSUBSCRIBE = signing.Signer(salt="newsletter.unsubscribe")
PREFERENCES = signing.Signer(salt="newsletter.preferences")


class BadToken(Exception):
    def __init__(self, expired: bool = False) -> None:
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


@dataclass(frozen=True)
class Pair:
    subscriber_id: int
    newsletter_id: int


def _pair(value: str) -> Pair:
    try:
        subscriber_id, newsletter_id = (int(part) for part in value.split("."))
    except ValueError as error:
        raise BadToken() from error
    return Pair(subscriber_id, newsletter_id)


def confirm_url(subscriber_id: int, newsletter_id: int) -> str:
    token = CONFIRM.sign(f"{subscriber_id}.{newsletter_id}")
    return absolute_url(reverse("newsletter:confirm", args=[token]))


def read_confirm(token: str) -> Pair:
    try:
        return _pair(CONFIRM.unsign(token, max_age=settings.NEWSLETTER_CONFIRM_DAYS * 86400))
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except signing.BadSignature as error:
        raise BadToken() from error


def unsubscribe_url(subscriber_id: int, newsletter_id: int) -> str:
    token = UNSUBSCRIBE.sign(f"{subscriber_id}.{newsletter_id}")
    return absolute_url(reverse("newsletter:unsubscribe", args=[token]))


def read_unsubscribe(token: str) -> Pair:
    try:
        return _pair(UNSUBSCRIBE.unsign(token))
    except signing.BadSignature as error:
        raise BadToken() from error


def preferences_url(subscriber_id: int) -> str:
    return absolute_url(reverse("newsletter:preferences", args=[PREFERENCES.sign(str(subscriber_id))]))


def read_preferences(token: str) -> int:
    try:
        return int(PREFERENCES.unsign(token))
    except (signing.BadSignature, ValueError) as error:
        raise BadToken() from error
