"""Every script in bench/ still runs: each in its tiny-size mode (``--smoke``), as a process.

Only that it exits 0 and prints figures is checked, never a figure. The database is migrated
once for all of them (``bench.support.MIGRATED_DATABASE``); each bench runs on the embedded
profile in its own throwaway folder, whatever database the suite itself uses.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from bench import support

# The scripts, not the modules they share (support, the concurrent-posting driver): a script runs as __main__.
BENCHES = sorted(
    path for path in (support.ROOT / "bench").glob("*.py") if 'if __name__ == "__main__":' in path.read_text()
)
# The suite's own services stay out of the benches' environment: they run embedded.
SUITE_ONLY = ("DATABASE_URL", "REDIS_URL", "BROADSHEET_PROFILE")

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("bench-migrated")
    env = {name: value for name, value in support.site_env(folder).items() if name not in SUITE_ONLY}
    support.manage(env, "migrate", "--noinput")
    return env | {support.MIGRATED_DATABASE: str(folder / "db.sqlite3")}


@pytest.mark.parametrize("bench", BENCHES, ids=lambda path: path.stem)
def test_the_bench_runs_in_smoke_mode(bench: Path, bench_env: dict[str, str], tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(bench), "--smoke"],
        env=bench_env | {"BROADSHEET_VAR_DIR": str(tmp_path)},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert re.search(r"\d", done.stdout), done.stdout
