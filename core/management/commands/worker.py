"""The background worker: django-tasks-db's worker plus a liveness heartbeat.

The heartbeat lets ``requeue_orphaned_tasks`` tell a busy worker from a killed one.
"""

from __future__ import annotations

import threading
from typing import Any

from django.core.cache import cache
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from core.tasks import heartbeat_key, worker_presumed_dead_seconds


def _beat(worker_id: str, stop: threading.Event) -> None:
    dead_after = worker_presumed_dead_seconds()
    while not stop.is_set():
        cache.set(heartbeat_key(worker_id), 1, timeout=dead_after)
        stop.wait(dead_after / 3)


class Command(DBWorkerCommand):
    help = "Run the background worker (database queue) with a liveness heartbeat."

    def handle(self, *args: Any, **options: Any) -> None:
        stop = threading.Event()
        threading.Thread(target=_beat, args=(options["worker_id"], stop), daemon=True).start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
