"""Showing reader-supplied text so that its direction cannot spill into what follows it.

A reader can type bidirectional controls (U+202E RIGHT-TO-LEFT OVERRIDE and its kin) that
reverse the text after them: a name, a comment or a search query could make the page around it
read differently. Wherever reader text is shown it is isolated (``<bdi>``, whose direction comes
from its own text, or FSI…PDI in plain-text places such as a title or an attribute), and the
embedding, override and isolate controls inside it are dropped, so none of them can close the
isolation early. Marks (U+200E, U+200F), which only nudge neutral characters, are kept.
"""

from __future__ import annotations

import re

from django.utils.html import escape, format_html
from django.utils.safestring import SafeString, mark_safe

CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
FIRST_STRONG_ISOLATE, POP_DIRECTIONAL_ISOLATE = "\u2068", "\u2069"


def without_controls(text: object) -> str:
    return CONTROLS.sub("", str(text))


def isolate(text: object, lines: bool = False) -> SafeString:
    """``<bdi>text</bdi>``, escaped; with ``lines``, line breaks become ``<br>``."""
    if lines:
        inner = mark_safe(escape(without_controls(text)).replace("\n", "<br>"))  # noqa: S308  escaped above
        return format_html("<bdi>{}</bdi>", inner)
    return format_html("<bdi>{}</bdi>", without_controls(text))


def isolate_text(text: object) -> str:
    """The text between FSI and PDI, for places that take no markup (titles, attributes)."""
    return f"{FIRST_STRONG_ISOLATE}{without_controls(text)}{POP_DIRECTIONAL_ISOLATE}"
