"""Each posting rule alone: the verdict it gives, and that it stays silent otherwise."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from wagtail.models import Site

from comments import posting
from comments.models import Comment, Commenter, CommentSettings, Status
from comments.posting import Decision, Refusal, Submission
from comments.tests.conftest import form_data
from core import ratelimit
from news.api import set_comments_closed
from news.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def submission(article: ArticlePage, rf: RequestFactory) -> Callable[..., Submission]:
    def make(**fields: object) -> Submission:
        data = {key: str(value) for key, value in (form_data(article) | fields).items()}
        return Submission(rf.post("/comments/post/", REMOTE_ADDR="203.0.113.7"), data)

    return make


def site_settings(**changes: object) -> None:
    settings = CommentSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in changes.items():
        setattr(settings, name, value)
    settings.save()


def test_the_order_is_the_policy():
    assert [rule.__name__ for rule in posting.RULES] == [
        "article_open",
        "reply_target_available",
        "person_not_banned",
        "refused_words",
        "rate_limits",
        "spam_score",
        "held_words",
        "link_count",
        "commenter_trust",
        "site_moderation",
        "first_comment",
    ]


def test_article_open(article, submission):
    assert posting.article_open(submission()) is None
    set_comments_closed(article, True)
    assert posting.article_open(submission()) == Refusal(posting.CLOSED, 403)
    assert posting.article_open(submission(article=article.pk + 1000)) == Refusal(posting.NO_ARTICLE, 404)


def test_reply_target_available(submission, approved_comment):
    assert posting.reply_target_available(submission()) is None
    replied_to = approved_comment()
    assert posting.reply_target_available(submission(parent=replied_to.pk)) is None
    Comment.objects.filter(pk=replied_to.pk).update(status=Status.TRASH)
    assert posting.reply_target_available(submission(parent=replied_to.pk)) == Refusal(posting.BAD_PARENT)


def test_person_not_banned(submission):
    assert posting.person_not_banned(submission()) is None
    Commenter.objects.create(email="rita@example.org", trust=Commenter.Trust.BANNED)
    assert posting.person_not_banned(submission()) == Refusal(posting.BANNED, 403)


def test_refused_words(submission):
    site_settings(reject_words="forbidden\n/ca+sh/")
    assert posting.refused_words(submission()) is None
    assert posting.refused_words(submission(comment="A forbidden thought")) == Refusal(
        posting.REFUSED_WORDS, field="comment"
    )
    assert posting.refused_words(submission(author="Caaash")) is not None


def test_rate_limits(submission):
    cache.clear()
    for _ in range(posting.PER_EMAIL.attempts):
        assert posting.rate_limits(submission()) is None
    assert posting.rate_limits(submission()) == Refusal(posting.RATE_LIMITED, 429)
    ratelimit.fallback.clear()


def test_spam_score(submission):
    assert posting.spam_score(submission()) is None
    assert posting.spam_score(submission(phone="555")) == Decision(
        Status.SPAM, "Spam score 10: hidden field filled in"
    )


def test_held_words(submission):
    site_settings(hold_words="harbour")
    assert posting.held_words(submission(comment="About the bridge")) is None
    assert posting.held_words(submission()) == Decision(
        Status.PENDING, "Contains the held word or pattern “harbour”"
    )


def test_link_count(submission):
    site_settings(hold_links_over=1)
    assert posting.link_count(submission(comment="See https://example.org")) is None
    assert posting.link_count(submission(comment="https://example.org https://example.net")) == Decision(
        Status.PENDING, "2 links (more than 1)"
    )


def test_commenter_trust(submission):
    assert posting.commenter_trust(submission()) is None
    commenter = Commenter.objects.create(email="rita@example.org", trust=Commenter.Trust.TRUSTED)
    assert posting.commenter_trust(submission()) == Decision(Status.APPROVED)
    commenter.trust = Commenter.Trust.HOLD
    commenter.save()
    assert posting.commenter_trust(submission()) == Decision(Status.PENDING, "Commenter is on hold")


@pytest.mark.parametrize(
    ("moderation", "expected"),
    [
        (CommentSettings.Moderation.FIRST_TIME, None),
        (CommentSettings.Moderation.ALL, Decision(Status.PENDING, "Every comment is held (site setting)")),
        (CommentSettings.Moderation.NONE, Decision(Status.APPROVED)),
    ],
)
def test_site_moderation(submission, moderation, expected):
    site_settings(moderation=moderation)
    assert posting.site_moderation(submission()) == expected


def test_first_comment(submission, approved_comment):
    assert posting.first_comment(submission()) == Decision(Status.PENDING, "First comment from this address")
    approved_comment(email="rita@example.org")
    assert posting.first_comment(submission()) == Decision(Status.APPROVED)


def test_the_first_verdict_wins(submission):
    Commenter.objects.create(email="rita@example.org", trust=Commenter.Trust.TRUSTED)
    site_settings(hold_words="harbour")
    assert posting.verdict(submission()).status == Status.PENDING  # held words come before trust
