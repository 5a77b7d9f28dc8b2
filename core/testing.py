"""Test helpers shared by every app: the embedded site run as real processes in a throwaway folder.

``EmbeddedSite`` runs ``manage.py`` commands against its own data folder, so it always uses SQLite
and the on-disk cache whatever the outer test run uses. ``serve_demo_site`` builds the demo
newsroom there and serves it with Granian exactly as ``runsite`` does, DEBUG off: the standards
gates (tests/gates, tests/lighthouse) run against it.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from core.management.commands.runsite import web_command

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]


def wait_for(condition: Callable[[], bool], seconds: float, what: str) -> float:
    start = time.monotonic()
    while time.monotonic() - start < seconds:
        if condition():
            return time.monotonic() - start
        time.sleep(0.25)
    raise AssertionError(f"timed out after {seconds}s waiting for {what}")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (local test server)
            return response.status == 200
    except OSError:
        return False


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
        done = subprocess.run([*MANAGE, *args], env=self.env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        return done.stdout

    def start(self, *args: str) -> subprocess.Popen:
        return self.spawn([*MANAGE, *args])

    def spawn(self, argv: list[str]) -> subprocess.Popen:
        process = subprocess.Popen(
            argv, env=self.env, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.processes.append(process)
        return process

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


@contextmanager
def serve_demo_site(folder: Path) -> Iterator[str]:
    """Yield the base URL of the demo newsroom served by one Granian worker, DEBUG off."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    site = EmbeddedSite(folder, SITE_URL=base_url, STATIC_ROOT=str(folder / "static"), DEBUG="0")
    site.manage("migrate", "--noinput", "-v0")
    site.manage("collectstatic", "--noinput", "-v0")
    site.manage("load_demo")
    site.spawn(web_command("127.0.0.1", port, 1))
    try:
        wait_for(lambda: answers(base_url + "/robots.txt"), 60, "the demo site to answer")
        yield base_url
    finally:
        site.stop_all()
