"""Group every live article into stories again, with a progress bar.

Editors' decisions stay: articles they put in a story stay there, articles they took out stay
out, titles they gave are kept, and each new group keeps the story (and address) that held
most of its articles before.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from core.progress import ProgressBar
from stories import store


class Command(BaseCommand):
    help = "Recompute every story timeline from scratch, showing progress on stderr."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        bar = ProgressBar(options.get("stderr") or sys.stderr, "articles")
        try:
            counts = store.recompute(progress=bar)
        except store.Busy as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Grouped {counts['articles']} articles into {counts['stories']} stories "
            f"({counts['moved']} moved) in {time.monotonic() - started:.1f} s."
        )
