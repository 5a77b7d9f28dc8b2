"""What the benches share: the tiny-size mode and a throwaway one-article site.

Every bench takes ``--smoke``: tiny sizes, a few seconds, to show that the script still runs
(``tests/test_bench_smoke.py`` runs each one so). Its figures mean nothing. Parts that need
what a developer's machine may lack (the production stack, the shared evaluation corpus, the
model package) are skipped in that mode with a line saying so.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.request
from argparse import ArgumentParser
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Set by the smoke test: a database migrated once, copied by each bench instead of migrating
# again (a migration costs most of a smoke run's time; the suite tests the migrations).
MIGRATED_DATABASE = "BENCH_MIGRATED_DATABASE"

# A one-article site, made through the real models (faster than the demo newsroom).
ONE_ARTICLE = """
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


def add_smoke_flag(parser: ArgumentParser) -> None:
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="tiny sizes, seconds: shows the script runs; figures mean nothing",
    )


def skipped(part: str, why: str) -> None:
    print(f"smoke mode: {part} skipped ({why})", flush=True)


def site_env(data_dir: str | Path, **overrides: str) -> dict[str, str]:
    """The environment of a throwaway embedded site in ``data_dir``."""
    return (
        os.environ
        | {
            "BROADSHEET_VAR_DIR": str(data_dir),
            "TRUSTED_PROXIES": "127.0.0.1",
            "DJANGO_SETTINGS_MODULE": "broadsheet.settings",
            "LOG_LEVEL": "ERROR",
        }
        | overrides
    )


def manage(env: dict[str, str], *args: str) -> str:
    """Run ``manage.py`` with ``env``; its last line of output, or exit with its last error line."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args], env=env, cwd=ROOT, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"manage.py {args[0]} failed: {done.stderr.strip().splitlines()[-1]}")
    lines = done.stdout.strip().splitlines()
    return lines[-1] if lines else ""


def copy_migrated_database(database_file: str | Path) -> bool:
    """Put the smoke test's migrated SQLite database at ``database_file``; False when there is
    none (the bench then migrates itself)."""
    migrated = os.environ.get(MIGRATED_DATABASE)
    if not migrated:
        return False
    Path(database_file).parent.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(migrated) as source, sqlite3.connect(database_file) as copy:
        source.backup(copy)  # consistent even if the source still has a write-ahead log
    return True


def migrate(env: dict[str, str]) -> None:
    """Migrate the site in ``env`` (embedded SQLite unless ``DATABASE_URL`` says otherwise)."""
    embedded = Path(env["BROADSHEET_VAR_DIR"]) / "db.sqlite3"
    if env.get("DATABASE_URL") or not copy_migrated_database(embedded):
        manage(env, "migrate", "--noinput")


def one_article_site(env: dict[str, str]) -> tuple[int, str]:
    """Migrate the site in ``env`` and add one published article; return its id and path."""
    migrate(env)
    article_id, article_url = manage(env, "shell", "-c", ONE_ARTICLE).split()
    return int(article_id), article_url


def configure_django(env: dict[str, str]) -> None:
    """Configure this process as the site in ``env`` is (settings read the environment)."""
    import django

    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    django.setup()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def granian(env: dict[str, str], workers: int, ready_path: str) -> Iterator[str]:
    """The site in ``env`` served as ``manage.py runsite`` serves it; yields its base URL.

    This process must be configured first (:func:`configure_django`): the command line comes
    from ``runsite`` and reads the settings."""
    from core.management.commands.runsite import web_command

    port = free_port()
    server = subprocess.Popen(web_command("127.0.0.1", port, workers), env=env, cwd=ROOT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base_url + ready_path, timeout=2)  # noqa: S310 (local server)
                break
            except OSError:
                time.sleep(0.5)
        else:
            raise RuntimeError(f"the server at {base_url} did not start")
        yield base_url
    finally:
        server.terminate()
        server.wait(timeout=30)


def plain_static_files() -> None:
    """Let this configured process render pages without ``collectstatic``: a throwaway data
    folder has no manifest, and plain static URLs are enough to render a page."""
    from django.conf import settings
    from django.test.utils import override_settings

    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}).enable()
