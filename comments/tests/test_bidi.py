"""Reader text cannot reverse what follows it: names, bodies, reasons are isolated (core.bidi)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.urls import reverse

from comments.models import Report
from conftest import assert_isolated
from news.roles import MODERATORS

pytestmark = pytest.mark.django_db

SPOOF = "gnp.\u202etxt.exe"  # reads "gnp.exe.txt" ... once overridden


def test_a_comment_body_and_name_are_isolated_on_the_article_page(client, article, approved_comment):
    approved_comment(f"Look at {SPOOF} and then https://example.org/\u202eevil", name=f"Rita {SPOOF}")
    html = client.get(article.url).content.decode()
    assert_isolated(html, "txt.exe")
    assert_isolated(html, "Rita")


def test_the_reply_form_and_the_report_page_isolate_the_name_and_quote(client, article, approved_comment):
    comment = approved_comment(f"Quoted {SPOOF}", name=f"Rita {SPOOF}")
    assert_isolated(client.get(f"{article.url}?replytocom={comment.pk}").content.decode(), "Rita")
    assert_isolated(client.get(reverse("comments:report", args=[comment.pk])).content.decode(), "Quoted")


def test_the_moderation_queue_isolates_names_text_and_report_reasons(client, article, approved_comment):
    comment = approved_comment(
        f"Queued {SPOOF}\nsecond line", name=f"Rita {SPOOF}", website="https://example.org/"
    )
    Report.objects.create(comment=comment, reporter_hash="x", reason=f"Reason {SPOOF}")
    comment.report_count = 1
    comment.save()
    moderator = User.objects.create_user("mo", password="pw-for-tests-only")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    client.force_login(moderator)
    html = client.get(reverse("comments_admin:index"), {"status": "reported"}).content.decode()
    for marker in ("Queued", "Rita", "Reason"):
        assert_isolated(html, marker)
