"""Background work for story timelines; nothing here runs on the request path."""

from __future__ import annotations

from django_tasks import task

from core.scheduler import every
from stories import store


@every(seconds=900)
@task()
def refresh_stories() -> dict[str, int]:
    """Enqueued after each publication; every 15 minutes too, to catch up on anything missed."""
    return store.refresh()
