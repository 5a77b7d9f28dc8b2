"""Subscribe on an article page, open the link from the delivered email, see the confirmation."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from mail.tests.smtp import SMTPServer, free_port, send_through
from newsletter.models import Newsletter
from newsletter.tests.conftest import text_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def smtp_for_live_server(settings: Settings, live_server: LiveServer) -> Iterator[SMTPServer]:
    server = SMTPServer(free_port())
    server.start()
    send_through(settings, server)
    settings.SITE_URL = live_server.url
    yield server
    server.stop()


def test_subscribe_on_an_article_and_confirm_from_the_email(
    browser, live_server, make_article, smtp_for_live_server, output_dir
):
    Newsletter.objects.get_or_create(
        slug="daily", defaults={"name": "Daily digest", "description": "Each day."}
    )
    article = make_article("Night buses return to the coast road", hours_ago=1)
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(live_server.url + article.url)
    region = page.locator(".region--subscribe")
    region.get_by_label("Your email address").fill("Night.Reader@example.org")
    region.get_by_role("button", name="Subscribe").click()
    page.get_by_role("heading", name="Check your inbox").wait_for()
    page.screenshot(path=str(output_dir / "newsletter-check-inbox.png"), full_page=True)

    [confirmation] = smtp_for_live_server.inbox.to("night.reader@example.org")
    link = re.search(r"(http://\S+/newsletter/confirm/\S+/)", text_of(confirmation)).group(1)
    page.goto(link)
    assert page.get_by_role("heading", level=1).inner_text() == "You are subscribed"
    assert "Daily digest" in page.locator("main").inner_text()
    page.screenshot(path=str(output_dir / "newsletter-confirmed.png"), full_page=True)
    assert [m["Subject"] for m in smtp_for_live_server.inbox.messages][-1] == "Welcome to Daily digest"
    assert errors == []
    page.close()
