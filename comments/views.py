"""Reader endpoints: post a comment, fetch a start token, report a comment, confirm or stop
reply notifications.

None of these responses is cached (``never_cache``). Posts are exempt from Django's CSRF
cookie check, which a cached page cannot serve, and refused instead when they come from
another site (:mod:`core.origin`, docs/decisions/0008). Posts and reports are rate-limited
(:mod:`core.ratelimit`).
"""

from __future__ import annotations

from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.db.models import F
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from comments import posting, replies
from comments.forms import CommentForm
from comments.models import MAX_DEPTH, Comment, CommentSettings, Report, Status
from comments.regions import Node, thread_page_of
from core import origin, ratelimit
from core.busy import answer_when_busy
from core.params import id_param
from news.models import ArticlePage

CROSS_SITE = "This form can only be sent from this site's own pages."
REPORT_REASON_MISSING = "Please say briefly why this comment should be looked at."
REPORT_REASON_TOO_LONG = "Please keep the reason to 300 characters."
REPORTED = "Thank you. A moderator will look at this comment."
ALREADY_REPORTED = "You have already reported this comment. A moderator will look at it."
REPORTING_TOO_FAST = "You have sent many reports in a short time. Please try again in an hour."
REPORTS_PER_CLIENT = ratelimit.Limit("comments.report", attempts=20, seconds=3600)


class SeeOther(HttpResponseRedirect):
    status_code = 303


def _wants_json(request: HttpRequest) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _article_for(form: CommentForm) -> ArticlePage | None:
    article_id = id_param(form.data.get("article", ""))
    if article_id is None:
        return None
    return ArticlePage.objects.live().public().filter(pk=article_id).first()


def _refusal(request: HttpRequest, form: CommentForm, errors: dict[str, str], status: int) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"ok": False, "errors": errors}, status=status)
    for name, message in errors.items():
        if name == "__all__" or name in form.fields:
            form.add_error(None if name == "__all__" else name, message)
    article = _article_for(form)
    context = {
        "form": form,
        "article_url": article.url if article else "/",
        "article_title": article.title if article else "the front page",
        "reply_to": None,
    }
    return render(request, "comments/post_page.html", context, status=status)


def _post_again(request: HttpRequest, message: str) -> HttpResponse:
    return _refusal(request, CommentForm(request.POST), {"__all__": message}, 503)


@csrf_exempt
@never_cache
@require_POST
@answer_when_busy(_post_again)
def post(request: HttpRequest) -> HttpResponse:
    form = CommentForm(request.POST)
    if not origin.is_same_origin(request):
        return _refusal(request, form, {"__all__": CROSS_SITE}, 403)
    if not form.is_valid():
        errors = {name: messages[0] for name, messages in form.errors.items()}
        form.errors.clear()
        return _refusal(request, form, errors, 400)
    outcome = posting.post_comment(request, form.cleaned_data)
    if outcome.comment is None:
        return _refusal(request, form, outcome.errors, outcome.status)
    comment = outcome.comment
    article_url = comment.article.url
    awaiting = comment.status != Status.APPROVED
    context = {
        "node": Node(comment),
        "article_url": article_url,
        "awaiting": awaiting,
        "max_depth": MAX_DEPTH,
    }
    if _wants_json(request):
        return JsonResponse(
            {
                "ok": True,
                "id": comment.pk,
                "parent": comment.parent_id,
                "awaiting": awaiting,
                "message": posting.AWAITING if awaiting else "Your comment is published.",
                "html": render_to_string("comments/comment.html", context),
            },
            status=201,
        )
    if awaiting:
        context |= {"comment": comment, "article_title": comment.article.title}
        return render(request, "comments/post_page.html", context, status=200)
    per_page = CommentSettings.current(request).per_page
    return SeeOther(f"{article_url}?cpage={thread_page_of(comment, per_page)}#comment-{comment.pk}")


@never_cache
@require_GET
def start(request: HttpRequest) -> JsonResponse:
    """A signed "started writing at" time for the minimum-writing-time check."""
    return JsonResponse({"started": posting.start_token()})


def _reported_comment(comment_id: int) -> Comment:
    return get_object_or_404(Comment.objects.select_related("article"), pk=comment_id, status=Status.APPROVED)


def _reason(request: HttpRequest) -> str:
    # Postgres refuses NUL in text; it is never part of a reason a person typed.
    return " ".join(request.POST.get("reason", "").replace("\x00", "").split())


def _report_again(request: HttpRequest, message: str) -> HttpResponse:
    comment = _reported_comment(request.resolver_match.kwargs["comment_id"])
    if _wants_json(request):
        return JsonResponse({"ok": False, "message": message})
    context = {
        "comment": comment,
        "article_url": comment.article.url,
        "error": message,
        "reason": _reason(request),
    }
    return render(request, "comments/report_page.html", context)


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
@answer_when_busy(_report_again)
def report(request: HttpRequest, comment_id: int) -> HttpResponse:
    comment = _reported_comment(comment_id)
    context: dict[str, object] = {"comment": comment, "article_url": comment.article.url}
    if request.method == "GET":
        return render(request, "comments/report_page.html", context)
    reason = _reason(request)
    status, error, done = 200, "", ""
    if not origin.is_same_origin(request):
        status, error = 403, CROSS_SITE
    elif not reason:
        status, error = 400, REPORT_REASON_MISSING
    elif len(reason) > 300:
        status, error = 400, REPORT_REASON_TOO_LONG
    elif ratelimit.exceeded(request, REPORTS_PER_CLIENT, ratelimit.client(request)):
        status, error = 429, REPORTING_TOO_FAST
    else:
        try:
            with transaction.atomic():
                Report.objects.create(comment=comment, reporter_hash=posting.ip_hash(request), reason=reason)
                Comment.objects.filter(pk=comment.pk).update(report_count=F("report_count") + 1)
            done = REPORTED
        except IntegrityError:
            done = ALREADY_REPORTED
    if _wants_json(request):
        return JsonResponse({"ok": not error, "message": error or done}, status=status)
    return render(
        request,
        "comments/report_page.html",
        context | {"error": error, "done": done, "reason": reason},
        status=status,
    )


def _reply_link(request: HttpRequest, token: str, action: str, apply: Callable[[str], None]) -> HttpResponse:
    """A link from a mail: GET shows a button (mail scanners open links), POST acts."""
    email = replies.address_from(token, action)
    if email is None:
        return render(request, "comments/replies_page.html", {"action": action, "invalid": True}, status=404)
    done = request.method == "POST"
    if done:
        apply(email)
    return render(request, "comments/replies_page.html", {"action": action, "done": done})


@never_cache
@csrf_exempt  # the signed token is the credential, and a mail program posts the stop link itself
@require_http_methods(["GET", "HEAD", "POST"])
def confirm_replies(request: HttpRequest, token: str) -> HttpResponse:
    return _reply_link(request, token, "confirm", replies.confirm)


@never_cache
@csrf_exempt  # RFC 8058 one-click: the mail program posts "List-Unsubscribe=One-Click" here
@require_http_methods(["GET", "HEAD", "POST"])
def stop_replies(request: HttpRequest, token: str) -> HttpResponse:
    return _reply_link(request, token, "stop", replies.stop)
