"""Leave a reply in a real browser: an error, the fix, moderation, publication on the cached page."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group, User

from news.roles import MODERATORS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

COMMENT = "The ferry timetable change will help\n\nshift workers at the harbour most of all."


def test_comment_error_fix_moderate_and_publish(browser, live_server, make_article, output_dir):
    article = make_article("Harbour ferry timetable changes")
    moderator = User.objects.create_user("moira", password="a-long-test-password-1")
    moderator.groups.add(Group.objects.get(name=MODERATORS))
    reader = browser.new_context(viewport={"width": 1280, "height": 900})
    page = reader.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))

    first = page.goto(live_server.url + article.url)
    assert first.headers["x-page-cache"] == "miss"
    page.get_by_role("heading", name="Leave a reply").wait_for()
    page.get_by_role("textbox", name="Comment", exact=True).fill(COMMENT)
    page.get_by_role("textbox", name="Email", exact=True).fill("sam.reader@example.org")
    page.get_by_role("button", name="Post comment").click()

    name_error = page.locator("#author-error")
    name_error.wait_for(state="visible")
    assert name_error.inner_text() == "Please enter your name here"
    assert page.get_by_role("textbox", name="Name", exact=True).get_attribute("aria-invalid") == "true"
    assert page.get_by_role("textbox", name="Comment", exact=True).input_value() == COMMENT
    page.screenshot(path=str(output_dir / "comment-error.png"), full_page=True)

    page.get_by_role("textbox", name="Name", exact=True).fill("Sam Reader")
    page.get_by_label("Save my name, email, and website in this browser for the next time I comment.").check()
    page.wait_for_timeout(3200)  # a person takes longer than the 3-second minimum to write
    page.get_by_role("button", name="Post comment").click()
    awaiting = page.locator(".comment__awaiting")
    awaiting.wait_for(state="visible")
    assert awaiting.inner_text() == "Your comment is awaiting moderation."
    assert name_error.is_hidden()
    assert page.evaluate("JSON.parse(localStorage.getItem('broadsheet.commenter')).author") == "Sam Reader"
    assert not reader.cookies()
    page.screenshot(path=str(output_dir / "comment-awaiting.png"), full_page=True)

    cached = page.goto(live_server.url + article.url)
    assert cached.headers["x-page-cache"] == "hit"
    assert "shift workers" not in page.content()
    assert (
        page.get_by_role("textbox", name="Name", exact=True).input_value() == "Sam Reader"
    )  # remembered in this browser

    desk = browser.new_context(viewport={"width": 1280, "height": 900})
    admin = desk.new_page()
    admin.goto(live_server.url + "/admin/login/")
    admin.locator("#id_username").fill("moira")
    admin.locator("#id_password").fill("a-long-test-password-1")
    admin.locator("form button[type=submit]").first.click()
    admin.wait_for_url("**/admin/")
    admin.goto(live_server.url + "/admin/comments/")
    row = admin.get_by_role("row").filter(has_text="shift workers")
    assert "First comment from this address" in row.inner_text()
    row.locator("input[name=selected]").check()
    admin.get_by_label("With the selected comments").select_option("approve")
    admin.get_by_role("button", name="Apply").click()
    admin.get_by_text("Approve: 1 done.").wait_for()
    admin.screenshot(path=str(output_dir / "comment-queue.png"), full_page=True)
    desk.close()

    published = page.goto(live_server.url + article.url)
    assert published.headers["x-page-cache"] == "miss"
    comment = page.locator(".comment", has_text="shift workers")
    assert comment.locator(".comment__author").inner_text() == "Sam Reader"
    assert comment.locator(".comment__text p").count() == 2
    assert page.get_by_role("heading", name="1 comment").is_visible()
    assert page.goto(live_server.url + article.url).headers["x-page-cache"] == "hit"
    page.screenshot(path=str(output_dir / "comment-published.png"), full_page=True)

    origin = urlsplit(live_server.url).netloc
    assert [url for url in requested if urlsplit(url).netloc not in (origin, "")] == []
    assert errors == []
    reader.close()
