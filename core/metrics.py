"""What operators see: ``GET /metrics`` in the Prometheus text format, and a log line per slow request.

Invariants (ADR 0032): counters are kept where things happen, in every process, and with
``PROMETHEUS_MULTIPROC_DIR`` set (``runsite`` sets it) a scrape adds up every process of the
machine, whichever web worker answers; the queue and backlog gauges are read from the database
at scrape time, so every machine reports the same figures. ``/metrics`` is not public: only
``Authorization: Bearer $METRICS_TOKEN`` or a direct peer in ``METRICS_NETWORKS`` (never a
forwarded request); anyone else gets a 404, as for ``/healthz/ready``.

The metrics and how to scrape them: docs/operations.md (Metrics).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator

from django.conf import settings
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe
from prometheus_client import (
    CONTENT_TYPE_PLAIN_0_0_4,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from core import health

logger = logging.getLogger("broadsheet.slow")

VIEW_KEY = "broadsheet.view"  # the WSGI environ entry the view's label travels in
PAGE_CACHE_HIT_VIEW = "page_cache_hit"

REQUEST_SECONDS = Histogram(
    "broadsheet_request_duration_seconds",
    "Time from the request reaching the app to the response being ready, by view.",
    ["view"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
PAGE_CACHE_REQUESTS = Counter(
    "broadsheet_page_cache_requests", "Cacheable page requests, by page-cache result.", ["result"]
)
FRAGMENT_REQUESTS = Counter(
    "broadsheet_fragment_requests",
    "Stored-fragment look-ups, by fragment and result.",
    ["fragment", "result"],
)
TASK_FAILURES = Counter("broadsheet_task_failures", "Background tasks that failed, by task.", ["task"])


def page_cache(hit: bool) -> None:
    PAGE_CACHE_REQUESTS.labels("hit" if hit else "miss").inc()


def fragment(name: str, hit: bool) -> None:
    FRAGMENT_REQUESTS.labels(name, "hit" if hit else "miss").inc()


def task_failed(task_path: str) -> None:
    TASK_FAILURES.labels(task_path).inc()


class StateCollector(Collector):
    """The queue and the backlogs, read from the database at scrape time."""

    def collect(self) -> Iterator[Metric]:
        try:
            depth, oldest = health.task_queue()
            backlogs = health.backlogs()
        except DatabaseError:
            return
        if depth is not None:
            yield GaugeMetricFamily(
                "broadsheet_task_queue_depth", "Tasks due and waiting for a worker.", depth
            )
            yield GaugeMetricFamily(
                "broadsheet_task_queue_oldest_seconds", "How long the oldest waiting task has waited.", oldest
            )
        family = GaugeMetricFamily(
            "broadsheet_backlog_items", "Items waiting to be processed, by backlog.", labels=["backlog"]
        )
        for name, count in backlogs.items():
            family.add_metric([name], count)
        yield family


def scrape() -> bytes:
    """Every metric of this machine in the Prometheus text format."""
    state = CollectorRegistry()
    state.register(StateCollector())
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        counted = CollectorRegistry()
        multiprocess.MultiProcessCollector(counted)
    else:
        counted = REGISTRY
    return generate_latest(counted) + generate_latest(state)


@never_cache
@require_safe
def metrics(request: HttpRequest) -> HttpResponse:
    if not health.monitor_allowed(request, settings.METRICS_TOKEN, settings.METRICS_NETWORKS):
        raise Http404
    # The classic text format (0.0.4), which every Prometheus version reads; names are ASCII.
    response = HttpResponse(scrape(), content_type=CONTENT_TYPE_PLAIN_0_0_4)
    response._has_been_logged = True  # scraped every few seconds: not news
    return response


class ViewLabelMiddleware:
    """Names the view of each request for :func:`observed` (just inside the page cache)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        request.META[VIEW_KEY] = view_label(request, response)
        return response


def view_label(request: HttpRequest, response: HttpResponse) -> str:
    """The page type for a Wagtail page (all served by one view), else the URL pattern's name."""
    page = (getattr(response, "context_data", None) or {}).get("page")
    if page is not None:
        return f"{page._meta.app_label}.{type(page).__name__}"
    match = request.resolver_match
    if match is None:
        return "unresolved"
    return match.view_name or match._func_path


def observed(application: Callable) -> Callable:
    """WSGI wrapper timing every request, page-cache hits included; logs the slow ones."""

    def serve(environ: dict, start_response: Callable) -> Iterable[bytes]:
        started = time.perf_counter()
        status = ""

        def noting_status(response_status: str, headers: list[tuple[str, str]], *args: object) -> object:
            nonlocal status
            status = response_status.split(" ", 1)[0]
            if any(name.lower() == "x-page-cache" and value == "hit" for name, value in headers):
                environ.setdefault(VIEW_KEY, PAGE_CACHE_HIT_VIEW)
            return start_response(response_status, headers, *args)

        body = application(environ, noting_status)
        seconds = time.perf_counter() - started
        view = environ.get(VIEW_KEY, "unresolved")
        REQUEST_SECONDS.labels(view).observe(seconds)
        if seconds * 1000 >= settings.SLOW_REQUEST_MS:
            log_slow(
                "slow_request",
                method=environ.get("REQUEST_METHOD", ""),
                path=environ.get("PATH_INFO", ""),
                view=view,
                status=status,
                duration_ms=round(seconds * 1000),
            )
        return body

    return serve


def log_slow(event: str, **fields: object) -> None:
    """One warning line ``event key=value ...``; a value with a space or quote is quoted."""
    logger.warning("%s %s", event, " ".join(f"{key}={_logfmt(value)}" for key, value in fields.items()))


def _logfmt(value: object) -> str:
    text = str(value)
    if text and not any(character in text for character in ' "=\\'):
        return text
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
