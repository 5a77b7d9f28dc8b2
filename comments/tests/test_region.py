"""The comments region on the (cached) article page."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.db.models import F
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from comments.models import Comment, Status
from news.api import set_comments_closed

pytestmark = pytest.mark.django_db


def test_count_threads_oldest_first_and_commenter_details(client, article, approved_comment):
    first = approved_comment("First!", name="Ann", website="https://ann.example")
    second = approved_comment("Second thought", name="Bob")
    reply = approved_comment("Replying to Ann", name="Cy", parent=first, root=first, depth=2)
    approved_comment("Down the thread", name="Di", parent=reply, root=first, depth=3)
    Comment.objects.create(
        article=article, name="Held", email="h@example.org", text="Not yet", fingerprint="held"
    )
    html = client.get(article.url).content.decode()
    assert "4 comments" in html
    assert (
        html.index("First!")
        < html.index("Replying to Ann")
        < html.index("Down the thread")
        < html.index("Second thought")
    )
    assert "Not yet" not in html
    assert '<a href="https://ann.example" rel="nofollow ugc"><bdi>Ann</bdi></a>' in html
    assert f'<time datetime="{timezone.localtime(first.created).isoformat(timespec="seconds")}"' in html
    assert "alan@example.org" not in html
    assert f'href="{article.url}?replytocom={second.pk}#respond"' in html
    third = re.search(r'id="comment-\d+" data-depth="3"', html)
    assert third
    assert "comment__reply" not in html[third.end() : html.index("</article>", third.end())]


def test_the_form_and_its_labels(client, article):
    html = client.get(article.url).content.decode()
    assert "Leave a reply" in html
    for label in ("Comment", "Name", "Email", "Website"):
        assert f">{label}" in html
    assert "Save my name, email, and website in this browser for the next time I comment." in html
    assert 'name="phone"' in html
    assert 'aria-hidden="true"' in html
    assert "comments/comments.js" in html
    assert "csrfmiddlewaretoken" not in html
    assert "awaiting moderation" not in html


def test_reply_without_javascript_uses_its_own_address(client, article, approved_comment):
    comment = approved_comment(name="Ann")
    html = client.get(f"{article.url}?replytocom={comment.pk}").content.decode()
    assert "Reply to <bdi>Ann</bdi>" in html
    assert f'name="parent" value="{comment.pk}"' in html
    assert 'name="parent" value=""' in client.get(f"{article.url}?replytocom=999999").content.decode()


def test_reply_links_on_later_pages_keep_their_page(client, article, approved_comment):
    from comments.models import CommentSettings

    CommentSettings.objects.create(site_id=article.get_site().pk, per_page=1)
    approved_comment("On page one")
    later = approved_comment("On page two", name="Bo")
    html = client.get(f"{article.url}?cpage=2").content.decode()
    assert f'href="{article.url}?cpage=2&amp;replytocom={later.pk}#respond"' in html
    html = client.get(f"{article.url}?cpage=2&replytocom={later.pk}").content.decode()
    assert "Reply to <bdi>Bo</bdi>" in html


@pytest.mark.parametrize("cpage", ["abc", "0", "-1", "3", "²", "9" * 40, ""])
def test_a_comment_page_that_does_not_exist_is_not_found(client, article, approved_comment, cpage):
    from comments.models import CommentSettings

    CommentSettings.objects.create(site_id=article.get_site().pk, per_page=1)
    approved_comment("On page one")
    approved_comment("On page two")
    assert client.get(f"{article.url}?cpage=2").status_code == 200
    assert client.get(article.url, {"cpage": cpage}).status_code == 404


@pytest.mark.django_db
def test_comment_times_are_in_the_site_time_zone_like_the_dateline(
    client, article, approved_comment, settings
):
    settings.TIME_ZONE = "Europe/London"
    comment = approved_comment("Summer time")
    Comment.objects.filter(pk=comment.pk).update(created=datetime(2026, 7, 1, 22, 30, tzinfo=UTC))
    html = client.get(article.url).content.decode()
    assert '<time datetime="2026-07-01T23:30:00+01:00">1 July 2026, 23:30 BST</time>' in html


def test_closed_articles_show_comments_but_no_form(client, article, approved_comment):
    approved_comment("Still here")
    set_comments_closed(article, True)
    html = client.get(article.url).content.decode()
    assert "Still here" in html
    assert "Comments are closed on this article." in html
    assert "Leave a reply" not in html
    assert "?replytocom=" not in html


def test_an_approved_comment_appears_at_once_on_the_cached_page(
    client, article, post_comment, approved_comment, django_capture_on_commit_callbacks
):
    approved_comment(email="rita@example.org")
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(article, json=False, comment="Published straight away")
    assert response.status_code == 303
    assert response["Location"].endswith(f"?cpage=1#comment-{Comment.objects.latest('pk').pk}")
    page = client.get(article.url)
    assert page["X-Page-Cache"] == "miss"
    assert "Published straight away" in page.content.decode()


def test_a_held_comment_shows_only_to_its_author(client, article, post_comment):
    client.get(article.url)
    response = post_comment(article, json=False, comment="Mine, awaiting")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert "Your comment is awaiting moderation." in html
    assert "Mine, awaiting" in html
    cached = client.get(article.url)
    assert cached["X-Page-Cache"] == "hit"
    assert "Mine, awaiting" not in cached.content.decode()


def test_pagination_and_query_budget_with_5000_comments(client, article):
    """4 000 threads and 1 000 replies: one page of 50 threads and their replies, fixed queries."""
    now = timezone.now()
    rows = [
        Comment(
            article=article,
            name=f"Reader {n}",
            email=f"r{n}@example.org",
            text=f"Comment number {n}",
            status=Status.APPROVED,
            fingerprint=f"fp{n}",
            created=now,
        )
        for n in range(4000)
    ]
    Comment.objects.bulk_create(rows)
    Comment.objects.update(root_id=F("pk"), created=now - timedelta(days=1))
    roots = list(Comment.objects.order_by("pk")[:50])
    Comment.objects.bulk_create(
        Comment(
            article=article,
            parent=roots[n % 50],
            root=roots[n % 50],
            depth=2,
            name=f"Replier {n}",
            email=f"p{n}@example.org",
            text=f"Reply number {n}",
            status=Status.APPROVED,
            fingerprint=f"rp{n}",
        )
        for n in range(1000)
    )
    # Renditions and settings warmed as in the news budgets; page 2, so that page 1's comments
    # region (the same fragment as the bare address) is rendered inside the measurement.
    client.get(f"{article.url}?cpage=2")
    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"{article.url}?cpage=1").content.decode()
    assert "5000 comments" in html or "5,000 comments" in html
    assert html.count('class="comment-item"') == 50 + 1000
    assert "Comment number 0<" in html
    assert "Comment number 50<" not in html
    assert f'href="{article.url}?cpage=80#comments"' in html
    # The article page with every region is 14 queries (news/tests/test_query_budget.py); a
    # 5 000-comment thread may add up to 4 in the comments region (count, page, replies, settings).
    assert len(queries) <= 18, [q["sql"][:120] for q in queries.captured_queries]
    with CaptureQueriesContext(connection) as last_page:
        html = client.get(f"{article.url}?cpage=80").content.decode()
    assert "Comment number 3999<" in html
    assert len(last_page) == len(queries)


def test_start_token_is_fresh_for_each_reader(client):
    response = client.get("/comments/start/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert response.json()["started"]
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize("raw", ["²", "٣", "-1", "0", "99999999999999999999", "9" * 5000, "1e3"])
def test_a_strange_reply_to_id_shows_the_page_without_a_reply_target(client, article, approved_comment, raw):
    approved_comment("Only comment")
    response = client.get(article.url, {"replytocom": raw})
    assert response.status_code == 200
    assert "Only comment" in response.content.decode()


def test_reply_ids_that_name_no_shown_comment_are_not_cached_under_their_value(
    client, article, approved_comment
):
    shown = approved_comment("Only comment")
    for raw in ("999999", "abc", str(shown.pk + 1000)):
        for _attempt in range(2):  # answered, never stored: the second request renders again
            response = client.get(article.url, {"replytocom": raw})
            assert response.status_code == 200, raw
            assert response.get("X-Page-Cache") != "hit", raw
    client.get(article.url, {"replytocom": shown.pk})
    assert client.get(article.url, {"replytocom": shown.pk})["X-Page-Cache"] == "hit"
