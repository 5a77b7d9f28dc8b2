"""Every HTTP cache in front gets every purge."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

from core import pagecache


class RecordingCache(ThreadingHTTPServer):
    """Stands in for a Varnish instance: notes each PURGE's path and Host."""

    def __init__(self) -> None:
        self.purges: list[tuple[str, str]] = []

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(handler) -> None:
                self.purges.append((handler.path, handler.headers["Host"]))
                handler.send_response(200)
                handler.send_header("Content-Length", "0")
                handler.end_headers()

            def log_message(handler, *args: object) -> None:
                pass

        super().__init__(("127.0.0.1", 0), Handler)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


@pytest.fixture
def two_caches() -> Iterator[list[RecordingCache]]:
    caches = [RecordingCache(), RecordingCache()]
    for cache in caches:
        threading.Thread(target=cache.serve_forever, daemon=True).start()
    yield caches
    for cache in caches:
        cache.shutdown()
        cache.server_close()


def test_several_addresses_configure_one_purge_target_each(tmp_path):
    show = "import json, django; django.setup(); from django.conf import settings as s; "
    show += "print(json.dumps(s.WAGTAILFRONTENDCACHE))"
    env = os.environ | {
        "DJANGO_SETTINGS_MODULE": "broadsheet.settings",
        "BROADSHEET_VAR_DIR": str(tmp_path),
        "FRONTEND_CACHE_URL": "http://10.0.0.5:6081, http://10.0.0.6:6081,",
    }
    done = subprocess.run(
        [sys.executable, "-c", show], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    assert done.returncode == 0, done.stderr
    backends = json.loads(done.stdout)
    assert sorted(backend["LOCATION"] for backend in backends.values()) == [
        "http://10.0.0.5:6081",
        "http://10.0.0.6:6081",
    ]


def test_an_invalidation_purges_every_cache_in_front(two_caches, settings):
    settings.SITE_URL = "https://news.example.org"
    settings.WAGTAILFRONTENDCACHE = {
        f"front{number}": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": c.url,
        }
        for number, c in enumerate(two_caches, start=1)
    }
    pagecache.invalidate(["/politics/", "https://news.example.org/politics/harbour-vote/"])
    expected = [("/politics/", "news.example.org"), ("/politics/harbour-vote/", "news.example.org")]
    for cache in two_caches:
        assert sorted(cache.purges) == expected


def test_an_unreachable_cache_does_not_keep_the_others_from_their_purge(two_caches, settings, caplog):
    dead = RecordingCache()
    dead_url = dead.url
    dead.server_close()  # nothing listens there any more
    settings.WAGTAILFRONTENDCACHE = {
        name: {"BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend", "LOCATION": url}
        for name, url in (("front1", dead_url), ("front2", two_caches[0].url))
    }
    pagecache.invalidate(["/sport/"])
    assert [path for path, _host in two_caches[0].purges] == ["/sport/"]
    assert "Couldn't purge" in caplog.text
