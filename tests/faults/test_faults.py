"""Fault injection against the real processes (issue #12): the site answers throughout,
nothing accepted is lost or stored twice, and every process is still running at the end.

For each fault, readers, commenters and subscribers keep sending requests before, during
and after it. Every answer must be a page (200/30x) or a deliberate "busy, try again" (503
with Retry-After); no request may go unanswered. Afterwards every accepted comment and
sign-up is stored exactly once, every accepted sign-up's confirmation mail arrives exactly
once, nothing refused as busy was stored, and runsite never had to restart anything.
The figures are printed for each fault (run with ``-s`` to see them).
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import time
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest

from core.tests.embedded import wait_for
from tests.faults.services import (
    PrivatePostgres,
    PrivateRedis,
    RunningSite,
    SMTPServer,
    collect_static,
    free_port,
)
from tests.faults.traffic import Tally, Traffic

pytestmark = [pytest.mark.slow, pytest.mark.faults]

WARM_UP, AFTER = 2, 6  # seconds of traffic before and after each fault


@pytest.fixture(scope="module")
def smtp() -> Iterator[SMTPServer]:
    server = SMTPServer(free_port())
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def static_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return collect_static(tmp_path_factory.mktemp("faults-static"))


@pytest.fixture(scope="module")
def embedded_site(
    tmp_path_factory: pytest.TempPathFactory, smtp: SMTPServer, static_root: Path
) -> Iterator[RunningSite]:
    site = RunningSite(tmp_path_factory.mktemp("faults-sqlite"), smtp.port, static_root)
    yield site
    site.stop()


@pytest.fixture(scope="module")
def postgres() -> Iterator[PrivatePostgres]:
    server = PrivatePostgres()
    yield server
    server.destroy()


@pytest.fixture(scope="module")
def redis() -> Iterator[PrivateRedis]:
    server = PrivateRedis()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def scaled_site(
    tmp_path_factory: pytest.TempPathFactory,
    smtp: SMTPServer,
    static_root: Path,
    postgres: PrivatePostgres,
    redis: PrivateRedis,
) -> Iterator[RunningSite]:
    folder = tmp_path_factory.mktemp("faults-postgres")
    site = RunningSite(folder, smtp.port, static_root, DATABASE_URL=postgres.url(), REDIS_URL=redis.url)
    yield site
    site.stop()


def stored(site: RunningSite, sql: str) -> list[tuple]:
    if "DATABASE_URL" in site.env:
        with psycopg.connect(site.env["DATABASE_URL"]) as connection:
            return connection.execute(sql).fetchall()
    with sqlite3.connect(site.folder / "db.sqlite3", timeout=30) as connection:
        return connection.execute(sql).fetchall()


def check_nothing_lost(site: RunningSite, smtp: SMTPServer, tally: Tally) -> list[str]:
    """Every accepted write stored (and mailed) exactly once; nothing refused stored. Returns problems."""
    comments = Counter(text for (text,) in stored(site, "SELECT text FROM comments_comment"))
    subscribers = Counter(email for (email,) in stored(site, "SELECT email FROM newsletter_subscriber"))
    problems = [
        f"comment stored {comments[t]} times: {t}" for t in tally.comments_accepted if comments[t] != 1
    ]
    problems += [
        f"busy-refused comment stored anyway: {t}" for t in tally.comments_refused_busy if comments[t]
    ]
    problems += [
        f"sign-up stored {subscribers[a]} times: {a}" for a in tally.signups_accepted if subscribers[a] != 1
    ]
    problems += [f"busy-refused sign-up stored: {a}" for a in tally.signups_refused_busy if subscribers[a]]

    def mailed() -> Counter:
        with smtp.inbox.lock:
            return Counter(message["To"] for message in smtp.inbox.messages)

    with contextlib.suppress(AssertionError):  # reported below, address by address
        wait_for(lambda: all(mailed()[a] for a in tally.signups_accepted), 90, "every confirmation mail")
    time.sleep(3)  # a duplicate would come now
    problems += [
        f"confirmation mailed {mailed()[a]} times: {a}" for a in tally.signups_accepted if mailed()[a] != 1
    ]
    return problems


def run_fault(site: RunningSite, smtp: SMTPServer, fault: str, inject: Callable[[], object]) -> Tally:
    tally = Tally(fault)
    with Traffic(site.port, site.article_id, site.article_path, tally):
        time.sleep(WARM_UP)
        inject()
        time.sleep(AFTER)
    problems = check_nothing_lost(site, smtp, tally)
    print("\n" + tally.summary(lost=len(problems)))
    assert not tally.refused, f"requests went unanswered: {tally.refused[:5]}"
    assert not tally.unexpected, f"answers that are neither a page nor 'busy': {tally.unexpected[:5]}"
    assert not problems, problems[:10]
    assert tally.comments_accepted, "no comment got through after the fault"
    assert tally.signups_accepted, "no sign-up got through after the fault"
    assert site.all_running(), "a process is missing at the end"
    assert "exited with status" not in site.log(), site.log()
    return tally


def readiness(site: RunningSite) -> dict:
    try:
        with urllib.request.urlopen(f"{site.base_url}/healthz/ready", timeout=10) as response:
            return json.loads(response.read())
    except urllib.error.HTTPError as error:
        return json.loads(error.read())


def test_sqlite_write_lock_held_for_20_seconds(embedded_site: RunningSite, smtp: SMTPServer) -> None:
    seen_during: list[dict] = []

    def hold_the_write_lock() -> None:
        with sqlite3.connect(embedded_site.folder / "db.sqlite3", isolation_level=None, timeout=30) as locker:
            locker.execute("BEGIN EXCLUSIVE")
            time.sleep(10)
            seen_during.append(readiness(embedded_site))
            time.sleep(10)
            locker.execute("COMMIT")

    tally = run_fault(embedded_site, smtp, "SQLite write lock held 20 s", hold_the_write_lock)
    assert seen_during[0]["database_writable"] is False
    assert sum(tally.busy.values()), "the lock never made a write wait: the fault was not injected"
    wait_for(lambda: readiness(embedded_site)["database_writable"] is True, 30, "readiness to recover")


def test_smtp_refusing_then_back(embedded_site: RunningSite, smtp: SMTPServer) -> None:
    def smtp_away() -> None:
        smtp.stop()
        time.sleep(10)
        smtp.start()

    run_fault(embedded_site, smtp, "SMTP server refusing connections for 10 s", smtp_away)


def test_postgresql_restarted(scaled_site: RunningSite, smtp: SMTPServer, postgres: PrivatePostgres) -> None:
    def restart() -> None:
        postgres.stop()
        time.sleep(3)
        postgres.start()

    run_fault(scaled_site, smtp, "PostgreSQL restarted (3 s down)", restart)


def test_redis_stopped(scaled_site: RunningSite, smtp: SMTPServer, redis: PrivateRedis) -> None:
    def redis_away() -> None:
        redis.stop()
        time.sleep(10)
        redis.start()

    run_fault(scaled_site, smtp, "Redis stopped for 10 s", redis_away)
