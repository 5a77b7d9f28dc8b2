"""A reader of a live article sees a new update appear without reloading the page."""

from __future__ import annotations

import pytest

from conftest import publish
from live.models import LiveArticlePage, LiveUpdate
from news.models import ArticleAuthor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_new_update_appears_for_a_reader_without_reload(
    browser, live_server, section, author, settings, output_dir
):
    settings.LIVE_POLL_SECONDS = 1
    page = LiveArticlePage(
        title="Council vote as it happens",
        slug="council-vote-live",
        standfirst="Every ward's vote, as it comes in.",
        body=[{"type": "paragraph", "value": "<p>The chamber is full.</p>"}],
    )
    page.author_links = [ArticleAuthor(author=author, sort_order=0)]
    section.add_child(instance=page)
    publish(page)
    LiveUpdate.objects.create(
        page=page,
        headline="Session opens",
        body=[{"type": "paragraph", "value": "<p>The mayor opens the session.</p>"}],
    )

    reader = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = reader.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    loads: list[str] = []
    tab.on("load", lambda _: loads.append(tab.url))
    tab.goto(live_server.url + page.url)
    updates = tab.locator(".live-update")
    assert updates.count() == 1

    LiveUpdate.objects.create(
        page=page, headline="Motion carried", key_event=True,
        body=[{"type": "paragraph", "value": "<p>The motion passed by nine votes to four.</p>"}],
    )  # fmt: skip
    tab.get_by_role("heading", name="Motion carried").wait_for(timeout=15_000)
    assert updates.first.get_by_role("heading").inner_text() == "Motion carried"
    assert updates.count() == 2
    assert tab.locator(".live__status").inner_text() == "1 new update"
    assert len(loads) == 1, "the page was reloaded"
    tab.screenshot(path=str(output_dir / "live-update.png"), full_page=True)
    assert errors == []
    reader.close()
