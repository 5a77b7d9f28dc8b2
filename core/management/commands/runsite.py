"""Serve the site: web server, background worker and scheduler under one supervisor.

The web server is the site: if it stops, everything stops. The worker and the scheduler
are restarted when they stop, at most ``RUNSITE_RESTART_LIMIT`` times in
``RUNSITE_RESTART_WINDOW_SECONDS`` (then the next restart waits for the window to pass),
so a crash loop cannot spin while readers keep getting pages (ADR 0015).

No child outlives ``runsite``, however it is stopped: each child is told by the kernel
to stop when ``runsite`` dies (even by SIGKILL), Granian's workers likewise when their
Granian dies, and ``runsite`` adopts and stops any descendant left orphaned.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand

from broadsheet.settings import default_site_url
from core import processes

# Common Log Format, with the client's address left out ("-") as the privacy design asks and
# no response size (Granian does not report it); the time is Granian's, with its zone.
ACCESS_LOG_FORMAT = '- - - [%(time)s] "%(method)s %(path)s %(protocol)s" %(status)d -'


def web_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "granian",
        "--interface", "wsgi",
        "--host", host,
        "--port", str(port),
        "--workers", str(workers),
        "--blocking-threads", str(settings.WEB_THREADS),
        "--workers-kill-timeout", "10",
        "--no-ws",
        *(["--access-log", "--access-log-fmt", ACCESS_LOG_FORMAT] if settings.WEB_ACCESS_LOG else []),
        "broadsheet.wsgi:application",
    ]  # fmt: skip


def fresh_metrics_dir() -> str:
    """``PROMETHEUS_MULTIPROC_DIR`` (default ``var/metrics``), emptied of a previous run's counts."""
    folder = Path(os.environ.get("PROMETHEUS_MULTIPROC_DIR") or settings.VAR_DIR / "metrics")
    folder.mkdir(parents=True, exist_ok=True)
    for counts in folder.glob("*.db"):
        counts.unlink()
    return str(folder)


@dataclass
class Child:
    name: str
    argv: list[str]
    process: subprocess.Popen | None = None
    restarts: deque[float] = field(default_factory=deque)
    start_at: float = 0.0  # when a stopped child may be started again

    def start(self, env: dict[str, str]) -> None:
        parent = os.getpid()
        self.process = subprocess.Popen(
            self.argv,
            cwd=settings.BASE_DIR,
            env=env,
            preexec_fn=lambda: processes.die_with_parent(parent),  # runsite starts no threads
        )

    def exit_status(self) -> int | None:
        return None if self.process is None else self.process.poll()


class Supervisor:
    def __init__(self, children: list[Child], env: dict[str, str], log: Any) -> None:
        self.web, *self.helpers = children
        self.env, self.log = env, log
        self.limit = settings.RUNSITE_RESTART_LIMIT
        self.window = settings.RUNSITE_RESTART_WINDOW_SECONDS

    def start(self) -> None:
        for child in (self.web, *self.helpers):
            child.start(self.env)

    def check(self) -> bool:
        """Restart stopped helpers when allowed; False once the web server has stopped."""
        status = self.web.exit_status()
        if status is not None:
            self.log(f"runsite: the web server exited with status {status}; stopping the site.")
            return False
        now = time.monotonic()
        for child in self.helpers:
            if child.process is not None and child.exit_status() is not None:
                self._plan_restart(child, now)
            if child.process is None and now >= child.start_at:
                child.start(self.env)
        return True

    def _plan_restart(self, child: Child, now: float) -> None:
        status = child.exit_status()
        child.process = None
        while child.restarts and now - child.restarts[0] > self.window:
            child.restarts.popleft()
        if len(child.restarts) >= self.limit:
            child.start_at = child.restarts[0] + self.window
            self.log(
                f"runsite: the {child.name} exited with status {status} after {self.limit} restarts in "
                f"{self.window:.0f} s; restarting it in {child.start_at - now:.0f} s. The site keeps serving."
            )
        else:
            child.start_at = now + 1  # a moment for whatever made it stop
            self.log(
                f"runsite: the {child.name} exited with status {status}; restarting it "
                f"(restart {len(child.restarts) + 1} of at most {self.limit} in {self.window:.0f} s)."
            )
        child.restarts.append(max(now, child.start_at))

    def stop(self) -> None:
        running = [c.process for c in (self.web, *self.helpers) if c.process and c.process.poll() is None]
        for process in running:
            process.terminate()
        for process in running:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        strays = processes.stop_descendants(os.getpid())
        if strays:
            self.log(f"runsite: stopped {len(strays)} process(es) left behind by a child: {strays}")


class Command(BaseCommand):
    help = "Run web server, worker and scheduler together; Ctrl+C stops all three."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_WORKERS", os.cpu_count() or 1))
        )

    def handle(self, *args: Any, host: str, port: int, workers: int, **options: Any) -> None:
        processes.become_subreaper()
        # Children compute the same canonical address (SITE_URL follows HOST and PORT), and count
        # for /metrics in one folder, emptied here: every process of this site adds to the same sums.
        env = os.environ | {"HOST": host, "PORT": str(port), "PROMETHEUS_MULTIPROC_DIR": fresh_metrics_dir()}
        site_url = settings.SITE_URL if "SITE_URL" in os.environ or settings.PRODUCTION else None
        site_url = (site_url or default_site_url(host, port)).rstrip("/")
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        supervisor = Supervisor(
            [
                Child("web server", web_command(host, port, workers)),
                Child("worker", [*manage, "worker", "--queue-name", "*"]),
                Child("scheduler", [*manage, "run_scheduler"]),
            ],
            env,
            self.stderr.write,
        )
        stopping = False

        def stop(*_: Any) -> None:
            nonlocal stopping
            stopping = True

        for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(signum, stop)
        supervisor.start()
        self.stdout.write(f"Broadsheet at {site_url}/ (admin: {site_url}/admin/). Ctrl+C stops.")
        self.stdout.flush()
        web_up = True
        while not stopping and (web_up := supervisor.check()):
            time.sleep(0.5)
        supervisor.stop()
        if not web_up:
            sys.exit(1)
