"""GET /healthz: is this app process able to serve? For load balancers and Varnish probes."""

from __future__ import annotations

import secrets

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe


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
