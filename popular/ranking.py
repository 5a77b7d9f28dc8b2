"""Popular: the most read articles of the last 7 days, with a decay, stored per scope.

score(article) = sum over the last ``WINDOW_DAYS`` days d (today = 0) of
views(article, d) * 0.5 ** (d / HALF_LIFE_DAYS)

With a half-life of 2 days, a view today weighs 1, yesterday 0.71, three days ago 0.35 and
six days ago 0.125: yesterday counts more than last week. Lists are kept site-wide and per
section (top :data:`STORED` live articles each) and replaced in one transaction; a recompute
never purges the page cache, so pages show the new lists as their cached copies expire.
While fewer than :data:`MINIMUM` articles have views, the site-wide list holds the newest
articles instead, flagged ``most_read=False`` so that the page does not call them most read.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from core import fragments
from core.orderings import provides_ordering
from news.api import published_articles
from news.models import ArticlePage, SectionPage
from popular.models import DailyViews, PopularEntry

WINDOW_DAYS = 7
HALF_LIFE_DAYS = 2.0
STORED = 10
# Fewer articles with views than this, and the site-wide list is the newest articles instead,
# labelled as such: three readers do not make a "most read" list.
MINIMUM = 3


def weight(age_days: int) -> float:
    return 0.5 ** (age_days / HALF_LIFE_DAYS)


def scores(today: date | None = None, article_ids: Iterable[int] | None = None) -> dict[int, float]:
    today = today or timezone.localdate()
    since = today - timedelta(days=WINDOW_DAYS - 1)
    rows = DailyViews.objects.filter(day__gte=since, day__lte=today)
    if article_ids is not None:
        rows = rows.filter(article_id__in=list(article_ids))
    totals: dict[int, float] = {}
    for article_id, day, views in rows.values_list("article_id", "day", "views"):
        totals[article_id] = totals.get(article_id, 0.0) + views * weight((today - day).days)
    return totals


@provides_ordering("most_read")
def by_readership(articles: list[ArticlePage]) -> list[ArticlePage]:
    """The articles, most read first by the same decayed score; unread ones keep their order."""
    totals = scores(article_ids=[article.pk for article in articles])
    return sorted(articles, key=lambda article: -totals.get(article.pk, 0.0))


def recompute(today: date | None = None) -> int:
    """Replace every stored list; return how many entries were stored."""
    totals = scores(today)
    live = published_articles().recommendable().filter(pk__in=list(totals)).values_list("pk", "path")
    section_of = {pk: path[: -ArticlePage.steplen] for pk, path in live}
    ranked = sorted(section_of, key=lambda pk: (-totals[pk], -pk))
    section_ids = dict(
        SectionPage.objects.filter(path__in=set(section_of.values())).values_list("path", "pk")
    )
    lists: dict[int | None, list[int]] = {None: ranked[:STORED]}
    for pk in ranked:
        section = section_ids.get(section_of[pk])
        if section is not None and len(lists.setdefault(section, [])) < STORED:
            lists[section].append(pk)
    entries = [
        PopularEntry(section_id=section, article_id=pk, rank=rank, score=totals[pk])
        for section, pks in lists.items()
        for rank, pk in enumerate(pks, start=1)
    ]
    if len(ranked) < MINIMUM:
        newest = published_articles().recommendable().values_list("pk", flat=True)[:STORED]
        entries = [
            PopularEntry(article_id=pk, rank=rank, score=0.0, most_read=False)
            for rank, pk in enumerate(newest, start=1)
        ]
    shown = ("section_id", "article_id", "rank", "most_read")
    stored = set(PopularEntry.objects.values_list(*shown))
    if stored == {tuple(getattr(entry, name) for name in shown) for entry in entries}:
        return len(entries)  # same lists: keep the rows and every stored fragment showing them
    with transaction.atomic():
        PopularEntry.objects.all().delete()
        PopularEntry.objects.bulk_create(entries)
        fragments.bump_after_commit("discovery")
    return len(entries)
