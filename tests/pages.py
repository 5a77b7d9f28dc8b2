"""The pages every standards gate checks on the demo newsroom: one line per page.

An app that adds a public page adds its path here (e.g. ``Page("newsletter", "/newsletter/")``)
and every gate — privacy, accessibility, HTML validity — covers it from then on.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo


class Page(NamedTuple):
    name: str
    path: str
    status: int = 200


# The demo's newest politics article is published 9 hours before the demo is loaded.
DEMO_POLITICS_YEAR = (datetime.now(ZoneInfo("Europe/London")) - timedelta(hours=9)).year
ARTICLE = Page("article", "/politics/harbour-masterplan-wins-narrow-council-vote/")
PAGES = [
    Page("home", "/"),
    Page("section", "/politics/"),
    Page("archive", f"/politics/{DEMO_POLITICS_YEAR}/"),
    Page("tag", "/tags/harbour-redevelopment/"),
    Page("author", "/authors/helen-marrow/"),
    ARTICLE,
    Page("search", "/search/?q=harbour"),
    Page("newsletter", "/newsletter/"),
    Page("not-found", "/no-such-page/", 404),
]
