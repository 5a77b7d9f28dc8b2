"""The platform's own background tasks and periodic jobs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from core import pagecache
from core.busy import is_busy_database_error
from core.scheduler import every

logger = logging.getLogger(__name__)


def worker_presumed_dead_seconds() -> int:
    return settings.TASK_WORKER_PRESUMED_DEAD_SECONDS


def heartbeat_key(worker_id: str) -> str:
    return f"worker:alive:{worker_id}"


@every(seconds=30)
@task()
def publish_scheduled_pages() -> None:
    """Wagtail's go-live / expiry times, applied without waiting for a page view."""
    call_command("publish_scheduled", verbosity=0)


@task()
def purge_pages(paths: list[str]) -> list[str]:
    return pagecache.invalidate(paths)


def purge_pages_after_commit(paths: list[str]) -> None:
    """Purge once the change is visible to other connections."""
    paths = sorted(set(paths))
    enqueue_after_commit(purge_pages, paths, if_busy=lambda: pagecache.invalidate(paths))


def enqueue_after_commit(task: Task, *args: Any, if_busy: Callable[[], object] | None = None) -> None:
    """Enqueue ``task`` once the current transaction commits.

    The change is stored by then, so a database too busy to take the task row must not
    turn it into an error for whoever made it (ADR 0015): the task is left out with a
    warning and ``if_busy`` runs instead; the periodic jobs catch up on the rest.
    """

    def enqueue() -> None:
        try:
            with transaction.atomic():  # a refused row leaves no broken transaction behind
                task.enqueue(*args)
        except (OperationalError, InterfaceError) as error:
            if not is_busy_database_error(error):
                raise
            logger.warning("%s not queued after commit: database busy (%s)", task.module_path, error)
            if if_busy is not None:
                if_busy()

    transaction.on_commit(enqueue)


@every(seconds=15)
@task()
def requeue_orphaned_tasks() -> int:
    """Give tasks claimed by a worker that died (no heartbeat) back to the queue."""
    if not isinstance(task_backends["default"], DatabaseBackend):
        return 0
    cutoff = timezone.now() - timedelta(seconds=worker_presumed_dead_seconds())
    running = DBTaskResult.objects.running().filter(started_at__lt=cutoff)
    orphaned = [
        result.pk
        for result in running.only("pk", "worker_ids")
        if not result.worker_ids or cache.get(heartbeat_key(result.worker_ids[-1])) is None
    ]
    return DBTaskResult.objects.filter(pk__in=orphaned, status="RUNNING").update(
        status="READY", started_at=None
    )
