"""A reader's walk through the site in a real browser: home → article → copy link → search."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_home_article_copy_link_and_search(browser, live_server, make_article, output_dir):
    make_article("Harbour ferry timetable changes", hours_ago=3, image=True)
    article = make_article("Lighthouse keepers return to Eastmere", hours_ago=1, image=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Lighthouse keepers return to Eastmere").first.click()
    page.wait_for_url(f"**{article.url}")
    assert page.get_by_role("heading", level=1).inner_text() == article.title
    assert page.get_by_role("complementary", name="Promoted").count() == 0, "an empty promo box is shown"

    page.get_by_role("button", name="Copy link").click()
    status = page.locator(".share__status")
    status.wait_for(state="visible")
    assert status.inner_text() == "Link copied to the clipboard."
    copied = page.evaluate("navigator.clipboard.readText()")
    assert urlsplit(copied).path == article.url
    page.screenshot(path=str(output_dir / "article.png"), full_page=True)

    page.get_by_role("searchbox", name="Search articles").fill("lighthouse")
    page.get_by_role("searchbox", name="Search articles").press("Enter")
    page.wait_for_url("**/search/?q=lighthouse*")
    result = page.locator(".search-results h3 a")
    assert result.count() == 1
    assert result.first.inner_text() == article.title
    assert result.first.locator("mark").inner_text().lower() == "lighthouse"
    page.screenshot(path=str(output_dir / "search.png"), full_page=True)

    # A word only the bodies have: each result shows the passage with the word marked.
    page.locator("#search-q").fill("evening")
    page.locator("#search-q").press("Enter")
    page.wait_for_url("**/search/?q=evening*")
    excerpts = page.locator(".search-results li p:first-of-type")
    assert excerpts.count() == 2
    assert [excerpts.nth(n).locator("mark").inner_text() for n in range(2)] == ["evening", "evening"]

    origin = urlsplit(live_server.url).netloc
    foreign = [url for url in requested if urlsplit(url).netloc not in (origin, "")]
    assert foreign == [], foreign
    assert errors == []
    context.close()
