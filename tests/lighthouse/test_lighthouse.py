"""Lighthouse gate: mobile performance >= 95 (median of three runs); accessibility, best practices
and SEO = 100, on the home and article pages of the demo newsroom (embedded profile, DEBUG off,
served by Granian as in production).

`make test` runs this in a second pytest invocation after the rest of the suite, so nothing else
competes for the CPU while Lighthouse measures. The JSON reports stay under the test output folder.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS
from tests.conftest import tool
from tests.demosite import answers
from tests.pages import ARTICLE, PAGES, Page

pytestmark = pytest.mark.lighthouse

RUNS = 3
MIN_PERFORMANCE = 95
PERFECT = ("accessibility", "best-practices", "seo")
MEASURED = [PAGES[0], ARTICLE]


# Lighthouse's own "Please run Lighthouse again" failures (a trace it could not record) say
# nothing about the page; such a run is repeated. Any score is still asserted as measured.
RETRYABLE = ("NO_NAVSTART", "NO_FCP", "NO_LCP", "Please run Lighthouse again")
ATTEMPTS = 3


def lighthouse(url: str, report: Path) -> dict:
    command = [
        "node", str(tool("lighthouse", "cli", "index.js")), url,
        "--output=json", f"--output-path={report}", "--quiet",
        "--only-categories=performance,accessibility,best-practices,seo",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_ARGS]),
    ]  # fmt: skip
    for _attempt in range(ATTEMPTS):
        done = subprocess.run(
            command, env=os.environ | {"CHROME_PATH": CHROMIUM}, capture_output=True, text=True, timeout=300
        )
        if done.returncode == 0 or not any(marker in done.stderr for marker in RETRYABLE):
            break
    assert done.returncode == 0, f"lighthouse failed on {url}: {done.stderr[-2000:]}"
    return json.loads(report.read_text())


def shortfalls(result: dict, category: str) -> list[str]:
    """The audits that cost a category points, with the elements they name."""
    lines = []
    for ref in result["categories"][category]["auditRefs"]:
        audit = result["audits"][ref["id"]]
        if ref["weight"] and audit["score"] is not None and audit["score"] < 1:
            items = (audit.get("details") or {}).get("items") or []
            nodes = [item["node"].get("selector", "") for item in items if isinstance(item.get("node"), dict)]
            lines.append(f"    {ref['id']}: {audit['title']} {nodes[:5] if nodes else ''}")
    return lines


@pytest.mark.parametrize("page_def", MEASURED, ids=[page.name for page in MEASURED])
def test_lighthouse_scores(demo_site: str, output_dir: Path, page_def: Page) -> None:
    folder = output_dir / "lighthouse"
    folder.mkdir(exist_ok=True)
    url = demo_site + page_def.path
    assert answers(url)  # a first view fills the page cache, as readers mostly find it
    results = [lighthouse(url, folder / f"{page_def.name}-{run}.json") for run in range(1, RUNS + 1)]
    scores = [
        {name: round(category["score"] * 100) for name, category in result["categories"].items()}
        for result in results
    ]
    performance = statistics.median(score["performance"] for score in scores)
    print(f"\nLighthouse {page_def.name} ({page_def.path}): runs {scores}; median performance {performance}")
    problems = []
    if performance < MIN_PERFORMANCE:
        slowest = min(range(RUNS), key=lambda run: scores[run]["performance"])
        problems += [f"  performance median {performance} < {MIN_PERFORMANCE}"]
        problems += shortfalls(results[slowest], "performance")
    for run, result in enumerate(results):
        for category in PERFECT:
            if scores[run][category] < 100:
                problems.append(f"  run {run + 1}: {category} {scores[run][category]} < 100")
                problems += shortfalls(result, category)
    assert not problems, f"{page_def.name} ({page_def.path}), reports in {folder}:\n" + "\n".join(problems)
