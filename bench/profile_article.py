"""Profile the uncached article path in-process (run by hand, not in tests).

    .venv/bin/python bench/profile_article.py [--requests 200] [--top 25] [--path /politics/…/] [--smoke]

Uses the site the environment points at (the embedded demo after `make setup`, or
DATABASE_URL / REDIS_URL in the production profile) and Django's test client, so only Django
and the app are measured, not the HTTP server. Before each request the path's page-cache
version is retired (``core.pagecache.invalidate``), so the page is rendered. Prints the mean
time per render with stored fragments (core.fragments) and, as the baseline in the same run,
with fragments turned off (every region and the article body rendered, every query run), then
the standard library profiler's top functions (cumulative time) for the path with fragments.
``--smoke``: a throwaway one-article site, two requests.
"""

from __future__ import annotations

import argparse
import atexit
import cProfile
import os
import pstats
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import support

if TYPE_CHECKING:
    from django.test import Client


def mean_ms(client: Client, path: str, requests: int) -> float:
    """Mean time of an uncached render: the path's page-cache version is retired before each
    request (a query string would not miss: undeclared parameters are not in the cache key)."""
    from core import pagecache

    for _ in range(3):
        client.get(path)
    elapsed = 0.0
    for _ in range(requests):
        pagecache.invalidate([path])
        started = time.perf_counter()
        response = client.get(path)
        elapsed += time.perf_counter() - started
        if response.status_code != 200 or response.get("X-Page-Cache") != "miss":
            raise SystemExit(f"{path} answered {response.status_code} {response.get('X-Page-Cache')}")
    return elapsed / requests * 1000


def configure(smoke: bool) -> None:
    """The site the environment points at, or in smoke mode a throwaway one-article site."""
    if not smoke:
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")
        import django

        django.setup()
        return
    folder = tempfile.mkdtemp(prefix="broadsheet-profile-smoke-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    env = support.site_env(folder)
    support.one_article_site(env)
    support.configure_django(env)
    support.plain_static_files()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--path", help="an article's path (default: the newest article)")
    support.add_smoke_flag(parser)
    args = parser.parse_args()
    if args.smoke:
        args.requests, args.top = 2, 5
    configure(args.smoke)
    from django.conf import settings
    from django.test import Client

    from news.api import published_articles

    article = published_articles().first()
    if args.path is None and article is None:
        raise SystemExit("No published article: run `make setup` (demo content) first.")
    path = args.path or article.url
    client = Client()

    with_fragments = mean_ms(client, path, args.requests)
    stored_seconds = settings.FRAGMENT_CACHE_SECONDS
    settings.FRAGMENT_CACHE_SECONDS = 0
    without_fragments = mean_ms(client, path, args.requests)
    settings.FRAGMENT_CACHE_SECONDS = stored_seconds
    print(f"{path}: uncached render (page-cache miss), mean of {args.requests}")
    print(f"  with stored fragments        {with_fragments:8.2f} ms")
    print(f"  fragments off (baseline)     {without_fragments:8.2f} ms")
    print(f"  ratio                        {with_fragments / without_fragments:8.3f}x")

    profiler = cProfile.Profile()
    profiler.enable()
    mean_ms(client, path, args.requests)
    profiler.disable()
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.top)


if __name__ == "__main__":
    main()
