"""The demo newsroom served for real, as the standards gates see it.

``serve_demo_site`` migrates a throwaway data folder, loads ``load_demo`` and serves it with
Granian exactly as ``runsite`` does (embedded profile, DEBUG off, static files collected), so
the gates measure what a reader would get.
"""

from __future__ import annotations

import socket
import subprocess
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings

from core.management.commands.runsite import web_command
from core.tests.embedded import EmbeddedSite, wait_for

# The demo site's administrator, for gates that check the admin.
ADMIN = ("gate-editor", "gates only, never deployed")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@contextmanager
def serve_demo_site(folder: Path) -> Iterator[str]:
    """Yield the base URL of the demo newsroom served by one Granian worker."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    site = EmbeddedSite(
        folder,
        SITE_URL=base_url,
        STATIC_ROOT=str(folder / "static"),
        DEBUG="0",
        ADMIN_USERNAME=ADMIN[0],
        ADMIN_PASSWORD=ADMIN[1],
    )
    site.migrate()
    site.manage("collectstatic", "--noinput", "-v0")
    site.manage("load_demo")
    site.manage("ensure_admin")
    web = subprocess.Popen(
        web_command("127.0.0.1", port, 1),
        env=site.env, cwd=settings.BASE_DIR, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    site.processes.append(web)
    try:
        wait_for(lambda: answers(base_url + "/robots.txt"), 60, "the demo site to answer")
        yield base_url
    finally:
        site.stop_all()
