"""An editor writes an article in the admin with a table, a gallery and an embed, publishes it,
and readers see its reading time in the dateline and a placeholder instead of the provider."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Locator
from playwright.sync_api import Page as BrowserPage

from conftest import make_image
from news.models import ArticlePage, Author

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "a-long-test-password-1"
# About 460 words: two minutes at the reading pace news.blocks assumes.
TEXT = " ".join(["The harbour board met on Tuesday to weigh the cost of the new sea wall."] * 31)


def add_block(page: BrowserPage, label: str) -> None:
    """Append a block to the body through the stream's last insert button."""
    page.locator("[data-contentpath='body'] .c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def choose_image(page: BrowserPage, chooser: Locator, title: str) -> None:
    chooser.get_by_role("button", name="Choose an image").click()
    page.get_by_role("link", name=title).click()
    page.locator(".modal").wait_for(state="hidden")


def test_editor_writes_a_table_a_gallery_and_an_embed_and_readers_see_the_reading_time(
    browser, live_server, section, output_dir, settings
):
    # Autosave (every 500 ms) writes while other admin requests do; the test database is an
    # in-memory SQLite that the live server's threads share, which answers "table is locked".
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    editor = User.objects.create_superuser("eve", "eve@example.org", PASSWORD)
    Author.objects.create(name="Eve Editor", slug="eve-editor", user=editor)
    for title in ("Sea wall north", "Sea wall south"):
        # The chooser's thumbnails exist already: the live server's threads then only read from
        # the shared in-memory SQLite database, which locks when two of them write at once.
        make_image(title).get_rendition("max-165x165")
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        page.goto(live_server.url + "/admin/login/")
        page.get_by_label("Username").fill("eve")
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/admin/")

        page.goto(f"{live_server.url}/admin/pages/add/news/articlepage/{section.pk}/")
        page.locator("#id_title").fill("Sea wall costs double")
        page.locator("#id_standfirst").fill("The harbour board hears the bill has risen again.")
        page.locator("#id_lead_image_alt").wait_for()  # the alt text sits with the lead image

        add_block(page, "Paragraph")
        page.locator("[data-contentpath='body'] .Draftail-Editor [contenteditable='true']").last.fill(TEXT)

        add_block(page, "Table")
        table = page.locator(".typed-table-block").last
        table.locator("input[name$='-caption']").fill("Sea wall estimates")
        for column_type, heading in (("Text", "Year"), ("Number", "Cost (£m)")):
            table.locator(".append-column").click()
            page.locator(".add-column-menu").get_by_role("button", name=column_type).click()
            table.locator("input[name*='-heading']").last.fill(heading)
        # Adding the first column added the first row.
        cells = table.locator("tbody td input")
        cells.nth(0).fill("2026")
        cells.nth(1).fill("14.5")

        add_block(page, "Image gallery")
        gallery = page.locator("[data-contentpath='body'] [data-contentpath='images']").last
        gallery.locator(".c-sf-add-button").last.click()
        choosers = gallery.locator("[data-contentpath='image']")
        choose_image(page, choosers.nth(0), "Sea wall north")
        choose_image(page, choosers.nth(1), "Sea wall south")

        add_block(page, "Embed")
        embed = page.locator("[data-contentpath='body'] [data-contentpath='url'] input").last
        embed.fill("https://vimeo.com/76979871")
        page.locator("[data-contentpath='body'] [data-contentpath='title'] input").last.fill("The sea wall")

        page.get_by_role("button", name="More actions").click()
        page.get_by_role("button", name="Publish").click()
        page.wait_for_url("**/admin/pages/*/")
        page.get_by_text("Sea wall costs double' created and published").wait_for()
        page.wait_for_load_state("networkidle")
    finally:
        page.screenshot(path=str(output_dir / "editor-writes-article.png"), full_page=True)
    assert errors == []
    context.close()  # the admin's background requests end before the reader's

    article = ArticlePage.objects.get(slug="sea-wall-costs-double")
    assert [block.block_type for block in article.body] == ["paragraph", "table", "gallery", "embed"]
    assert [author.name for author in article.authors] == ["Eve Editor"]  # the byline default
    assert article.body[3].value["title"] == "The sea wall"

    reader = browser.new_context(viewport={"width": 1280, "height": 900})
    story = reader.new_page()
    requested: list[str] = []
    story.on("request", lambda request: requested.append(request.url))
    story.on("pageerror", lambda error: errors.append(str(error)))
    story.goto(live_server.url + article.url)
    assert story.locator(".dateline__reading").inner_text() == "2 min read"
    assert story.locator("table caption").inner_text() == "Sea wall estimates"
    assert errors == []
    assert story.locator("table th").all_inner_texts() == ["Year", "Cost (£m)"]
    assert story.locator("table tbody td").all_inner_texts() == ["2026", "14.5"]
    assert story.locator(".gallery img").count() == 2
    placeholder = story.locator(".embed")
    assert placeholder.get_by_role("button", name="Load video").is_visible()
    assert placeholder.get_attribute("data-embed-src") == "https://player.vimeo.com/video/76979871?dnt=1"
    assert story.locator("iframe").count() == 0
    story.screenshot(path=str(output_dir / "article-with-table-gallery-embed.png"), full_page=True)
    assert all(url.startswith(live_server.url) for url in requested), "a third party was asked"
    reader.close()
