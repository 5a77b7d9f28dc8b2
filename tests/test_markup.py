"""HTML and feed validity gate on the demo newsroom.

Every page in tests/pages.py is fetched from the running demo site, saved under the test output
folder and checked in one run of the W3C Nu HTML checker (npm `vnu-jar`, run with the machine's
Java): any error fails, naming the page, line and message. Feeds add what news/tests/test_feeds.py
does not check: strict well-formedness under lxml, and the elements RSS 2.0 and Atom require on
real demo content.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import feedparser
import pytest
from lxml import etree

from tests.conftest import tool
from tests.pages import PAGES

pytestmark = pytest.mark.slow

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = [
    "/feeds/rss/",
    "/feeds/atom/",
    "/feeds/section/politics/rss/",
    "/feeds/tag/harbour-redevelopment/atom/",
    "/feeds/author/helen-marrow/rss/",
]


def fetch(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def test_every_page_is_valid_html(demo_site: str, output_dir: Path) -> None:
    java = shutil.which("java")
    assert java, "java is missing: run scripts/ensure-system-packages"
    folder = output_dir / "html"
    folder.mkdir(exist_ok=True)
    files = {}
    for page in PAGES:
        status, body = fetch(demo_site + page.path)
        assert status == page.status, (page, status)
        files[str(folder / f"{page.name}.html")] = page
        (folder / f"{page.name}.html").write_bytes(body)
    vnu = tool("vnu-jar", "build", "dist", "vnu.jar")
    command = [java, "-jar", str(vnu), "--format", "json", "--exit-zero-always", *files]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    messages = json.loads(done.stderr)["messages"]
    errors = [m for m in messages if m["type"] == "error" or m.get("subType") == "fatal"]
    report = [
        f"{files[m['url'].removeprefix('file:')].name} ({files[m['url'].removeprefix('file:')].path})"
        f" line {m.get('lastLine')}: {m['message']}\n    {m.get('extract', '').strip()}"
        for m in errors
    ]
    assert not errors, f"{len(errors)} HTML errors (pages saved in {folder}):\n" + "\n".join(report)


def test_feeds_are_well_formed_and_complete(demo_site: str) -> None:
    for path in FEEDS:
        status, body = fetch(demo_site + path)
        assert status == 200, path
        root = etree.fromstring(body, etree.XMLParser(resolve_entities=False))  # raises if not well-formed
        assert feedparser.parse(body).bozo == 0, path
        if root.tag == "rss":
            channel = root.find("channel")
            for name in ("title", "link", "description", "language", "lastBuildDate"):
                assert (channel.findtext(name) or "").strip(), f"{path}: channel has no {name}"
            items = channel.findall("item")
            assert items, f"{path}: no items"
            for item in items:
                for name in ("title", "link", "description", "guid", "pubDate"):
                    assert (item.findtext(name) or "").strip(), f"{path}: an item has no {name}"
        else:
            assert root.tag == f"{ATOM}feed", path
            for name in ("id", "title", "updated"):
                assert (root.findtext(ATOM + name) or "").strip(), f"{path}: feed has no {name}"
            entries = root.findall(ATOM + "entry")
            assert entries, f"{path}: no entries"
            for entry in entries:
                for name in ("id", "title", "updated", "summary"):
                    assert (entry.findtext(ATOM + name) or "").strip(), f"{path}: an entry has no {name}"
                assert entry.find(ATOM + "link").get("href"), f"{path}: an entry has no link"
                assert (
                    entry.find(f"{ATOM}author/{ATOM}name") is not None
                    or root.find(ATOM + "author") is not None
                )
