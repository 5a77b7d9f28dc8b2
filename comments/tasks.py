"""The worker's side of the optional spam check (:mod:`comments.spamcheck`).

A comment the rules would publish is held with :data:`CHECKING` until the service answers;
the reader's address and browser go to the worker through the shared cache (an hour at most),
never into the database or the task queue.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest
from django_tasks import task
from wagtail.models import Site

from comments import notify, replies, spamcheck
from comments.models import Comment, Status, shared_comment_settings
from comments.moderation import purge_article
from core.clientip import client_ip
from core.sites import absolute_url

CHECKING = "Awaiting the spam check"
FAILED = "The spam check did not answer; review by hand"


def _visitor_key(comment_id: int) -> str:
    return f"comments:akismet:visitor:{comment_id}"


def check_after_commit(comment: Comment, request: HttpRequest) -> None:
    visitor = {"user_ip": client_ip(request), "user_agent": request.headers.get("User-Agent", "")[:300]}

    def enqueue() -> None:
        cache.set(_visitor_key(comment.pk), visitor, timeout=3600)
        check_comment.enqueue(comment.pk)

    transaction.on_commit(enqueue)


def _notifies(comment: Comment) -> bool:
    """Whether the comment's site asks for moderators to hear of held comments."""
    site = comment.article.get_site() or Site.objects.get(is_default_site=True)
    return shared_comment_settings.get(site.pk).notify_moderators


def _ask_about(comment: Comment, visitor: dict[str, str]) -> bool | None:
    return spamcheck.ask(
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


def _apply_answer(comment: Comment, answer: bool | None) -> None:
    """Spam is stored as spam; no answer asks a person; not spam publishes a comment held
    only for the check (one held by a rule stays held)."""
    if answer is True:
        comment.status, comment.held_reason = Status.SPAM, "The spam check said spam"
    elif answer is None:
        comment.held_reason = FAILED if comment.held_reason == CHECKING else comment.held_reason
    elif comment.held_reason == CHECKING:
        comment.status, comment.held_reason = Status.APPROVED, ""


@task()
def check_comment(comment_id: int) -> str:
    comment = Comment.objects.select_related("article").filter(pk=comment_id, status=Status.PENDING).first()
    visitor = cache.get(_visitor_key(comment_id)) or {"user_ip": "", "user_agent": ""}
    cache.delete(_visitor_key(comment_id))
    if comment is None:
        return "gone"
    _apply_answer(comment, _ask_about(comment, visitor))
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
