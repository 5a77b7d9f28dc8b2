"""Figures for the editors' "What readers read" view: top articles and daily sparklines."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Sum
from django.utils import timezone

from popular.models import DailyViews

PERIODS = (("Today", 1), ("Last 7 days", 7), ("Last 30 days", 30))
TOP = 20
CHART_DAYS = 30
CHART_WIDTH, CHART_HEIGHT = 150, 30


@dataclass(frozen=True)
class Row:
    article_id: int
    title: str
    views: int
    chart: Chart


@dataclass(frozen=True)
class Chart:
    """A 30-day sparkline drawn as an SVG polyline; ``label`` describes it for screen readers."""

    points: str
    label: str
    width: int = CHART_WIDTH
    height: int = CHART_HEIGHT


def chart(daily: dict[date, int], today: date) -> Chart:
    days = [today - timedelta(days=offset) for offset in range(CHART_DAYS - 1, -1, -1)]
    values = [daily.get(day, 0) for day in days]
    peak = max(values) or 1
    step = CHART_WIDTH / (CHART_DAYS - 1)
    points = " ".join(
        f"{index * step:.1f},{CHART_HEIGHT - 2 - (CHART_HEIGHT - 4) * value / peak:.1f}"
        for index, value in enumerate(values)
    )
    best = max(range(CHART_DAYS), key=lambda index: (values[index], index))
    label = (
        f"Views per day over {CHART_DAYS} days: {sum(values)} in all, "
        f"at most {values[best]} on {days[best]:%-d %B}; today {values[-1]}."
    )
    return Chart(points=points, label=label)


def top_articles(today: date | None = None) -> list[tuple[str, list[Row]]]:
    today = today or timezone.localdate()
    periods: list[tuple[str, list[dict]]] = []
    for label, days in PERIODS:
        totals = (
            DailyViews.objects.filter(day__gt=today - timedelta(days=days), day__lte=today)
            .values("article_id", "article__title")
            .annotate(total=Sum("views"))
            .order_by("-total", "article_id")[:TOP]
        )
        periods.append((label, list(totals)))
    ids = {row["article_id"] for _, rows in periods for row in rows}
    daily: dict[int, dict[date, int]] = {}
    recent = DailyViews.objects.filter(article_id__in=ids, day__gt=today - timedelta(days=CHART_DAYS))
    for article_id, day, views in recent.values_list("article_id", "day", "views"):
        daily.setdefault(article_id, {})[day] = views
    charts = {article_id: chart(daily.get(article_id, {}), today) for article_id in ids}
    return [
        (
            label,
            [Row(r["article_id"], r["article__title"], r["total"], charts[r["article_id"]]) for r in rows],
        )
        for label, rows in periods
    ]
