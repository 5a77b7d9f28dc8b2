"""The first administrator's user name: chosen at setup, never a fixed, guessable ``admin``."""

from __future__ import annotations

import os
import secrets

from django.contrib.auth import get_user_model


def first_admin_username() -> str:
    """``ADMIN_USERNAME``; else the existing first superuser's; else a new, generated name."""
    chosen = os.environ.get("ADMIN_USERNAME", "").strip()
    if chosen:
        return chosen
    existing = get_user_model().objects.filter(is_superuser=True).order_by("pk").first()
    if existing is not None:
        return existing.get_username()
    return f"editor-{secrets.token_hex(4)}"
