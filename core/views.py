"""Friendly error pages: readers never see a stack trace."""

from __future__ import annotations

import sys

from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string

from core import busy


def _error_page(request: HttpRequest, status: int, title: str, message: str) -> HttpResponse:
    try:
        body = render_to_string("error.html", {"title": title, "message": message, "status": status}, request)
    except Exception:  # noqa: BLE001  an error page must never fail itself
        body = f"<!doctype html><title>{title}</title><h1>{title}</h1><p>{message}</p>"
    return HttpResponse(body, status=status)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(
        request, 404, "Page not found", "We could not find that page. Try the search or the home page."
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error_page(request, 400, "Bad request", "We could not understand that request.")


def server_error(request: HttpRequest) -> HttpResponse:
    # A busy database met outside a view (a middleware saving the session, say) is still
    # "try again", not a failure.
    error = sys.exc_info()[1]
    if error is not None and busy.is_busy_database_error(error):
        return busy.answer_busy(request, error)
    return _error_page(request, 500, "Something went wrong", "Please try again in a moment.")
