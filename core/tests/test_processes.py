"""Web, worker and scheduler as real processes on the embedded (SQLite) profile.

These run the same commands as the README's run command, against a throwaway data
folder, so they always use SQLite and the on-disk cache whatever the outer suite uses.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from core.tests.embedded import MANAGE, EmbeddedSite, wait_for

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedSite]:
    site = EmbeddedSite(tmp_path_factory.mktemp("embedded"))
    site.migrate()
    yield site
    site.stop_all()


SCHEDULE_ARTICLE = """
from datetime import timedelta
from django.utils import timezone
from wagtail.models import Page
from news.models import ArticlePage, Author, ArticleAuthor, HomePage, SectionPage
root = Page.get_first_root_node()
home = root.add_child(instance=HomePage(title="Home", slug="e2e-home"))
section = home.add_child(instance=SectionPage(title="Local", slug="local"))
article = ArticlePage(title="Scheduled story", slug="scheduled-story", standfirst="Goes live later.",
                      body=[], live=False, go_live_at=timezone.now() + timedelta(seconds=3))
article.author_links = [ArticleAuthor(author=Author.objects.create(name="A", slug="a"))]
section.add_child(instance=article)
article.save_revision().publish()
print(ArticlePage.objects.get(pk=article.pk).live)
"""


def test_scheduled_article_goes_live_within_60_seconds_without_a_page_view(embedded: EmbeddedSite) -> None:
    assert embedded.manage("shell", "-c", SCHEDULE_ARTICLE).strip().endswith("False")
    go_live = time.monotonic() + 3
    embedded.start("run_scheduler")
    embedded.start("worker", "--queue-name", "*", "--interval", "0.2")

    def is_live() -> bool:
        return embedded.query("SELECT live FROM wagtailcore_page WHERE slug='scheduled-story'") == [(1,)]

    wait_for(is_live, 70, "the scheduled article to go live")
    delay = time.monotonic() - go_live
    print(f"scheduled article went live {delay:.1f}s after its go-live time")
    assert delay < 60
    embedded.stop_all()


def test_a_task_left_running_by_a_killed_worker_runs_again(embedded: EmbeddedSite, tmp_path: Path) -> None:
    embedded.manage(
        "shell", "-c",
        f"from core.tests.tasks import leave_markers; leave_markers.enqueue({str(tmp_path)!r}, 2)",
    )  # fmt: skip
    first = embedded.start("worker", "--interval", "0.2", "--no-startup-delay")
    wait_for(lambda: (tmp_path / "started-0").exists(), 30, "the first worker to start the task")
    first.send_signal(signal.SIGKILL)
    first.wait()
    assert not (tmp_path / "finished").exists()
    embedded.start("run_scheduler")
    embedded.start("worker", "--interval", "0.2", "--no-startup-delay")
    waited = wait_for(lambda: (tmp_path / "finished").exists(), 60, "another worker to finish the task")
    print(f"orphaned task completed {waited:.1f}s after the worker was killed")
    assert (tmp_path / "started-1").exists()
    embedded.stop_all()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _children(pid: int) -> list[int]:
    return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]


def _alive(pid: int) -> bool:
    """Running, and not a zombie waiting to be reaped."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def test_runsite_starts_web_worker_and_scheduler_and_stops_them_together(embedded: EmbeddedSite) -> None:
    port = _free_port()
    supervisor = embedded.start("runsite", "--port", str(port), "--workers", "1")

    def serves() -> bool:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/robots.txt", timeout=2) as response:
                return response.status == 200
        except OSError:
            return False

    wait_for(serves, 60, "the web server to answer")
    children = _children(supervisor.pid)
    assert len(children) == 3
    supervisor.send_signal(signal.SIGTERM)
    assert supervisor.wait(timeout=30) == 0
    wait_for(lambda: not any(_alive(pid) for pid in children), 20, "web, worker and scheduler to stop")


def test_worker_and_scheduler_wait_out_a_locked_database_and_log_it_once(
    embedded: EmbeddedSite, tmp_path: Path
) -> None:
    worker_log, scheduler_log = tmp_path / "worker.log", tmp_path / "scheduler.log"
    worker = embedded.start("worker", "--interval", "0.2", "--no-startup-delay", log=worker_log)
    scheduler = embedded.start("run_scheduler", log=scheduler_log)
    wait_for(lambda: "Scheduler running" in scheduler_log.read_text(), 30, "the scheduler to start")
    # Longer than the 5 s busy timeout, and across a 15 s slot of requeue_orphaned_tasks.
    with embedded.write_lock_held(20):
        pass
    embedded.manage(
        "shell",
        "-c",
        f"from core.tests.tasks import leave_markers; leave_markers.enqueue({str(tmp_path)!r}, 0)",
    )
    wait_for(lambda: (tmp_path / "finished").exists(), 60, "the worker to run a task after the lock")
    wait_for(lambda: "database back" in scheduler_log.read_text(), 30, "the scheduler to recover")
    assert worker.poll() is None
    assert scheduler.poll() is None
    for log in (worker_log, scheduler_log):
        text = log.read_text()
        print(text)
        assert text.count("database busy or unreachable") == 1, text
        assert text.count("database back after") == 1, text
        assert "OperationalError" not in text
    embedded.stop_all()


def test_the_worker_logs_failures_slow_tasks_and_a_summary_not_every_task(tmp_path: Path) -> None:
    site = EmbeddedSite(tmp_path / "var", SLOW_TASK_MS="1000")
    site.migrate()
    markers = tmp_path / "markers"
    markers.mkdir()
    site.manage(
        "shell", "-c",
        "from core.tests.tasks import leave_markers, fail_loudly\n"
        f"for seconds in (0, 0, 0, 1.5): leave_markers.enqueue({str(markers)!r}, seconds)\n"
        "fail_loudly.enqueue()",
    )  # fmt: skip
    done = subprocess.run(
        [*MANAGE, "worker", "--batch", "--no-startup-delay"],
        env=site.env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    output = done.stdout + done.stderr
    print(output)
    assert done.returncode == 0
    assert "state=SUCCESSFUL" not in output
    assert "state=RUNNING" not in output
    assert "slow_task task=core.tests.tasks.leave_markers status=SUCCESSFUL duration_ms=1" in output
    assert "ValueError: a task that fails, for the worker's log" in output
    assert (
        "5 tasks done, 1 failed, 1 slow, 0 back to the queue; slowest core.tests.tasks.leave_markers"
        in output
    )
