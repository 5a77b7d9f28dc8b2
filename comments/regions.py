"""The ``comments`` region of the article page: count, threads, pagination, the form.

The output is cached and shared by every anonymous reader, so it holds nothing about one
reader: no token, no "awaiting moderation". It costs a fixed number of queries however
many comments the article has: one count, one page of threads, one query for all their
replies, plus the settings look-up (open or closed is a field of the article itself); and
none while the rendered region is stored (core.fragments: a moderation change bumps the
``comments`` generation).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.http import HttpRequest
from django.template.loader import render_to_string
from wagtail.models import Page

from comments.forms import CommentForm
from comments.models import MAX_DEPTH, Comment, CommentSettings, Status
from comments.posting import comments_open
from core import fragments, pagecache
from core.pagination import requested_page, require_in_range
from core.params import id_param
from core.regions import provides
from news.models import ArticlePage

LISTED_FIELDS = ("id", "parent_id", "root_id", "depth", "name", "website", "text", "created", "edited_at")


@dataclass
class Node:
    comment: Comment
    children: list[Node] = field(default_factory=list)


def thread_page_of(comment: Comment, per_page: int) -> int:
    """Which page (oldest threads first) shows this comment's thread."""
    root = comment.root or comment
    earlier = Comment.objects.filter(
        Q(created__lt=root.created) | Q(created=root.created, pk__lt=root.pk),
        article_id=comment.article_id,
        status=Status.APPROVED,
        depth=1,
    ).count()
    return earlier // per_page + 1


def _threads(article: ArticlePage, per_page: int, number: int) -> tuple[dict, list[Node], dict[int, Node]]:
    approved = Comment.objects.filter(article=article, status=Status.APPROVED)
    counts = approved.aggregate(total=Count("pk"), threads=Count("pk", filter=Q(depth=1)))
    pages = max(1, -(-counts["threads"] // per_page))
    require_in_range(number, pages)
    roots = []
    if counts["threads"]:
        start = (number - 1) * per_page
        roots = list(approved.filter(depth=1).only(*LISTED_FIELDS)[start : start + per_page])
    nodes = {root.pk: Node(root) for root in roots}
    if roots:
        replies = approved.filter(root_id__in=list(nodes), depth__gt=1).only(*LISTED_FIELDS)
        for reply in replies.order_by("depth", "created", "pk"):
            parent = nodes.get(reply.parent_id)
            if parent is not None:  # a reply whose parent is not approved stays hidden
                nodes[reply.pk] = Node(reply)
                parent.children.append(nodes[reply.pk])
    paging = {"total": counts["total"], "pages": pages, "number": number, "range": range(1, pages + 1)}
    return paging, [nodes[root.pk] for root in roots], nodes


@provides("comments")
def comments_region(request: HttpRequest, page: Page) -> str:
    if not isinstance(page, ArticlePage):
        return ""
    site_settings = CommentSettings.current(request)
    is_open = comments_open(page, site_settings)
    number = requested_page(request, "cpage")  # parsed: raw input never makes a key
    reply_to_id = _reply_target(request, page, site_settings.per_page, number)
    key = [page.pk, number, reply_to_id, is_open, site_settings.per_page]
    return fragments.cached(
        request,
        "region:comments",
        key,
        depends_on=("content", "comments"),
        render=lambda: _render(page, site_settings.per_page, number, reply_to_id, is_open),
    )


def _reply_target(request: HttpRequest, page: ArticlePage, per_page: int, number: int) -> int | None:
    """The comment ``?replytocom=`` names when this page of threads shows it, else None.

    Any other value shows the page as without it and is neither stored as a page nor as a
    fragment under that value, so a flood of made-up ids cannot fill the caches.
    """
    if "replytocom" not in request.GET:
        return None
    wanted = id_param(request.GET["replytocom"])
    shown = fragments.remembered(
        request,
        "comments-shown",
        [page.pk, number, per_page],
        ("content", "comments"),
        lambda: frozenset(_threads(page, per_page, number)[2]),
    )
    if wanted not in shown:
        pagecache.ignore_key_param(request, "replytocom")
        return None
    return wanted


def _render(page: ArticlePage, per_page: int, number: int, reply_to_id: int | None, is_open: bool) -> str:
    paging, threads, shown = _threads(page, per_page, number)
    node = shown.get(reply_to_id)
    reply_to = node.comment if node else None
    form = CommentForm(initial={"article": page.pk, "parent": reply_to.pk if reply_to else None})
    return render_to_string(
        "comments/region.html",
        {
            "article_url": page.url,
            "paging": paging,
            "threads": threads,
            "is_open": is_open,
            "form": form,
            "reply_to": reply_to,
            "max_depth": MAX_DEPTH,
        },
    )
