"""Profile the uncached article path in-process (run by hand, not in tests).

    .venv/bin/python bench/profile_article.py [--requests 200] [--top 25] [--path /politics/…/]

Uses the site the environment points at (the embedded demo after `make setup`, or
DATABASE_URL / REDIS_URL in the production profile) and Django's test client, so only Django
and the app are measured, not the HTTP server. Each request carries a fresh query string, so
the page cache misses and the page is rendered. Prints the mean time per render with stored
fragments (core.fragments) and, as the baseline in the same run, with fragments turned off
(every region and the article body rendered, every query run), then the standard library
profiler's top functions (cumulative time) for the path with fragments.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "broadsheet.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.test import Client  # noqa: E402

from news.api import published_articles  # noqa: E402


def mean_ms(client: Client, path: str, requests: int) -> float:
    run = secrets.token_hex(4)
    for warm in range(3):
        client.get(path, {f"warm{run}": warm})
    started = time.perf_counter()
    for number in range(requests):
        response = client.get(path, {f"profile{run}": number})
        if response.status_code != 200 or response.get("X-Page-Cache") != "miss":
            raise SystemExit(f"{path} answered {response.status_code} {response.get('X-Page-Cache')}")
    return (time.perf_counter() - started) / requests * 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--path", help="an article's path (default: the newest article)")
    args = parser.parse_args()
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
