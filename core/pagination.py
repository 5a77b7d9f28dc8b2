"""One page-number policy for every paginated list: listings, search, comments and the admin.

No page number means page 1; anything that is not the number of an existing page (``abc``,
``0``, ``-1``, a page past the end) is a 404, never a silent other page, so a page's address
always shows the same thing and a crawler cannot mint endless duplicates.
"""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest

from core.params import id_param


def requested_page(request: HttpRequest, param: str = "page") -> int:
    """The page number the query string asks for: 1 when absent; a 404 when it is not a number."""
    raw = request.GET.get(param)
    if raw is None:
        return 1
    number = id_param(raw)
    if number is None:
        raise Http404("No such page number.")
    return number


def require_in_range(number: int, pages: int) -> int:
    """``number`` when a list of ``pages`` pages has it (an empty list has page 1); else a 404."""
    if number > max(pages, 1):
        raise Http404("No such page number.")
    return number


def paginate(request: HttpRequest, queryset: QuerySet, per_page: int, param: str = "page") -> Page:
    """The requested page of ``queryset``."""
    paginator = Paginator(queryset, per_page, allow_empty_first_page=True)
    return paginator.page(require_in_range(requested_page(request, param), paginator.num_pages))
