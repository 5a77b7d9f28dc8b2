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
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from bench.concurrent_posting import Tally, post_all_at_once  # noqa: E402

# A one-article site, made through the real models (faster than the demo newsroom).
SETUP = """
from django.utils import timezone
from wagtail.models import Page, Site
from news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage
home = Page.get_first_root_node().add_child(instance=HomePage(title="Bench Gazette", slug="bench"))
home.save_revision().publish()
site = Site.objects.get(is_default_site=True)
site.root_page = home
site.save()
section = home.add_child(instance=SectionPage(title="News", slug="news"))
section.save_revision().publish()
author = Author.objects.create(name="Bench Writer", slug="bench-writer")
article = ArticlePage(title="A story to comment on", slug="story", standfirst="Readers reply to this.",
    published_at=timezone.now(), body=[{"type": "paragraph", "value": "<p>The story.</p>"}])
article.author_links = [ArticleAuthor(author=author, sort_order=0)]
section.add_child(instance=article)
article.save_revision().publish()
print(article.pk, ArticlePage.objects.get(pk=article.pk).url)
"""
COUNT = """
from django.db.models import Count
from comments.models import Comment
rows = Comment.objects.filter(article_id={article})
dupes = rows.values("email", "text").annotate(n=Count("pk")).filter(n__gt=1).count()
print(rows.count(), dupes, sorted(rows.values_list("pk", flat=True)) == sorted({ids}))
"""


def manage(env: dict[str, str], *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(BASE / "manage.py"), *args], env=env, cwd=BASE, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"manage.py {args[0]} failed: {done.stderr.strip().splitlines()[-1]}")
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def server_env(data_dir: str, **overrides: str) -> dict[str, str]:
    return (
        os.environ
        | {
            "BROADSHEET_VAR_DIR": data_dir,
            "TRUSTED_PROXIES": "127.0.0.1",
            "DJANGO_SETTINGS_MODULE": "broadsheet.settings",
            "LOG_LEVEL": "ERROR",
        }
        | overrides
    )


def prepare_site(env: dict[str, str]) -> tuple[int, str]:
    """Migrate a fresh database and add one article; return its id and path."""
    manage(env, "migrate", "--noinput")
    article_id, article_url = manage(env, "shell", "-c", SETUP).split()
    return int(article_id), article_url


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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def granian(env: dict[str, str], workers: int) -> Iterator[str]:
    from core.management.commands.runsite import web_command

    port = _free_port()
    server = subprocess.Popen(web_command("127.0.0.1", port, workers), env=env, cwd=BASE)
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base_url + "/comments/start/", timeout=2)  # noqa: S310 (local server)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"the server at {base_url} did not start")
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def stored_figures(env: dict[str, str], article_id: int, tally: Tally) -> tuple[int, int, bool]:
    stored, duplicates, same_rows = manage(
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
        help="Granian threads per worker (GRANIAN_BLOCKING_THREADS); each may hold a database connection",
    )
    options = parser.parse_args()
    postgres = os.environ.get("DATABASE_URL", "").startswith("postgres")
    database = "PostgreSQL" if postgres else "SQLite (embedded)"
    with ExitStack() as stack:
        data_dir = stack.enter_context(tempfile.TemporaryDirectory(prefix="broadsheet-bench-"))
        threads = (
            {"GRANIAN_BLOCKING_THREADS": str(options.blocking_threads)} if options.blocking_threads else {}
        )
        env = server_env(data_dir, **threads)
        if postgres:
            stack.enter_context(fresh_postgres_database(env["DATABASE_URL"]))
        article_id, _ = prepare_site(env)
        with granian(env, options.workers) as base_url:
            started = time.perf_counter()
            tally = post_all_at_once(base_url, article_id, options.readers)
            seconds = time.perf_counter() - started
        stored, duplicates, same_rows = stored_figures(env, article_id, tally)
    per_worker = options.blocking_threads or "Granian's default"
    refused = sum(tally.refused.values())
    print(f"database: {database}, web workers: {options.workers} x {per_worker} threads, {seconds:.1f} s")
    print(f"sent {tally.sent}, accepted {tally.accepted}, refused {refused}, stored {stored}")
    for reason, count in tally.refused.most_common():
        print(f"  refused {count}: {reason}")
    print(f"duplicates stored: {duplicates}; stored rows are exactly the accepted ones: {same_rows}")
    sys.exit(0 if stored == tally.accepted and not duplicates and same_rows else 1)


if __name__ == "__main__":
    main()
