"""Serve the site: web server, background worker and scheduler, started and stopped together."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand


def web_command(host: str, port: int, workers: int) -> list[str]:
    return [
        sys.executable, "-m", "granian",
        "--interface", "wsgi",
        "--host", host,
        "--port", str(port),
        "--workers", str(workers),
        "--blocking-threads", str(settings.WEB_THREADS),
        "--no-ws",
        "broadsheet.wsgi:application",
    ]  # fmt: skip


class Command(BaseCommand):
    help = "Run web server, worker and scheduler together; Ctrl+C stops all three."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("WEB_WORKERS", os.cpu_count() or 1))
        )

    def handle(self, *args: Any, host: str, port: int, workers: int, **options: Any) -> None:
        manage = [sys.executable, str(settings.BASE_DIR / "manage.py")]
        commands = {
            "web": web_command(host, port, workers),
            "worker": [*manage, "worker", "--queue-name", "*"],
            "scheduler": [*manage, "run_scheduler"],
        }
        children = {name: subprocess.Popen(argv, cwd=settings.BASE_DIR) for name, argv in commands.items()}
        stopping = False

        def stop(*_: Any) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGINT, stop)
        signal.signal(signal.SIGTERM, stop)
        self.stdout.write(f"Broadsheet at http://{host}:{port}/ (admin: /admin/). Ctrl+C stops.")
        exited = None
        while not stopping and exited is None:
            exited = next((n for n, p in children.items() if p.poll() is not None), None)
            time.sleep(0.5)
        for child in children.values():
            if child.poll() is None:
                child.terminate()
        for child in children.values():
            try:
                child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                child.kill()
        if exited is not None:
            self.stderr.write(f"The {exited} process stopped; stopped the others too.")
            sys.exit(1)
