"""Moderation in the Wagtail admin: queue, bulk and per-person actions, edits, reports."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.http import urlencode

from comments import views
from comments.admin_views import REASONS_SHOWN
from comments.models import MAX_TEXT, Comment, Commenter, Report, Status
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


def test_each_queue_lists_its_comments_and_shows_every_count(client, moderator, article):
    texts = {"pending": "Waiting words", "approved": "Published words", "spam": "Spammy words"}
    texts |= {"trash": "Binned words", "reported": "Reported words"}
    for queue, text in texts.items():
        comment = pending(article, text)
        status = Status.APPROVED if queue == "reported" else queue
        Comment.objects.filter(pk=comment.pk).update(status=status, report_count=int(queue == "reported"))
    for queue in ("pending", "approved", "spam", "trash"):
        html = client.get(reverse("comments_admin:index"), {"status": queue}).content.decode()
        shown = {name for name, text in texts.items() if text in html}
        assert shown == ({"approved", "reported"} if queue == "approved" else {queue})
    html = client.get(reverse("comments_admin:index"), {"status": "reported"}).content.decode()
    assert {name for name, text in texts.items() if text in html} == {"reported"}
    default = client.get(reverse("comments_admin:index")).content.decode()
    assert {name for name, text in texts.items() if text in default} == {"pending"}
    for label in ("Pending (1)", "Approved (2)", "Spam (1)", "Trash (1)", "Reported (1)"):
        assert label in default


@pytest.mark.parametrize("asked", ["abc", "999999", "article without comments"])
def test_an_unknown_article_still_lists_only_the_queue(client, moderator, article, make_article, asked):
    quiet = make_article("No comments here")
    pending(article, "Waiting words")
    Comment.objects.filter(pk=pending(article, "Spammy words").pk).update(status=Status.SPAM)
    value = str(quiet.pk) if asked == "article without comments" else asked
    html = client.get(reverse("comments_admin:index"), {"article": value}).content.decode()
    assert "Waiting words" in html
    assert "Spammy words" not in html


def test_the_queue_pages_by_fifty_and_refuses_pages_that_do_not_exist(client, moderator, article):
    for n in range(51):
        pending(article, f"Comment number {n:02d}.")
    first = client.get(reverse("comments_admin:index")).content.decode()
    assert "Comment number 50." in first  # newest first
    assert "Comment number 00." not in first
    assert "Comment number 00." in client.get(reverse("comments_admin:index"), {"p": 2}).content.decode()
    for page in ("3", "0", "abc"):
        assert client.get(reverse("comments_admin:index"), {"p": page}).status_code == 404


def test_the_queue_page_costs_the_same_queries_however_many_comments(
    client, moderator, article, django_assert_num_queries
):
    def add_reported(count: int) -> None:
        for _ in range(count):
            n = Comment.objects.count()
            comment = pending(article, f"Reported {n}", email=f"person{n}@example.org")
            Commenter.objects.create(email=comment.email, trust=Commenter.Trust.HOLD)
            for reader in range(REASONS_SHOWN + 1):
                Report.objects.create(
                    comment=comment, reporter_hash=f"{n}-{reader}", reason=f"Reason {n}.{reader}"
                )
            Comment.objects.filter(pk=comment.pk).update(
                report_count=REASONS_SHOWN + 1,
                edited_at=timezone.now(),
                edited_by=moderator,
                original_text="Before",
            )

    query = {"status": "reported", "article": article.pk, "q": "Reported"}
    for count in (1, 30):
        add_reported(count)
        with django_assert_num_queries(16):
            html = client.get(reverse("comments_admin:index"), query).content.decode()
        shown = Comment.objects.count()
        assert html.count("Hold every comment ·") == html.count(" by mo. Original") == shown
        assert f"<bdi>Reason {shown - 1}.0</bdi>; <bdi>Reason {shown - 1}.1</bdi>" in html
        assert html.count(f"Reason {shown - 1}.") == REASONS_SHOWN  # the first few of each comment's


def test_readers_and_reporters_cannot_moderate(client, article, django_capture_on_commit_callbacks):
    comment = pending(article, "Held words")
    response = client.get(reverse("comments_admin:index"))
    assert response.status_code == 302
    user = User.objects.create_user("rep", password="pw-for-tests-only")
    user.groups.add(Group.objects.get(name="Reporters"))
    client.force_login(user)
    assert "/admin/comments/" not in client.get(reverse("wagtailadmin_home")).content.decode()
    assert client.get(reverse("comments_admin:index")).status_code in (302, 403)
    assert client.get(reverse("comments_admin:edit", args=[comment.pk])).status_code in (302, 403)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("comments_admin:index"), {"action": "approve", "selected": [comment.pk]})
        client.post(reverse("comments_admin:edit", args=[comment.pk]), {"text": "Changed"})
        client.post(reverse("comments_admin:thread", args=[article.pk]), {"closed": "1"})
    comment.refresh_from_db()
    article.refresh_from_db()
    assert (comment.status, comment.text, article.comments_closed) == (Status.PENDING, "Held words", False)


def test_moderators_see_the_menu_item_but_cannot_add_or_delete_comments(client, moderator, article):
    comment = pending(article, "Held words")
    assert "/admin/comments/" in client.get(reverse("wagtailadmin_home")).content.decode()
    html = client.get(reverse("comments_admin:index")).content.decode()
    assert "/admin/comments/new/" not in html
    assert client.get("/admin/comments/new/").status_code == 404
    assert client.post(f"/admin/comments/delete/{comment.pk}/").status_code == 404
    assert Comment.objects.filter(pk=comment.pk).exists()


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
    client.post(url, {"action": "default", "selected": [mine[1].pk]})
    assert Commenter.objects.get(email="pat@example.org").trust == Commenter.Trust.DEFAULT
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
    queue = reverse("comments_admin:index") + "?status=pending&q=Teh"
    html = client.get(queue).content.decode()
    edit_url = f"{reverse('comments_admin:edit', args=[comment.pk])}?{urlencode({'next': queue})}"
    assert escape(edit_url) in html
    assert "Text as posted" not in client.get(edit_url).content.decode()
    response = client.post(edit_url, {"text": "The corrected"})
    assert response["Location"] == queue
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
    assert "Text as posted: “<bdi>Teh original</bdi>”" in client.get(edit_url).content.decode()
    too_long = client.post(edit_url, {"text": "x" * (MAX_TEXT + 1)})
    assert too_long.status_code == 200
    assert Comment.objects.get(pk=comment.pk).text == "Third version"


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
