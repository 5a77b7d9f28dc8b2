"""Comments, commenters, reports, per-article threads and the site's comment rules."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_save
from django.http import HttpRequest
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from core.shared import SharedValue

# Limits stated to readers in the form's messages (see docs/decisions/0008).
MAX_TEXT = 5000
MAX_NAME = 80
MAX_EMAIL = 254
MAX_WEBSITE = 200
MAX_DEPTH = 3
HARD_LINK_LIMIT = 10  # more links than this is refused outright; the site setting holds earlier


MODERATE_PERMISSION = "comments.moderate_comment"


class Status(models.TextChoices):
    PENDING = "pending", "Pending"
    APPROVED = "approved", "Approved"
    SPAM = "spam", "Spam"
    TRASH = "trash", "Trash"


class Comment(models.Model):
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="comments")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    # The top-level comment of the thread (itself for a top-level one): one query fetches a
    # page of threads with all their replies.
    root = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    depth = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(max_length=MAX_NAME)
    email = models.EmailField(max_length=MAX_EMAIL, db_index=True, help_text="Never shown publicly.")
    website = models.URLField(max_length=MAX_WEBSITE, blank=True)
    text = models.TextField(max_length=MAX_TEXT)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created = models.DateTimeField(auto_now_add=True, db_index=True)
    ip_hash = models.CharField(max_length=32, blank=True, help_text="Salted hash; the address is not kept.")
    held_reason = models.CharField(max_length=200, blank=True)
    spam_score = models.PositiveSmallIntegerField(default=0)
    # Same article, same address, same words: refused as a duplicate, even under concurrency.
    fingerprint = models.CharField(max_length=64)
    original_text = models.TextField(blank=True, help_text="The text as posted, kept once edited.")
    edited_at = models.DateTimeField(null=True, blank=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    report_count = models.PositiveIntegerField(default=0)
    # Held, and the site wants moderators told: the next batched notice lists it (comments.notify).
    awaits_notice = models.BooleanField(default=False)
    moderators_notified_at = models.DateTimeField(null=True, blank=True)
    # The commenter asked for an email when someone replies (comments.replies).
    notify_replies = models.BooleanField(default=False)
    # A reply to such a comment: its notice goes out once it is published.
    reply_notice_due = models.BooleanField(default=False)

    class Meta:
        ordering = ["created", "pk"]
        indexes = [
            models.Index(fields=["article", "status", "depth", "created"]),
            models.Index(
                fields=["awaits_notice"], condition=Q(awaits_notice=True), name="comments_awaiting_notice"
            ),
            models.Index(fields=["moderators_notified_at"], name="comments_notified_at"),
            models.Index(
                fields=["reply_notice_due"],
                condition=Q(reply_notice_due=True),
                name="comments_reply_notice_due",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["fingerprint"], condition=~Q(status="trash"), name="comments_no_duplicates"
            )
        ]
        permissions = [("moderate_comment", "Can moderate reader comments")]

    def __str__(self) -> str:
        return f"{self.name} on {self.article_id}: {self.text[:40]}"

    @property
    def edited(self) -> bool:
        return self.edited_at is not None


class Commenter(models.Model):
    """A person, by email address, as moderators see them."""

    class Trust(models.TextChoices):
        DEFAULT = "default", "Site rules"
        TRUSTED = "trusted", "Trusted: publish at once"
        HOLD = "hold", "Hold every comment"
        BANNED = "banned", "Banned"

    email = models.EmailField(max_length=MAX_EMAIL, unique=True)
    trust = models.CharField(max_length=10, choices=Trust.choices, default=Trust.DEFAULT)
    updated = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.email} ({self.get_trust_display()})"


class ReplyAddress(models.Model):
    """An address that asked for reply notices: confirmed once by its owner, stoppable in one click."""

    email = models.EmailField(max_length=MAX_EMAIL, unique=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.email} ({'confirmed' if self.confirmed_at else 'unconfirmed'})"


class Report(models.Model):
    """A reader's report of a comment; one per reader (by salted IP hash) per comment."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="reports")
    reporter_hash = models.CharField(max_length=32)
    reason = models.CharField(max_length=300)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["comment", "reporter_hash"], name="comments_one_report_each")
        ]

    def __str__(self) -> str:
        return f"Report on comment {self.comment_id}: {self.reason[:40]}"


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    class Moderation(models.TextChoices):
        FIRST_TIME = "first_time", "Hold a commenter's first comment; publish once one is approved"
        ALL = "all", "Hold every comment"
        NONE = "none", "Publish every comment that passes the rules"

    moderation = models.CharField(max_length=12, choices=Moderation.choices, default=Moderation.FIRST_TIME)
    close_after_days = models.PositiveIntegerField(
        default=0, help_text="Close comments this many days after an article is published (0: never)."
    )
    hold_links_over = models.PositiveSmallIntegerField(
        default=2, help_text=f"Hold a comment with more links than this (over {HARD_LINK_LIMIT} is refused)."
    )
    hold_words = models.TextField(
        blank=True,
        help_text="One word or phrase per line; /pattern/ for a regular expression. "
        "Matching comments are held.",
    )
    reject_words = models.TextField(
        blank=True, help_text="Same form as above. Matching comments are refused with a message."
    )
    per_page = models.PositiveSmallIntegerField(default=50, help_text="Top-level comments per page.")
    notify_moderators = models.BooleanField(
        default=True,
        help_text="Email everyone who may moderate comments when a comment is held for moderation.",
    )

    panels = [
        FieldPanel("moderation"),
        FieldPanel("close_after_days"),
        MultiFieldPanel(
            [FieldPanel("hold_links_over"), FieldPanel("hold_words"), FieldPanel("reject_words")],
            heading="Rules",
        ),
        FieldPanel("per_page"),
        FieldPanel("notify_moderators"),
    ]

    class Meta:
        verbose_name = "Comment settings"

    @classmethod
    def current(cls, request: HttpRequest) -> CommentSettings:
        """The request's site's settings, from the shared cache (saving them retires it)."""
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        return shared_comment_settings.get(site.pk)


shared_comment_settings: SharedValue[CommentSettings] = SharedValue(
    "comments:settings",
    lambda site_id: CommentSettings.base_queryset().get_or_create(site_id=site_id)[0],
    seconds=3600,
    retired_by=[(post_save, CommentSettings)],
    args_of=lambda settings: (settings.site_id,),
)
