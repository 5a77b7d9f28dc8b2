"""Mark the searched words in a piece of plain text, safely escaped."""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator

WORD = re.compile(r"\w+", re.UNICODE)


def query_terms(query: str) -> list[str]:
    """The words of a query, lower-cased, deduplicated, in the order typed.

    Only runs of word characters survive, so the full-text engines' syntax (quotes, ``*``, ``:``,
    ``^``, ``-``, parentheses, ``NEAR(``, backslashes, ``%``...) never reaches them; single
    characters are dropped as noise.
    """
    return list(dict.fromkeys(word.lower() for word in WORD.findall(query) if len(word) > 1))


def _pattern(terms: list[str]) -> re.Pattern[str]:
    """Words that start with one of the terms, as the search backends match them; a term of
    several words (a phrase, ``search.query``) matches them in order, whatever separates them."""
    alternatives = "|".join(
        r"\W+".join(map(re.escape, term.split())) for term in sorted(terms, key=len, reverse=True)
    )
    return re.compile(rf"\b(?:{alternatives})\w*", re.IGNORECASE)


def mentions(text: str, terms: list[str]) -> bool:
    return bool(terms) and _pattern(terms).search(text) is not None


def excerpt(text: str, terms: list[str], words: int) -> str:
    """About ``words`` words of ``text`` around the first word that matches a term, with ellipses.

    The match sits near the start of the excerpt, after a little context, so a reader sees why the
    article was found even when only its body mentions the words.
    """
    match = _pattern(terms).search(text) if terms else None
    every_word = text.split()
    if match is None:
        return Truncator(" ".join(every_word)).words(words, truncate="…")
    start = max(0, len(text[: match.start()].split()) - words // 4)
    shown = every_word[start : start + words]
    return f"{'…' if start else ''}{' '.join(shown)}{'…' if start + words < len(every_word) else ''}"


def highlight(text: str, terms: list[str]) -> SafeString:
    """``text`` escaped, with each word that starts with a term wrapped in ``<mark>``.

    Matching runs on the raw text and each piece is escaped afterwards, so a term such as ``amp``
    or ``x27`` can never land inside an HTML entity.
    """
    if not terms:
        return escape(text)
    pieces: list[str] = []
    position = 0
    for match in _pattern(terms).finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 -- every piece of the text is escaped above
