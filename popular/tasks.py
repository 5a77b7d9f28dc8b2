"""Periodic jobs: fold counted views into the table, then recompute the Popular lists."""

from __future__ import annotations

from django_tasks import task

from core.scheduler import every
from popular import counting, ranking


@every(seconds=counting.BUCKET_SECONDS)
@task()
def flush_views() -> int:
    return counting.flush()


@every(seconds=600)
@task()
def recompute_popular() -> int:
    return ranking.recompute()
