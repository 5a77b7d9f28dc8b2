"""Mark the searched words in a piece of plain text, safely escaped."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> list[str]:
    """The words of a query, lower-cased, deduplicated, in the order typed.

    Only runs of word characters survive, so the full-text engines' syntax (quotes, ``*``, ``:``,
    ``^``, ``-``, parentheses, ``NEAR(``, backslashes, ``%``...) never reaches them; single
    characters are dropped as noise.
    """
    return list(dict.fromkeys(word.lower() for word in WORD.findall(query) if len(word) > 1))


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with each word that starts with a term wrapped in ``<mark>``.

    Matching runs on the raw text and each piece is escaped afterwards, so a term such as ``amp``
    or ``x27`` can never land inside an HTML entity.
    """
    if not terms:
        return escape(text)
    alternatives = "|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True))
    pattern = re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)
    pieces: list[str] = []
    position = 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 -- every piece of the text is escaped above
