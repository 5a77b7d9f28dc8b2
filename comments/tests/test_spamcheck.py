"""The optional Akismet-compatible check, against a fake service on localhost."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs

import pytest
from django.contrib.auth.models import User

from comments import spamcheck, tasks
from comments.models import Comment, Status

pytestmark = pytest.mark.django_db


class FakeAkismet(BaseHTTPRequestHandler):
    received: list[dict[str, list[str]]] = []

    def do_POST(self) -> None:
        fields = parse_qs(self.rfile.read(int(self.headers["Content-Length"])).decode())
        FakeAkismet.received.append(fields)
        answer = b"true" if "viagra" in fields["comment_content"][0] else b"false"
        if self.path != "/1.1/comment-check":
            answer = b"invalid"
        self.send_response(200)
        self.end_headers()
        self.wfile.write(answer)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def fake_akismet(settings) -> Iterator[list]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), FakeAkismet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.COMMENTS_AKISMET_KEY = "test-key"
    settings.COMMENTS_AKISMET_URL = f"http://127.0.0.1:{server.server_port}"
    FakeAkismet.received = []
    yield FakeAkismet.received
    server.shutdown()


def test_without_a_key_nothing_is_sent(article, post_comment, approved_comment, settings):
    settings.COMMENTS_AKISMET_KEY = ""
    approved_comment(email="rita@example.org")
    assert post_comment(article).json()["awaiting"] is False


def test_ham_is_published_after_the_check_and_spam_is_caught(
    article, post_comment, approved_comment, fake_akismet, django_capture_on_commit_callbacks
):
    approved_comment(email="rita@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(article, headers={"REMOTE_ADDR": "198.51.100.4"})
    assert response.json()["awaiting"] is True  # held while the check runs in the worker
    assert Comment.objects.get(pk=response.json()["id"]).status == Status.APPROVED
    sent = fake_akismet[0]
    assert sent["api_key"] == ["test-key"]
    assert sent["user_ip"] == ["198.51.100.4"]
    assert sent["comment_author_email"] == ["rita@example.org"]
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(article, comment="cheap viagra here")
    comment = Comment.objects.get(pk=response.json()["id"])
    assert (comment.status, comment.held_reason) == (Status.SPAM, "The spam check said spam")


def test_a_silent_service_leaves_the_comment_for_a_person(
    article, post_comment, approved_comment, settings, django_capture_on_commit_callbacks, mailoutbox
):
    User.objects.create_superuser("chief", email="chief@example.org", password="pw-for-tests-only")
    settings.COMMENTS_AKISMET_KEY = "test-key"
    settings.COMMENTS_AKISMET_URL = "http://127.0.0.1:9"  # discard port: nothing answers
    approved_comment(email="rita@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(article)
    comment = Comment.objects.get(pk=response.json()["id"])
    assert (comment.status, comment.held_reason) == (Status.PENDING, tasks.FAILED)
    assert [message.to for message in mailoutbox] == [["chief@example.org"]]  # a person must look


def test_a_moderators_decision_during_the_check_stands(article, approved_comment, settings, monkeypatch):
    settings.COMMENTS_AKISMET_KEY = "test-key"
    comment = approved_comment("Waiting for the check", email="new@example.org")
    Comment.objects.filter(pk=comment.pk).update(status=Status.PENDING, held_reason=tasks.CHECKING)

    def trashed_while_asking(fields: dict) -> bool:
        Comment.objects.filter(pk=comment.pk).update(status=Status.TRASH)
        return False  # "not spam": would have published it

    monkeypatch.setattr(spamcheck, "ask", trashed_while_asking)
    assert tasks.check_comment.call(comment.pk) == "moderated meanwhile"
    assert Comment.objects.get(pk=comment.pk).status == Status.TRASH
