"""The moderation queue in the Wagtail admin (Comments in the sidebar), built on Wagtail's
``ModelViewSet``: the listing, its queue and article filters, search, paging and the text edit
are Wagtail's generic views; the custom parts are the bulk actions (a form around the listing,
posted back to the index view and run by ``comments.moderation.apply``), the recorded text edit
(``comments.moderation.edit_text`` instead of a plain save) and opening or closing comments on
an article (``news.api.set_comments_closed``). Comments come from readers: there is no create
view, and the only way to delete is the Trash action.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.db.models import Count, Prefetch, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_http_methods
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.ui.tables import BaseColumn, Column
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy

from comments import moderation
from comments.models import MAX_TEXT, MODERATE_PERMISSION, Comment, Commenter, Report, Status
from core.pagination import paginate
from core.params import id_param
from news.api import set_comments_closed
from news.models import ArticlePage

URL_NAMESPACE = "comments_admin"
QUEUES = {
    "pending": ("Pending", Q(status=Status.PENDING)),
    "approved": ("Approved", Q(status=Status.APPROVED)),
    "spam": ("Spam", Q(status=Status.SPAM)),
    "trash": ("Trash", Q(status=Status.TRASH)),
    "reported": ("Reported", Q(report_count__gt=0) & ~Q(status=Status.TRASH)),
}
DEFAULT_QUEUE = "pending"
PER_PAGE = 50
REASONS_SHOWN = 5


class ModeratorsOnly(ModelPermissionPolicy):
    """Moderators may list and edit comments; nobody adds, copies or deletes them here."""

    def user_has_permission(self, user: Any, action: str) -> bool:
        return action in ("view", "change") and user.has_perm(MODERATE_PERMISSION)


def queue_counts() -> dict[str, int]:
    """How many comments each queue holds, in one query."""
    return Comment.objects.aggregate(
        **{name: Count("pk", filter=condition) for name, (_, condition) in QUEUES.items()}
    )


class QueueFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label="Queue", choices=(), method="in_queue", empty_label=None, initial=DEFAULT_QUEUE
    )
    article = django_filters.ModelChoiceFilter(
        label="Article",
        queryset=ArticlePage.objects.filter(comments__isnull=False).distinct().order_by("title"),
        empty_label="All articles",
    )

    class Meta:
        model = Comment
        fields: list[str] = []

    def __init__(self, data: QueryDict | None = None, **kwargs: Any) -> None:
        # The queue always applies: no status in the query means the pending queue.
        data = data.copy() if data is not None else QueryDict(mutable=True)
        if data.get("status") not in QUEUES:
            data["status"] = DEFAULT_QUEUE
        super().__init__(data, **kwargs)
        counts = queue_counts()
        self.form.fields["status"].choices = [
            (name, f"{label} ({counts[name]})") for name, (label, _) in QUEUES.items()
        ]

    def in_queue(self, queryset: QuerySet[Comment], name: str, value: str) -> QuerySet[Comment]:
        return queryset.filter(QUEUES[value][1])


class TemplateColumn(BaseColumn):
    def __init__(self, name: str, label: str, template: str) -> None:
        super().__init__(name, label=label)
        self.cell_template_name = f"comments/admin/cells/{template}.html"


class QueueView(IndexView):
    """The queue: one page of comments with what a moderator needs to judge each, and the bulk
    actions form around it (POSTed back here)."""

    results_template_name = "comments/admin/queue_results.html"
    filterset_class = QueueFilterSet
    search_fields = ["text", "name", "email"]
    search_backend_name = None
    default_ordering = ("-created", "-pk")
    columns = [
        TemplateColumn("select", "Select", "select"),
        TemplateColumn("commenter", "Commenter", "commenter"),
        TemplateColumn("comment", "Comment", "comment"),
        TemplateColumn("article", "Article", "article"),
        Column("created", label="Posted"),
        Column("get_status_display", label="Status"),
    ]

    def get_base_queryset(self) -> QuerySet[Comment]:
        return Comment.objects.select_related("article", "edited_by").prefetch_related(
            Prefetch("reports", queryset=first_reports(), to_attr="first_reports")
        )

    def filter_queryset(self, queryset: QuerySet[Comment]) -> QuerySet[Comment]:
        # Wagtail drops every filter when one is invalid (an article outside the choices):
        # the queue asked for still applies, for all articles.
        if self.filters.is_valid():
            return super().filter_queryset(queryset)
        return queryset.filter(QUEUES[self.filters.data["status"]][1])

    def paginate_queryset(self, queryset: QuerySet[Comment], page_size: int) -> tuple:
        # The project's page policy (core.pagination): a page that does not exist is a 404.
        page = paginate(self.request, queryset, page_size, param=self.page_kwarg)
        return (page.paginator, page, page.object_list, page.has_other_pages())

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        action = request.POST.get("action", "")
        ids = [pk for pk in map(id_param, request.POST.getlist("selected")) if pk is not None]
        if action not in moderation.ACTION_LABELS:
            messages.error(request, "Choose an action.")
        elif not ids:
            messages.error(request, "Select at least one comment.")
        else:
            label, count = moderation.apply(action, ids)
            messages.success(request, f"{label}: {count} done.")
        return redirect(request.get_full_path())

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop("_w_filter_fragment", None)
        article_id = id_param(query.get("article", ""))
        queue_url = f"{self.index_url}?{query.urlencode()}"
        describe(context["object_list"], queue_url)
        context |= {
            "actions": moderation.ACTION_LABELS.items(),
            "queue_url": queue_url,
            "article": ArticlePage.objects.filter(pk=article_id)
            .only("id", "title", "comments_closed")
            .first()
            if article_id
            else None,
        }
        return context


def first_reports() -> QuerySet[Report]:
    """Each comment's first few reports, however many it has."""
    rank = Window(RowNumber(), partition_by="comment_id", order_by="pk")
    return (
        Report.objects.annotate(rank=rank)
        .filter(rank__lte=REASONS_SHOWN)
        .order_by("pk")
        .only("comment_id", "reason")
    )


def describe(comments: list[Comment], queue_url: str) -> None:
    """Give each listed comment its commenter's trust label, its first report reasons and an edit
    link that leads back to ``queue_url``."""
    trust = dict(
        Commenter.objects.filter(email__in={comment.email for comment in comments}).values_list(
            "email", "trust"
        )
    )
    back = urlencode({"next": queue_url})
    for comment in comments:
        comment.trust = Commenter.Trust(trust.get(comment.email, Commenter.Trust.DEFAULT)).label
        comment.reasons = [report.reason for report in comment.first_reports]
        comment.edit_url = f"{reverse(f'{URL_NAMESPACE}:edit', args=[comment.pk])}?{back}"


class TextForm(WagtailAdminModelForm):
    text = forms.CharField(widget=forms.Textarea(attrs={"rows": 10}), max_length=MAX_TEXT, strip=False)

    class Meta:
        model = Comment
        fields = ["text"]


class EditTextView(EditView):
    """Edits the text only, through ``moderation.edit_text`` so the edit is recorded."""

    template_name = "comments/admin/edit.html"
    success_message = "Comment saved; the edit is recorded."

    def get_object(self, queryset: QuerySet[Comment] | None = None) -> Comment:
        return get_object_or_404(Comment.objects.select_related("article", "edited_by"), pk=self.kwargs["pk"])

    def save_instance(self) -> Comment:
        # The bound form has already put the new text on self.object: edit the stored comment.
        comment = self.get_object()
        moderation.edit_text(comment, self.form.cleaned_data["text"].strip(), self.request.user)
        return comment

    def get_success_url(self) -> str:
        return get_valid_next_url_from_request(self.request) or super().get_success_url()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        # Post back with the query string, so ``next`` leads back to the queue as it was.
        return super().get_context_data(**kwargs) | {"action_url": self.request.get_full_path()}


@permission_required(MODERATE_PERMISSION)
@require_http_methods(["POST"])
def thread(request: HttpRequest, article_id: int) -> HttpResponse:
    """Open or close comments on one article."""
    article = get_object_or_404(ArticlePage, pk=article_id)
    closed = request.POST.get("closed") == "1"
    set_comments_closed(article, closed)
    messages.success(request, f"Comments {'closed' if closed else 'opened'} on “{article.title}”.")
    return redirect(get_valid_next_url_from_request(request) or reverse(f"{URL_NAMESPACE}:index"))


class CommentViewSet(ModelViewSet):
    model = Comment
    name = URL_NAMESPACE
    url_prefix = "comments"
    icon = "comment"
    menu_label = "Comments"
    menu_order = 250
    add_to_admin_menu = True
    index_view_class = QueueView
    edit_view_class = EditTextView
    copy_view_enabled = False
    list_per_page = PER_PAGE
    # Nothing refers to a comment, and indexing each one would queue a task row per reader's post:
    # one more write in the reader's request, refused when the database is busy (ADR 0015).
    add_to_reference_index = False

    @property
    def permission_policy(self) -> ModeratorsOnly:
        return ModeratorsOnly(Comment)

    def get_form_class(self, for_update: bool = False) -> type[TextForm]:
        return TextForm

    def get_urlpatterns(self) -> list:
        kept = [p for p in super().get_urlpatterns() if p.name not in ("add", "delete")]
        return [*kept, path("article/<int:article_id>/", thread, name="thread")]
