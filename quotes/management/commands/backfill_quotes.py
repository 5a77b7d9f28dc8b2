"""Read every live article's quotations again (the archive before this feature, or after a rule change)."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from news.api import published_articles
from quotes.store import Changes, SpeakerIndex, refresh_article

BATCH = 200  # articles per transaction


class Command(BaseCommand):
    help = "Extract and store the quotations of every live article; a progress bar when stderr is a terminal."

    def handle(self, *args: Any, **options: Any) -> None:
        stream = options.get("stderr") or sys.stderr
        show = stream.isatty()
        started = time.monotonic()
        ids = list(published_articles().order_by("pk").values_list("pk", flat=True))
        index, changes = SpeakerIndex(), Changes()
        quotations = 0
        for start in range(0, len(ids), BATCH):
            with transaction.atomic():
                for article in published_articles().filter(pk__in=ids[start : start + BATCH]):
                    quotations += len(refresh_article(article, index, changes))
            if show:
                done = min(start + BATCH, len(ids))
                filled = 30 * done // len(ids)
                stream.write(f"\r[{'#' * filled}{'.' * (30 - filled)}] {done}/{len(ids)} articles")
                stream.flush()
        changes.apply()  # one purge of every page that changed
        if show and ids:
            stream.write("\n")
        self.stdout.write(
            f"Read {len(ids)} articles: {quotations} quotations in {time.monotonic() - started:.1f} s."
        )
