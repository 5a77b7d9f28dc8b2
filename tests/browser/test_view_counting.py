"""A reader's view is counted once, however often the page is reloaded (the beacon in Chromium)."""

from __future__ import annotations

import time

import pytest
from django.conf import settings
from wagtail.models import Collection, Locale, Page, Site

from popular.counting import BUCKET_SECONDS, flush
from popular.models import DailyViews

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Headless Chromium says "HeadlessChrome", which the counter rightly ignores as a robot.
DESKTOP = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36"


@pytest.fixture
def page_tree(transactional_db) -> None:
    """What Wagtail's migrations create, which an earlier transactional test has flushed away."""
    if not Page.objects.exists():
        Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
        root = Page.add_root(instance=Page(title="Root", slug="root"))
        Site.objects.create(hostname="localhost", root_page=root, is_default_site=True)
    if not Collection.objects.exists():
        Collection.add_root(name="Root")


def test_a_view_is_counted_once_after_two_reloads(page_tree, browser, live_server, make_article, output_dir):
    article = make_article("Lighthouse keepers return to Eastmere", image=True)
    context = browser.new_context(user_agent=DESKTOP, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    statuses = []
    for visit in range(3):
        with page.expect_response("**/popular/view/", timeout=10_000) as beacon:
            if visit == 0:
                page.goto(live_server.url + article.url)
            else:
                page.reload()
        statuses.append(beacon.value.status)
    assert statuses == [204, 204, 204]
    assert errors == []
    page.screenshot(path=str(output_dir / "article-counted.png"), full_page=True)
    context.close()

    flush(now=time.time() + 3 * BUCKET_SECONDS)
    assert list(DailyViews.objects.filter(article=article).values_list("views", flat=True)) == [1]
