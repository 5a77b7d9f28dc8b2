"""Moderation: the queue's actions on comments and on the people who wrote them, and the
purge every change readers can see goes through (:func:`purge_article`, also used by posting,
the spam check, erasure and the WordPress importer).

Every change that can alter what readers see purges the affected articles' pages after
the transaction commits.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from comments import replies
from comments.api import visible_comments_changed
from comments.models import Comment, Commenter, Status
from core import fragments
from core.tasks import purge_pages_after_commit
from news.models import ArticlePage

COMMENT_ACTIONS = {
    "approve": ("Approve", Status.APPROVED),
    "spam": ("Mark as spam", Status.SPAM),
    "trash": ("Move to trash", Status.TRASH),
    "restore": ("Restore to pending", Status.PENDING),
}
PERSON_ACTIONS = {
    "trust": ("Trust these commenters (publish at once)", Commenter.Trust.TRUSTED),
    "hold": ("Hold every comment from these commenters", Commenter.Trust.HOLD),
    "ban": ("Ban these commenters", Commenter.Trust.BANNED),
    "default": ("Return these commenters to the site rules", Commenter.Trust.DEFAULT),
}
HIDE_ALL = "hide_all"
ACTION_LABELS = {
    **{name: label for name, (label, _) in COMMENT_ACTIONS.items()},
    **{name: label for name, (label, _) in PERSON_ACTIONS.items()},
    HIDE_ALL: "Hide all comments by these commenters",
}


def purge_article(article: ArticlePage) -> None:
    """The article page shows its comments and count; listings do not. Other apps showing the
    count (the JSON API) hear of it through ``comments.api.visible_comments_changed``."""
    fragments.bump_after_commit("comments")
    purge_pages_after_commit([article.url])
    visible_comments_changed.send(sender=Comment, article=article)


def _purge(article_ids: Iterable[int]) -> None:
    for article in ArticlePage.objects.filter(pk__in=set(article_ids)):
        purge_article(article)


def set_status(comments: QuerySet[Comment], status: str) -> int:
    with transaction.atomic():
        rows = list(comments.select_for_update().values_list("pk", "article_id"))
        changes: dict[str, object] = {"status": status}
        if status == Status.APPROVED:
            # A moderator has read it: it leaves the held and reported lists.
            changes |= {"held_reason": "", "report_count": 0}
        updated = Comment.objects.filter(pk__in=[pk for pk, _ in rows]).update(**changes)
        _purge(article for _, article in rows)
        if status == Status.APPROVED:
            replies.send_after_commit()
    return updated


def set_trust(emails: Iterable[str], trust: str) -> int:
    emails = {email for email in emails if email}
    with transaction.atomic():
        for email in emails:
            Commenter.objects.update_or_create(email=email, defaults={"trust": trust})
    return len(emails)


def hide_all(emails: Iterable[str]) -> int:
    """Move every comment by these addresses to the trash."""
    return set_status(
        Comment.objects.filter(email__in={e for e in emails if e}).exclude(status=Status.TRASH), Status.TRASH
    )


def apply(action: str, comment_ids: Iterable[int]) -> tuple[str, int]:
    """Run a queue action on the selected comments; return (what was done, how many)."""
    selected = Comment.objects.filter(pk__in=list(comment_ids))
    if action in COMMENT_ACTIONS:
        return ACTION_LABELS[action], set_status(selected, COMMENT_ACTIONS[action][1])
    emails = list(selected.values_list("email", flat=True).distinct())
    if action in PERSON_ACTIONS:
        return ACTION_LABELS[action], set_trust(emails, PERSON_ACTIONS[action][1])
    if action == HIDE_ALL:
        return ACTION_LABELS[action], hide_all(emails)
    raise ValueError(action)


def edit_text(comment: Comment, new_text: str, user: object) -> None:
    with transaction.atomic():
        if new_text == comment.text:
            return
        comment.original_text = comment.original_text or comment.text
        comment.text = new_text
        comment.edited_at = timezone.now()
        comment.edited_by = user
        comment.save(update_fields=["text", "original_text", "edited_at", "edited_by"])
        if comment.status == Status.APPROVED:
            purge_article(comment.article)
