"""Test settings: the real settings, with background tasks run inline and a private cache.

Tests that need a real worker or the shared on-disk cache set them up on purpose.
Under pytest-xdist (``make test``) each worker process gets its own uploads folder and its own
Redis database, as pytest-django gives it its own test database: a worker clearing its cache
or comparing the uploads folder must not see another worker's tests.
"""

import os
import re

from django.core.exceptions import ImproperlyConfigured

from broadsheet.settings import *  # noqa: F403

# "gw0", "gw1", ... in a pytest-xdist worker; absent in a plain pytest run.
XDIST_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
WORKER_NUMBER = int(XDIST_WORKER.removeprefix("gw") or 0)


def redis_url_of_worker(url: str, worker: int) -> str:
    """Worker ``worker``'s database: the one ``url`` names plus ``worker`` (clear() empties a database)."""
    found = re.fullmatch(r"(redis://[^/]+)(?:/(\d+))?", url)
    if not found:
        raise ImproperlyConfigured(f"REDIS_URL={url!r}: the tests need redis://host:port/<database number>.")
    database = int(found.group(2) or 0) + worker
    if database > 15:
        raise ImproperlyConfigured(
            f"REDIS_URL={url!r}: test worker {worker} would need Redis database {database}; "
            "name a lower database number or run fewer workers (-n)."
        )
    return f"{found.group(1)}/{database}"


TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if not REDIS_URL:  # noqa: F405  with REDIS_URL (as in CI) the suite runs on the real Redis cache
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
    }
elif WORKER_NUMBER:
    for cache in CACHES.values():
        cache["LOCATION"] = redis_url_of_worker(REDIS_URL, WORKER_NUMBER)  # noqa: F405
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = str(VAR_DIR / "test-media" / XDIST_WORKER)  # noqa: F405
# pytest-django sends mail to django.core.mail.outbox (locmem); so does the relay, unless a test
# points it at a real SMTP server (the ``smtp`` fixture).
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
