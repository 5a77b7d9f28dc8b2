"""Test settings: the real settings, with background tasks run inline and a private cache.

Tests that need a real worker or the shared on-disk cache set them up on purpose.
"""

from broadsheet.settings import *  # noqa: F403

TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
if not REDIS_URL:  # noqa: F405  with REDIS_URL (as in CI) the suite runs on the real Redis cache
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests"},
        "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "renditions"},
    }
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = str(VAR_DIR / "test-media")  # noqa: F405
# pytest-django sends mail to django.core.mail.outbox (locmem); so does the relay, unless a test
# points it at a real SMTP server (the ``smtp`` fixture).
MAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
