"""Distinct readers posting at once to a real Granian server: every accepted comment is stored, once.

The server gets its own fresh database: an SQLite file (embedded mode) or, when the suite
runs on PostgreSQL, a scratch database on the same server, dropped afterwards. The full
200-reader run is ``bench/comments_concurrency.py``.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings

from bench.comments_concurrency import (
    fresh_postgres_database,
    granian,
    prepare_site,
    server_env,
    stored_figures,
)
from bench.concurrent_posting import post_all_at_once

pytestmark = pytest.mark.slow

READERS = 60


@pytest.fixture
def database_url() -> Iterator[str | None]:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        yield None
        return
    server = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}"
    with fresh_postgres_database(f"{server}/{db['NAME']}_comments_concurrency") as url:
        yield url


def test_concurrent_distinct_readers_lose_nothing(tmp_path, database_url):
    env = server_env(str(tmp_path))
    env.pop("DATABASE_URL", None)
    if database_url:
        # Each Granian thread may hold a connection: stay under PostgreSQL's max_connections.
        env |= {"DATABASE_URL": database_url, "GRANIAN_BLOCKING_THREADS": "16"}
    article_id, _ = prepare_site(env)
    with granian(env, 2) as base_url:
        tally = post_all_at_once(base_url, article_id, READERS)
    stored, duplicates, same_rows = stored_figures(env, article_id, tally)
    assert tally.sent == READERS
    assert tally.accepted == READERS, tally.refused
    assert (stored, duplicates, same_rows) == (READERS, 0, True)
