"""Accessibility gate: axe-core finds nothing on any page, and the keyboard reaches every control.

axe-core comes from npm (tools/package-lock.json) and is injected into Debian's Chromium. Each page
is checked at a phone width and a desktop width, in the light and the dark colour scheme (the site
has both, and contrast differs). A failure names the page, the rule, and each element (selector
and HTML snippet).
"""

from __future__ import annotations

import pytest

from tests.conftest import tool
from tests.pages import ARTICLE, PAGES, Page

pytestmark = pytest.mark.browser

RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
WIDTHS = [375, 1280]
SCHEMES = ["light", "dark"]
RUN_AXE = """tags => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then(results => results.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary})),
  })))"""


def describe(page_def: Page, width: int, scheme: str, violations: list[dict]) -> str:
    lines = [f"{page_def.name} ({page_def.path}) at {width}px, {scheme} scheme:"]
    for violation in violations:
        lines.append(f"  rule {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            lines.append(f"    element {node['target']}: {node['html'][:200]}")
            lines.append("      " + node["summary"].replace("\n", "\n      "))
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page_def", PAGES, ids=[page.name for page in PAGES])
def test_axe_finds_no_violations(browser, demo_site: str, page_def: Page, width: int, scheme: str) -> None:
    # axe is injected as an inline script, which the page's own CSP rightly forbids.
    context = browser.new_context(
        viewport={"width": width, "height": 900}, color_scheme=scheme, bypass_csp=True
    )
    page = context.new_page()
    response = page.goto(demo_site + page_def.path)
    assert response is not None, page_def
    assert response.status == page_def.status, page_def
    page.add_script_tag(path=str(tool("axe-core", "axe.min.js")))
    violations = page.evaluate(RUN_AXE, RULE_TAGS)
    context.close()
    assert not violations, describe(page_def, width, scheme, violations)


# Regions of the article page whose controls a keyboard user must reach when they are present:
# share is always there; comments and subscribe arrive with their apps.
KEYBOARD_REGIONS = {"share": ".share", "comments": "#comments", "subscribe": "#subscribe, .subscribe"}
FOCUSABLE = "a[href], button:not([hidden]), input:not([type=hidden]), select, textarea, summary"
FOCUSED = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {
    html: el.outerHTML.slice(0, 160),
    regions: Object.entries(REGIONS).filter(([, sel]) => el.closest(sel)).map(([name]) => name),
    focusVisible: el.matches(":focus-visible"),
    outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0,
    shadow: style.boxShadow !== "none",
  };
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_keyboard_walk_reaches_share_comment_and_subscribe_with_visible_focus(
    browser, demo_site: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(demo_site + ARTICLE.path)
    present = {
        name
        for name, selector in KEYBOARD_REGIONS.items()
        if page.locator(f":is({selector}) :is({FOCUSABLE})").count()
    }
    assert "share" in present, "the article page has no share controls"
    script = FOCUSED.replace("REGIONS", repr(KEYBOARD_REGIONS))
    reached: set[str] = set()
    invisible: list[str] = []
    total = page.locator(FOCUSABLE).count()
    for _ in range(total + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(script)
        if focused["html"].startswith("<body"):
            break
        reached.update(focused["regions"])
        if not (focused["focusVisible"] and (focused["outline"] or focused["shadow"])):
            invisible.append(focused["html"])
    context.close()
    assert present <= reached, f"the keyboard never reached {sorted(present - reached)} at {width}px"
    assert invisible == [], f"no visible focus indicator at {width}px on: {invisible}"
