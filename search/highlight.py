"""Mark the searched words in a piece of plain text, safely escaped."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> list[str]:
    return sorted({word.lower() for word in WORD.findall(query) if len(word) > 1}, key=len, reverse=True)


def highlight(text: str, terms: list[str]) -> SafeString:
    escaped = escape(text)
    if not terms:
        return mark_safe(escaped)
    pattern = re.compile(r"\b(" + "|".join(re.escape(escape(term)) for term in terms) + r")\w*", re.IGNORECASE)
    return mark_safe(pattern.sub(lambda match: f"<mark>{match.group(0)}</mark>", escaped))
