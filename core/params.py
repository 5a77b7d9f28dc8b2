"""Reading ids from what a visitor sends (query strings, form fields) without ever raising."""

from __future__ import annotations

MAX_ID = 2**31 - 1  # the largest primary key every supported database holds in an integer column


def id_param(raw: object) -> int | None:
    """A positive database id from ``raw``, or None for anything else ("²", "-1", "9" * 5000, …)."""
    text = str(raw)
    if not (text.isascii() and text.isdigit() and len(text) <= len(str(MAX_ID))):
        return None
    value = int(text)
    return value if 0 < value <= MAX_ID else None
