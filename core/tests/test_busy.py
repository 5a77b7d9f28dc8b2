"""A busy or lost database: every write answers 503 "busy, try again", keeps what was typed
and stores nothing; the same write succeeds once the database is free (core.busy, ADR 0015).

The lock is simulated at the cursor: every INSERT, UPDATE or DELETE fails as SQLite fails
when another process holds the write lock past the busy timeout. The real lock, held by a
separate process against the real servers, is in tests/faults/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from html import unescape
from html.parser import HTMLParser

import psycopg
import pytest
from django.db import IntegrityError, InterfaceError, OperationalError, connection
from django.http import HttpResponse
from django.test import RequestFactory

from comments.models import Comment, Report
from comments.tests.conftest import SAME_ORIGIN, form_data
from core import busy
from core.views import server_error
from news.models import ArticlePage, Publication
from news.tests.test_admin import article_form
from newsletter.models import Newsletter, OutboxMessage, Subscriber

WRITES = ("INSERT", "UPDATE", "DELETE")


@contextmanager
def writes_locked(after: int = 0) -> Iterator[None]:
    """Writes fail with SQLite's lock error, after letting the first ``after`` through."""
    allowed = [after]

    def refuse(execute: Callable, sql: str, params: object, many: bool, context: dict) -> object:
        if sql.lstrip().upper().startswith(WRITES):
            if allowed[0] <= 0:
                raise OperationalError("database is locked")
            allowed[0] -= 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


@pytest.fixture(autouse=True)
def _publication(request: pytest.FixtureRequest) -> None:
    """The site's settings row exists, as on any site that has served a page."""
    if "db" in request.fixturenames or request.node.get_closest_marker("django_db"):
        request.getfixturevalue("db")
        Publication.load()


def _psycopg_error(sqlstate: str | None) -> OperationalError:
    cause = psycopg.OperationalError("server closed the connection unexpectedly")
    if sqlstate:
        cause = psycopg.errors.lookup(sqlstate)("terminating connection due to administrator command")
    error = OperationalError(str(cause))
    error.__cause__ = cause
    return error


@pytest.mark.parametrize(
    ("error", "busy_now"),
    [
        (OperationalError("database is locked"), True),
        (OperationalError("database table is locked: news_articlepage"), True),
        (_psycopg_error(None), True),  # the server went away mid-query
        (_psycopg_error("57P01"), True),  # admin shutdown: a restart
        (_psycopg_error("57P03"), True),  # cannot connect now: starting up
        (_psycopg_error("08006"), True),  # connection failure
        (_psycopg_error("40001"), True),  # serialisation failure
        (InterfaceError("connection already closed"), True),
        (OperationalError("no such table: news_articlepage"), False),
        (_psycopg_error("42703"), False),  # a programming mistake is not passing
        (IntegrityError("UNIQUE constraint failed"), False),
        (ValueError("database is locked"), False),
    ],
)
def test_only_a_passing_database_state_counts_as_busy(error: BaseException, busy_now: bool) -> None:
    assert busy.is_busy_database_error(error) is busy_now


def _assert_busy(response: HttpResponse) -> str:
    assert response.status_code == 503
    assert response["Retry-After"] == str(busy.RETRY_AFTER_SECONDS)
    body = unescape(response.content.decode())
    assert busy.BUSY_MESSAGE in body
    return body


@pytest.mark.django_db
def test_a_sign_up_while_the_database_is_locked_keeps_the_address_and_stores_nothing(client) -> None:
    Newsletter.objects.get_or_create(slug="daily", defaults={"name": "Daily digest"})
    data = {"email": "kept@example.org", "newsletter": "daily"}
    with writes_locked():
        response = client.post("/newsletter/subscribe/", data, **SAME_ORIGIN)
    body = _assert_busy(response)
    assert 'value="kept@example.org"' in body
    assert not Subscriber.objects.exists()
    assert not OutboxMessage.objects.exists()
    assert client.post("/newsletter/subscribe/", data, **SAME_ORIGIN).status_code == 200
    assert OutboxMessage.objects.filter(to_email="kept@example.org").count() == 1


@pytest.mark.django_db
def test_a_comment_while_the_database_is_locked_keeps_the_text_and_stores_nothing(client, article) -> None:
    data = form_data(article, comment="Kept through the lock, word for word.")
    with writes_locked():
        page = client.post("/comments/post/", data, **SAME_ORIGIN)
        as_json = client.post("/comments/post/", data, HTTP_ACCEPT="application/json", **SAME_ORIGIN)
    assert "Kept through the lock, word for word." in _assert_busy(page)
    assert as_json.status_code == 503
    assert as_json.json()["ok"] is False
    assert not Comment.objects.exists()


@pytest.mark.django_db
def test_a_report_while_the_database_is_locked_keeps_the_reason_and_counts_nothing(client, article) -> None:
    comment = Comment.objects.create(
        article=article, name="Alan", email="alan@example.org", text="Approved.", status="approved"
    )
    url = f"/comments/{comment.pk}/report/"
    with writes_locked():
        response = client.post(url, {"reason": "Names a private person"}, **SAME_ORIGIN)
    assert "Names a private person</textarea>" in _assert_busy(response)
    assert not Report.objects.exists()
    comment.refresh_from_db()
    assert comment.report_count == 0
    assert client.post(url, {"reason": "Names a private person"}, **SAME_ORIGIN).status_code == 200
    assert Report.objects.count() == 1


class _ResendForm(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.action = ""
        self.fields: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "form" and found.get("method") == "post":
            self.action = found["action"] or ""
        elif tag == "input" and found.get("type") == "hidden":
            self.fields.append((found["name"] or "", found["value"] or ""))


def _resend_form(response: HttpResponse) -> tuple[str, list[tuple[str, str]]]:
    _assert_busy(response)
    parser = _ResendForm()
    parser.feed(response.content.decode())
    assert parser.action, "the busy page offers no way to send the edit again"
    return parser.action, parser.fields


@pytest.mark.django_db
def test_an_admin_save_while_the_database_is_locked_can_be_sent_again_unchanged(
    admin_client, article, author
) -> None:
    url = f"/admin/pages/{article.pk}/edit/"
    sent = article_form(author, title="Harbour plan: the vote is delayed", slug=article.slug)
    revisions = article.revisions.count()
    with writes_locked():
        response = admin_client.post(url, sent | {"action-publish": "1"})
    action, fields = _resend_form(response)
    assert action == url
    assert ("title", "Harbour plan: the vote is delayed") in fields
    assert article.revisions.count() == revisions

    resent: dict[str, list[str]] = {}
    for name, value in fields:
        resent.setdefault(name, []).append(value)
    again = admin_client.post(action, resent)
    assert again.status_code == 302
    assert ArticlePage.objects.get(pk=article.pk).title == "Harbour plan: the vote is delayed"


@pytest.mark.django_db
def test_an_admin_save_refused_half_way_stores_none_of_its_writes(admin_client, article, author) -> None:
    url = f"/admin/pages/{article.pk}/edit/"
    sent = article_form(author, title="Half-saved headline", slug=article.slug)
    revisions = article.revisions.count()
    with writes_locked(after=1):  # the revision row goes in, then the lock arrives
        response = admin_client.post(url, sent | {"action-publish": "1"})
    _assert_busy(response)
    assert article.revisions.count() == revisions
    assert ArticlePage.objects.get(pk=article.pk).title != "Half-saved headline"


@pytest.mark.django_db
def test_wagtail_autosave_gets_a_busy_answer_it_can_show(admin_client, article, author) -> None:
    sent = article_form(author, title="Autosaved headline", slug=article.slug)
    with writes_locked():
        response = admin_client.post(f"/admin/pages/{article.pk}/edit/", sent, HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    assert response["Retry-After"]
    assert response.json()["success"] is False
    assert response.json()["error_code"] == "busy"


def test_a_busy_database_met_outside_any_view_is_still_a_busy_answer() -> None:
    request = RequestFactory().post("/admin/anything/", {"title": "x"})
    try:
        raise OperationalError("database is locked")
    except OperationalError:
        response = server_error(request)
    _assert_busy(response)
    try:
        raise RuntimeError("a real bug")
    except RuntimeError:
        assert server_error(request).status_code == 500


def test_an_outage_logs_once_when_it_starts_and_once_when_it_ends(caplog) -> None:
    outage = busy.Outage("test work", first=0.5, cap=4)
    delays = [outage.failed(OperationalError("database is locked")) for _ in range(6)]
    assert delays == [0.5, 1, 2, 4, 4, 4]
    outage.recovered()
    outage.recovered()
    lines = [record.getMessage() for record in caplog.records]
    assert len(lines) == 2
    assert "test work: database busy or unreachable" in lines[0]
    assert "test work: database back after" in lines[1]
    assert "(6 failed attempts)" in lines[1]


@contextmanager
def task_queue_locked() -> Iterator[None]:
    """The task table refuses rows, as when the lock arrives just after a change committed."""

    def refuse(execute: Callable, sql: str, params: object, many: bool, context: dict) -> object:
        if sql.lstrip().upper().startswith('INSERT INTO "DJANGO_TASKS_DATABASE_DBTASKRESULT"'):
            raise OperationalError("database is locked")
        return execute(sql, params, many, context)

    with connection.execute_wrapper(refuse):
        yield


@pytest.mark.django_db
def test_a_comment_stored_before_the_lock_is_accepted_even_if_its_tasks_cannot_be_queued(
    client, article, settings, django_capture_on_commit_callbacks
) -> None:
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    data = form_data(article, comment="Stored just before the lock arrived.")
    with task_queue_locked(), django_capture_on_commit_callbacks(execute=True):
        response = client.post("/comments/post/", data, HTTP_ACCEPT="application/json", **SAME_ORIGIN)
    assert response.status_code == 201
    assert Comment.objects.filter(text="Stored just before the lock arrived.").count() == 1


@pytest.mark.django_db
def test_a_purge_that_cannot_be_queued_is_done_in_the_process(
    settings, monkeypatch, django_capture_on_commit_callbacks
) -> None:
    from core import pagecache, tasks

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    purged: list[list[str]] = []
    monkeypatch.setattr(pagecache, "invalidate", lambda paths: purged.append(paths) or paths)
    with task_queue_locked(), django_capture_on_commit_callbacks(execute=True):
        tasks.purge_pages_after_commit(["/b/", "/a/"])
    assert purged == [["/a/", "/b/"]]
