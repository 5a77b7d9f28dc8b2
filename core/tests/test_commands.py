"""Operator commands: the admin account and the shared cache's atomic counters."""

from __future__ import annotations

import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_the_account_and_prints_how_to_sign_in(capsys, monkeypatch, tmp_path, settings):
    settings.VAR_DIR = tmp_path
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.delenv("ADMIN_USERNAME", raising=False)
    call_command("ensure_admin")
    printed = capsys.readouterr().out
    password = printed.split("password: ")[1].strip()
    username = printed.split("user: ")[1].split()[0]
    assert username != "admin"
    assert username.startswith("editor-")
    user = get_user_model().objects.get(username=username)
    assert user.is_superuser
    assert user.check_password(password)
    call_command("ensure_admin")
    again = capsys.readouterr().out
    assert password in again
    assert f"user: {username} " in again
    assert get_user_model().objects.filter(is_superuser=True).count() == 1


def test_ensure_admin_takes_credentials_from_the_environment(capsys, monkeypatch):
    monkeypatch.setenv("ADMIN_USERNAME", "chief")
    monkeypatch.setenv("ADMIN_PASSWORD", "a-long-chosen-password")
    call_command("ensure_admin")
    assert get_user_model().objects.get(username="chief").check_password("a-long-chosen-password")


INCREMENT = """
import django, os
django.setup()
from django.core.cache import cache
cache.add("views", 0, timeout=None)
for _ in range(300):
    cache.incr("views")
"""


@pytest.mark.slow
def test_the_embedded_cache_counts_atomically_across_processes(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "broadsheet.settings", "BROADSHEET_VAR_DIR": str(tmp_path), "PATH": ""}
    workers = [
        subprocess.Popen([sys.executable, "-c", INCREMENT], env=env, cwd=settings.BASE_DIR) for _ in range(4)
    ]
    assert [worker.wait(timeout=120) for worker in workers] == [0, 0, 0, 0]
    read = "import django; django.setup(); from django.core.cache import cache; print(cache.get('views'))"
    total = subprocess.run(
        [sys.executable, "-c", read], env=env, cwd=settings.BASE_DIR, capture_output=True, text=True
    ).stdout.strip()
    assert total == "1200"
