"""/metrics: the Prometheus format, counters that move, sums across processes, who may read it."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from core import fragments, metrics
from core.tests.wsgi import wsgi_call

pytestmark = pytest.mark.django_db


def scraped(client: Client, **headers: str) -> dict[str, dict[tuple, float]]:
    """Every sample of a scrape, by metric name and then by its labels."""
    response = client.get("/metrics", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain; version=0.0.4")
    samples: dict[str, dict[tuple, float]] = {}
    for family in text_string_to_metric_families(response.content.decode()):
        for sample in family.samples:
            samples.setdefault(sample.name, {})[tuple(sorted(sample.labels.items()))] = sample.value
    return samples


def count(name: str, **labels: str) -> float:
    return REGISTRY.get_sample_value(name, labels) or 0.0


def test_the_scrape_parses_and_reports_queue_backlogs_and_mail_waiting(client, settings):
    from django_tasks_db.models import DBTaskResult

    from core.tasks import purge_pages
    from newsletter.models import OutboxMessage

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    OutboxMessage.objects.create(kind="test", to_email="a@example.org", subject="s", text="t")
    purge_pages.enqueue(["/"])
    purge_pages.enqueue(["/politics/"])
    assert DBTaskResult.objects.ready().count() == 2

    samples = scraped(client)
    assert samples["broadsheet_task_queue_depth"] == {(): 2.0}
    assert samples["broadsheet_task_queue_oldest_seconds"][()] >= 0
    assert samples["broadsheet_backlog_items"] == {(("backlog", "mail_waiting"),): 1.0}


def test_page_cache_hits_and_misses_are_counted(client, article):
    hits, misses = (
        count("broadsheet_page_cache_requests_total", result="hit"),
        count("broadsheet_page_cache_requests_total", result="miss"),
    )
    client.get(article.url)
    client.get(article.url)
    client.get(article.url)
    assert count("broadsheet_page_cache_requests_total", result="miss") == misses + 1
    assert count("broadsheet_page_cache_requests_total", result="hit") == hits + 2
    samples = scraped(client)
    assert samples["broadsheet_page_cache_requests_total"][(("result", "hit"),)] == hits + 2


def test_fragment_hits_and_misses_are_counted_by_fragment():
    request = RequestFactory().get("/")
    before_miss = count("broadsheet_fragment_requests_total", fragment="teaser", result="miss")
    before_hit = count("broadsheet_fragment_requests_total", fragment="teaser", result="hit")
    renders = []
    for _ in range(3):
        fragments.cached(request, "teaser", [1], ["content"], lambda: renders.append(1) or "<p>x</p>")
    assert len(renders) == 1
    assert count("broadsheet_fragment_requests_total", fragment="teaser", result="miss") == before_miss + 1
    assert count("broadsheet_fragment_requests_total", fragment="teaser", result="hit") == before_hit + 2


def test_request_latency_is_observed_by_view_and_page_cache_hits_too(client, article, application, home):
    observed = metrics.observed(application)

    def timed(view: str) -> float:
        return count("broadsheet_request_duration_seconds_count", view=view)

    before = {view: timed(view) for view in ("news.ArticlePage", "page_cache_hit", "search")}
    wsgi_call(observed, article.url)  # a miss: rendered by the article's page type
    wsgi_call(observed, article.url)  # answered by the WSGI fast path
    wsgi_call(observed, "/search/?q=harbour")
    assert timed("news.ArticlePage") == before["news.ArticlePage"] + 1
    assert timed("page_cache_hit") == before["page_cache_hit"] + 1
    assert timed("search") == before["search"] + 1


def test_a_slow_request_is_one_key_value_log_line(application, home, caplog, settings):
    observed = metrics.observed(application)
    settings.SLOW_REQUEST_MS = 60_000
    with caplog.at_level(logging.WARNING, logger="broadsheet.slow"):
        wsgi_call(observed, "/")
    assert caplog.records == []
    settings.SLOW_REQUEST_MS = 0
    with caplog.at_level(logging.WARNING, logger="broadsheet.slow"):
        wsgi_call(observed, "/search/?q=a b")
    [line] = [record.getMessage() for record in caplog.records]
    assert line.startswith("slow_request method=GET path=/search/ view=search status=200 duration_ms=")
    assert "q=" not in line  # the query string may hold what a reader typed: never logged


def test_log_values_with_spaces_or_quotes_are_quoted(caplog):
    with caplog.at_level(logging.WARNING, logger="broadsheet.slow"):
        metrics.log_slow("slow_task", task='say "hi" now', duration_ms=1500)
    assert caplog.records[0].getMessage() == r'slow_task task="say \"hi\" now" duration_ms=1500'


def test_a_slow_or_failed_task_is_logged_and_failures_counted(caplog, settings):
    from django_tasks_db.models import DBTaskResult

    from core.management.commands.worker import PatientWorker

    worker = PatientWorker(
        queue_names=["default"],
        excluded_queue_names=[],
        interval=1,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="worker-1",
    )
    failed = DBTaskResult(task_path="core.tasks.purge_pages", status="FAILED")
    before = count("broadsheet_task_failures_total", task="core.tasks.purge_pages")
    settings.SLOW_TASK_MS = 0
    with caplog.at_level(logging.WARNING, logger="broadsheet.slow"):
        worker._count(failed, started=0.0)
    assert count("broadsheet_task_failures_total", task="core.tasks.purge_pages") == before + 1
    [line] = [record.getMessage() for record in caplog.records]
    assert line.startswith("slow_task task=core.tasks.purge_pages status=FAILED duration_ms=")
    assert line.endswith(" worker=worker-1")


COUNT_IN_ANOTHER_PROCESS = """
import django
django.setup()
from core import metrics
metrics.page_cache(hit=True)
metrics.REQUEST_SECONDS.labels("search").observe(0.02)
"""


def test_counts_of_every_process_sharing_the_folder_are_added_up(client, tmp_path, monkeypatch):
    env = os.environ | {
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path),
        "DJANGO_SETTINGS_MODULE": "broadsheet.test_settings",
    }
    for _process in range(2):  # two Granian workers, say
        subprocess.run(
            [sys.executable, "-c", COUNT_IN_ANOTHER_PROCESS],
            env=env,
            cwd=settings.BASE_DIR,
            check=True,
            timeout=120,
        )
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(tmp_path))
    samples = scraped(client)
    assert samples["broadsheet_page_cache_requests_total"] == {(("result", "hit"),): 2.0}
    assert samples["broadsheet_request_duration_seconds_count"] == {(("view", "search"),): 2.0}
    assert samples["broadsheet_request_duration_seconds_bucket"][(("le", "0.025"), ("view", "search"))] == 2.0


def test_metrics_are_not_public(client, settings):
    settings.METRICS_TOKEN, settings.METRICS_NETWORKS = "", []
    assert client.get("/metrics").status_code == 200  # this machine, no proxy
    assert client.get("/metrics", REMOTE_ADDR="203.0.113.9").status_code == 404
    # Through a reverse proxy on this machine: the proxy's hop does not make it local.
    assert client.get("/metrics", HTTP_X_FORWARDED_FOR="203.0.113.9").status_code == 404

    settings.METRICS_TOKEN = "scrape-secret"
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-secret").status_code == 200
    forwarded = {"HTTP_X_FORWARDED_FOR": "203.0.113.9", "REMOTE_ADDR": "203.0.113.9"}
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer scrape-secret", **forwarded).status_code == 200

    settings.METRICS_NETWORKS = ["10.1.0.0/16", "192.0.2.7"]
    assert client.get("/metrics", REMOTE_ADDR="10.1.4.2").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.7").status_code == 200
    assert client.get("/metrics", REMOTE_ADDR="10.2.0.1").status_code == 404
    assert client.get("/metrics", REMOTE_ADDR="10.1.4.2", HTTP_X_FORWARDED_FOR="10.1.4.3").status_code == 404
    assert client.post("/metrics", HTTP_AUTHORIZATION="Bearer scrape-secret").status_code == 405


def test_runsite_gives_its_processes_one_metrics_folder_emptied_of_old_counts(
    tmp_path, monkeypatch, settings
):
    from core.management.commands.runsite import fresh_metrics_dir

    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR", raising=False)
    settings.VAR_DIR = tmp_path
    assert fresh_metrics_dir() == str(tmp_path / "metrics")
    (tmp_path / "metrics" / "counter_4242.db").write_bytes(b"counts of a previous run")
    chosen = tmp_path / "chosen"
    monkeypatch.setenv("PROMETHEUS_MULTIPROC_DIR", str(chosen))
    assert fresh_metrics_dir() == str(chosen)
    assert chosen.is_dir()
    monkeypatch.delenv("PROMETHEUS_MULTIPROC_DIR")
    assert fresh_metrics_dir() == str(tmp_path / "metrics")
    assert list((tmp_path / "metrics").iterdir()) == []
