"""The background worker: django-tasks-db's worker plus a liveness heartbeat, kept alive
through a busy or lost database (ADR 0015).

The heartbeat lets ``requeue_orphaned_tasks`` tell a busy worker from a killed one. The log
holds what an operator needs: failed tasks (with their traceback), one ``slow_task`` line per
task slower than ``SLOW_TASK_MS`` (:func:`core.metrics.log_slow`), database outages, and one
summary line every ``WORKER_SUMMARY_SECONDS`` and at exit; not a line per task.
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from datetime import timedelta
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache
from django.core.management.base import CommandError
from django.db import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks_db.compat import TASKS_LOGGER
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction

from core import metrics
from core.busy import Outage, drop_broken_connections, is_busy_database_error
from core.health import WORKER_LAST_BEAT
from core.tasks import heartbeat_key, worker_presumed_dead_seconds

logger = logging.getLogger(__name__)
T = TypeVar("T")


def _beat(worker_id: str, stop: threading.Event) -> None:
    dead_after = worker_presumed_dead_seconds()
    while not stop.is_set():
        try:
            cache.set(heartbeat_key(worker_id), 1, timeout=dead_after)
            cache.set(WORKER_LAST_BEAT, time.time(), timeout=None)
        except Exception:  # a missed beat must not end the beating
            logger.warning("worker heartbeat: the shared cache refused it", exc_info=True)
        stop.wait(dead_after / 3)


class _BackToQueue(Exception):
    """The task failed only because the database was busy: it goes back to the queue."""


class PatientWorker(Worker):
    """db_worker's loop that waits out a busy or lost database instead of dying.

    A task whose outcome cannot be written yet keeps its worker (and heartbeat) until it
    can; a task that failed because the database was busy is queued again, not failed.
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.outage = Outage(f"worker {self.worker_id}")
        self.tally: Counter[str] = Counter()
        self.slowest = ("", 0.0)
        self._tally_lock = threading.Lock()

    def summarise(self) -> None:
        """Log what was done since the last summary, and start counting afresh."""
        with self._tally_lock:
            tally, (path, seconds) = self.tally, self.slowest
            self.tally, self.slowest = Counter(), ("", 0.0)
        slowest = f"; slowest {path} {seconds:.1f} s" if path else ""
        logger.info(
            "worker %s: %d tasks done, %d failed, %d slow, %d back to the queue%s",
            self.worker_id,
            tally["done"],
            tally["failed"],
            tally["slow"],
            tally["requeued"],
            slowest,
        )

    def _count(self, db_task_result: DBTaskResult, started: float) -> None:
        seconds = time.monotonic() - started
        with self._tally_lock:
            self.tally["done"] += 1
            self.tally["failed"] += db_task_result.status == "FAILED"
            if seconds > self.slowest[1]:
                self.slowest = (db_task_result.task_path, seconds)
            slow = seconds * 1000 >= settings.SLOW_TASK_MS
            self.tally["slow"] += slow
        if db_task_result.status == "FAILED":
            metrics.task_failed(db_task_result.task_path)
        if slow:
            metrics.log_slow(
                "slow_task",
                task=db_task_result.task_path,
                status=db_task_result.status,
                duration_ms=round(seconds * 1000),
                worker=self.worker_id,
            )

    def run(self) -> None:
        while self.running:
            try:
                if self.outage.active:
                    self._check_writable()
                    self.outage.recovered()
                super().run()
                return
            except (OperationalError, InterfaceError) as error:
                self._wait_out(error)

    def _wait_out(self, error: OperationalError | InterfaceError) -> None:
        if not is_busy_database_error(error):
            raise error
        delay = self.outage.failed(error)
        drop_broken_connections()
        time.sleep(delay)

    @staticmethod
    def _check_writable() -> None:
        """Take and release the queue's write lock: raises while the database is still busy."""
        with exclusive_transaction(DBTaskResult.objects.db):
            DBTaskResult.objects.exists()

    def _until_written(self, write: Callable[..., T]) -> Callable[..., T]:
        def patiently(*args: Any, **kwargs: Any) -> T:
            while True:
                try:
                    written = write(*args, **kwargs)
                    self.outage.recovered()
                    return written
                except (OperationalError, InterfaceError) as error:
                    if not self.running:
                        raise  # stopping: the scheduler requeues the task once the heartbeat stops
                    self._wait_out(error)

        return patiently

    def run_task(self, db_task_result: DBTaskResult) -> None:
        set_failed = self._until_written(db_task_result.set_failed)

        def failed_or_back_to_queue(error: BaseException) -> None:
            if is_busy_database_error(error):
                raise _BackToQueue from error
            set_failed(error)

        db_task_result.set_successful = self._until_written(db_task_result.set_successful)
        db_task_result.set_failed = failed_or_back_to_queue
        started = time.monotonic()
        try:
            super().run_task(db_task_result)
        except _BackToQueue as back:
            self._requeue(db_task_result, back.__cause__)
            with self._tally_lock:
                self.tally["requeued"] += 1
        else:
            self._count(db_task_result, started)

    def _requeue(self, db_task_result: DBTaskResult, error: BaseException) -> None:
        run_after = timezone.now() + timedelta(seconds=self.outage.failed(error))
        self._until_written(DBTaskResult.objects.filter(pk=db_task_result.pk, status="RUNNING").update)(
            status="READY", started_at=None, run_after=run_after
        )


class Command(DBWorkerCommand):
    help = "Run the background worker (database queue) with a liveness heartbeat."

    def add_arguments(self, parser: Any) -> None:
        super().add_arguments(parser)
        # Reloading restarts the process, which runsite does better (ADR 0015).
        parser.set_defaults(reload=False)

    def handle(self, *args: Any, **options: Any) -> None:
        queues = options["queue_name"].split(",")
        excluded = options["exclude_queues"].split(",") if options["exclude_queues"] else []
        if options["reload"]:
            raise CommandError("--reload is not supported: run the worker under runsite or systemd")
        if excluded and "*" not in queues:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        self.configure_logging(options["verbosity"])
        worker = PatientWorker(
            queue_names=queues,
            excluded_queue_names=excluded,
            interval=options["interval"],
            batch=options["batch"],
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
        )
        stop = threading.Event()
        threading.Thread(target=_beat, args=(options["worker_id"], stop), daemon=True).start()
        threading.Thread(target=_summaries, args=(worker, stop), daemon=True).start()
        worker.configure_signals()
        try:
            worker.run()
        finally:
            stop.set()
            worker.summarise()

    def configure_logging(self, verbosity: int) -> None:
        """Failures and warnings from the task machinery; this module's summaries at INFO.

        django-tasks logs every task started and finished at INFO: thousands of lines an hour
        on an idle site, so that is only shown at ``-v 2``.
        """
        quiet = logging.WARNING if verbosity < 2 else logging.DEBUG
        for name in (TASKS_LOGGER, "django_tasks_db"):
            logging.getLogger(name).setLevel(quiet)
        logger.setLevel(logging.INFO if verbosity else logging.WARNING)
        if not logging.getLogger().handlers and not logger.handlers:
            logger.addHandler(logging.StreamHandler(self.stderr))


def _summaries(worker: PatientWorker, stop: threading.Event) -> None:
    while not stop.wait(settings.WORKER_SUMMARY_SECONDS):
        worker.summarise()
