"""Refit the similarity engine on every live article and rewrite every "More like this" list."""

from __future__ import annotations

import sys
import time
from typing import Any, TextIO

from django.core.management.base import BaseCommand

from related import index


class ProgressBar:
    """A one-line bar on stderr, redrawn in place; plain lines when stderr is not a terminal."""

    def __init__(self, stream: TextIO, width: int = 30) -> None:
        self.stream, self.width, self.started, self.last = stream, width, time.monotonic(), -1

    def __call__(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent == self.last:
            return
        self.last = percent
        filled = self.width * done // max(total, 1)
        line = f"[{'#' * filled}{'.' * (self.width - filled)}] {done}/{total} articles {percent}%"
        line += f" {time.monotonic() - self.started:.0f}s"
        if self.stream.isatty():
            self.stream.write("\r" + line + ("\n" if done >= total else ""))
        elif percent % 10 == 0 or done >= total:
            self.stream.write(line + "\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Rebuild every 'More like this' list from scratch, showing progress on stderr."

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.monotonic()
        count = index.rebuild(progress=ProgressBar(options.get("stderr") or sys.stderr))
        self.stdout.write(
            f"Rebuilt 'More like this' for {count} articles in {time.monotonic() - started:.1f} s."
        )
