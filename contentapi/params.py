"""Reading the API's query parameters: every bad value is an :class:`ApiError` (a 400 with a
message saying what is accepted), never a 500 and never silently ignored."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.http import QueryDict
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from core.params import id_param

DEFAULT_LIMIT = 20
MAX_LIMIT = 100
# Deeper than this, a client narrows with date_to instead: a deep OFFSET costs the database
# a scan of every row it skips.
MAX_OFFSET = 10_000

PAGINATION_PARAMS = ("limit", "offset")
ARTICLE_FILTER_PARAMS = ("section", "tag", "author", "date_from", "date_to")
# The only query parameters that change a response: what the page cache keys on.
KEY_PARAMS = (*PAGINATION_PARAMS, *ARTICLE_FILTER_PARAMS)


class ApiError(Exception):
    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class Window:
    limit: int
    offset: int


@dataclass(frozen=True)
class ArticleFilters:
    section: int | None = None
    tag: int | None = None
    author: int | None = None
    date_from: datetime | None = None
    date_to: datetime | None = None  # the first moment not included


def _bounded_int(query: QueryDict, name: str, default: int, low: int, high: int) -> int:
    raw = query.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit() and len(raw) <= 9) or not low <= int(raw) <= high:
        raise ApiError(f"{name} must be a whole number from {low} to {high}.")
    return int(raw)


def window(query: QueryDict) -> Window:
    """The slice a listing asks for with ``limit`` and ``offset``."""
    return Window(
        limit=_bounded_int(query, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT),
        offset=_bounded_int(query, "offset", 0, 0, MAX_OFFSET),
    )


def _id(query: QueryDict, name: str) -> int | None:
    raw = query.get(name)
    if raw is None:
        return None
    value = id_param(raw)
    if value is None:
        raise ApiError(f"{name} must be an id as the API gives it (a positive whole number).")
    return value


def _moment(query: QueryDict, name: str, *, end_of_day: bool) -> datetime | None:
    """A date (the whole day in the site's time zone) or an ISO 8601 date and time."""
    raw = query.get(name)
    if raw is None:
        return None
    try:
        day = parse_date(raw)  # first: parse_datetime reads a bare date as its midnight
        if day is not None:
            moment = datetime.combine(day + timedelta(days=1) if end_of_day else day, time.min)
        else:
            moment = parse_datetime(raw)
        if moment is None:
            raise ValueError(raw)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment)
    except (ValueError, OverflowError):
        raise ApiError(
            f"{name} must be a date (YYYY-MM-DD) or a date and time (ISO 8601, e.g. 2026-03-01T09:30:00Z)."
        ) from None
    return moment


def article_filters(query: QueryDict) -> ArticleFilters:
    """The article listing's filters; ``date_to`` as a date includes that whole day."""
    filters = ArticleFilters(
        section=_id(query, "section"),
        tag=_id(query, "tag"),
        author=_id(query, "author"),
        date_from=_moment(query, "date_from", end_of_day=False),
        date_to=_moment(query, "date_to", end_of_day=True),
    )
    if filters.date_from and filters.date_to and filters.date_from >= filters.date_to:
        raise ApiError("date_from must come before date_to.")
    return filters
