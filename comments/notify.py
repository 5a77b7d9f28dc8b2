"""Email to the moderators when a comment is held for them, sent by the worker after commit."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.utils.text import Truncator
from django_tasks import task

from comments.models import MODERATE_PERMISSION, Comment, Status
from core.tasks import enqueue_after_commit

EXCERPT_CHARS = 600


def moderator_addresses() -> list[str]:
    """Active people who may moderate comments (superusers too), each address once."""
    moderators = get_user_model().objects.with_perm(
        MODERATE_PERMISSION, include_superusers=True, backend="django.contrib.auth.backends.ModelBackend"
    )
    return sorted({address for address in moderators.values_list("email", flat=True) if address})


@task()
def notify_moderators(comment_id: int) -> int:
    """One plain-text message per moderator (no one sees another's address); returns how many."""
    comment = Comment.objects.select_related("article").filter(pk=comment_id, status=Status.PENDING).first()
    if comment is None:  # already moderated, or gone
        return 0
    subject = f"Comment awaiting moderation on “{comment.article.title}”"
    body = (
        f"{comment.name} commented on “{comment.article.title}”.\n"
        f"Held because: {comment.held_reason or 'moderation'}\n\n"
        f"{Truncator(comment.text).chars(EXCERPT_CHARS)}\n\n"
        f"Moderate: {settings.SITE_URL.rstrip('/')}/admin/comments/\n"
    )
    addresses = moderator_addresses()
    return send_mass_mail([(subject, body, None, [address]) for address in addresses])


def notify_after_commit(comment: Comment) -> None:
    enqueue_after_commit(notify_moderators, comment.pk)
