"""Optional Akismet-compatible spam check, run by the worker only when a key is configured.

A comment the rules would publish is held with :data:`CHECKING` until the service
answers; the reader's address and browser go to the worker through the shared cache
(an hour at most), never into the database or the task queue.
"""

from __future__ import annotations

import urllib.error
import urllib.parse
import urllib.request
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django_tasks import task
from wagtail.models import Site

from core.clientip import client_ip
from core.sites import absolute_url

if TYPE_CHECKING:
    from comments.models import Comment

CHECKING = "Awaiting the spam check"
FAILED = "The spam check did not answer; review by hand"
TIMEOUT_SECONDS = 10


def enabled() -> bool:
    return bool(settings.COMMENTS_AKISMET_KEY)


def _visitor_key(comment_id: int) -> str:
    return f"comments:akismet:visitor:{comment_id}"


def check_after_commit(comment: object, request: HttpRequest) -> None:
    visitor = {"user_ip": client_ip(request), "user_agent": request.headers.get("User-Agent", "")[:300]}

    def enqueue() -> None:
        cache.set(_visitor_key(comment.pk), visitor, timeout=3600)
        check_comment.enqueue(comment.pk)

    transaction.on_commit(enqueue)


def ask(fields: dict[str, str]) -> bool | None:
    """True for spam, False for not spam, None when the service gave no usable answer."""
    url = settings.COMMENTS_AKISMET_URL.rstrip("/") + "/1.1/comment-check"
    body = urllib.parse.urlencode({"api_key": settings.COMMENTS_AKISMET_KEY, **fields}).encode()
    request = urllib.request.Request(url, data=body, method="POST")  # noqa: S310 (https/http from settings)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310
            answer = response.read(100).decode().strip()
    except (urllib.error.URLError, OSError, UnicodeDecodeError):
        return None
    return {"true": True, "false": False}.get(answer)


def _notifies(comment: Comment) -> bool:
    """Whether the comment's site asks for moderators to hear of held comments."""
    from comments.models import CommentSettings

    site = comment.article.get_site() or Site.objects.get(is_default_site=True)
    return CommentSettings.for_site(site).notify_moderators


@task()
def check_comment(comment_id: int) -> str:
    from comments import notify, replies
    from comments.models import Comment, Status
    from comments.posting import purge_article

    comment = Comment.objects.select_related("article").filter(pk=comment_id, status=Status.PENDING).first()
    visitor = cache.get(_visitor_key(comment_id)) or {"user_ip": "", "user_agent": ""}
    cache.delete(_visitor_key(comment_id))
    if comment is None:
        return "gone"
    verdict = ask(
        {
            "blog": settings.SITE_URL,
            "permalink": absolute_url(comment.article.url),
            "comment_type": "comment" if comment.parent_id is None else "reply",
            "comment_author": comment.name,
            "comment_author_email": comment.email,
            "comment_author_url": comment.website,
            "comment_content": comment.text,
            **visitor,
        }
    )
    if verdict is True:
        comment.status, comment.held_reason = Status.SPAM, "The spam check said spam"
    elif verdict is None:
        comment.held_reason = FAILED if comment.held_reason == CHECKING else comment.held_reason
    elif comment.held_reason == CHECKING:
        comment.status, comment.held_reason = Status.APPROVED, ""
    with transaction.atomic():
        # A moderator may have decided while the service was asked: their decision stands.
        changed = Comment.objects.filter(pk=comment.pk, status=Status.PENDING).update(
            status=comment.status, held_reason=comment.held_reason
        )
        if not changed:
            return "moderated meanwhile"
        if comment.status == Status.APPROVED:
            purge_article(comment.article)
            replies.send_after_commit()
        elif comment.status == Status.PENDING and _notifies(comment):
            notify.notify_after_commit(comment)
    return comment.status
