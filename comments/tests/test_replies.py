"""Reply notifications through the real outbox and a local SMTP server: confirmation first,
one mail per published reply, a one-click stop."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.core.mail import EmailMessage
from django.http import HttpResponse
from pytest_django import DjangoCaptureOnCommitCallbacks

from comments import moderation
from comments.models import Comment, CommentSettings, ReplyAddress
from comments.replies import token
from news.models import ArticlePage

pytestmark = pytest.mark.django_db

RITA, SAM = "rita@example.org", "sam@example.org"


@pytest.fixture
def published_at_once(article: ArticlePage) -> None:
    CommentSettings.objects.update_or_create(site=article.get_site(), defaults={"moderation": "none"})


@pytest.fixture
def post(
    post_comment: Callable[..., HttpResponse],
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
) -> Callable[..., Comment]:
    def send(article: ArticlePage, **fields: object) -> Comment:
        with django_capture_on_commit_callbacks(execute=True):
            response = post_comment(article, **fields)
        assert response.status_code == 201, response.content
        return Comment.objects.latest("pk")

    return send


def header(message: EmailMessage, name: str = "Subject") -> str:
    """As a mail program reads it: a long header is folded onto the next line."""
    return " ".join(str(message[name]).split())


def link(message: EmailMessage, path: str) -> str:
    found = re.search(rf"https://news\.example(/comments/replies/{path}/[^/\s]+/)", message.get_content())
    assert found, message.get_content()
    return found.group(1)


def test_replies_are_mailed_once_confirmed_and_stop_in_one_click(
    client, article, smtp, published_at_once, post, django_capture_on_commit_callbacks
):
    first = post(article, email=RITA, comment="When do the ferries change?", notify_replies="on")
    (confirmation,) = smtp.inbox.to(RITA)
    assert header(confirmation) == "Confirm: email me replies to my comments"
    post(article, email=RITA, comment="And the buses?", notify_replies="on")
    assert len(smtp.inbox.to(RITA)) == 1, "one confirmation, not one per comment"

    confirm = link(confirmation, "confirm")
    page = client.get(confirm)
    assert page.status_code == 200
    assert b"Yes, email me replies" in page.content
    assert ReplyAddress.objects.get(email=RITA).confirmed_at is None, "opening the link is not confirming"
    assert client.post(confirm).status_code == 200
    assert ReplyAddress.objects.get(email=RITA).confirmed_at is not None

    post(article, email=SAM, author="Sam", comment="In March, I read.", parent=first.pk)
    post(article, email=RITA, author="Rita Reader", comment="Thanks!", parent=first.pk)  # her own reply
    notices = smtp.inbox.to(RITA)[1:]
    assert [header(m) for m in notices] == [f"Sam replied to your comment on “{article.title}”"]
    body = notices[0].get_content()
    assert "In March, I read." in body
    assert f"{article.url}#comment-" in body
    assert header(notices[0], "List-Unsubscribe-Post") == "List-Unsubscribe=One-Click"
    assert smtp.inbox.to(SAM) == []

    stop = link(notices[0], "stop")
    assert header(notices[0], "List-Unsubscribe") == f"<https://news.example{stop}>"
    assert client.post(stop, {"List-Unsubscribe": "One-Click"}).status_code == 200
    post(article, email=SAM, author="Sam", comment="Also the night boat.", parent=first.pk)
    assert len(smtp.inbox.to(RITA)) == 2, "no mail after stopping"


def test_nobody_can_sign_up_a_stranger(article, smtp, published_at_once, post):
    first = post(article, email=RITA, comment="When do the ferries change?", notify_replies="on")
    post(article, email=SAM, author="Sam", comment="In March.", parent=first.pk)
    assert [header(m) for m in smtp.inbox.to(RITA)] == ["Confirm: email me replies to my comments"]


def test_a_held_reply_is_mailed_when_a_moderator_publishes_it(
    client, article, smtp, post, django_capture_on_commit_callbacks
):
    CommentSettings.objects.update_or_create(site=article.get_site(), defaults={"moderation": "all"})
    first = post(article, email=RITA, comment="When do the ferries change?", notify_replies="on")
    moderation.apply("approve", [first.pk])
    client.post(link(smtp.inbox.to(RITA)[0], "confirm"))
    reply = post(article, email=SAM, author="Sam", comment="In March.", parent=first.pk)
    assert len(smtp.inbox.to(RITA)) == 1, "not while the reply is held"
    with django_capture_on_commit_callbacks(execute=True):
        moderation.apply("approve", [reply.pk])
    assert len(smtp.inbox.to(RITA)) == 2


@pytest.mark.parametrize("action", ["confirm", "stop"])
def test_a_forged_or_swapped_link_does_nothing(client, action):
    assert client.post(f"/comments/replies/{action}/not-a-token/").status_code == 404
    other = "stop" if action == "confirm" else "confirm"
    assert client.post(f"/comments/replies/{action}/{token(RITA, other)}/").status_code == 404


def test_erasing_an_address_forgets_its_reply_notices(article, smtp, published_at_once, post):
    from django.core.management import call_command

    post(article, email=RITA, comment="When do the ferries change?", notify_replies="on")
    call_command("erase_email", RITA, verbosity=0)
    assert not ReplyAddress.objects.filter(email=RITA).exists()
