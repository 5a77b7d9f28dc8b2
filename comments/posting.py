"""Deciding what happens to a posted comment, and storing it before anyone is told.

Order: field validation (the form) → article open? → commenter banned? → refused words →
rate limits → spam score → publish-or-hold rules → insert (the unique fingerprint turns
a concurrent duplicate into a refusal, never a second row) → purge the article's cached
pages after commit when it is published.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from comments import notify, replies, spamcheck, text
from comments.api import visible_comments_changed
from comments.models import MAX_DEPTH, Comment, Commenter, CommentSettings, Status
from core import fragments, ratelimit
from core.clientip import client_ip
from core.tasks import purge_pages_after_commit
from news.models import ArticlePage

CLOSED = "Comments are closed on this article."
BANNED = "Comments from this email address are not accepted on this site."
REFUSED_WORDS = "Your comment contains a word or phrase this site does not accept. Please reword it."
RATE_LIMITED = "You are commenting too quickly. Please wait a few minutes and try again."
DUPLICATE = "You have already posted this comment."
NO_ARTICLE = "This article does not take comments."
BAD_PARENT = "The comment you are replying to is not available any more."
AWAITING = "Your comment is awaiting moderation."

PER_CLIENT = ratelimit.Limit("comments.client", attempts=5, seconds=600)
PER_EMAIL = ratelimit.Limit("comments.email", attempts=5, seconds=600)

# Spam score: a comment scoring SPAM_THRESHOLD or more is stored as spam (kept for review,
# never published). Points are documented in docs/decisions/0008-comments-on-cached-pages.md.
SPAM_THRESHOLD = 5
MIN_SECONDS_TO_WRITE = 3
STARTED_SALT = "comments.started"


def ip_hash(request: HttpRequest) -> str:
    return salted_hmac("comments.client-ip", client_ip(request)).hexdigest()[:32]


def start_token() -> str:
    return signing.TimestampSigner(salt=STARTED_SALT).sign(str(int(timezone.now().timestamp())))


def fingerprint(article_id: int, email: str, body: str) -> str:
    words = " ".join(body.lower().split())
    return hashlib.sha256(f"{article_id}\n{email}\n{words}".encode()).hexdigest()


def comments_open(article: ArticlePage, site_settings: CommentSettings) -> bool:
    """Whether readers may comment: the article's own switch (``comments_closed``, set in the
    article editor or the moderation screen), then the site's automatic closing."""
    if article.comments_closed:
        return False
    if site_settings.close_after_days:
        published = article.published_at or article.first_published_at
        if published and timezone.now() - published > timedelta(days=site_settings.close_after_days):
            return False
    return True


def _patterns(lines: str) -> list[tuple[str, re.Pattern[str]]]:
    found = []
    for line in lines.splitlines():
        line = line.strip()
        if not line:
            continue
        if len(line) > 2 and line.startswith("/") and line.endswith("/"):
            try:
                found.append((line, re.compile(line[1:-1], re.IGNORECASE)))
            except re.error:
                continue  # a moderator's broken pattern must not stop commenting
        else:
            found.append((line, re.compile(r"(?<!\w)" + re.escape(line) + r"(?!\w)", re.IGNORECASE)))
    return found


def first_match(lines: str, *values: str) -> str | None:
    for label, pattern in _patterns(lines):
        if any(pattern.search(value) for value in values):
            return label
    return None


def spam_points(data: dict[str, str]) -> tuple[int, list[str]]:
    points, reasons = 0, []
    if data.get("phone"):
        points, reasons = points + 10, [*reasons, "hidden field filled in"]
    started = data.get("started")
    if started:
        try:
            value = signing.TimestampSigner(salt=STARTED_SALT).unsign(started, max_age=86400)
        except signing.BadSignature:
            points, reasons = points + 5, [*reasons, "forged or stale start token"]
        else:
            if timezone.now().timestamp() - int(value) < MIN_SECONDS_TO_WRITE:
                points, reasons = points + 5, [*reasons, f"written in under {MIN_SECONDS_TO_WRITE} s"]
    links = text.count_links(data["comment"])
    if links > 1:
        points, reasons = points + links - 1, [*reasons, f"{links} links"]
    if text.URL.search(data["author"]):
        points, reasons = points + 3, [*reasons, "a link in the name"]
    return points, reasons


@dataclass
class Outcome:
    comment: Comment | None = None
    errors: dict[str, str] = field(default_factory=dict)
    status: int = 200

    @property
    def refused(self) -> str | None:
        return next(iter(self.errors.values()), None)


def _refuse(message: str, status: int = 400) -> Outcome:
    return Outcome(errors={"__all__": message}, status=status)


def _decide(
    data: dict[str, str], site_settings: CommentSettings, trust: str, score: int, reasons: list[str]
) -> tuple[str, str]:
    """The comment's status and, when not published, why."""
    if score >= SPAM_THRESHOLD:
        return Status.SPAM, f"Spam score {score}: {', '.join(reasons)}"
    word = first_match(site_settings.hold_words, data["comment"], data["author"], data["url"])
    if word:
        return Status.PENDING, f"Contains the held word or pattern “{word}”"
    links = text.count_links(data["comment"])
    if links > site_settings.hold_links_over:
        return Status.PENDING, f"{links} links (more than {site_settings.hold_links_over})"
    if trust == Commenter.Trust.TRUSTED:
        return Status.APPROVED, ""
    if trust == Commenter.Trust.HOLD:
        return Status.PENDING, "Commenter is on hold"
    if site_settings.moderation == CommentSettings.Moderation.ALL:
        return Status.PENDING, "Every comment is held (site setting)"
    if site_settings.moderation == CommentSettings.Moderation.NONE:
        return Status.APPROVED, ""
    if Comment.objects.filter(email=data["email"], status=Status.APPROVED).exists():
        return Status.APPROVED, ""
    return Status.PENDING, "First comment from this address"


def post_comment(request: HttpRequest, data: dict[str, str]) -> Outcome:
    """``data`` is a valid :class:`comments.forms.CommentForm`'s cleaned data."""
    article = ArticlePage.objects.live().public().filter(pk=data["article"]).first()
    if article is None:
        return _refuse(NO_ARTICLE, 404)
    site_settings = CommentSettings.current(request)
    if not comments_open(article, site_settings):
        return _refuse(CLOSED, 403)
    parent = None
    if data.get("parent"):
        parent = Comment.objects.filter(pk=data["parent"], article=article, status=Status.APPROVED).first()
        if parent is None:
            return _refuse(BAD_PARENT)
        if parent.depth >= MAX_DEPTH:
            parent = parent.parent
    trust = Commenter.objects.filter(email=data["email"]).values_list("trust", flat=True).first()
    if trust == Commenter.Trust.BANNED:
        return _refuse(BANNED, 403)
    if first_match(site_settings.reject_words, data["comment"], data["author"], data["url"]):
        return Outcome(errors={"comment": REFUSED_WORDS}, status=400)
    if ratelimit.exceeded(request, PER_CLIENT, ratelimit.client(request)) or ratelimit.exceeded(
        request, PER_EMAIL, ratelimit.hashed(data["email"])
    ):
        return _refuse(RATE_LIMITED, 429)
    score, reasons = spam_points(data)
    status, reason = _decide(data, site_settings, trust or Commenter.Trust.DEFAULT, score, reasons)
    checking = status != Status.SPAM and spamcheck.enabled()
    if checking and status == Status.APPROVED:
        status, reason = Status.PENDING, spamcheck.CHECKING
    comment = Comment(
        article=article,
        parent=parent,
        root=parent.root if parent else None,
        depth=parent.depth + 1 if parent else 1,
        name=data["author"],
        email=data["email"],
        website=data["url"],
        text=data["comment"],
        status=status,
        ip_hash=ip_hash(request),
        held_reason=reason,
        spam_score=score,
        fingerprint=fingerprint(article.pk, data["email"], data["comment"]),
        notify_replies=bool(data.get("notify_replies")),
        reply_notice_due=bool(parent and parent.notify_replies),
    )
    try:
        with transaction.atomic():
            comment.save()
            if comment.root_id is None:
                comment.root = comment
                comment.save(update_fields=["root"])
            if status == Status.APPROVED:
                purge_article(article)
                if comment.reply_notice_due:
                    replies.send_after_commit()
            if comment.notify_replies:
                replies.ask_for_confirmation(comment.email)
            if checking:
                spamcheck.check_after_commit(comment, request)
            elif status == Status.PENDING and site_settings.notify_moderators:
                notify.notify_after_commit(comment)
    except IntegrityError:
        return _refuse(DUPLICATE, 409)
    return Outcome(comment=comment, status=201)


def purge_article(article: ArticlePage) -> None:
    """The article page shows its comments and count; listings do not. Other apps showing the
    count (the JSON API) hear of it through ``comments.api.visible_comments_changed``."""
    fragments.bump_after_commit("comments")
    purge_pages_after_commit([article.url])
    visible_comments_changed.send(sender=Comment, article=article)
