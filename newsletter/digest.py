"""Digests: which articles an issue carries, rendering it, and creating it with its recipients.

Order: editor-pinned first, then most read first when an app provides the ``most_read``
ordering (:mod:`core.orderings`; the popular app does), else newest first.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone

from core import orderings
from core.sites import absolute_url
from mail.tasks import relay_after_commit
from news.api import published_articles, teaser
from news.models import ArticlePage
from newsletter import mail
from newsletter.models import Delivery, DigestPin, Issue, Newsletter, OutboxMessage, Subscriber, Subscription

MAX_ARTICLES = 12
PERIODS = {Newsletter.Frequency.DAILY: timedelta(days=1), Newsletter.Frequency.WEEKLY: timedelta(days=7)}


def covers_since(newsletter: Newsletter, now: datetime | None = None) -> datetime:
    """The last issue's creation, or one period back for a newsletter's first issue."""
    last = newsletter.issues.order_by("-created_at").values_list("created_at", flat=True).first()
    return last or (now or timezone.now()) - PERIODS[newsletter.frequency]


def articles_for(newsletter: Newsletter, since: datetime) -> list[ArticlePage]:
    candidates = published_articles().for_newsletters().filter(published_at__gt=since)
    if newsletter.section_id:
        candidates = candidates.descendant_of(newsletter.section)
    newest = orderings.order("most_read", list(candidates[: MAX_ARTICLES * 4]))
    pinned_ids = list(newsletter.pins.values_list("article_id", flat=True))
    pinned = list(published_articles().for_newsletters().filter(pk__in=pinned_ids))
    pinned.sort(key=lambda article: pinned_ids.index(article.pk))
    chosen = pinned + [article for article in newest if article.pk not in pinned_ids]
    return chosen[:MAX_ARTICLES]


def render_issue(newsletter: Newsletter, articles: list[ArticlePage], on: date) -> mail.Rendered:
    items = [{"article": a, "url": absolute_url(a.url), "teaser": teaser(a)} for a in articles]
    return mail.render(
        "issue",
        {
            "newsletter": newsletter,
            "items": items,
            "date": on,
            "unsubscribe_url": mail.UNSUBSCRIBE_SLOT,
            "preferences_url": mail.PREFERENCES_SLOT,
        },
    )


def preview(newsletter: Newsletter) -> tuple[mail.Rendered, list[ArticlePage]]:
    articles = articles_for(newsletter, covers_since(newsletter))
    return render_issue(newsletter, articles, timezone.localdate()), articles


def recipients(newsletter: Newsletter) -> QuerySet:
    active = Subscription.objects.filter(newsletter=newsletter, confirmed_at__isnull=False)
    return Subscriber.objects.filter(status=Subscriber.Status.CONFIRMED, pk__in=active.values("subscriber"))


@transaction.atomic
def create_issue(newsletter: Newsletter, edition: date | None = None, by: str = "") -> Issue | None:
    """Freeze an issue and record one delivery per current recipient, all in one transaction.

    None when there is nothing new to send. The relay is asked to start after commit.
    """
    now = timezone.now()
    since = covers_since(newsletter, now)
    articles = articles_for(newsletter, since)
    if not articles:
        return None
    rendered = render_issue(newsletter, articles, timezone.localdate(now))
    issue = Issue.objects.create(
        newsletter=newsletter,
        subject=rendered.subject,
        text=rendered.text,
        html=rendered.html,
        article_ids=[article.pk for article in articles],
        covers_since=since,
        edition=edition,
        created_at=now,
        created_by=by,
    )
    subscriber_ids = recipients(newsletter).values_list("pk", flat=True)
    Delivery.objects.bulk_create(
        (Delivery(issue=issue, subscriber_id=pk) for pk in subscriber_ids.iterator()), batch_size=1000
    )
    DigestPin.objects.filter(newsletter=newsletter, article_id__in=issue.article_ids).delete()
    relay_after_commit()
    return issue


def due_edition(newsletter: Newsletter, now: datetime) -> date | None:
    """Today's edition date (site time zone) if the newsletter's hour and day have come."""
    local = timezone.localtime(now)
    if local.hour < newsletter.send_hour:
        return None
    if newsletter.frequency == Newsletter.Frequency.WEEKLY and local.weekday() != newsletter.send_weekday:
        return None
    return local.date()


def create_due_issues(now: datetime) -> list[int]:
    """Create the edition of each active newsletter that is due now and not yet created; the
    ids of the issues created (a newsletter with nothing new gets none)."""
    created = []
    for newsletter in Newsletter.objects.filter(is_active=True):
        edition = due_edition(newsletter, now)
        if edition is None or Issue.objects.filter(newsletter=newsletter, edition=edition).exists():
            continue
        try:
            issue = create_issue(newsletter, edition=edition)
        except IntegrityError:  # another worker created this edition a moment ago
            continue
        if issue:
            created.append(issue.pk)
    return created


@transaction.atomic
def send_test(newsletter: Newsletter, address: str) -> None:
    """The would-be next issue to one address, marked as a test; its links lead to /newsletter/."""
    rendered, _ = preview(newsletter)
    landing = absolute_url("/newsletter/")
    text, html = (
        body.replace(mail.UNSUBSCRIBE_SLOT, landing).replace(mail.PREFERENCES_SLOT, landing)
        for body in (rendered.text, rendered.html)
    )
    OutboxMessage.objects.create(
        kind=OutboxMessage.Kind.TEST,
        to_email=address,
        subject=f"[Test] {rendered.subject}",
        text=text,
        html=html,
    )
    relay_after_commit()
