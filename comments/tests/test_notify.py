"""Moderators hear of held comments by email, once each, batched, from the worker."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.utils import timezone

from comments import notify
from comments.models import Comment, Status
from comments.notify import notify_moderators
from comments.tests.test_posting import site_settings
from news.models import HomePage
from news.roles import MODERATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderators(home: HomePage) -> None:
    group = Group.objects.get(name=MODERATORS)
    User.objects.create_user("mo", email="mo@example.org").groups.add(group)
    User.objects.create_user("left", email="left@example.org", is_active=False).groups.add(group)
    User.objects.create_user("reader", email="reader@example.org")
    User.objects.create_superuser("chief", email="chief@example.org", password="pw-for-tests-only")


def test_a_held_comment_emails_each_moderator_once(
    article, post_comment, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(article, comment="First time here: when does the harbour work start?")
    assert response.status_code == 201
    assert Comment.objects.get().status == Status.PENDING
    assert sorted(message.to for message in mailoutbox) == [["chief@example.org"], ["mo@example.org"]]
    message = mailoutbox[0]
    assert message.subject == f"Comment awaiting moderation on “{article.title}”"
    assert "Rita Reader" in message.body
    assert "when does the harbour work start?" in message.body
    assert "http://127.0.0.1:8000/admin/comments/" in message.body


@pytest.mark.parametrize(
    ("changes", "fields"),
    [
        ({"moderation": "none"}, {}),  # published at once
        ({}, {"phone": "0123 456"}),  # the honeypot: spam
        ({"moderation": "all", "notify_moderators": False}, {}),  # held, but the site says no email
    ],
)
def test_no_email_unless_a_comment_waits_and_the_site_wants_it(
    article, post_comment, moderators, mailoutbox, django_capture_on_commit_callbacks, changes, fields
):
    site_settings(**changes)
    with django_capture_on_commit_callbacks(execute=True):
        assert post_comment(article, **fields).status_code == 201
    assert mailoutbox == []


def test_a_comment_moderated_before_the_worker_runs_sends_nothing(article, moderators, mailoutbox):
    comment = Comment.objects.create(
        article=article, name="Pat", email="p@example.org", text="Hi", fingerprint="x", awaits_notice=True
    )
    Comment.objects.filter(pk=comment.pk).update(status=Status.APPROVED)
    assert notify_moderators.call() == 0
    assert mailoutbox == []
    assert not Comment.objects.get().awaits_notice


def test_a_burst_of_held_comments_sends_each_moderator_a_handful_of_mails(
    article, moderators, mailoutbox, django_capture_on_commit_callbacks
):
    for n in range(200):
        with django_capture_on_commit_callbacks(execute=True):  # one posting's transaction each
            held = Comment.objects.create(
                article=article,
                name=f"Reader {n}",
                email=f"r{n}@example.org",
                text=f"Point {n}",
                fingerprint=n,
            )
            notify.notify_after_commit(held)
    assert len(mailoutbox) == 2  # the first held comment, at once, to each of the two moderators
    assert notify_moderators.call() == 0  # within the quiet period: the rest wait
    Comment.objects.exclude(moderators_notified_at=None).update(
        moderators_notified_at=timezone.now() - timedelta(seconds=settings.COMMENTS_NOTICE_SECONDS + 1)
    )
    assert notify_moderators.call() == 2
    batch = mailoutbox[2]
    assert batch.subject == "199 comments awaiting moderation"
    assert "Reader 1 commented" in batch.body
    assert "…and 149 more." in batch.body
    assert notify_moderators.call() == 0
    assert len(mailoutbox) == 4
    assert not Comment.objects.filter(awaits_notice=True).exists()
