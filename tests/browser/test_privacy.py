"""Privacy and security gate: loading a page talks to this site only, and the CSP is enforced.

Every request the browser makes while loading each page of the demo newsroom is recorded; one to
another origin fails the test. The page runs under its real Content-Security-Policy, so a
violation (an inline script, a foreign image) is reported too, as is any console error.
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.pages import ARTICLE, PAGES, Page

pytestmark = pytest.mark.browser

# Reported to the page by Chromium for each CSP violation, before anything is blocked.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"}`
    + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.mark.parametrize("page_def", PAGES, ids=[page.name for page in PAGES])
def test_a_page_loads_nothing_from_another_origin(browser, demo_site: str, page_def: Page) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    responses = []
    page.on("response", lambda response: responses.append(response))
    console_errors: list[str] = []
    page.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    page.on("pageerror", lambda error: console_errors.append(str(error)))

    response = page.goto(demo_site + page_def.path, wait_until="networkidle")
    assert response is not None, page_def
    assert response.status == page_def.status, page_def
    # Scroll to the end so lazily loaded pictures are requested too.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_load_state("networkidle")

    origin = urlsplit(demo_site)[:2]
    foreign = [url for url in requests if urlsplit(url)[:2] != origin and not url.startswith("data:")]
    assert foreign == [], f"{page_def.name} ({page_def.path}) requested other origins: {foreign}"
    violations = page.evaluate("window.__cspViolations")
    assert violations == [], f"{page_def.name} ({page_def.path}) broke its CSP: {violations}"
    unexpected = [text for text in console_errors if not (page_def.status == 404 and "404" in text)]
    assert unexpected == [], f"{page_def.name} ({page_def.path}) logged errors: {unexpected}"
    # JSON-LD is a data block: CSP neither runs nor blocks it, and it still parses.
    structured = page.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')]"
        ".map(s => JSON.parse(s.textContent)['@type'])"
    )
    if page_def == ARTICLE:
        assert "NewsArticle" in structured, structured
    for each in responses:
        headers = each.headers
        assert headers.get("x-content-type-options") == "nosniff", f"{each.url} lacks nosniff"
        if each.request.resource_type == "document":
            assert "script-src 'self';" in headers.get("content-security-policy", ""), each.url
    context.close()
