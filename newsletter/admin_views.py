"""The newsletter desk in the Wagtail admin: counts, preview, test send, send now, in-doubt
mail, CSV import. Lists and CSV export of subscribers are the viewsets in wagtail_hooks."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from mail import relay
from mail.models import Sendable, SendStatus
from mail.tasks import relay_after_commit
from newsletter import digest, mail, services
from newsletter.forms import ImportForm, TestSendForm
from newsletter.models import Delivery, Issue, Newsletter, OutboxMessage, Subscriber

WEEKS = 8
ACTIVE_READERS = Q(subscriptions__confirmed_at__isnull=False, subscriptions__subscriber__status="confirmed")


def _weekly(queryset: QuerySet, field: str) -> dict[date, int]:
    rows = queryset.annotate(week=TruncWeek(field)).values("week").annotate(n=Count("pk"))
    return {row["week"].date(): row["n"] for row in rows if row["week"]}


def _over_time() -> list[dict]:
    since = timezone.now() - timedelta(weeks=WEEKS)
    joined = _weekly(Subscriber.objects.filter(consent_at__gte=since), "consent_at")
    left = _weekly(
        Subscriber.objects.filter(status=Subscriber.Status.UNSUBSCRIBED, status_changed_at__gte=since),
        "status_changed_at",
    )
    this_week = timezone.localdate() - timedelta(days=timezone.localdate().weekday())
    weeks = [this_week - timedelta(weeks=n) for n in range(WEEKS)]
    return [{"week": week, "joined": joined.get(week, 0), "left": left.get(week, 0)} for week in weeks]


def _issue_counts(issues: list[Issue]) -> list[dict]:
    counts = (
        Delivery.objects.filter(issue__in=issues).values("issue", "status").annotate(n=Count("pk")).order_by()
    )
    by_issue: dict[int, dict[str, int]] = {}
    for row in counts:
        by_issue.setdefault(row["issue"], {})[row["status"]] = row["n"]
    return [{"issue": issue, "counts": by_issue.get(issue.pk, {})} for issue in issues]


@permission_required("newsletter.view_issue", raise_exception=True)
def desk(request: HttpRequest) -> HttpResponse:
    status_counts = dict(Subscriber.objects.values_list("status").annotate(n=Count("pk")).order_by())
    context = {
        "statuses": [(label, status_counts.get(value, 0)) for value, label in Subscriber.Status.choices],
        "over_time": _over_time(),
        "newsletters": Newsletter.objects.annotate(readers=Count("subscriptions", filter=ACTIVE_READERS)),
        "issues": _issue_counts(list(Issue.objects.select_related("newsletter")[:10])),
        "in_doubt": [
            {
                "key": _key(row),
                "row": row,
                "address": row.recipient(),
            }
            for row in relay.in_doubt()
        ],
        "outbox_pending": OutboxMessage.objects.filter(status=SendStatus.PENDING).count(),
        "test_form": TestSendForm(),
    }
    return render(request, "newsletter/admin/desk.html", context)


def _key(row: Sendable) -> str:
    return f"{type(row).__name__}:{row.pk}"


@permission_required("newsletter.view_issue", raise_exception=True)
def preview(request: HttpRequest, pk: int) -> HttpResponse:
    """The next issue as it would be sent now; the per-reader links are left inert."""
    newsletter = get_object_or_404(Newsletter, pk=pk)
    rendered, articles = digest.preview(newsletter)
    html = rendered.html.replace(mail.UNSUBSCRIBE_SLOT, "#").replace(mail.PREFERENCES_SLOT, "#")
    text = rendered.text.replace(mail.UNSUBSCRIBE_SLOT, "#").replace(mail.PREFERENCES_SLOT, "#")
    context = {
        "newsletter": newsletter,
        "rendered": rendered,
        "html": html,
        "text": text,
        "articles": articles,
    }
    return render(request, "newsletter/admin/preview.html", context)


@require_POST
@permission_required("newsletter.add_issue", raise_exception=True)
def test_send(request: HttpRequest, pk: int) -> HttpResponse:
    newsletter = get_object_or_404(Newsletter, pk=pk)
    form = TestSendForm(request.POST)
    if form.is_valid():
        digest.send_test(newsletter, form.cleaned_data["address"])
        messages.success(request, f"A test of {newsletter} is on its way to {form.cleaned_data['address']}.")
    else:
        messages.error(request, " ".join(form.errors["address"]))
    return redirect("newsletter_admin:preview", pk=pk)


@require_POST
@permission_required("newsletter.add_issue", raise_exception=True)
def send_now(request: HttpRequest, pk: int) -> HttpResponse:
    newsletter = get_object_or_404(Newsletter, pk=pk)
    issue = digest.create_issue(newsletter, by=request.user.get_username())
    if issue is None:
        messages.warning(request, f"Nothing sent: no new articles for {newsletter} since its last issue.")
    else:
        messages.success(
            request, f"{newsletter}: issue created for {issue.deliveries.count()} reader(s); sending."
        )
    return redirect("newsletter_admin:desk")


@require_POST
@permission_required("newsletter.add_issue", raise_exception=True)
def resend_in_doubt(request: HttpRequest) -> HttpResponse:
    chosen = set(request.POST.getlist("row"))
    rows = [row for row in relay.in_doubt() if _key(row) in chosen]
    count = relay.resend(rows)
    relay_after_commit()
    messages.success(request, f"{count} message(s) queued to be sent again.")
    return redirect("newsletter_admin:desk")


@permission_required("newsletter.add_subscriber", raise_exception=True)
def import_subscribers(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        report = services.import_csv(
            form.cleaned_data["file"].read(),
            list(form.cleaned_data["newsletters"]),
            form.cleaned_data["consent_affirmed"],
            operator=request.user.get_username(),
        )
        summary = f"{report.added} new address(es), {report.already_known} already known."
        if form.cleaned_data["consent_affirmed"]:
            summary += " Subscribed at once; consent recorded as affirmed by you."
        else:
            summary += " Each was sent a confirmation email."
        messages.success(request, summary)
        for error in report.errors[:20]:
            messages.warning(request, error)
        return redirect("newsletter_admin:import")
    return render(request, "newsletter/admin/import.html", {"form": form})
