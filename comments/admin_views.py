"""The moderation queue in the Wagtail admin (Comments in the sidebar)."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

from comments import moderation
from comments.models import MAX_TEXT, MODERATE_PERMISSION, Comment, Commenter, Status
from core.pagination import paginate
from core.params import id_param
from news.api import set_comments_closed
from news.models import ArticlePage

PERMISSION = MODERATE_PERMISSION
QUEUES = {
    "pending": ("Pending", Q(status=Status.PENDING)),
    "approved": ("Approved", Q(status=Status.APPROVED)),
    "spam": ("Spam", Q(status=Status.SPAM)),
    "trash": ("Trash", Q(status=Status.TRASH)),
    "reported": ("Reported", Q(report_count__gt=0) & ~Q(status=Status.TRASH)),
}
PER_PAGE = 50


def _back(request: HttpRequest) -> HttpResponse:
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = reverse("comments_admin:queue")
    return redirect(target)


def _filtered(request: HttpRequest) -> tuple[QuerySet[Comment], dict[str, object]]:
    queue = request.GET.get("status", "pending")
    if queue not in QUEUES:
        queue = "pending"
    comments = Comment.objects.filter(QUEUES[queue][1]).select_related("article", "edited_by")
    article_id = id_param(request.GET.get("article", ""))
    if article_id is not None:
        comments = comments.filter(article_id=article_id)
    query = request.GET.get("q", "").strip()[:200]
    if query:
        comments = comments.filter(
            Q(text__icontains=query) | Q(name__icontains=query) | Q(email__icontains=query)
        )
    filters = {"status": queue, "article": article_id, "q": query}
    return comments.order_by("-created", "-pk"), filters


@permission_required(PERMISSION)
@require_http_methods(["GET", "POST"])
def queue(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        action = request.POST.get("action", "")
        ids = [pk for pk in map(id_param, request.POST.getlist("selected")) if pk is not None]
        if action not in moderation.ACTION_LABELS:
            messages.error(request, "Choose an action.")
        elif not ids:
            messages.error(request, "Select at least one comment.")
        else:
            label, count = moderation.apply(action, ids)
            messages.success(request, f"{label}: {count} done.")
        return _back(request)
    comments, filters = _filtered(request)
    page = paginate(request, comments, PER_PAGE, param="p")
    emails = {comment.email for comment in page}
    trust = dict(Commenter.objects.filter(email__in=emails).values_list("email", "trust"))
    for comment in page:
        comment.trust = Commenter.Trust(trust.get(comment.email, Commenter.Trust.DEFAULT)).label
        comment.reasons = (
            list(comment.reports.values_list("reason", flat=True)[:5]) if comment.report_count else []
        )
    counts = {name: Comment.objects.filter(condition).count() for name, (_, condition) in QUEUES.items()}
    context = {
        "page": page,
        "filters": filters,
        "queues": [(name, label, counts[name]) for name, (label, _) in QUEUES.items()],
        "articles": ArticlePage.objects.filter(comments__isnull=False)
        .distinct()
        .order_by("title")
        .only("id", "title"),
        "actions": moderation.ACTION_LABELS.items(),
        "next": request.get_full_path(),
        "article_closed": ArticlePage.objects.filter(
            pk=filters["article"] or None, comments_closed=True
        ).exists(),
    }
    return render(request, "comments/admin/queue.html", context)


class EditForm(forms.Form):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), max_length=MAX_TEXT, strip=False)


@permission_required(PERMISSION)
@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = get_object_or_404(Comment.objects.select_related("article", "edited_by"), pk=comment_id)
    form = EditForm(request.POST or None, initial={"text": comment.text})
    if request.method == "POST" and form.is_valid():
        moderation.edit_text(comment, form.cleaned_data["text"].strip(), request.user)
        messages.success(request, "Comment saved; the edit is recorded.")
        return _back(request)
    context = {"comment": comment, "form": form, "next": request.GET.get("next", "")}
    return render(request, "comments/admin/edit.html", context)


@permission_required(PERMISSION)
@require_http_methods(["POST"])
def thread(request: HttpRequest, article_id: int) -> HttpResponse:
    """Open or close comments on one article."""
    article = get_object_or_404(ArticlePage, pk=article_id)
    closed = request.POST.get("closed") == "1"
    set_comments_closed(article, closed)
    messages.success(request, f"Comments {'closed' if closed else 'opened'} on “{article.title}”.")
    return _back(request)
