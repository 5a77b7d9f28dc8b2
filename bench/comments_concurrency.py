"""200 distinct readers post a comment to one article at the same moment.

Runs a real Granian server (as ``manage.py runsite`` does) on a fresh data directory and
prints sent / accepted / refused (with reasons) / stored; stored must equal accepted, with
no duplicates. SQLite (embedded) by default; PostgreSQL with DATABASE_URL naming a
database this script drops, creates afresh and drops again at the end, e.g.

    .venv/bin/python bench/comments_concurrency.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/wt_comments_bench \\
        .venv/bin/python bench/comments_concurrency.py --blocking-threads 32
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support
from bench.concurrent_posting import Tally, post_all_at_once

COUNT = """
from django.db.models import Count
from comments.models import Comment
rows = Comment.objects.filter(article_id={article})
dupes = rows.values("email", "text").annotate(n=Count("pk")).filter(n__gt=1).count()
print(rows.count(), dupes, sorted(rows.values_list("pk", flat=True)) == sorted({ids}))
"""


# Shared with comments/tests/test_concurrency.py, which runs this bench's scenario small.
server_env = support.site_env
prepare_site = support.one_article_site


@contextmanager
def granian(env: dict[str, str], workers: int) -> Iterator[str]:
    """The site in ``env`` under Granian, ready once it answers the comment form's start URL."""
    with support.granian(env, workers, "/comments/start/") as base_url:
        yield base_url


@contextmanager
def fresh_postgres_database(url: str) -> Iterator[str]:
    """Create the database named in ``url`` afresh (dropping any old one); drop it afterwards."""
    import psycopg

    server, name = url.rsplit("/", 1)

    def drop() -> None:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    drop()
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url
    finally:
        drop()


def stored_figures(env: dict[str, str], article_id: int, tally: Tally) -> tuple[int, int, bool]:
    stored, duplicates, same_rows = support.manage(
        env, "shell", "-c", COUNT.format(article=article_id, ids=tally.accepted_ids)
    ).split()
    return int(stored), int(duplicates), same_rows == "True"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--blocking-threads",
        type=int,
        help="Granian threads per worker (WEB_THREADS); each may hold a database connection",
    )
    support.add_smoke_flag(parser)
    options = parser.parse_args()
    if options.smoke:
        options.readers, options.workers = 5, 1
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    database = "PostgreSQL" if postgres else "SQLite (embedded)"
    with ExitStack() as stack:
        data_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="broadsheet-bench-"))
        threads = {"WEB_THREADS": str(options.blocking_threads)} if options.blocking_threads else {}
        env = server_env(data_dir, **threads)
        if postgres:
            stack.enter_context(fresh_postgres_database(env["DATABASE_URL"]))
        article_id, _ = prepare_site(env)
        support.configure_django(env)
        with granian(env, options.workers) as base_url:
            started = time.perf_counter()
            tally = post_all_at_once(base_url, article_id, options.readers)
            seconds = time.perf_counter() - started
        stored, duplicates, same_rows = stored_figures(env, article_id, tally)
    from django.conf import settings

    per_worker = settings.WEB_THREADS
    refused = sum(tally.refused.values())
    print(f"database: {database}, web workers: {options.workers} x {per_worker} threads, {seconds:.1f} s")
    print(f"sent {tally.sent}, accepted {tally.accepted}, refused {refused}, stored {stored}")
    for reason, count in tally.refused.most_common():
        print(f"  refused {count}: {reason}")
    print(f"duplicates stored: {duplicates}; stored rows are exactly the accepted ones: {same_rows}")
    sys.exit(0 if stored == tally.accepted and not duplicates and same_rows else 1)


if __name__ == "__main__":
    main()
