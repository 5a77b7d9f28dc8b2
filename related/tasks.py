"""Background work for "More like this"; nothing here runs on the request path."""

from __future__ import annotations

from django_tasks import task

from core.scheduler import every
from related import index


@every(seconds=900)
@task()
def refresh_related() -> dict[str, int]:
    """Enqueued after each publication; every 15 minutes too, to catch up on anything missed."""
    return index.sync()


@task()
def rebuild_related() -> int:
    """A full, resumable rebuild in the worker (``manage.py rebuild_related --in-worker``)."""
    return index.rebuild(progress=index.record_progress)
