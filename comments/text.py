"""Comment text is plain text: rendered escaped, with paragraphs and safe links only."""

from __future__ import annotations

import re
import unicodedata

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

from core import bidi

# Bidirectional overrides/isolates and zero-width characters let a name pose as another
# ("Editor\u202e" tricks) or hide text; they are removed from names.
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u180e]")
URL = re.compile(r"\bhttps?://[^\s<>\"']+", re.IGNORECASE)
TRAILING_PUNCTUATION = ".,;:!?)]}'\""
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


def clean_name(name: str) -> str:
    name = INVISIBLE.sub("", name)
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C")
    return " ".join(name.split())


def clean_text(text: str) -> str:
    """Normalise line ends and drop control characters other than newlines and tabs."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) != "Cc")
    return text.strip()


def count_links(text: str) -> int:
    return len(URL.findall(text))


def _linkify(line: str) -> str:
    parts, position = [], 0
    for match in URL.finditer(line):
        url = match.group(0).rstrip(TRAILING_PUNCTUATION)
        parts.append(escape(line[position : match.start()]))
        parts.append(format_html('<a href="{}" rel="nofollow ugc">{}</a>', url, url))
        position = match.start() + len(url)
    parts.append(escape(line[position:]))
    return "".join(parts)


def render(text: str) -> SafeString:
    """Escaped paragraphs, single line breaks kept, http(s) URLs linked nofollow ugc.

    Bidirectional controls are dropped (:mod:`core.bidi`); the template isolates the whole text.
    """
    paragraphs = [p for p in PARAGRAPH_BREAK.split(bidi.without_controls(text).strip()) if p.strip()]
    html = "".join(
        "<p>" + "<br>".join(_linkify(line) for line in paragraph.strip().split("\n")) + "</p>"
        for paragraph in paragraphs
    )
    # Every piece of reader text above went through escape() or format_html().
    return mark_safe(html)  # noqa: S308
