"""JSON API cost per request, run by hand (not in tests): in-process, on the demo newsroom.

For each endpoint, the median time and SQL query count of a page-cache miss (the path's version
token retired before each request) and of a hit, next to the article page's miss in the same
run as the baseline. Uses a data folder with the demo loaded and static files collected (built
when missing: minutes). ``--smoke``: a throwaway one-article site, two requests per figure.

    .venv/bin/python bench/api_bench.py [--data-dir /tmp/broadsheet-api-bench] [--requests 30] [--smoke]
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench import support  # noqa: E402

if TYPE_CHECKING:
    from django.test import Client


def _prepare_smoke(data_dir: Path) -> None:
    """A one-article site without collected static files (plain static URLs render pages)."""
    env = support.site_env(data_dir)
    support.one_article_site(env)
    support.configure_django(env)
    support.plain_static_files()


def _prepare(data_dir: Path) -> None:
    os.environ["BROADSHEET_VAR_DIR"] = str(data_dir)
    os.environ["STATIC_ROOT"] = str(data_dir / "static")
    steps = []
    if not (data_dir / "db.sqlite3").exists():
        steps += [["migrate", "--noinput", "-v0"], ["load_demo"]]
    if not (data_dir / "static").exists():
        steps.append(["collectstatic", "--noinput", "-v0"])
    data_dir.mkdir(parents=True, exist_ok=True)
    for command in steps:
        subprocess.run([sys.executable, str(ROOT / "manage.py"), *command], check=True, cwd=ROOT)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
    import django

    django.setup()


def _measure(client: Client, url: str, requests: int, *, miss: bool) -> tuple[float, int]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from core import pagecache

    client.get(url)  # renditions and shared caches warm, as in production
    times, queries = [], 0
    for _ in range(requests):
        if miss:
            pagecache.invalidate([url.split("?")[0]])
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, url
        assert response["X-Page-Cache"] == ("miss" if miss else "hit"), url
        queries = len(captured)
    return statistics.median(times), queries


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, default=Path(tempfile.gettempdir()) / "broadsheet-api-bench")
    parser.add_argument("--requests", type=int, default=30)
    support.add_smoke_flag(parser)
    args = parser.parse_args()
    if args.smoke:
        args.requests = 2
        folder = tempfile.mkdtemp(prefix="broadsheet-api-smoke-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        _prepare_smoke(Path(folder))
    else:
        _prepare(args.data_dir)

    from django.test import Client

    from news.models import ArticlePage

    article = ArticlePage.objects.live().order_by("-published_at").first()
    urls = {
        "article page (baseline)": article.url,
        "/api/v2/articles/?limit=20": "/api/v2/articles/?limit=20",
        "/api/v2/articles/?limit=100": "/api/v2/articles/?limit=100",
        "/api/v2/articles/<id>/": f"/api/v2/articles/{article.pk}/",
        "/api/v2/sections/": "/api/v2/sections/",
        "/api/v2/tags/": "/api/v2/tags/",
        "/api/v2/authors/": "/api/v2/authors/",
        "/api/v2/images/?limit=100": "/api/v2/images/?limit=100",
    }
    client = Client(HTTP_HOST="127.0.0.1")
    rows = {
        name: (
            *_measure(client, url, args.requests, miss=True),
            _measure(client, url, args.requests, miss=False)[0],
        )
        for name, url in urls.items()
    }
    baseline = rows["article page (baseline)"][0]
    print(f"{'endpoint':32} {'miss p50 ms':>12} {'queries':>8} {'vs baseline':>12} {'hit p50 ms':>11}")
    for name, (miss, queries, hit) in rows.items():
        print(f"{name:32} {miss:12.2f} {queries:8d} {miss / baseline:11.2f}x {hit:11.2f}")


if __name__ == "__main__":
    main()
