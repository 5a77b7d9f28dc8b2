"""What other apps may use from ``comments``: the count readers see, and when it may change."""

from __future__ import annotations

from django.dispatch import Signal

from comments.models import Comment, Status

# Sent with article=... when a comment becomes visible or hidden, inside the change's
# transaction: a receiver purging what shows the count does it after commit, as this app does.
visible_comments_changed = Signal()


def comment_count(article_id: int) -> int:
    """The number the article page shows: every approved comment, replies included."""
    return Comment.objects.filter(article_id=article_id, status=Status.APPROVED).count()


__all__ = ["comment_count", "visible_comments_changed"]
