"""Run Broadsheet commands as real processes against a throwaway data folder."""

from __future__ import annotations

import atexit
import functools
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from django.conf import settings

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(0.25)
    raise AssertionError(f"timed out after {seconds}s waiting for {what}")


@functools.cache
def _migrated_database() -> Path:
    """An SQLite database as ``manage.py migrate`` leaves it, made once per test process.

    Migrating is CPU-bound (some 18 s of CPU time for each site); the tests' sites
    on SQLite start from copies of this one instead.
    """
    folder = Path(tempfile.mkdtemp(prefix="broadsheet-migrated-"))
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    EmbeddedSite(folder).manage("migrate", "--noinput", "-v0")
    return folder / "db.sqlite3"


class EmbeddedSite:
    def __init__(self, folder: Path, **env: str) -> None:
        self.folder = folder
        self.env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL"}}
        self.env.update(
            DJANGO_SETTINGS_MODULE="broadsheet.settings",
            BROADSHEET_PROFILE="embedded",
            BROADSHEET_VAR_DIR=str(folder),
            SCHEDULER_TICK_SECONDS="1",
            TASK_WORKER_PRESUMED_DEAD_SECONDS="3",
            **env,
        )
        self.processes: list[subprocess.Popen] = []

    def manage(self, *args: str) -> str:
        done = subprocess.run([*MANAGE, *args], env=self.env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def migrate(self) -> None:
        """The database as ``manage.py migrate`` leaves it: on SQLite, a copy of one migrated earlier."""
        if "DATABASE_URL" in self.env:
            self.manage("migrate", "--noinput", "-v0")
            return
        self.folder.mkdir(parents=True, exist_ok=True)
        with (
            closing(sqlite3.connect(_migrated_database())) as migrated,
            closing(sqlite3.connect(self.folder / "db.sqlite3")) as database,
        ):
            migrated.backup(database)

    def start(self, *args: str, log: Path | None = None, own_group: bool = False) -> subprocess.Popen:
        """Run a command in the background; its output goes to ``log`` if given.

        ``own_group`` puts it in a new process group, as a shell does with a job.
        """
        output = log.open("ab") if log else subprocess.DEVNULL
        process = subprocess.Popen(
            [*MANAGE, *args],
            env=self.env,
            stdout=output,
            stderr=subprocess.STDOUT,
            process_group=0 if own_group else None,
        )
        if log:
            output.close()  # the child has its own copy
        self.processes.append(process)
        return process

    @contextmanager
    def write_lock_held(self, seconds: float) -> Iterator[None]:
        """Another process's exclusive lock on the database, as a long write or backup holds it."""
        with sqlite3.connect(self.folder / "db.sqlite3", timeout=30, isolation_level=None) as locker:
            locker.execute("BEGIN EXCLUSIVE")
            try:
                yield
                time.sleep(seconds)
            finally:
                locker.execute("COMMIT")

    def query(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.folder / "db.sqlite3", timeout=10) as connection:
            return connection.execute(sql).fetchall()

    def stop_all(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        self.processes.clear()
