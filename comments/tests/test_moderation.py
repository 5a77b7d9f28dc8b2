"""Moderation in the Wagtail admin: queue, bulk and per-person actions, edits, reports."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from comments import views
from comments.models import Comment, Commenter, Report, Status
from news.roles import MODERATORS

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(client):
    user = User.objects.create_user("mo", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(user)
    return user


def pending(article, text: str, email: str = "p@example.org") -> Comment:
    return Comment.objects.create(article=article, name="Pat", email=email, text=text, fingerprint=text)


def test_the_queue_lists_pending_with_the_reason_and_filters(client, moderator, article, make_article):
    other = make_article("Other story")
    held = pending(article, "Held words here")
    Comment.objects.filter(pk=held.pk).update(held_reason="Contains the held word or pattern “casino”")
    pending(other, "On another story")
    html = client.get(reverse("comments_admin:index")).content.decode()
    assert "Held words here" in html
    assert "On another story" in html
    assert "Contains the held word or pattern “casino”" in html
    html = client.get(reverse("comments_admin:index"), {"article": article.pk}).content.decode()
    assert "Held words here" in html
    assert "On another story" not in html
    html = client.get(reverse("comments_admin:index"), {"q": "another"}).content.decode()
    assert "Held words here" not in html
    assert "On another story" in html
    assert (
        "Held words here"
        not in client.get(reverse("comments_admin:index"), {"status": "spam"}).content.decode()
    )


def test_readers_and_reporters_cannot_open_the_queue(client, article):
    response = client.get(reverse("comments_admin:index"))
    assert response.status_code == 302
    user = User.objects.create_user("rep", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name="Reporters"))
    client.force_login(user)
    assert client.get(reverse("comments_admin:index")).status_code in (302, 403)


def test_bulk_approve_spam_trash_restore_and_purge(
    client, moderator, article, django_capture_on_commit_callbacks
):
    one, two = pending(article, "First held"), pending(article, "Second held")
    reader = Client()
    reader.get(article.url)
    assert reader.get(article.url)["X-Page-Cache"] == "hit"
    url = reverse("comments_admin:index")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"action": "approve", "selected": [one.pk, two.pk]})
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.APPROVED}
    page = reader.get(article.url)
    assert page["X-Page-Cache"] == "miss"
    assert "First held" in page.content.decode()
    for action, status in (("spam", Status.SPAM), ("trash", Status.TRASH), ("restore", Status.PENDING)):
        client.post(url, {"action": action, "selected": [one.pk]})
        assert Comment.objects.get(pk=one.pk).status == status


def test_per_person_trust_hold_ban_and_hide_all(client, moderator, article, post_comment):
    mine = [pending(article, f"Mine {n}", email="pat@example.org") for n in range(3)]
    Comment.objects.filter(pk=mine[0].pk).update(status=Status.APPROVED)
    url = reverse("comments_admin:index")
    client.post(url, {"action": "trust", "selected": [mine[1].pk]})
    assert Commenter.objects.get(email="pat@example.org").trust == Commenter.Trust.TRUSTED
    client.post(url, {"action": "hold", "selected": [mine[1].pk]})
    assert Commenter.objects.get(email="pat@example.org").trust == Commenter.Trust.HOLD
    client.post(url, {"action": "ban", "selected": [mine[1].pk]})
    assert Commenter.objects.get(email="pat@example.org").trust == Commenter.Trust.BANNED
    client.post(url, {"action": "hide_all", "selected": [mine[2].pk]})
    assert set(Comment.objects.filter(email="pat@example.org").values_list("status", flat=True)) == {
        Status.TRASH
    }
    client.logout()
    assert post_comment(article, email="pat@example.org").status_code == 403


def test_edit_is_recorded(client, moderator, article):
    comment = pending(article, "Teh original")
    client.post(reverse("comments_admin:edit", args=[comment.pk]), {"text": "The corrected"})
    comment.refresh_from_db()
    assert (comment.text, comment.original_text, comment.edited_by) == (
        "The corrected",
        "Teh original",
        moderator,
    )
    assert comment.edited_at is not None
    client.post(reverse("comments_admin:edit", args=[comment.pk]), {"text": "Third version"})
    comment.refresh_from_db()
    assert comment.original_text == "Teh original"
    html = client.get(reverse("comments_admin:index")).content.decode()
    assert "Edited" in html
    assert "by mo" in html


def test_open_and_close_an_article(client, moderator, article, django_capture_on_commit_callbacks):
    reader = Client()
    closed = "Comments are closed on this article."
    assert closed not in reader.get(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("comments_admin:thread", args=[article.pk]), {"closed": "1"})
    article.refresh_from_db()
    assert article.comments_closed
    assert article.latest_revision.as_object().comments_closed
    assert closed in reader.get(article.url).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("comments_admin:thread", args=[article.pk]), {"closed": "0"})
    article.refresh_from_db()
    assert not article.comments_closed
    assert not article.latest_revision.as_object().comments_closed
    assert closed not in reader.get(article.url).content.decode()


def test_unsafe_next_is_ignored(client, moderator, article):
    response = client.post(
        reverse("comments_admin:index"), {"action": "approve", "next": "https://evil.example/"}
    )
    assert response["Location"] == reverse("comments_admin:index")


def test_a_reader_reports_once_and_it_enters_the_queue(client, moderator, article, approved_comment):
    comment = approved_comment("Rude words")
    client.logout()
    url = reverse("comments:report", args=[comment.pk])
    assert "Report a comment" in client.get(url).content.decode()
    headers = {"HTTP_ORIGIN": "http://testserver"}
    empty = client.post(url, {"reason": " "}, **headers)
    assert (empty.status_code, views.REPORT_REASON_MISSING in empty.content.decode()) == (400, True)
    assert views.REPORTED in client.post(url, {"reason": "Insulting"}, **headers).content.decode()
    assert client.post(url, {"reason": "\x00 \x00"}, **headers).status_code == 400  # nothing but NULs
    again = client.post(url, {"reason": "Still insulting"}, **headers)
    assert views.ALREADY_REPORTED in again.content.decode()
    assert client.post(url, {"reason": "x"}, HTTP_ORIGIN="https://evil.example").status_code == 403
    assert Report.objects.count() == 1
    assert Comment.objects.get(pk=comment.pk).report_count == 1
    client.force_login(moderator)
    html = client.get(reverse("comments_admin:index"), {"status": "reported"}).content.decode()
    assert "Rude words" in html
    assert "Insulting" in html
    client.post(reverse("comments_admin:index"), {"action": "approve", "selected": [comment.pk]})
    assert Comment.objects.get(pk=comment.pk).report_count == 0


def test_reports_from_one_address_are_rate_limited_even_while_the_cache_is_down(
    cache_down, client, article, approved_comment
):
    comments = [approved_comment(f"Comment {n}") for n in range(views.REPORTS_PER_CLIENT.attempts + 1)]
    headers = {"HTTP_ORIGIN": "http://testserver"}
    answers = [
        client.post(reverse("comments:report", args=[c.pk]), {"reason": "Off topic"}, **headers)
        for c in comments
    ]
    assert [a.status_code for a in answers[:-1]] == [200] * views.REPORTS_PER_CLIENT.attempts
    assert answers[-1].status_code == 429
    assert views.REPORTING_TOO_FAST in answers[-1].content.decode()
    assert "Off topic" in answers[-1].content.decode()  # the reader's reason is kept
    assert Report.objects.count() == views.REPORTS_PER_CLIENT.attempts
