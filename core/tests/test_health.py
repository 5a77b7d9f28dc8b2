import time
from datetime import timedelta
from typing import NoReturn

import pytest
from django.db import DatabaseError
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_health_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_health_is_503_without_the_database(client, monkeypatch):
    def broken(*args: object, **kwargs: object) -> NoReturn:
        raise DatabaseError("connection refused")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["database"] == "unavailable"


def test_readiness_is_hidden_from_the_public(client, settings):
    settings.READINESS_TOKEN = ""
    assert client.get("/healthz/ready", REMOTE_ADDR="203.0.113.9").status_code == 404
    # Through a reverse proxy on this machine: the proxy's hop does not make it local.
    assert client.get("/healthz/ready", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404
    settings.READINESS_TOKEN = "monitoring-secret"
    assert client.get("/healthz/ready").status_code == 404
    assert client.get("/healthz/ready", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404


def test_readiness_reports_writes_queue_heartbeat_and_mail_backlog(client, settings):
    from django.core.cache import cache
    from django_tasks_db.models import DBTaskResult

    from core.health import WORKER_LAST_BEAT
    from newsletter.models import OutboxMessage

    settings.READINESS_TOKEN = "monitoring-secret"
    token = {"HTTP_AUTHORIZATION": "Bearer monitoring-secret"}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    OutboxMessage.objects.create(kind="test", to_email="a@example.org", subject="s", text="t")

    silent = client.get("/healthz/ready", **token)
    assert silent.status_code == 503
    assert silent.json()["problems"] == ["no worker has sent a heartbeat recently"]
    assert silent.json()["backlog"] == {"mail_waiting": 1}
    assert silent.json()["database_writable"] is True

    cache.set(WORKER_LAST_BEAT, time.time())
    fine = client.get("/healthz/ready", **token)
    assert fine.status_code == 200
    assert fine.json()["status"] == "ok"
    assert fine.json()["oldest_queued_task_seconds"] == 0.0

    from core.tasks import purge_pages

    purge_pages.using(backend="default").enqueue(["/"])
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(minutes=10))
    late = client.get("/healthz/ready", **token)
    assert late.status_code == 503
    assert late.json()["problems"] == ["the oldest queued task has waited 600 s"]


def test_readiness_reports_a_locked_database_without_waiting_for_it(client, settings, monkeypatch):
    from core import health

    settings.READINESS_TOKEN = ""
    monkeypatch.setattr(health, "database_writable", lambda: False)
    response = client.get("/healthz/ready", REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 503
    assert "the database does not take writes" in response.json()["problems"]
