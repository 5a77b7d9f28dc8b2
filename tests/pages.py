"""The pages every standards gate checks on the demo newsroom: one line per page.

An app that adds a public page adds its path here (e.g. ``Page("newsletter", "/newsletter/")``)
and every gate — privacy, accessibility, HTML validity — covers it from then on.
"""

from __future__ import annotations

from typing import NamedTuple


class Page(NamedTuple):
    name: str
    path: str
    status: int = 200


ARTICLE = Page("article", "/politics/harbour-masterplan-wins-narrow-council-vote/")
PAGES = [
    Page("home", "/"),
    Page("section", "/politics/"),
    Page("tag", "/tags/harbour-redevelopment/"),
    Page("author", "/authors/helen-marrow/"),
    ARTICLE,
    Page("search", "/search/?q=harbour"),
    Page("newsletter", "/newsletter/"),
    Page("not-found", "/no-such-page/", 404),
]
