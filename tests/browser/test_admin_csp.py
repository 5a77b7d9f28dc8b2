"""The Wagtail admin works under its own Content-Security-Policy: sign in, edit, preview."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User

from tests.browser.test_privacy import RECORD_VIOLATIONS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_admin_edit_page_runs_without_csp_violations(browser, live_server, article):
    User.objects.create_superuser("editor", "editor@example.org", "a long test password")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

    page.goto(live_server.url + "/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long test password")
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/admin/")
    assert page.evaluate("window.__cspViolations") == []

    response = page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/", wait_until="networkidle")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    # The rich-text editor is drawn by script: it only appears if the admin's scripts ran.
    page.locator(".Draftail-Editor").first.wait_for(state="visible")
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")  # Wagtail swaps in a fresh frame on each load
    preview.get_by_role("heading", level=1).wait_for(state="visible", timeout=15000)
    assert preview.get_by_role("heading", level=1).inner_text() == article.title
    assert page.evaluate("window.__cspViolations") == [], "the admin broke its CSP"
    assert errors == []
    context.close()
