"""The platform's own background tasks and periodic jobs."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
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


PURGE_BATCH_PATHS = 1000  # paths per purge task when a batch is flushed


@dataclass
class _Batch:
    paths: set[str] = field(default_factory=set)
    tasks: dict[tuple[str, str], tuple[Task, tuple[Any, ...]]] = field(default_factory=dict)


_batch: ContextVar[_Batch | None] = ContextVar("after_commit_batch", default=None)


@contextmanager
def batched_after_commit() -> Iterator[None]:
    """Gather the purges and tasks a bulk job (an import) asks for, and queue them once at its end.

    Inside the block, :func:`purge_pages_after_commit` only notes its paths and
    :func:`enqueue_after_commit` notes its task; on leaving (also after an error: what was
    committed needs its purges) the union of the paths is purged and each distinct task with its
    arguments is queued once, after the enclosing transaction commits (so nothing, if it rolls
    back). Tasks whose arguments differ (one page each) are all kept: only repeats merge.
    """
    if _batch.get() is not None:  # already gathering: the outer block flushes
        yield
        return
    batch = _Batch()
    token = _batch.set(batch)
    try:
        yield
    finally:
        _batch.reset(token)
        paths = sorted(batch.paths)
        for start in range(0, len(paths), PURGE_BATCH_PATHS):
            purge_pages_after_commit(paths[start : start + PURGE_BATCH_PATHS])
        for task, args in batch.tasks.values():
            enqueue_after_commit(task, *args)


def purge_pages_after_commit(paths: list[str]) -> None:
    """Purge once the change is visible to other connections."""
    if (batch := _batch.get()) is not None:
        batch.paths.update(paths)
        return
    paths = sorted(set(paths))
    enqueue_after_commit(purge_pages, paths, if_busy=lambda: pagecache.invalidate(paths))


def enqueue_after_commit(task: Task, *args: Any, if_busy: Callable[[], object] | None = None) -> None:
    """Enqueue ``task`` once the current transaction commits.

    The change is stored by then, so a database too busy to take the task row must not
    turn it into an error for whoever made it (ADR 0015): the task is left out with a
    warning and ``if_busy`` runs instead; the periodic jobs catch up on the rest.
    Inside :func:`batched_after_commit` the task is queued once, when the block ends.
    """
    if (batch := _batch.get()) is not None:
        # Task arguments are JSON by contract, so their JSON tells repeats apart.
        batch.tasks.setdefault((task.module_path, json.dumps(args, sort_keys=True)), (task, args))
        return

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
