"""Time from a fresh clone to a served home page with `make run` (run by hand, not in tests).

    .venv/bin/python bench/first_page.py [--baseline REV] [--revision REV] [--smoke]

Clones this repository (the committed revision, default HEAD) into a temporary folder, runs
the README's first command there (`make run`, on a free port) and prints how long it took until
the home page answered 200, with the seconds each stage line appeared. With ``--baseline`` it
does the same for another revision first, in the same run, and prints the ratio. Python
packages come from pip's cache (warm after the first `make`), as on a machine that already
installed them once; the clone gets its own virtual environment. ``--smoke``: the clone only,
and `make --dry-run run` in it (`make run` itself takes minutes).
"""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TIMEOUT = 900
MAX_STAGE_LINES = 40

from bench import support  # noqa: E402


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def home_answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310  a local URL
            return response.status == 200
    except OSError:
        return False


def clone_at(revision: str, folder: str) -> Path:
    clone = Path(folder) / "clone"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True)  # noqa: S607
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", revision], check=True)  # noqa: S607
    return clone


def time_dry_run(revision: str) -> float:
    """Clone, and let make say what `make run` would do: the commands must still be there."""
    with tempfile.TemporaryDirectory(prefix="broadsheet-first-page-") as folder:
        started = time.monotonic()
        clone = clone_at(revision, folder)
        subprocess.run(["make", "--dry-run", "run"], cwd=clone, check=True, capture_output=True)  # noqa: S607
        return time.monotonic() - started


def record_lines(stream: Any, started: float, log: Any, stages: list[str]) -> None:
    """Copy make's output to the log, keeping each line with the second it appeared."""
    for line in stream:
        stamped = f"{time.monotonic() - started:6.1f} s  {line.rstrip()}"
        log.write(stamped + "\n")
        if line.strip() and not line.startswith("WARNING"):
            stages.append(stamped)


def time_first_page(revision: str) -> float:
    with tempfile.TemporaryDirectory(prefix="broadsheet-first-page-") as folder:
        clone = clone_at(revision, folder)
        port = free_port()
        env = {**os.environ, "PORT": str(port), "SITE_URL": f"http://127.0.0.1:{port}"}
        log = open(Path(folder) / "make-run.log", "w")  # noqa: SIM115  closed below
        started = time.monotonic()
        make = subprocess.Popen(
            ["make", "run"],  # noqa: S607  the README's command, found on PATH as a reader would
            cwd=clone,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        stages: list[str] = []
        reader = threading.Thread(target=record_lines, args=(make.stdout, started, log, stages), daemon=True)
        reader.start()
        try:
            while not home_answers(f"http://127.0.0.1:{port}/"):
                if make.poll() is not None or time.monotonic() - started > TIMEOUT:
                    raise SystemExit(f"{revision}: `make run` stopped or timed out; see {log.name}")
                time.sleep(0.5)
            served = time.monotonic() - started
            print(f"{revision}: output lines of `make run`, with the second each appeared:")
            print("\n".join(stages[:MAX_STAGE_LINES]))
            return served
        finally:
            os.killpg(make.pid, signal.SIGTERM)
            make.wait(timeout=60)
            reader.join(timeout=10)
            log.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--revision", default="HEAD")
    parser.add_argument("--baseline", help="another revision measured first, in the same run")
    support.add_smoke_flag(parser)
    options = parser.parse_args()
    if options.smoke:
        support.skipped("`make run` and the baseline", "minutes; the clone and `make --dry-run run` instead")
        print(f"{options.revision}: cloned and planned `make run` in {time_dry_run(options.revision):.1f} s")
        return
    baseline = time_first_page(options.baseline) if options.baseline else None
    if baseline is not None:
        print(f"baseline {options.baseline}: home page served after {baseline:.1f} s")
    measured = time_first_page(options.revision)
    print(f"{options.revision}: home page served after {measured:.1f} s")
    if baseline is not None:
        print(f"ratio: {measured / baseline:.2f} of the baseline")


if __name__ == "__main__":
    sys.exit(main())
