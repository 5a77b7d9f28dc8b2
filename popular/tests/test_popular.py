"""Popular lists: decay, sections, the newest-articles fallback, the region and the report."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Page

from news.models import ArticlePage, SectionPage
from newsletter import digest
from newsletter.models import Newsletter
from popular import ranking
from popular.models import DailyViews, PopularEntry
from popular.regions import popular

pytestmark = pytest.mark.django_db


def seen(article: ArticlePage, days_ago: int, views: int) -> None:
    DailyViews.objects.create(
        article=article, day=timezone.localdate() - timedelta(days=days_ago), views=views
    )


def site_list() -> list[str]:
    return [e.article.title for e in PopularEntry.objects.filter(section=None).select_related("article")]


def render(page: Page) -> str:
    return popular(RequestFactory().get(page.url), page)


def test_yesterday_counts_more_than_last_week(make_article) -> None:
    old, recent, fresh, stale = (make_article(t) for t in ("Old", "Recent", "Fresh", "Stale"))
    seen(old, 6, 10)  # 10 * 0.125 = 1.25
    seen(recent, 1, 6)  # 6 * 0.71 = 4.2
    seen(fresh, 0, 3)  # 3
    seen(stale, 8, 500)  # outside the 7-day window
    ranking.recompute()
    assert site_list() == ["Recent", "Fresh", "Old"]
    assert ranking.weight(1) > ranking.weight(6)


def test_views_on_several_days_add_up(make_article) -> None:
    steady, spike = make_article("Steady"), make_article("Spike")
    for day in range(7):
        seen(steady, day, 2)
    seen(spike, 0, 5)
    seen(make_article("Third"), 0, 1)
    ranking.recompute()
    assert site_list()[:2] == ["Steady", "Spike"]


def test_section_lists_and_unpublished_articles(home, make_article) -> None:
    business = home.add_child(instance=SectionPage(title="Business", slug="business"))
    business.save_revision().publish()
    politics = [make_article(f"Politics {n}") for n in range(3)]
    markets = make_article("Markets rally", parent=business)
    withdrawn = make_article("Withdrawn")
    for n, article in enumerate([*politics, markets, withdrawn]):
        seen(article, 0, 10 + n)
    withdrawn.unpublish()
    ranking.recompute()
    assert site_list() == ["Markets rally", "Politics 2", "Politics 1", "Politics 0"]
    in_business = PopularEntry.objects.filter(section=business).values_list("article__title", flat=True)
    assert list(in_business) == ["Markets rally"]


def test_region_shows_most_read_without_the_article_itself(make_article) -> None:
    stories = [make_article(f"Story {n}", image=n == 1) for n in range(5)]
    for n, story in enumerate(stories):
        seen(story, 0, 10 - n)
    ranking.recompute()
    html = render(stories[0])
    assert "Most read" in html
    assert "Story 0</a>" not in html
    assert html.index("Story 1") < html.index("Story 2") < html.index("Story 3")
    assert "<picture" in html
    assert "card__teaser" in html
    assert 'src="/static/popular/beacon.js"' in html
    assert f'data-article="{stories[0].pk}"' in html


def test_region_prefers_the_sections_list_when_it_is_long_enough(make_article) -> None:
    stories = [make_article(f"Story {n}") for n in range(6)]
    for n, story in enumerate(stories):
        seen(story, 0, 10 - n)
    ranking.recompute()
    assert "Most read in Politics" in render(stories[0])


def test_without_views_the_newest_articles_are_shown_and_not_called_most_read(make_article) -> None:
    older = make_article("Older story", hours_ago=5)
    newer = make_article("Newer story", hours_ago=1)
    current = make_article("Current story", hours_ago=9)
    ranking.recompute()
    html = render(current)
    assert "Latest stories" in html
    assert "Most read" not in html
    assert html.index(newer.title) < html.index(older.title)
    assert not PopularEntry.objects.filter(most_read=True).exists()


def test_region_costs_one_query(make_article) -> None:
    stories = [make_article(f"Story {n}", image=True) for n in range(5)]
    for n, story in enumerate(stories):
        seen(story, 0, 10 - n)
    ranking.recompute()
    render(stories[0])  # renditions generated on the first view, as in production
    with CaptureQueriesContext(connection) as queries:
        render(stories[0])
    assert len(queries) == 1


def test_no_beacon_in_previews(article) -> None:
    ranking.recompute()
    request = RequestFactory().get(article.url)
    request.is_preview = True
    assert "beacon.js" not in popular(request, article)


def test_recompute_never_purges_pages(make_article, monkeypatch, django_capture_on_commit_callbacks) -> None:
    purged: list = []
    monkeypatch.setattr("core.pagecache.invalidate", lambda urls: purged.append(urls))
    seen(make_article("A story"), 0, 3)
    with django_capture_on_commit_callbacks(execute=True) as after_commit:
        ranking.recompute()
    assert after_commit  # what the recompute leaves for after commit did run: it purged nothing
    assert purged == []


def test_editors_see_what_readers_read_with_daily_charts(admin_client, make_article) -> None:
    article = make_article("Harbour ferry timetable changes")
    seen(article, 0, 4)
    seen(article, 3, 9)
    seen(make_article("Quiet story"), 20, 2)
    response = admin_client.get("/admin/what-readers-read/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "What readers read" in html
    assert "Harbour ferry timetable changes" in html
    for period in ("Today", "Last 7 days", "Last 30 days"):
        assert f">{period}</h2>" in html
    assert html.count("<svg width=") >= 4
    assert "<polyline" in html
    assert "Views per day over 30 days: 13 in all, at most 9 on" in html


def test_the_report_is_for_signed_in_staff_only(client) -> None:
    response = client.get("/admin/what-readers-read/")
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_digests_list_the_periods_most_read_articles_first(make_article) -> None:
    make_article("New", hours_ago=1)
    middle, oldest = make_article("Mid", hours_ago=2), make_article("Old", hours_ago=3)
    seen(oldest, 0, 30)
    seen(middle, 1, 5)
    letter = Newsletter.objects.create(slug="morning", name="Morning", description="The day's stories.")
    chosen = digest.articles_for(letter, since=timezone.now() - timedelta(days=1))
    assert [article.title for article in chosen] == ["Old", "Mid", "New"]


def test_an_unchanged_recompute_keeps_the_stored_regions(
    make_article, django_capture_on_commit_callbacks
) -> None:
    for n in range(3):
        seen(make_article(f"Story {n}"), 0, 10 - n)
    with django_capture_on_commit_callbacks(execute=True) as first:
        ranking.recompute()
    with django_capture_on_commit_callbacks(execute=True) as second:
        ranking.recompute()
    assert len(first) == 1
    assert second == []


def test_an_article_its_editor_hides_from_popular_is_never_listed(make_article) -> None:
    hidden = make_article("Sponsored round-up", hours_ago=1)
    hidden.hide_from_recommendations = True
    hidden.save_revision().publish()
    read = make_article("Harbour story", hours_ago=2)
    current = make_article("Current story", hours_ago=9)
    seen(hidden, 1, 500)
    seen(read, 1, 5)
    ranking.recompute()
    assert "Harbour story" in site_list()
    assert "Sponsored round-up" not in site_list()
    html = render(current)
    assert "Harbour story" in html
    assert "Sponsored round-up" not in html
    # A stored list from before the editor hid it does not show it either.
    PopularEntry.objects.create(article=hidden, rank=0, score=9.0, most_read=True)
    assert "Sponsored round-up" not in render(current)
