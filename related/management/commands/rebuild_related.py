"""Rebuild the similarity index and every "More like this" list, with a progress bar.

By default the rebuild runs in this process. With ``--in-worker`` it is queued for the
background worker (where the model and the memory are budgeted) and this command follows
its progress from the database until it ends. Either way it is resumable: embeddings already
stored are kept, so running it again after an interruption continues where it stopped.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django_tasks.base import TaskResultStatus

from core.progress import ProgressBar
from related import index
from related.tasks import rebuild_related

POLL_SECONDS = 2.0


class Command(BaseCommand):
    help = "Rebuild every 'More like this' list from scratch, showing progress on stderr."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--in-worker", action="store_true", help="queue the rebuild for the worker and follow it"
        )

    def handle(self, *args: Any, in_worker: bool = False, **options: Any) -> None:
        started = time.monotonic()
        bar = ProgressBar(options.get("stderr") or sys.stderr, "articles")
        count = self._in_worker(bar) if in_worker else index.rebuild(progress=bar)
        self.stdout.write(
            f"Rebuilt 'More like this' for {count} articles in {time.monotonic() - started:.1f} s."
        )

    def _in_worker(self, bar: ProgressBar) -> int:
        result = rebuild_related.enqueue()
        while not result.is_finished:
            time.sleep(POLL_SECONDS)
            bar(*index.rebuild_progress())
            result.refresh()
        if result.status != TaskResultStatus.SUCCESSFUL:
            raise CommandError("The rebuild failed in the worker (its log says why); run it again to resume.")
        count = int(result.return_value or 0)
        bar(count, count)
        return count
