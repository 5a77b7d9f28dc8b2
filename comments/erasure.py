"""The ``comments`` part of ``manage.py erase_email``."""

from __future__ import annotations

from django.db.models import CharField, Value
from django.db.models.functions import Cast, Concat

from comments.models import Comment, Commenter, ReplyAddress, Status
from comments.moderation import purge_article
from core.erasure import eraser
from news.models import ArticlePage

REMOVED_NAME = "Removed"


def _kept_as_placeholders(email: str) -> list[int]:
    """Their comments with someone else's comment anywhere below: deleting one would cascade
    (``parent`` and ``root``) to the other person's comment, so it stays as an empty shell."""
    threads = Comment.objects.filter(root_id__in=Comment.objects.filter(email=email).values("root_id"))
    rows = list(threads.values_list("pk", "parent_id", "email"))
    parent_of = {pk: parent for pk, parent, _ in rows}
    above_others: set[int] = set()
    for _, parent, address in rows:
        if address != email:
            while parent is not None and parent not in above_others:
                above_others.add(parent)
                parent = parent_of.get(parent)
    return [pk for pk, _, address in rows if address == email and pk in above_others]


@eraser("comments")
def erase_comments(email: str) -> int:
    """Delete every comment from the address, its commenter record and its reply-notice sign-up.

    A comment with others' replies below it becomes an empty placeholder ("This comment was
    removed.") with nothing of the person left, so those replies keep their place.
    """
    theirs = Comment.objects.filter(email=email)
    articles = set(theirs.filter(status=Status.APPROVED).values_list("article_id", flat=True))
    placeholders = _kept_as_placeholders(email)
    Comment.objects.filter(pk__in=placeholders).update(
        name=REMOVED_NAME, email="", website="", text="", original_text="", ip_hash="", held_reason="",
        fingerprint=Concat(Value("erased:"), Cast("pk", CharField())), edited_by=None,
    )  # fmt: skip
    deleted, _ = theirs.exclude(pk__in=placeholders).delete()
    deleted += Commenter.objects.filter(email=email).delete()[0]
    deleted += ReplyAddress.objects.filter(email=email).delete()[0]
    for article in ArticlePage.objects.filter(pk__in=articles):
        purge_article(article)
    return deleted + len(placeholders)
