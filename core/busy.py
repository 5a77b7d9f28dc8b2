"""A busy or unreachable database is a passing state, not a failure (ADR 0015).

SQLite answers "database is locked" when another process holds the write lock longer than
its busy timeout; PostgreSQL drops connections when it restarts or fails over. Either way
the request or task did nothing and can be sent again a moment later. This module is the
one place that recognises such an error and decides what happens next:

* a reader's or editor's write gets a 503 with ``Retry-After`` and keeps what they typed:
  a view whose form can re-render declares how with :func:`answer_when_busy`; any other
  view falls back to :func:`busy_page` (through :class:`BusyDatabaseMiddleware`, or the
  500 handler for errors raised outside a view), which offers to send the same POST again;
* an editor's admin POST runs in one transaction (:class:`AtomicAdminWritesMiddleware`),
  so a busy answer means nothing of it was stored and sending it again is safe;
* background processes retry with :class:`Outage`: capped exponential backoff and one log
  line when the outage starts and one when it ends, never one per attempt.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from django.db import InterfaceError, OperationalError, close_old_connections, connections, transaction
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
BUSY_MESSAGE = (
    "The site is very busy and could not save this just now. Nothing was saved: "
    "please send it again in a few seconds."
)
BUSY_READ_MESSAGE = "The site is very busy just now. Please try again in a few seconds."
# PostgreSQL SQLSTATEs that mean "not now" rather than "never": connection exceptions (08),
# insufficient resources (53), operator intervention such as a restart (57P), serialisation
# failures and deadlocks (40) and a lock not available (55P03).
_TRANSIENT_SQLSTATES = ("08", "53", "57P", "40", "55P03")


def is_busy_database_error(error: BaseException) -> bool:
    """True for a locked, busy or lost database: the same work may succeed if tried again."""
    if isinstance(error, InterfaceError):
        return True  # the connection is closed or broken
    if not isinstance(error, OperationalError):
        return False
    message = str(error).lower()
    if "database is locked" in message or "database table is locked" in message or "busy" in message:
        return True
    cause = error.__cause__
    if cause is None or not type(cause).__module__.startswith("psycopg"):
        return False
    sqlstate = getattr(cause, "sqlstate", None)
    # No SQLSTATE: the server never answered (refused, reset or closed the connection).
    return sqlstate is None or sqlstate.startswith(_TRANSIENT_SQLSTATES)


def drop_broken_connections() -> None:
    """Close connections a lost server left unusable, so the next attempt reconnects."""
    for connection in connections.all(initialized_only=True):
        if connection.in_atomic_block:
            continue
        try:
            if connection.connection is not None and not connection.is_usable():
                connection.close()
        except Exception:  # noqa: BLE001  closing a dead connection may itself fail; it is gone anyway
            connection.connection = None
    close_old_connections()


class Outage:
    """Backoff and logging for one kind of work that waits for the database to come back.

    ``failed`` returns how long to wait before the next attempt (doubling from ``first``
    up to ``cap`` seconds) and logs only the first failure of an outage; ``recovered`` logs
    once that the outage is over, with its length and how many attempts it cost.
    """

    def __init__(self, what: str, first: float = 0.5, cap: float = 10.0) -> None:
        self.what = what
        self.first, self.cap = first, cap
        self.failures = 0
        self.started = 0.0
        self._lock = threading.Lock()

    @property
    def active(self) -> bool:
        return self.failures > 0

    def failed(self, error: BaseException) -> float:
        with self._lock:
            if not self.failures:
                self.started = time.monotonic()
                logger.warning(
                    "%s: database busy or unreachable (%s); retrying with backoff", self.what, error
                )
            self.failures += 1
            return min(self.cap, self.first * 2 ** (self.failures - 1))

    def recovered(self) -> None:
        with self._lock:
            if not self.failures:
                return
            logger.warning(
                "%s: database back after %.1f s (%d failed attempts)",
                self.what,
                time.monotonic() - self.started,
                self.failures,
            )
            self.failures = 0


web_outage = Outage("web: writes refused")


def _with_retry_after(response: HttpResponse) -> HttpResponse:
    response.status_code = 503
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # the outage is logged once (Outage), not once per request
    return response


def _wants_json(request: HttpRequest) -> bool:
    return not request.accepts("text/html") or request.headers.get("X-Requested-With") == "XMLHttpRequest"


# Keys read by the site's own scripts (ok, message) and by Wagtail's autosave (success, error_*).
_BUSY_JSON = {
    "ok": False,
    "busy": True,
    "message": BUSY_MESSAGE,
    "success": False,
    "error_code": "busy",
    "error_message": BUSY_MESSAGE,
}


def busy_page(request: HttpRequest, trusted_post: bool = False) -> HttpResponse:
    """503 "busy, try again"; a POST from this site can be sent again as it was.

    A POST is from this site when it passed the CSRF check, or ``trusted_post`` says that
    its view checked the origin itself (the reader forms on cached pages, ADR 0008).
    """
    if _wants_json(request):
        return _with_retry_after(JsonResponse(_BUSY_JSON))
    resend = request.method == "POST" and (trusted_post or getattr(request, "csrf_processing_done", False))
    context = {
        "message": BUSY_MESSAGE if request.method == "POST" else BUSY_READ_MESSAGE,
        "resend_fields": [(n, v) for n, values in request.POST.lists() for v in values] if resend else [],
        "resend_to": request.get_full_path() if resend else "",
        "files_dropped": resend and bool(request.FILES),
    }
    # The page must not need the database it reports as busy: no site chrome, no queries.
    return _with_retry_after(HttpResponse(render_to_string("core/busy.html", context)))


def answer_busy(request: HttpRequest, error: BaseException) -> HttpResponse:
    web_outage.failed(error)
    return busy_page(request)


Rerender = Callable[[HttpRequest, str], HttpResponse]


def answer_when_busy(
    rerender: Rerender,
) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a form view: when the database is busy, answer ``rerender(request, BUSY_MESSAGE)``.

    ``rerender`` shows the form again with what the visitor sent and the message; the
    answer becomes a 503 with ``Retry-After``. If re-rendering needs the database and it
    is down, the plain busy page answers instead, offering to send the same POST again:
    the view must refuse a cross-site POST before it writes anything.
    """

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            try:
                return view(request, *args, **kwargs)
            except (OperationalError, InterfaceError) as error:
                if not is_busy_database_error(error):
                    raise
                web_outage.failed(error)
            try:
                return _with_retry_after(rerender(request, BUSY_MESSAGE))
            except (OperationalError, InterfaceError) as error:
                if not is_busy_database_error(error):
                    raise
                return busy_page(request, trusted_post=True)

        return wrapped

    return decorate


class BusyDatabaseMiddleware:
    """Turn a busy-database error from any view into the busy page instead of a 500."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if web_outage.active and request.method == "POST" and response.status_code < 500:
            web_outage.recovered()
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not is_busy_database_error(exception):
            return None
        return answer_busy(request, exception)


class AtomicAdminWritesMiddleware:
    """Run each admin POST in one transaction: a busy answer then means nothing was stored.

    Django's ``ATOMIC_REQUESTS`` would do this for every request, readers' GETs included,
    and on SQLite every transaction takes the write lock (``BEGIN IMMEDIATE``).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Callable[..., HttpResponse], args: tuple, kwargs: dict
    ) -> HttpResponse | None:
        from django.conf import settings

        if request.method != "POST" or not request.path.startswith(settings.ADMIN_PATH_PREFIXES):
            return None
        if "default" in getattr(view, "_non_atomic_requests", set()):
            return None
        try:
            with transaction.atomic():
                return view(request, *args, **kwargs)
        except (OperationalError, InterfaceError) as error:
            if not is_busy_database_error(error):
                raise
            return answer_busy(request, error)
