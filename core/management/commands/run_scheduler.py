"""Enqueue registered periodic jobs on time, until stopped."""

from __future__ import annotations

import signal
import threading
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from core import scheduler


class Command(BaseCommand):
    help = "Run the scheduler that enqueues periodic jobs (the worker runs them)."

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        names = ", ".join(job.name for job in scheduler.registered_jobs())
        self.stdout.write(f"Scheduler running: {names}")
        scheduler.run(stop, settings.SCHEDULER_TICK_SECONDS)
