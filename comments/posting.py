"""Deciding what happens to a posted comment, and storing it before anyone is told.

The form validates the fields; then :data:`RULES` decides, in order, and the first rule with
a verdict wins (in the manner of Coral Talk's moderation phases). A :class:`Refusal` answers
the reader with an error and stores nothing; a :class:`Decision` gives the comment its status.
The last rule always decides, so every valid comment gets exactly one verdict. The insert
then turns a concurrent duplicate into a refusal through the unique fingerprint, never a
second row, and the after-commit work (page purge, notices, the optional spam check) is queued.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from functools import cached_property

from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from comments import notify, replies, spamcheck, tasks, text
from comments.models import MAX_DEPTH, Comment, Commenter, CommentSettings, Status
from comments.moderation import purge_article
from core import ratelimit
from core.clientip import client_ip
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


def _start_token_points(started: str) -> tuple[int, str | None]:
    try:
        value = signing.TimestampSigner(salt=STARTED_SALT).unsign(started, max_age=86400)
    except signing.BadSignature:
        return 5, "forged or stale start token"
    if timezone.now().timestamp() - int(value) < MIN_SECONDS_TO_WRITE:
        return 5, f"written in under {MIN_SECONDS_TO_WRITE} s"
    return 0, None


def spam_points(data: dict[str, str]) -> tuple[int, list[str]]:
    points, reasons = 0, []
    if data.get("phone"):
        points, reasons = points + 10, [*reasons, "hidden field filled in"]
    if data.get("started"):
        token_points, why = _start_token_points(data["started"])
        points, reasons = points + token_points, reasons + ([why] if why else [])
    links = text.count_links(data["comment"])
    if links > 1:
        points, reasons = points + links - 1, [*reasons, f"{links} links"]
    if text.URL.search(data["author"]):
        points, reasons = points + 3, [*reasons, "a link in the name"]
    return points, reasons


@dataclass(frozen=True)
class Refusal:
    """The comment is not stored; the reader sees ``message`` beside ``field``."""

    message: str
    status: int = 400
    field: str = "__all__"


@dataclass(frozen=True)
class Decision:
    """The comment is stored with this status and, when it is not published, why."""

    status: str
    reason: str = ""


Verdict = Refusal | Decision


class Submission:
    """What the rules read about one valid form, each part looked up once and only when a rule
    asks (a refused comment costs no more queries than the rules that refused it)."""

    def __init__(self, request: HttpRequest, data: dict[str, str]) -> None:
        self.request = request
        self.data = data

    @cached_property
    def article(self) -> ArticlePage | None:
        return ArticlePage.objects.live().public().filter(pk=self.data["article"]).first()

    @cached_property
    def site_settings(self) -> CommentSettings:
        return CommentSettings.current(self.request)

    @cached_property
    def replied_to(self) -> Comment | None:
        """The published comment replied to, if any, on this article."""
        if not self.data.get("parent"):
            return None
        return Comment.objects.filter(
            pk=self.data["parent"], article=self.article, status=Status.APPROVED
        ).first()

    @property
    def parent(self) -> Comment | None:
        """Where the reply goes: past the deepest level, beside the comment replied to."""
        if self.replied_to is not None and self.replied_to.depth >= MAX_DEPTH:
            return self.replied_to.parent
        return self.replied_to

    @cached_property
    def trust(self) -> str:
        found = Commenter.objects.filter(email=self.data["email"]).values_list("trust", flat=True).first()
        return found or Commenter.Trust.DEFAULT

    @cached_property
    def spam_score(self) -> tuple[int, list[str]]:
        return spam_points(self.data)

    @property
    def visible_text(self) -> tuple[str, str, str]:
        """The fields the word lists are matched against."""
        return self.data["comment"], self.data["author"], self.data["url"]


Rule = Callable[[Submission], Verdict | None]


def article_open(submission: Submission) -> Verdict | None:
    if submission.article is None:
        return Refusal(NO_ARTICLE, 404)
    if not comments_open(submission.article, submission.site_settings):
        return Refusal(CLOSED, 403)
    return None


def reply_target_available(submission: Submission) -> Verdict | None:
    if submission.data.get("parent") and submission.replied_to is None:
        return Refusal(BAD_PARENT)
    return None


def person_not_banned(submission: Submission) -> Verdict | None:
    return Refusal(BANNED, 403) if submission.trust == Commenter.Trust.BANNED else None


def refused_words(submission: Submission) -> Verdict | None:
    if first_match(submission.site_settings.reject_words, *submission.visible_text):
        return Refusal(REFUSED_WORDS, field="comment")
    return None


def rate_limits(submission: Submission) -> Verdict | None:
    """Counted only for comments no earlier rule refused; the email's count only once the
    address's network is within its own."""
    request = submission.request
    if ratelimit.exceeded(request, PER_CLIENT, ratelimit.client(request)) or ratelimit.exceeded(
        request, PER_EMAIL, ratelimit.hashed(submission.data["email"])
    ):
        return Refusal(RATE_LIMITED, 429)
    return None


def spam_score(submission: Submission) -> Verdict | None:
    score, reasons = submission.spam_score
    if score >= SPAM_THRESHOLD:
        return Decision(Status.SPAM, f"Spam score {score}: {', '.join(reasons)}")
    return None


def held_words(submission: Submission) -> Verdict | None:
    word = first_match(submission.site_settings.hold_words, *submission.visible_text)
    return Decision(Status.PENDING, f"Contains the held word or pattern “{word}”") if word else None


def link_count(submission: Submission) -> Verdict | None:
    links, most = text.count_links(submission.data["comment"]), submission.site_settings.hold_links_over
    return Decision(Status.PENDING, f"{links} links (more than {most})") if links > most else None


def commenter_trust(submission: Submission) -> Verdict | None:
    if submission.trust == Commenter.Trust.TRUSTED:
        return Decision(Status.APPROVED)
    if submission.trust == Commenter.Trust.HOLD:
        return Decision(Status.PENDING, "Commenter is on hold")
    return None


def site_moderation(submission: Submission) -> Verdict | None:
    moderation = submission.site_settings.moderation
    if moderation == CommentSettings.Moderation.ALL:
        return Decision(Status.PENDING, "Every comment is held (site setting)")
    if moderation == CommentSettings.Moderation.NONE:
        return Decision(Status.APPROVED)
    return None


def first_comment(submission: Submission) -> Verdict:
    if Comment.objects.filter(email=submission.data["email"], status=Status.APPROVED).exists():
        return Decision(Status.APPROVED)
    return Decision(Status.PENDING, "First comment from this address")


# The order is the policy: refusals before anything is counted, the counters before scoring,
# spam before the rules that hold, and holding before the rules that publish.
RULES: tuple[Rule, ...] = (
    article_open,
    reply_target_available,
    person_not_banned,
    refused_words,
    rate_limits,
    spam_score,
    held_words,
    link_count,
    commenter_trust,
    site_moderation,
    first_comment,
)


def verdict(submission: Submission) -> Verdict:
    """The first verdict of :data:`RULES`; the last rule always gives one."""
    return next(found for rule in RULES if (found := rule(submission)) is not None)


@dataclass
class Outcome:
    comment: Comment | None = None
    errors: dict[str, str] = field(default_factory=dict)
    status: int = 200

    @property
    def refused(self) -> str | None:
        return next(iter(self.errors.values()), None)


def _awaiting_spam_check(decision: Decision) -> Decision:
    """With the external check on, nothing is published before the service has answered."""
    if spamcheck.enabled() and decision.status == Status.APPROVED:
        return Decision(Status.PENDING, tasks.CHECKING)
    return decision


def _new_comment(submission: Submission, decision: Decision) -> Comment:
    data, parent, article = submission.data, submission.parent, submission.article
    assert article is not None  # article_open refuses otherwise
    return Comment(
        article=article,
        parent=parent,
        root=parent.root if parent else None,
        depth=parent.depth + 1 if parent else 1,
        name=data["author"],
        email=data["email"],
        website=data["url"],
        text=data["comment"],
        status=decision.status,
        ip_hash=ip_hash(submission.request),
        held_reason=decision.reason,
        spam_score=submission.spam_score[0],
        fingerprint=fingerprint(article.pk, data["email"], data["comment"]),
        notify_replies=bool(data.get("notify_replies")),
        reply_notice_due=bool(parent and parent.notify_replies),
    )


def _queue_after_commit(comment: Comment, submission: Submission) -> None:
    """Tell readers, repliers, moderators and the spam service, once the comment is stored."""
    if comment.status == Status.APPROVED:
        purge_article(comment.article)
        if comment.reply_notice_due:
            replies.send_after_commit()
    if comment.notify_replies:
        replies.ask_for_confirmation(comment.email)
    if comment.status != Status.SPAM and spamcheck.enabled():
        tasks.check_after_commit(comment, submission.request)
    elif comment.status == Status.PENDING and submission.site_settings.notify_moderators:
        notify.notify_after_commit(comment)


def post_comment(request: HttpRequest, data: dict[str, str]) -> Outcome:
    """``data`` is a valid :class:`comments.forms.CommentForm`'s cleaned data."""
    submission = Submission(request, data)
    found = verdict(submission)
    if isinstance(found, Refusal):
        return Outcome(errors={found.field: found.message}, status=found.status)
    comment = _new_comment(submission, _awaiting_spam_check(found))
    try:
        with transaction.atomic():
            comment.save()
            if comment.root_id is None:
                comment.root = comment
                comment.save(update_fields=["root"])
            _queue_after_commit(comment, submission)
    except IntegrityError:
        return Outcome(errors={"__all__": DUPLICATE}, status=409)
    return Outcome(comment=comment, status=201)
