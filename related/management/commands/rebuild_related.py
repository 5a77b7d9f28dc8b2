"""Refit the similarity engine on every live article and rewrite every "More like this" list."""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand

from core.progress import ProgressBar
from related import index


class Command(BaseCommand):
    help = "Rebuild every 'More like this' list from scratch, showing progress on stderr."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        count = index.rebuild(progress=ProgressBar(options.get("stderr") or sys.stderr, "articles"))
        self.stdout.write(
            f"Rebuilt 'More like this' for {count} articles in {time.monotonic() - started:.1f} s."
        )
