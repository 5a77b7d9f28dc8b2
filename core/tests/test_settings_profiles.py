"""Settings profiles are loaded for real, in a fresh interpreter, from the environment."""

from __future__ import annotations

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s; "
    "print(json.dumps({k: getattr(s, k, None) for k in ("
    "'DEBUG','SECURE_SSL_REDIRECT','SECURE_HSTS_SECONDS','SESSION_COOKIE_SECURE','CSRF_COOKIE_SECURE',"
    "'ALLOWED_HOSTS','SESSION_COOKIE_HTTPONLY')} | {'engine': s.DATABASES['default']['ENGINE'],"
    "'journal': s.DATABASES['default'].get('OPTIONS', {}).get('init_command', ''),"
    "'cache': s.CACHES['default']['BACKEND'],"
    "'upgrade': 'upgrade-insecure-requests' in s.CONTENT_SECURITY_POLICY}))"
)


def load(tmp_path: Path, **env: str) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}}
    base.update(DJANGO_SETTINGS_MODULE="broadsheet.settings", BROADSHEET_VAR_DIR=str(tmp_path), **env)
    return subprocess.run(
        [sys.executable, "-c", SHOW], env=base, capture_output=True, text=True, cwd=settings.BASE_DIR
    )


def test_embedded_profile_is_safe_by_default(tmp_path):
    done = load(tmp_path)
    assert done.returncode == 0, done.stderr
    values = json.loads(done.stdout)
    assert values["DEBUG"] is False
    assert values["engine"] == "django.db.backends.sqlite3"
    assert "journal_mode=WAL" in values["journal"]
    assert values["cache"] == "diskcache.DjangoCache"
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    key = (tmp_path / "secret_key").read_text()
    assert load(tmp_path).returncode == 0
    assert (tmp_path / "secret_key").read_text() == key


def test_processes_starting_together_on_a_fresh_checkout_agree_on_the_generated_key(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY"}}
    env.update(BROADSHEET_VAR_DIR=str(tmp_path))
    show_key = "import broadsheet.settings as s; print(s.SECRET_KEY)"
    starts = [
        subprocess.Popen(
            [sys.executable, "-c", show_key],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
            cwd=settings.BASE_DIR,
        )
        for _ in range(4)
    ]
    keys = {start.communicate()[0].strip() for start in starts}
    assert keys == {(tmp_path / "secret_key").read_text().strip()}
    assert sorted(path.name for path in tmp_path.iterdir()) == ["secret_key"]


def test_production_profile_refuses_to_start_without_its_settings(tmp_path):
    done = load(tmp_path, BROADSHEET_PROFILE="production", SECRET_KEY="x" * 50)
    assert done.returncode != 0
    assert "ALLOWED_HOSTS must be set when BROADSHEET_PROFILE=production" in done.stderr


PRODUCTION = {
    "BROADSHEET_PROFILE": "production",
    "ALLOWED_HOSTS": "news.example.org",
    "DATABASE_URL": "postgres://u@127.0.0.1:5432/news",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def test_production_profile_assumes_tls(tmp_path):
    done = load(tmp_path, SECRET_KEY="x" * 50, **PRODUCTION)
    assert done.returncode == 0, done.stderr
    values = json.loads(done.stdout)
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["CSRF_COOKIE_SECURE"] is True
    assert values["ALLOWED_HOSTS"] == ["news.example.org"]
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["cache"] == "core.cache.ResilientRedisCache"


def test_unknown_profile_is_one_readable_line(tmp_path):
    done = load(tmp_path, BROADSHEET_PROFILE="staging")
    assert done.returncode != 0
    assert "BROADSHEET_PROFILE='staging' is unknown" in done.stderr


def test_production_profile_passes_the_deployment_checklist(tmp_path):
    """`check --deploy` connects to nothing, so the production services need not exist here."""
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE for Playwright; a deployment never has it.
    dropped = {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in dropped}
    env.update(
        PRODUCTION,
        DJANGO_SETTINGS_MODULE="broadsheet.settings",
        BROADSHEET_VAR_DIR=str(tmp_path),
        SECRET_KEY=secrets.token_urlsafe(50),
    )
    done = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=env, capture_output=True, text=True, cwd=settings.BASE_DIR,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "no issues" in done.stdout
    shown = load(tmp_path, SECRET_KEY="x" * 50, **PRODUCTION)
    values = json.loads(shown.stdout)
    assert values["SESSION_COOKIE_HTTPONLY"] is True
    assert values["SECURE_HSTS_SECONDS"] >= 31536000
    assert values["upgrade"] is True


SITE_URL_OF = (
    "import django; django.setup(); from django.conf import settings as s; "
    "print(s.SITE_URL, s.WAGTAILADMIN_BASE_URL)"
)


def site_url(tmp_path: Path, **env: str) -> str:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "REDIS_URL", "SITE_URL", "HOST", "PORT"}
    }
    base.update(DJANGO_SETTINGS_MODULE="broadsheet.settings", BROADSHEET_VAR_DIR=str(tmp_path), **env)
    done = subprocess.run(
        [sys.executable, "-c", SITE_URL_OF], env=base, capture_output=True, text=True, cwd=settings.BASE_DIR
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()[0]


def test_embedded_site_url_follows_host_and_port_unless_set(tmp_path):
    assert site_url(tmp_path) == "http://127.0.0.1:8000"
    assert site_url(tmp_path, PORT="8802") == "http://127.0.0.1:8802"
    assert site_url(tmp_path, HOST="localhost", PORT="8802") == "http://localhost:8802"
    assert site_url(tmp_path, HOST="::1", PORT="8802") == "http://[::1]:8802"
    assert site_url(tmp_path, HOST="0.0.0.0", PORT="8802") == "http://127.0.0.1:8802"  # noqa: S104
    assert site_url(tmp_path, PORT="8802", SITE_URL="https://news.example.org") == "https://news.example.org"
    production = PRODUCTION | {"SECRET_KEY": "x" * 50, "PORT": "8802"}
    assert site_url(tmp_path, **production) == "https://example.com"


def test_ensure_admin_prints_the_admin_at_the_port_served(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SITE_URL", "HOST"}}
    env.update(DJANGO_SETTINGS_MODULE="broadsheet.settings", BROADSHEET_VAR_DIR=str(tmp_path), PORT="8802")
    manage = [sys.executable, "manage.py"]
    for command in (["migrate", "-v0"], ["ensure_admin"]):
        done = subprocess.run(
            [*manage, *command], env=env, capture_output=True, text=True, cwd=settings.BASE_DIR
        )
        assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Admin: http://127.0.0.1:8802/admin/")
