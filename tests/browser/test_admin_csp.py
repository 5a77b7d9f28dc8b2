"""The Wagtail admin works under its own Content-Security-Policy: sign in, edit, preview."""

from __future__ import annotations

import pytest

from tests.browser.test_privacy import RECORD_VIOLATIONS
from tests.demosite import ADMIN

pytestmark = pytest.mark.browser

TITLE = "Harrowgate Bay harbour masterplan wins council backing by two votes"


def test_admin_edit_page_runs_without_csp_violations(browser, demo_site: str) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(demo_site + "/admin/login/")
    page.get_by_label("Username").fill(ADMIN[0])
    page.get_by_label("Password").fill(ADMIN[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    assert page.evaluate("window.__cspViolations") == []

    page.goto(demo_site + "/admin/pages/search/?q=masterplan")
    with page.expect_response(lambda response: response.url.endswith("/edit/")) as edit:
        page.get_by_role("link", name=TITLE).first.click()
    assert "frame-ancestors 'self'" in edit.value.headers["content-security-policy"]
    # The rich-text editor is drawn by script: it only appears if the admin's scripts ran.
    page.locator(".Draftail-Editor").first.wait_for(state="visible")
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")  # Wagtail swaps in a fresh frame on each load
    heading = preview.get_by_role("heading", level=1)
    heading.wait_for(state="visible", timeout=15000)
    assert heading.inner_text() == TITLE
    assert page.evaluate("window.__cspViolations") == [], "the admin broke its CSP"
    assert errors == []
    context.close()
