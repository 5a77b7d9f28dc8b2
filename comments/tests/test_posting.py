"""Posting: every validation message, the rules, spam defences, and nothing lost."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import signing
from django.test import TestCase
from django.utils import timezone

from comments import forms, posting
from comments.models import Comment, Commenter, CommentSettings, Status
from comments.tests.conftest import form_data
from news.api import set_comments_closed

pytestmark = pytest.mark.django_db


def site_settings(**changes: object) -> CommentSettings:
    from wagtail.models import Site

    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in changes.items():
        setattr(settings, name, value)
    with TestCase.captureOnCommitCallbacks(execute=True):  # the admin's save commits
        settings.save()
    return settings


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("comment", "", forms.EMPTY_COMMENT),
        ("comment", "   \n  ", forms.EMPTY_COMMENT),
        ("author", "", forms.EMPTY_NAME),
        ("author", "\u200b\u202e", forms.EMPTY_NAME),
        ("email", "", forms.BAD_EMAIL),
        ("email", "not-an-address", forms.BAD_EMAIL),
        ("url", "javascript:alert(1)", forms.BAD_WEBSITE),
    ],
)
def test_each_required_message_is_exact(article, post_comment, field, value, message):
    response = post_comment(article, **{field: value})
    assert response.status_code == 400
    assert response.json()["errors"] == {field: message}
    assert not Comment.objects.exists()


def test_exact_wording_of_the_three_required_messages():
    assert forms.EMPTY_COMMENT == "Please enter your comment!"
    assert forms.EMPTY_NAME == "Please enter your name here"
    assert forms.BAD_EMAIL == "You have entered an incorrect email address!"


def test_without_javascript_errors_come_back_beside_the_fields_with_the_text_kept(article, post_comment):
    response = post_comment(article, json=False, author="", comment="My words <b>stay</b>")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="author-error">Please enter your name here</span>' in html
    assert 'aria-invalid="true"' in html
    assert "My words &lt;b&gt;stay&lt;/b&gt;</textarea>" in html
    assert 'value="rita@example.org"' in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize(
    ("field", "length", "limit"),
    [("comment", 5001, "5,000"), ("author", 81, "80"), ("url", 201, "200")],
)
def test_too_long_says_the_limit(article, post_comment, field, length, limit):
    value = ("https://e.org/" + "a" * length)[:length] if field == "url" else "a" * length
    response = post_comment(article, **{field: value})
    assert response.status_code == 400
    assert f"at most {limit} characters" in response.json()["errors"][field]


def test_too_many_links_is_refused(article, post_comment):
    text = " ".join(f"https://example.org/{n}" for n in range(11))
    response = post_comment(article, comment=text)
    assert response.json()["errors"] == {"comment": forms.TOO_MANY_LINKS}


def test_more_links_than_the_setting_holds_with_the_reason(article, post_comment, approved_comment):
    approved_comment(email="rita@example.org")
    post_comment(article, comment="See https://a.example and https://b.example and https://c.example")
    comment = Comment.objects.get(email="rita@example.org", status=Status.PENDING)
    assert comment.held_reason == "3 links (more than 2)"


def test_first_comment_is_held_then_the_commenter_is_auto_approved(article, post_comment):
    first = post_comment(article).json()
    assert first["awaiting"] is True
    assert first["message"] == "Your comment is awaiting moderation."
    comment = Comment.objects.get()
    assert comment.held_reason == "First comment from this address"
    Comment.objects.filter(pk=comment.pk).update(status=Status.APPROVED)
    second = post_comment(article, comment="And a second thought.").json()
    assert second["awaiting"] is False
    assert Comment.objects.get(pk=second["id"]).status == Status.APPROVED


@pytest.mark.parametrize(("mode", "status"), [("all", Status.PENDING), ("none", Status.APPROVED)])
def test_moderation_site_setting(article, post_comment, approved_comment, mode, status):
    site_settings(moderation=mode)
    approved_comment(email="rita@example.org")
    post_comment(article)
    assert Comment.objects.get(email="rita@example.org", text__startswith="A thoughtful").status == status


def test_trusted_held_and_banned_commenters(article, post_comment):
    Commenter.objects.create(email="rita@example.org", trust=Commenter.Trust.TRUSTED)
    assert post_comment(article).json()["awaiting"] is False
    Commenter.objects.filter(email="rita@example.org").update(trust=Commenter.Trust.HOLD)
    assert post_comment(article, comment="Held this time.").json()["awaiting"] is True
    Commenter.objects.filter(email="rita@example.org").update(trust=Commenter.Trust.BANNED)
    response = post_comment(article, comment="Banned now.")
    assert response.status_code == 403
    assert response.json()["errors"] == {"__all__": posting.BANNED}


def test_hold_and_reject_words(article, post_comment):
    site_settings(hold_words="casino\n/cheap\\s+pills/", reject_words="rotten egg", moderation="none")
    post_comment(article, comment="Visit the casino tonight")
    assert Comment.objects.get().held_reason == "Contains the held word or pattern “casino”"
    post_comment(article, comment="buy CHEAP   pills", email="b@example.org")
    assert (
        Comment.objects.get(email="b@example.org").held_reason
        == "Contains the held word or pattern “/cheap\\s+pills/”"
    )
    response = post_comment(article, comment="What a rotten egg you are", email="c@example.org")
    assert response.json()["errors"] == {"comment": posting.REFUSED_WORDS}
    assert (
        post_comment(article, comment="A casinos-free note", email="d@example.org").json()["awaiting"]
        is False
    )


def test_a_broken_pattern_does_not_stop_commenting(article, post_comment):
    site_settings(hold_words="/([/", moderation="none")
    assert post_comment(article).status_code == 201


def test_closed_article_and_auto_close(article, post_comment):
    set_comments_closed(article, True)
    response = post_comment(article)
    assert (response.status_code, response.json()["errors"]) == (403, {"__all__": posting.CLOSED})
    set_comments_closed(article, False)
    article.published_at = timezone.now() - timedelta(days=31)
    article.save()
    site_settings(close_after_days=30)
    assert post_comment(article).json()["errors"] == {"__all__": posting.CLOSED}
    site_settings(close_after_days=60)
    assert post_comment(article).status_code == 201


def test_unknown_or_draft_article_is_refused(make_article, post_comment):
    draft = make_article("A draft", live=False)
    response = post_comment(draft)
    assert response.status_code == 404
    assert response.json()["errors"] == {"__all__": posting.NO_ARTICLE}


def test_duplicate_is_refused(article, post_comment):
    assert post_comment(article).status_code == 201
    response = post_comment(article, comment="  A THOUGHTFUL point   about the harbour.")
    assert (response.status_code, response.json()["errors"]) == (409, {"__all__": posting.DUPLICATE})
    assert Comment.objects.count() == 1


def test_rate_limit_per_client_and_per_email(article, post_comment):
    attempts = posting.PER_CLIENT.attempts
    for n in range(attempts):
        assert post_comment(article, comment=f"Note {n}", email=f"r{n}@example.org").status_code == 201
    response = post_comment(article, comment="One too many", email="other@example.org")
    assert (response.status_code, response.json()["errors"]) == (429, {"__all__": posting.RATE_LIMITED})
    for n in range(posting.PER_EMAIL.attempts):
        post_comment(article, comment=f"Mail {n}", headers={"REMOTE_ADDR": f"10.0.0.{n + 1}"})
    response = post_comment(article, comment="Mail again", headers={"REMOTE_ADDR": "10.0.0.99"})
    assert response.json()["errors"] == {"__all__": posting.RATE_LIMITED}


def test_only_a_salted_hash_of_the_client_address_is_stored(article, post_comment):
    post_comment(article, headers={"REMOTE_ADDR": "203.0.113.7"})
    comment = Comment.objects.get()
    assert len(comment.ip_hash) == 32
    stored = " ".join(str(value) for value in Comment.objects.values().get().values())
    assert "203.0.113.7" not in stored


def test_honeypot_and_too_fast_go_to_spam(article, post_comment):
    post_comment(article, phone="+44 1234")
    assert Comment.objects.get().status == Status.SPAM
    assert "hidden field filled in" in Comment.objects.get().held_reason
    post_comment(article, started=posting.start_token(), email="quick@example.org")
    quick = Comment.objects.get(email="quick@example.org")
    assert (quick.status, quick.spam_score) == (Status.SPAM, 5)


def test_an_honest_start_token_and_a_forged_one(article, post_comment):
    signer = signing.TimestampSigner(salt=posting.STARTED_SALT)
    old_enough = signer.sign(str(int(timezone.now().timestamp()) - 30))
    post_comment(article, started=old_enough)
    assert Comment.objects.get().spam_score == 0
    post_comment(article, started="123:forged", email="f@example.org")
    assert Comment.objects.get(email="f@example.org").spam_score == 5


def test_replies_nest_three_levels_then_stay_at_the_third(article, post_comment, approved_comment):
    top = approved_comment()
    site_settings(moderation="none")
    parent = top
    for n, depth in enumerate((2, 3, 3)):
        posted = post_comment(article, comment=f"Reply {n}", parent=parent.pk).json()
        reply = Comment.objects.get(pk=posted["id"])
        assert (reply.depth, reply.root_id) == (depth, top.pk)
        parent = reply
    assert reply.parent.depth == 2


def test_reply_to_a_comment_elsewhere_is_refused(article, make_article, post_comment, approved_comment):
    other = make_article("Another story")
    foreign = Comment.objects.create(
        article=other,
        name="X",
        email="x@example.org",
        text="Elsewhere",
        status=Status.APPROVED,
        fingerprint="f",
    )
    response = post_comment(article, parent=foreign.pk)
    assert response.json()["errors"] == {"__all__": posting.BAD_PARENT}


def test_accepted_means_committed(article, post_comment, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_comment(article)
    assert response.status_code == 201
    assert Comment.objects.filter(pk=response.json()["id"]).exists()


def test_form_data_defaults_are_valid(article):
    form = forms.CommentForm(form_data(article))
    assert form.is_valid(), form.errors


def test_rate_limits_hold_while_the_cache_is_down_and_the_refusal_keeps_the_text(
    cache_down, article, post_comment
):
    for n in range(posting.PER_CLIENT.attempts):
        assert post_comment(article, comment=f"Outage note {n}", email=f"o{n}@example.org").status_code == 201
    refused = post_comment(
        article, json=False, comment="My carefully written sixth note", email="x@example.org"
    )
    assert refused.status_code == 429
    assert posting.RATE_LIMITED in refused.content.decode()
    assert "My carefully written sixth note" in refused.content.decode()
    for n in range(posting.PER_EMAIL.attempts):
        post_comment(
            article,
            comment=f"Same mail {n}",
            email="same@example.org",
            headers={"REMOTE_ADDR": f"10.9.0.{n}"},
        )
    again = post_comment(
        article, comment="Same mail again", email="same@example.org", headers={"REMOTE_ADDR": "10.9.1.1"}
    )
    assert again.json()["errors"] == {"__all__": posting.RATE_LIMITED}
    assert Comment.objects.count() == posting.PER_CLIENT.attempts + posting.PER_EMAIL.attempts
