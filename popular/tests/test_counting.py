"""The view beacon's endpoint and the counters: dedupe, robots, DNT/GPC, exact folding."""

from __future__ import annotations

import pytest
from django.http import HttpRequest
from django.test import RequestFactory

from news.models import ArticlePage
from popular import counting
from popular.counting import BUCKET_SECONDS, bucket_of, flush, fold_bucket, record_view
from popular.models import DailyViews, FoldedBucket

pytestmark = pytest.mark.django_db

DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"
NOW = 1_800_000_000.0  # a fixed moment, so buckets and days are known


def beacon(ip: str = "203.0.113.7", ua: str = DESKTOP, **headers: str) -> HttpRequest:
    return RequestFactory().post("/popular/view/", REMOTE_ADDR=ip, HTTP_USER_AGENT=ua, **headers)


def views(article: ArticlePage) -> int:
    return sum(DailyViews.objects.filter(article=article).values_list("views", flat=True))


def test_a_reader_is_counted_once_per_article_within_30_minutes(article, make_article) -> None:
    other = make_article("Another story")
    assert record_view(beacon(), article.pk, now=NOW)
    assert not record_view(beacon(), article.pk, now=NOW + 60)
    assert record_view(beacon(), other.pk, now=NOW + 60)  # another article counts
    assert record_view(beacon(ip="198.51.100.9"), article.pk, now=NOW + 60)  # another reader counts
    assert not record_view(beacon(ua=DESKTOP + " Edg/131"), article.pk, now=NOW + 60)  # same address
    flush(now=NOW + 10 * BUCKET_SECONDS)
    assert views(article) == 2
    assert views(other) == 1


def test_300_beacons_with_300_user_agents_from_one_address_count_once(article) -> None:
    extra = {"HTTP_ACCEPT_LANGUAGE": "en", "HTTP_X_FORWARDED_FOR": "192.0.2.1"}
    counted = [
        record_view(beacon(ua=f"{DESKTOP} Build/{n}", **extra), article.pk, now=NOW + n) for n in range(300)
    ]
    assert counted.count(True) == 1
    flush(now=NOW + 20 * BUCKET_SECONDS)
    assert views(article) == 1


def test_addresses_in_one_ipv6_64_are_one_reader(article) -> None:
    assert record_view(beacon(ip="2001:db8:1:2::1"), article.pk, now=NOW)
    assert not record_view(beacon(ip="2001:db8:1:2:ffff::9"), article.pk, now=NOW + 1)
    assert record_view(beacon(ip="2001:db8:1:3::1"), article.pk, now=NOW + 2)


def test_one_address_is_counted_on_at_most_the_hourly_ceiling_of_articles(article, make_article) -> None:
    ceiling = counting.VIEWS_PER_ADDRESS.attempts
    ids = [article.pk, *range(10_000, 10_000 + ceiling + 20)]  # the counter does not look articles up
    counted = [record_view(beacon(), article_id, now=NOW) for article_id in ids]
    assert counted.count(True) == ceiling
    assert record_view(beacon(ip="198.51.100.9"), ids[-1], now=NOW)  # another address still counts


def test_the_dedupe_key_is_a_salted_hash_with_no_address_in_it(article) -> None:
    request = beacon()
    digest = counting.reader_hash(request, article.pk, counting.timezone.localdate())
    assert len(digest) == 64
    assert "203.0.113.7" not in digest
    # A new day's salt gives a different hash for the same reader.
    other_day = counting.reader_hash(request, article.pk, counting.timezone.localdate().replace(year=2030))
    assert other_day != digest


@pytest.mark.parametrize(
    "ua",
    [
        "",
        DESKTOP.replace("Chrome/", "HeadlessChrome/"),
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1",
        "python-requests/2.32",
        "curl/8.5.0",
    ],
)
def test_robots_and_headless_browsers_are_not_counted(article, ua: str) -> None:
    assert not record_view(beacon(ua=ua), article.pk, now=NOW)


@pytest.mark.parametrize("header", [{"HTTP_DNT": "1"}, {"HTTP_SEC_GPC": "1"}])
def test_do_not_track_and_global_privacy_control_are_respected(article: ArticlePage, header: str) -> None:
    assert not record_view(beacon(**header), article.pk, now=NOW)
    assert record_view(beacon(HTTP_DNT="0"), article.pk, now=NOW)


def test_flush_folds_closed_buckets_only_and_a_retry_adds_nothing(article) -> None:
    for n in range(5):
        record_view(beacon(ip=f"203.0.113.{n}"), article.pk, now=NOW)
    assert flush(now=NOW) == 0  # the bucket is still open
    assert flush(now=NOW + 3 * BUCKET_SECONDS) == 5
    assert views(article) == 5
    assert flush(now=NOW + 3 * BUCKET_SECONDS) == 0  # retried flush
    assert fold_bucket(bucket_of(NOW)) == 0  # even forced, the bucket is folded only once
    assert views(article) == 5
    record_view(beacon(ip="203.0.113.99"), article.pk, now=NOW + 4 * BUCKET_SECONDS)
    assert flush(now=NOW + 8 * BUCKET_SECONDS) == 1
    assert views(article) == 6


def test_a_flush_that_fails_midway_leaves_nothing_and_the_retry_counts_exactly(
    article, make_article, monkeypatch
) -> None:
    other = make_article("Another story")
    for n in range(3):
        record_view(beacon(ip=f"203.0.113.{n}"), article.pk, now=NOW)
        record_view(beacon(ip=f"203.0.113.{n}"), other.pk, now=NOW)
    real = DailyViews.objects.get_or_create
    calls = []

    def crash_on_second(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 2:
            raise RuntimeError("worker killed")
        return real(*args, **kwargs)

    monkeypatch.setattr(DailyViews.objects, "get_or_create", crash_on_second)
    with pytest.raises(RuntimeError):
        flush(now=NOW + 3 * BUCKET_SECONDS)
    assert not DailyViews.objects.exists()
    assert not FoldedBucket.objects.exists()
    monkeypatch.undo()
    assert flush(now=NOW + 3 * BUCKET_SECONDS) == 6
    assert flush(now=NOW + 3 * BUCKET_SECONDS) == 0
    assert views(article) == 3
    assert views(other) == 3


def test_counts_of_the_same_day_accumulate_in_one_row(article) -> None:
    record_view(beacon(ip="203.0.113.1"), article.pk, now=NOW)
    record_view(beacon(ip="203.0.113.2"), article.pk, now=NOW + 5 * BUCKET_SECONDS)
    flush(now=NOW + 10 * BUCKET_SECONDS)
    assert DailyViews.objects.filter(article=article).count() == 1
    assert views(article) == 2


def test_endpoint_counts_a_view_and_answers_the_same_either_way(client, article) -> None:
    first = client.post("/popular/view/", {"article": article.pk}, HTTP_USER_AGENT=DESKTOP)
    second = client.post("/popular/view/", {"article": article.pk}, HTTP_USER_AGENT=DESKTOP)
    assert first.status_code == second.status_code == 204
    assert not first.cookies
    assert "no-cache" in first["Cache-Control"]
    assert sum(counting.bucket_counts(bucket_of(counting.time.time())).values()) == 1


def test_endpoint_rejects_bad_input_and_ignores_unpublished_articles(client, make_article) -> None:
    draft = make_article("Not yet", live=False)
    assert client.get("/popular/view/").status_code == 405
    assert client.post("/popular/view/", {"article": "abc"}).status_code == 400
    assert client.post("/popular/view/", {}).status_code == 400
    for raw in ("²", "0", "9" * 40):
        assert client.post("/popular/view/", {"article": raw}).status_code == 400, raw
    response = client.post("/popular/view/", {"article": draft.pk}, HTTP_USER_AGENT=DESKTOP)
    assert response.status_code == 204
    assert counting.bucket_counts(bucket_of(counting.time.time())) == {}


def test_nothing_is_counted_or_hashed_without_the_days_salt(article, cache_down) -> None:
    assert not record_view(beacon(), article.pk, now=NOW)
