"""``manage.py erase_email`` removes every comment and trace of an address."""

from __future__ import annotations

import pytest
from django.core.management import call_command

from comments.models import Comment, Commenter, Report

pytestmark = pytest.mark.django_db


def test_erase_email_removes_comments_record_and_reports(article, approved_comment, capsys):
    mine = approved_comment("Mine alone", email="gone@example.org", name="Gone Person", ip_hash="abc")
    replied = approved_comment("Others answered me", email="gone@example.org", name="Gone Person")
    other = approved_comment(
        "A reply by someone else", email="stay@example.org", parent=replied, root=replied, depth=2
    )
    Report.objects.create(comment=mine, reporter_hash="r", reason="spam")
    Commenter.objects.create(email="gone@example.org", trust="trusted")
    call_command("erase_email", "  GONE@example.org ")
    assert not Comment.objects.filter(email="gone@example.org").exists()
    assert not Commenter.objects.exists()
    assert not Report.objects.exists()
    placeholder = Comment.objects.get(pk=replied.pk)
    assert (placeholder.name, placeholder.email, placeholder.text, placeholder.ip_hash) == (
        "Removed",
        "",
        "",
        "",
    )
    everything = " ".join(str(v) for row in Comment.objects.values() for v in row.values())
    assert "gone@example.org" not in everything
    assert "Gone Person" not in everything
    assert Comment.objects.get(pk=other.pk).text == "A reply by someone else"
    assert "comments" in capsys.readouterr().out


def test_the_page_shows_a_placeholder_and_keeps_the_reply(client, article, approved_comment):
    replied = approved_comment("Others answered me", email="gone@example.org")
    approved_comment("Kept reply", email="stay@example.org", parent=replied, root=replied, depth=2)
    call_command("erase_email", "gone@example.org")
    html = client.get(article.url).content.decode()
    assert "This comment was removed." in html
    assert "Kept reply" in html


def test_a_comment_with_someone_else_further_down_its_thread_stays_as_a_placeholder(
    article, approved_comment
):
    top = approved_comment("My question", email="gone@example.org")
    follow_up = approved_comment("My follow-up", email="gone@example.org", parent=top, root=top, depth=2)
    answer = approved_comment("An answer", email="stay@example.org", parent=follow_up, root=top, depth=3)
    alone = approved_comment("Nobody answered", email="gone@example.org")
    call_command("erase_email", "gone@example.org")
    assert Comment.objects.get(pk=answer.pk).text == "An answer"
    assert set(Comment.objects.filter(pk__in=[top.pk, follow_up.pk]).values_list("text", "email")) == {
        ("", "")
    }
    assert not Comment.objects.filter(pk=alone.pk).exists()
