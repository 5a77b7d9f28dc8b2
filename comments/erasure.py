"""The ``comments`` part of ``manage.py erase_email``."""

from __future__ import annotations

from django.db.models import Exists, OuterRef

from comments.models import Comment, Commenter, Status
from comments.posting import purge_article
from core.erasure import eraser
from news.models import ArticlePage

REMOVED_NAME = "Removed"


@eraser("comments")
def erase_comments(email: str) -> int:
    """Delete every comment from the address and its commenter record.

    A comment that others replied to becomes an empty placeholder ("This comment was
    removed.") with nothing of the person left, so their replies keep their place.
    """
    theirs = Comment.objects.filter(email=email)
    articles = set(theirs.filter(status=Status.APPROVED).values_list("article_id", flat=True))
    others_replied = Exists(Comment.objects.filter(parent=OuterRef("pk")).exclude(email=email))
    placeholders = list(theirs.filter(others_replied).values_list("pk", flat=True))
    for pk in placeholders:
        Comment.objects.filter(pk=pk).update(
            name=REMOVED_NAME, email="", website="", text="", original_text="", ip_hash="",
            held_reason="", fingerprint=f"erased:{pk}", edited_by=None,
        )  # fmt: skip
    deleted, _ = theirs.exclude(pk__in=placeholders).delete()
    deleted += Commenter.objects.filter(email=email).delete()[0]
    for article in ArticlePage.objects.filter(pk__in=articles):
        purge_article(article)
    return deleted + len(placeholders)
