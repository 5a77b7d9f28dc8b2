"""Date archives: ``<year>/`` and ``<year>/<month>/`` below a section (its articles) and below the
home page (every article), the addresses WordPress readers and search engines know, so any part
of the history is a short address and a month's pages, never a deep offset into the section.

A page in the tree always wins: an archive answers only an address no page has, so an article
slugged ``2024`` stays at ``/<section>/2024/`` (its section's year 2024 is then reached through
its months). Periods are calendar months and years in the site's time zone (``TIME_ZONE``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.dates import MONTHS

from core.pagination import paginate

YEAR_DIGITS, MONTH_DIGITS = 4, 2
# Both ends must stay valid datetimes in UTC from any time zone: year 1 east of UTC would
# overflow, and the next period's start must exist.
FIRST_YEAR, LAST_YEAR = 2, 9998


@dataclass(frozen=True)
class Period:
    """A year (``month`` None) or a month of the archive below the page at ``root_url``."""

    year: int
    month: int | None = None
    root_url: str = ""

    @classmethod
    def from_path(cls, components: list[str], root_url: str = "") -> Period | None:
        """The period an address below a page names (``["2024"]``, ``["2024", "05"]``), or None.
        One spelling per period: four-digit years, two-digit months."""
        if not 1 <= len(components) <= 2 or not all(part.isascii() and part.isdigit() for part in components):
            return None
        year, month = components[0], components[1] if len(components) == 2 else None
        if len(year) != YEAR_DIGITS or not FIRST_YEAR <= int(year) <= LAST_YEAR:
            return None
        if month is not None and (len(month) != MONTH_DIGITS or not 1 <= int(month) <= 12):
            return None
        return cls(int(year), int(month) if month else None, root_url)

    @classmethod
    def containing(cls, moment: datetime, monthly: bool, root_url: str = "") -> Period:
        local = timezone.localtime(moment)
        return cls(local.year, local.month if monthly else None, root_url)

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime(self.year, self.month or 1, 1))

    @property
    def end(self) -> datetime:
        """The start of the next period."""
        if self.month is None or self.month == 12:
            return timezone.make_aware(datetime(self.year + 1, 1, 1))
        return timezone.make_aware(datetime(self.year, self.month + 1, 1))

    @property
    def path(self) -> str:
        """The address below the root page: ``2024/`` or ``2024/05/``."""
        return f"{self.year:04d}/" + (f"{self.month:02d}/" if self.month else "")

    @property
    def url(self) -> str:
        return self.root_url + self.path

    @property
    def year_period(self) -> Period:
        return Period(self.year, None, self.root_url)

    @property
    def month_name(self) -> str:
        return str(MONTHS[self.month]) if self.month else ""

    @property
    def label(self) -> str:
        return f"{self.month_name} {self.year}" if self.month else str(self.year)


def in_period(articles: QuerySet, period: Period) -> QuerySet:
    return articles.filter(published_at__gte=period.start, published_at__lt=period.end)


def months(articles: QuerySet, root_url: str) -> list[tuple[Period, list[Period]]]:
    """Each year with articles, newest first, and its months with articles (one query)."""
    years: dict[int, list[Period]] = {}
    for moment in articles.order_by().datetimes("published_at", "month", order="DESC"):
        years.setdefault(moment.year, []).append(Period(moment.year, moment.month, root_url))
    return [(Period(year, None, root_url), periods) for year, periods in years.items()]


def _neighbour(articles: QuerySet, period: Period, earlier: bool) -> Period | None:
    """The nearest period before or after ``period`` that has articles (one indexed query)."""
    if earlier:
        found = articles.filter(published_at__lt=period.start).order_by("-published_at")
    else:
        found = articles.filter(published_at__gte=period.end).order_by("published_at")
    moment = found.values_list("published_at", flat=True).first()
    return Period.containing(moment, period.month is not None, period.root_url) if moment else None


def archive_context(request: HttpRequest, articles: QuerySet, period: Period, per_page: int) -> dict:
    """The archive page of ``period`` over ``articles`` (a listing's queryset): a 404 when the
    period has none, so an archive address always shows something."""
    page = paginate(request, in_period(articles, period), per_page)
    if not page.paginator.count:
        raise Http404("No articles in this period.")
    return {
        "period": period,
        "articles": page,
        # Only a year page lists its months; bounded by twelve whatever the archive's size.
        "year_months": months(in_period(articles, period), period.root_url)[0][1] if not period.month else [],
        "earlier": _neighbour(articles, period, earlier=True),
        "later": _neighbour(articles, period, earlier=False),
    }


def purge_paths(root_url: str, published_at: datetime | None) -> list[str]:
    """The archive addresses below ``root_url`` that list an article published then."""
    if not root_url or published_at is None:
        return []
    month = Period.containing(published_at, monthly=True, root_url=root_url)
    return [month.year_period.url, month.url]
