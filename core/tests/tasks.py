"""A task for the worker tests: leaves marker files so the test can see where it got to."""

from __future__ import annotations

import time
from pathlib import Path

from django_tasks import task


@task()
def leave_markers(folder: str, seconds: float) -> None:
    marker = Path(folder)
    attempt = len(list(marker.glob("started-*")))
    (marker / f"started-{attempt}").touch()
    time.sleep(seconds)
    (marker / "finished").touch()


@task()
def fail_loudly() -> None:
    raise ValueError("a task that fails, for the worker's log")
