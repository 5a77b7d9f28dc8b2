"""The platform's own background tasks and periodic jobs."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import task, task_backends
from django_tasks_db import DatabaseBackend
from django_tasks_db.models import DBTaskResult

from core import pagecache
from core.scheduler import every


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
    transaction.on_commit(lambda: purge_pages.enqueue(paths))


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
