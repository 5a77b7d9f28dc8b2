"""The API's endpoints: listings (``limit``/``offset``, ``meta.total_count``) and details, each a
GET answered with JSON, cached like pages (core.pagecache), open to any origin (CORS)."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import reverse

from comments.api import comment_count
from contentapi import params, queries, representations
from contentapi.params import ApiError
from contentapi.purge import LISTINGS
from core.params import id_param
from core.sites import absolute_url
from quotes.api import quotations_of

CORS_HEADERS = {
    # Anyone may read; no credentials are ever involved, so "*" is exact.
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag",
}
PREFLIGHT_HEADERS = {
    "Allow": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Encoding, If-None-Match",
    "Access-Control-Max-Age": "86400",
}


def _json(data: Any, status: int = 200) -> JsonResponse:
    response = JsonResponse(data, status=status, json_dumps_params={"ensure_ascii": False})
    for name, value in CORS_HEADERS.items():
        response[name] = value
    return response


def endpoint(view: Callable[..., Any]) -> Callable[..., HttpResponse]:
    """GET and HEAD get the view's data as JSON, OPTIONS the CORS preflight answer, bad input a
    400 (or 404) with ``{"message": ...}``, other methods a 405."""

    @wraps(view)
    def answer(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            for name, value in {**CORS_HEADERS, **PREFLIGHT_HEADERS}.items():
                response[name] = value
            return response
        if request.method not in ("GET", "HEAD"):
            response = _json({"message": "This API is read-only: use GET."}, status=405)
            response["Allow"] = PREFLIGHT_HEADERS["Allow"]
            return response
        try:
            return _json(view(request, *args, **kwargs))
        except ApiError as error:
            return _json({"message": error.message}, status=error.status)

    return answer


def _listing(request: HttpRequest, queryset: QuerySet, show: Callable[[list], list[dict]]) -> dict:
    window = params.window(request.GET)
    items = list(queryset[window.offset : window.offset + window.limit])
    return {"meta": {"total_count": queryset.count()}, "items": show(items) if items else []}


def _one(queryset: QuerySet, raw_pk: str, kind: str) -> Any:
    pk = id_param(raw_pk)
    item = queryset.filter(pk=pk).first() if pk else None
    if item is None:
        raise ApiError(f"No published {kind} has this id.", status=404)
    return item


def _sections_by_path() -> dict[str, Any]:
    return {page.path: page for page in queries.sections()}


@endpoint
def index(request: HttpRequest) -> dict:
    """Where each listing is, so a client needs only this address."""
    return {name: absolute_url(reverse(f"contentapi:{name}")) for name in LISTINGS}


@endpoint
def unknown_endpoint(request: HttpRequest, rest: str) -> dict:
    raise ApiError(f"No such endpoint. The API's listings are: {', '.join(LISTINGS)}.", status=404)


@endpoint
def article_list(request: HttpRequest) -> dict:
    def show(articles: list) -> list[dict]:
        sections = _sections_by_path()
        return [representations.article_summary(page, sections) for page in articles]

    return _listing(request, queries.articles(params.article_filters(request.GET)), show)


@endpoint
def article_detail(request: HttpRequest, pk: str) -> dict:
    page = _one(queries.full_articles(), pk, "article")
    return representations.article(page, _sections_by_path(), comment_count(page.pk), quotations_of(page.pk))


@endpoint
def section_list(request: HttpRequest) -> dict:
    def show(sections: list) -> list[dict]:
        counts = queries.section_article_counts(sections)
        return [representations.section(page, counts.get(page.path, 0)) for page in sections]

    return _listing(request, queries.sections(), show)


@endpoint
def section_detail(request: HttpRequest, pk: str) -> dict:
    page = _one(queries.sections(), pk, "section")
    return representations.section(page, queries.section_article_counts([page]).get(page.path, 0))


@endpoint
def tag_list(request: HttpRequest) -> dict:
    def show(tags: list) -> list[dict]:
        return [representations.tag(item, item.article_count) for item in tags]

    return _listing(request, queries.tags(), show)


@endpoint
def tag_detail(request: HttpRequest, pk: str) -> dict:
    item = _one(queries.tags(), pk, "tag")
    return representations.tag(item, item.article_count)


@endpoint
def author_list(request: HttpRequest) -> dict:
    def show(people: list) -> list[dict]:
        return [representations.author(person, person.article_count) for person in people]

    return _listing(request, queries.authors(), show)


@endpoint
def author_detail(request: HttpRequest, pk: str) -> dict:
    person = _one(queries.authors(), pk, "author")
    return representations.author(person, person.article_count)


@endpoint
def image_list(request: HttpRequest) -> dict:
    return _listing(request, queries.images(), lambda pictures: [representations.image(p) for p in pictures])


@endpoint
def image_detail(request: HttpRequest, pk: str) -> dict:
    return representations.image(_one(queries.images(), pk, "image"))
