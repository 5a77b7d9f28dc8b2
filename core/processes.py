"""Child processes that never outlive the process that started them (ADR 0015).

On Linux the kernel can signal a child when its parent dies (``PR_SET_PDEATHSIG``), even
when the parent is killed with SIGKILL and runs no clean-up of its own; and a process can
adopt the orphans of its descendants (``PR_SET_CHILD_SUBREAPER``) so it can stop them
too. Elsewhere these are no-ops and only the ordinary clean-up applies.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import time
from pathlib import Path

PR_SET_PDEATHSIG = 1
PR_SET_CHILD_SUBREAPER = 36


def _prctl(option: int, value: int) -> bool:
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    return libc.prctl(option, value, 0, 0, 0) == 0


def die_with_parent(parent_pid: int, signum: int = signal.SIGTERM) -> None:
    """Have the kernel send ``signum`` to this process when ``parent_pid`` exits.

    If the parent is already gone (it died between starting us and this call), exit now.
    """
    _prctl(PR_SET_PDEATHSIG, signum)
    if os.getppid() != parent_pid:
        os._exit(1)


def become_subreaper() -> None:
    """Orphans among this process's descendants are re-parented here rather than to init."""
    _prctl(PR_SET_CHILD_SUBREAPER, 1)


def _parents() -> dict[int, int]:
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue  # exited while we looked
        if fields[0] != "Z":
            parents[int(stat.parent.name)] = int(fields[1])
    return parents


def living_descendants(pid: int) -> list[int]:
    """Every running (not zombie) process below ``pid``, read from /proc."""
    parents = _parents()
    found, frontier = [], [pid]
    while frontier:
        children = [child for child, parent in parents.items() if parent in frontier]
        found += children
        frontier = children
    return found


def stop_descendants(pid: int, grace: float = 10.0) -> list[int]:
    """SIGTERM every descendant still running, then SIGKILL those left after ``grace``.

    Returns the ones that had to be stopped here (they should have gone by themselves).
    """
    strays = living_descendants(pid)
    for signum in (signal.SIGTERM, signal.SIGKILL):
        for stray in living_descendants(pid):
            with contextlib.suppress(ProcessLookupError):
                os.kill(stray, signum)
        deadline = time.monotonic() + grace
        while living_descendants(pid) and time.monotonic() < deadline:
            _reap()
            time.sleep(0.1)
        if not living_descendants(pid):
            break
    _reap()
    return strays


def _reap() -> None:
    """Collect adopted orphans that have exited (a subreaper must, or they stay zombies)."""
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
