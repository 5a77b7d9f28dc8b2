"""The image sizes the templates ask for, so they can be generated ahead of readers."""

from __future__ import annotations

from itertools import product

FORMATS = ("avif", "webp", "jpeg")
LEAD_SIZES = ("width-480", "width-800", "width-1200")
CARD_SIZES = ("fill-320x180", "fill-640x360")
SHARE_IMAGE = "fill-1200x675|format-jpeg"


def article_image_specs() -> list[str]:
    """Every rendition of a lead image used by the article page, cards and share metadata."""
    # Same spelling as the {% picture %} tag produces, format first, so the lookup matches.
    sized = [f"format-{fmt}|{size}" for size, fmt in product((*LEAD_SIZES, *CARD_SIZES), FORMATS)]
    return [*sized, SHARE_IMAGE]
