"""Distinct readers posting at once to a real Granian server: every accepted comment is stored, once.

The database is a fresh SQLite file (embedded mode), or, when the suite runs on PostgreSQL,
the test database itself. The full 200-reader run is ``bench/comments_concurrency.py``.
"""

from __future__ import annotations

import pytest
from django.db import connection

from bench.comments_concurrency import granian, prepare_site, server_env, stored_figures
from comments.concurrency import post_all_at_once

READERS = 60


@pytest.mark.django_db(transaction=True)
def test_concurrent_distinct_readers_lose_nothing(tmp_path, make_article):
    if connection.vendor == "postgresql":
        db = connection.settings_dict
        url = f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"
        env = server_env(str(tmp_path), DATABASE_URL=url, GRANIAN_BLOCKING_THREADS="16")
        article = make_article()
        article_id = article.pk
    else:
        env = server_env(str(tmp_path))
        env.pop("DATABASE_URL", None)
        article_id, _ = prepare_site(env)
    with granian(env, 2) as base_url:
        tally = post_all_at_once(base_url, article_id, READERS)
    stored, duplicates, same_rows = stored_figures(env, article_id, tally)
    assert tally.sent == READERS
    assert tally.accepted == READERS, tally.refused
    assert (stored, duplicates, same_rows) == (READERS, 0, True)
