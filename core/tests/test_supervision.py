"""runsite as a supervisor: it restarts a stopped worker or scheduler within a limit, stops
the site only when the web server stops, and leaves no process behind however it is
stopped (ADR 0015). Real processes on the embedded profile, checked in /proc."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.management.commands.runsite import Child, Supervisor
from core.processes import living_descendants
from core.tests.embedded import EmbeddedSite, wait_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedSite]:
    site = EmbeddedSite(tmp_path_factory.mktemp("supervised"))
    site.migrate()
    yield site
    site.stop_all()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _serves(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


def _alive(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _start_runsite(embedded: EmbeddedSite, log: Path) -> tuple[subprocess.Popen, int, list[int]]:
    port = _free_port()
    runsite = embedded.start("runsite", "--port", str(port), "--workers", "2", log=log, own_group=True)
    wait_for(lambda: _serves(port), 90, "the web server to answer")
    # runsite, Granian and its two workers, the worker and the scheduler.
    wait_for(lambda: len(living_descendants(runsite.pid)) >= 5, 30, "every process to start")
    return runsite, port, living_descendants(runsite.pid)


STOPS = {
    "TERM to runsite": lambda pid: os.kill(pid, signal.SIGTERM),
    "TERM to its group": lambda pid: os.killpg(pid, signal.SIGTERM),
    "INT to runsite": lambda pid: os.kill(pid, signal.SIGINT),
    "INT to its group (Ctrl+C)": lambda pid: os.killpg(pid, signal.SIGINT),
    "runsite killed (SIGKILL)": lambda pid: os.kill(pid, signal.SIGKILL),
}


@pytest.mark.parametrize("how", list(STOPS))
def test_no_process_survives_runsite_however_it_is_stopped(
    embedded: EmbeddedSite, tmp_path: Path, how: str
) -> None:
    runsite, port, descendants = _start_runsite(embedded, tmp_path / "runsite.log")
    STOPS[how](runsite.pid)
    runsite.wait(timeout=60)
    wait_for(lambda: not any(_alive(pid) for pid in descendants), 30, f"every child to stop ({how})")
    assert not _serves(port)


def test_runsite_restarts_a_stopped_worker_and_scheduler_and_stops_when_the_web_server_does(
    embedded: EmbeddedSite, tmp_path: Path
) -> None:
    log = tmp_path / "runsite.log"
    runsite, port, _ = _start_runsite(embedded, log)
    # Without SITE_URL the canonical address is where runsite serves (issue #12, item 7).
    assert (
        f"Broadsheet at http://127.0.0.1:{port}/ (admin: http://127.0.0.1:{port}/admin/)" in log.read_text()
    )
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=10) as response:
        assert f"Sitemap: http://127.0.0.1:{port}/sitemap.xml" in response.read().decode()
    web, worker, scheduler = (
        int(p) for p in Path(f"/proc/{runsite.pid}/task/{runsite.pid}/children").read_text().split()
    )
    for helper in (worker, scheduler):
        os.kill(helper, signal.SIGKILL)
    wait_for(lambda: log.read_text().count("restarting it (restart 1 of at most") == 2, 30, "both restarts")
    wait_for(lambda: len(living_descendants(runsite.pid)) >= 5, 60, "the worker and scheduler to be back")
    assert _serves(port)
    assert runsite.poll() is None
    children = Path(f"/proc/{runsite.pid}/task/{runsite.pid}/children").read_text().split()
    assert str(web) in children
    assert str(worker) not in children
    assert str(scheduler) not in children

    descendants = living_descendants(runsite.pid)
    os.kill(web, signal.SIGKILL)
    assert runsite.wait(timeout=60) == 1
    assert "the web server exited with status -9; stopping the site." in log.read_text()
    wait_for(lambda: not any(_alive(pid) for pid in descendants), 30, "every child to stop")


class _Stopped:
    """A child process that has already exited."""

    def poll(self) -> int:
        return 1


def test_a_crash_loop_is_restarted_at_most_the_limit_then_waits_for_the_window(settings, monkeypatch) -> None:
    settings.RUNSITE_RESTART_LIMIT = 2
    settings.RUNSITE_RESTART_WINDOW_SECONDS = 60
    lines: list[str] = []
    web, worker = Child("web server", []), Child("worker", [])
    web.process = type("Running", (), {"poll": lambda self: None})()
    supervisor = Supervisor([web, worker], {}, lines.append)
    started: list[float] = []

    def crash_at_once(env: dict[str, str]) -> None:
        started.append(time.monotonic())
        monkeypatch.setattr(worker, "process", _Stopped())

    monkeypatch.setattr(worker, "process", _Stopped())  # a crash loop: the worker exits at once
    monkeypatch.setattr(worker, "start", crash_at_once)
    deadline = time.monotonic() + 4
    while time.monotonic() < deadline:
        assert supervisor.check()
        time.sleep(0.05)
    assert len(started) == 2
    assert "restarting it (restart 1 of at most 2 in 60 s)" in lines[0]
    assert "restarting it (restart 2 of at most 2 in 60 s)" in lines[1]
    assert "after 2 restarts in 60 s; restarting it in" in lines[2]
    assert "The site keeps serving" in lines[2]
    assert len(lines) == 3


def test_the_web_access_log_is_off_unless_asked_for_and_names_no_client(settings) -> None:
    from core.management.commands.runsite import web_command

    settings.WEB_ACCESS_LOG = False
    assert "--access-log" not in web_command("127.0.0.1", 8000, 1)
    settings.WEB_ACCESS_LOG = True
    argv = web_command("127.0.0.1", 8000, 1)
    log_format = argv[argv.index("--access-log-fmt") + 1]
    assert "--access-log" in argv
    assert log_format.startswith("- - - [%(time)s] ")
    assert "addr" not in log_format
