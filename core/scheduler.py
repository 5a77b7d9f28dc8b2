"""Periodic jobs: apps register a task with :func:`every`; the scheduler enqueues it.

The scheduler process (``manage.py run_scheduler``) only enqueues; the worker runs.
Each job runs at most once per interval slot even with several schedulers running,
because a slot is claimed with an atomic ``cache.add``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.core.cache import cache
from django.db import InterfaceError, OperationalError
from django_tasks.base import Task

from core.busy import Outage, drop_broken_connections, is_busy_database_error


@dataclass(frozen=True)
class PeriodicJob:
    task: Task
    seconds: int

    @property
    def name(self) -> str:
        return self.task.module_path


_jobs: dict[str, PeriodicJob] = {}


def every(seconds: int) -> Callable[[Task], Task]:
    """Register a task to be enqueued once every ``seconds``."""

    def register(task: Task) -> Task:
        job = PeriodicJob(task=task, seconds=seconds)
        _jobs[job.name] = job
        return task

    return register


def registered_jobs() -> list[PeriodicJob]:
    return sorted(_jobs.values(), key=lambda job: job.name)


def tick(now: float | None = None) -> list[str]:
    """Enqueue every job whose current slot has not been claimed yet; return their names."""
    now = time.time() if now is None else now
    enqueued = []
    for job in registered_jobs():
        slot = int(now // job.seconds)
        claim = f"scheduler:{job.name}:{slot}"
        if cache.add(claim, 1, timeout=job.seconds * 2):
            try:
                job.task.enqueue()
            except BaseException:
                cache.delete(claim)  # not enqueued: the next tick tries this slot again
                raise
            enqueued.append(job.name)
    return enqueued


def run(stop: threading.Event, tick_seconds: float) -> None:
    """Tick until ``stop`` is set; a busy or lost database is waited out, never fatal."""
    outage = Outage("scheduler")
    while not stop.is_set():
        try:
            tick()
        except (OperationalError, InterfaceError) as error:
            if not is_busy_database_error(error):
                raise
            delay = outage.failed(error)
            drop_broken_connections()
            stop.wait(delay)
            continue
        outage.recovered()
        stop.wait(tick_seconds)
