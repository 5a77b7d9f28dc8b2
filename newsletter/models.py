"""Newsletters, subscribers and everything the sender records.

Nothing is mailed directly: a change that causes mail records an :class:`OutboxMessage`
(one-off mail) or :class:`Delivery` rows (one per recipient of an :class:`Issue`) in the
same transaction, and the site's relay (``mail.relay``, fed by ``newsletter.sources``) sends
them later. Both kinds share the claim → send → mark-sent protocol of ``mail.models.Sendable``.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from core.erasure import normalise
from core.shared import SharedValue
from mail.models import Sendable


class Newsletter(models.Model):
    class Frequency(models.TextChoices):
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"

    class Weekday(models.IntegerChoices):
        MONDAY = 0, "Monday"
        TUESDAY = 1, "Tuesday"
        WEDNESDAY = 2, "Wednesday"
        THURSDAY = 3, "Thursday"
        FRIDAY = 4, "Friday"
        SATURDAY = 5, "Saturday"
        SUNDAY = 6, "Sunday"

    name = models.CharField(max_length=100)
    slug = models.SlugField(unique=True)
    description = models.CharField(max_length=300, help_text="What a reader will receive, in a sentence.")
    frequency = models.CharField(max_length=10, choices=Frequency.choices, default=Frequency.DAILY)
    section = models.ForeignKey(
        "news.SectionPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Only this section's articles; leave blank for the whole site.",
    )
    send_hour = models.PositiveSmallIntegerField(
        default=7,
        validators=[MaxValueValidator(23)],
        help_text="Hour of the day (0 to 23, site time zone) the scheduled issue is sent.",
    )
    send_weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices, default=Weekday.MONDAY, help_text="Weekly newsletters only."
    )
    is_active = models.BooleanField(default=True, help_text="Offered to readers and sent on schedule.")
    sort_order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "name"]

    def __str__(self) -> str:
        return self.name


# (slug, name, section id) of the newsletters offered; shared because every page shows them.
offered_newsletters: SharedValue[list[tuple[str, str, int | None]]] = SharedValue(
    "newsletter:offered",
    lambda: list(Newsletter.objects.filter(is_active=True).values_list("slug", "name", "section_id")),
    seconds=3600,
    retired_by=[(post_save, Newsletter), (post_delete, Newsletter)],
)


class DigestPin(models.Model):
    """An article an editor wants at the top of the next issue; used once, then removed."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="pins")
    article = models.ForeignKey("news.ArticlePage", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at"]
        constraints = [models.UniqueConstraint(fields=["newsletter", "article"], name="one_pin_per_article")]

    def __str__(self) -> str:
        return f"{self.article} in {self.newsletter}"


class SubscriberQuerySet(models.QuerySet):
    def with_email(self, address: str) -> SubscriberQuerySet:
        return self.filter(email=normalise(address))


class Subscriber(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending confirmation"
        CONFIRMED = "confirmed", "Confirmed"
        UNSUBSCRIBED = "unsubscribed", "Unsubscribed"
        BOUNCED = "bounced", "Bounced"
        COMPLAINED = "complained", "Complained"

    class Consent(models.TextChoices):
        DOUBLE_OPT_IN = "double_opt_in", "Confirmed by the reader (double opt-in)"
        IMPORTED = "imported", "Imported with prior consent affirmed by an operator"

    # Stored normalised (stripped, lower case), so equality is case-insensitive.
    email = models.EmailField(max_length=254, unique=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.PENDING, db_index=True)
    consent = models.CharField(max_length=20, choices=Consent.choices, blank=True)
    consent_at = models.DateTimeField(null=True, blank=True)
    consent_note = models.CharField(
        max_length=200, blank=True, help_text="For imports: who affirmed consent and the file name."
    )
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    status_changed_at = models.DateTimeField(default=timezone.now)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.email

    def save(self, *args: object, **kwargs: object) -> None:
        self.email = normalise(self.email)
        super().save(*args, **kwargs)

    @property
    def mailable(self) -> bool:
        return self.status == self.Status.CONFIRMED

    def set_status(self, status: str) -> None:
        self.status = status
        self.status_changed_at = timezone.now()


class Subscription(models.Model):
    """A subscriber's wish to receive one newsletter; active once confirmed."""

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="subscriptions")
    newsletter = models.ForeignKey(Newsletter, on_delete=models.CASCADE, related_name="subscriptions")
    created_at = models.DateTimeField(default=timezone.now)
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "newsletter"], name="one_subscription_per_newsletter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.subscriber} → {self.newsletter}"


class OutboxMessage(Sendable):
    """One-off mail (confirmation, welcome), recorded with the change that caused it."""

    class Kind(models.TextChoices):
        CONFIRMATION = "confirmation", "Confirmation request"
        WELCOME = "welcome", "Welcome"
        TEST = "test", "Test issue"

    kind = models.CharField(max_length=20, choices=Kind.choices)
    subscriber = models.ForeignKey(
        Subscriber, null=True, blank=True, on_delete=models.CASCADE, related_name="outbox"
    )
    to_email = models.EmailField(max_length=254)
    subject = models.CharField(max_length=300)
    text = models.TextField()
    html = models.TextField(blank=True)
    headers = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="outbox_due")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.to_email}"

    def recipient(self) -> str:
        return self.subscriber.email if self.subscriber else self.to_email

    def description(self) -> str:
        return self.get_kind_display().lower()


class Issue(models.Model):
    """One edition of a newsletter, frozen when created; recipients are its deliveries."""

    newsletter = models.ForeignKey(Newsletter, on_delete=models.PROTECT, related_name="issues")
    subject = models.CharField(max_length=300)
    # Rendered once; the relay fills in each recipient's own links (see newsletter.mail).
    text = models.TextField()
    html = models.TextField()
    article_ids = models.JSONField(default=list)
    covers_since = models.DateTimeField(help_text="Articles published after this moment are included.")
    edition = models.DateField(null=True, blank=True, help_text="Set for scheduled issues: one per day.")
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_by = models.CharField(max_length=150, blank=True, help_text="Empty for the scheduler.")

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["newsletter", "edition"],
                condition=Q(edition__isnull=False),
                name="one_scheduled_issue_a_day",
            )
        ]

    def __str__(self) -> str:
        return self.subject  # it starts with the newsletter's name already


class Delivery(Sendable):
    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")

    class Meta:
        verbose_name_plural = "deliveries"
        constraints = [
            models.UniqueConstraint(fields=["issue", "subscriber"], name="one_delivery_per_recipient")
        ]
        indexes = [models.Index(fields=["status", "next_attempt_at"], name="delivery_due")]

    def __str__(self) -> str:
        return f"{self.issue} to {self.subscriber}"

    def recipient(self) -> str:
        return self.subscriber.email

    def description(self) -> str:
        return f"issue {self.issue_id}"
