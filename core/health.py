"""Health endpoints.

``GET /healthz`` (liveness): can this app process serve? For load balancers and Varnish
probes; a cache outage only degrades it.

``GET /healthz/ready`` (readiness, for monitoring): can the site take writes and is its
background work keeping up? Database writability, the age of the oldest task waiting in
the queue, the worker's last heartbeat and each app's backlog (apps register one with
:func:`backlog`). It answers only to ``Authorization: Bearer $READINESS_TOKEN``, or,
without a token configured, to a request from this machine that no proxy forwarded;
anyone else gets a 404 (ADR 0015).
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import Http404, HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

WORKER_LAST_BEAT = "worker:last-beat"

_backlogs: dict[str, Callable[[], int]] = {}


def backlog(name: str) -> Callable[[Callable[[], int]], Callable[[], int]]:
    """Register ``() -> int``: how many items of this kind wait to be processed (e.g. mail)."""

    def register(count: Callable[[], int]) -> Callable[[], int]:
        _backlogs[name] = count
        return count

    return register


@never_cache
@require_safe
def health(request: HttpRequest) -> JsonResponse:
    """503 when the database is unreachable; a cache outage only degrades (pages still serve)."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except DatabaseError:
        database = "unavailable"
    probe = secrets.token_hex(4)
    cache.set("health:probe", probe, timeout=10)
    cache_state = "ok" if cache.get("health:probe") == probe else "unavailable"
    status = 200 if database == "ok" else 503
    return JsonResponse({"database": database, "cache": cache_state}, status=status)


def _allowed(request: HttpRequest) -> bool:
    token = settings.READINESS_TOKEN
    if token:
        sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        return hmac.compare_digest(sent.encode(), token.encode())
    try:
        local = ipaddress.ip_address(request.META.get("REMOTE_ADDR", "")).is_loopback
    except ValueError:
        return False
    return local and "HTTP_X_FORWARDED_FOR" not in request.META


def database_writable() -> bool:
    """Could a write start now? Never waits out a lock: that is what it reports."""
    try:
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("PRAGMA busy_timeout = 200")
                try:
                    # Changes no row, but takes (and at once releases) the write lock.
                    cursor.execute("UPDATE django_migrations SET app = app WHERE 0")
                finally:
                    cursor.execute("PRAGMA busy_timeout = 5000")
                return True
            if connection.vendor == "postgresql":
                # A failover can leave this process connected to a read-only standby.
                cursor.execute(
                    "SELECT NOT pg_is_in_recovery() AND current_setting('transaction_read_only') = 'off'"
                )
                return bool(cursor.fetchone()[0])
            return True
    except DatabaseError:
        return False


def _oldest_task_age() -> float | None:
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends["default"], DatabaseBackend):
        return None
    oldest = (
        DBTaskResult.objects.ready().order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    )
    return 0.0 if oldest is None else (timezone.now() - oldest).total_seconds()


@never_cache
@require_safe
def ready(request: HttpRequest) -> JsonResponse:
    """200 when the database takes writes, a worker beats and the queue keeps up; else 503."""
    if not _allowed(request):
        raise Http404
    problems = []
    writable = database_writable()
    if not writable:
        problems.append("the database does not take writes")
    report: dict[str, object] = {"database_writable": writable}
    try:
        queue_age = _oldest_task_age()
        report["backlog"] = {name: count() for name, count in sorted(_backlogs.items())}
    except DatabaseError:
        queue_age = None
        problems.append("the database cannot be read")
    report["oldest_queued_task_seconds"] = queue_age
    if queue_age is not None and queue_age > settings.READINESS_QUEUE_AGE_SECONDS:
        problems.append(f"the oldest queued task has waited {queue_age:.0f} s")
    last_beat = cache.get(WORKER_LAST_BEAT)
    silent = None if last_beat is None else round(time.time() - last_beat, 1)
    report["worker_heartbeat_seconds_ago"] = silent
    if silent is None or silent > settings.TASK_WORKER_PRESUMED_DEAD_SECONDS:
        problems.append("no worker has sent a heartbeat recently")
    report["problems"] = problems
    report["status"] = "ok" if not problems else "failing"
    response = JsonResponse(report, status=200 if not problems else 503)
    response._has_been_logged = True  # monitoring polls it; the problems are in the body
    return response
