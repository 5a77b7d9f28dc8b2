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
from collections.abc import Callable, Iterable

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


def monitor_allowed(request: HttpRequest, token: str, networks: Iterable[str] = ()) -> bool:
    """May this request read a monitoring endpoint? With ``token`` set, a request sending it as
    ``Authorization: Bearer`` may; so may a direct peer (no proxy forwarded it) in ``networks``,
    or, when neither a token nor networks are configured, on the loopback address."""
    if token:
        sent = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
        if hmac.compare_digest(sent.encode(), token.encode()):
            return True
    if "HTTP_X_FORWARDED_FOR" in request.META:
        return False
    try:
        peer = ipaddress.ip_address(request.META.get("REMOTE_ADDR", ""))
    except ValueError:
        return False
    if networks:
        return any(peer in ipaddress.ip_network(network, strict=False) for network in networks)
    return peer.is_loopback and not token


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


def task_queue() -> tuple[int | None, float | None]:
    """How many tasks are due and waiting, and how long the oldest has waited (seconds);
    ``(None, None)`` when the queue is not the database's."""
    from django_tasks import task_backends
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task_backends["default"], DatabaseBackend):
        return None, None
    waiting = DBTaskResult.objects.ready()
    oldest = waiting.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    if oldest is None:
        return 0, 0.0
    return waiting.count(), (timezone.now() - oldest).total_seconds()


def backlogs() -> dict[str, int]:
    """Each registered backlog's count, by name."""
    return {name: count() for name, count in sorted(_backlogs.items())}


@never_cache
@require_safe
def ready(request: HttpRequest) -> JsonResponse:
    """200 when the database takes writes, a worker beats and the queue keeps up; else 503."""
    if not monitor_allowed(request, settings.READINESS_TOKEN):
        raise Http404
    problems = []
    writable = database_writable()
    if not writable:
        problems.append("the database does not take writes")
    report: dict[str, object] = {"database_writable": writable}
    try:
        _depth, queue_age = task_queue()
        report["backlog"] = backlogs()
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
