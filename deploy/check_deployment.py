"""Scripted scale-out check, run by CI: PostgreSQL + Redis + 2 app processes + worker +
scheduler + 2 Varnish instances (shipped VCL), production profile, all on this machine.

1. An article is cached by both Varnish instances; an editor publishes an edit through app
   process 1 (a real admin form POST); each Varnish shows the new version within 30 s (delays printed).
2. Each Varnish received PURGEs for exactly the pages and JSON API addresses that show the article.
3. App process 2 serves the new version too.
4. A live update added through app process 1's admin reaches a reader polling the live
   article's JSON through Varnish within 30 s (delay printed).
5. An image uploaded through app process 1's admin lands in the object store; it and a rendition
   made by another process are served by app process 2 and by Varnish, byte for byte.
6. App process 1's /metrics (with the token) parses and has counted page-cache hits, article
   renders and the worker's tasks; through Varnish it is a 404.
7. Redis stops: pages are still served (uncached, no 5xx); Redis returns: caching resumes.

Exit status 0 when every check holds; otherwise one line saying which did not.
"""

from __future__ import annotations

import http.client
import io
import json
import re
import secrets
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PIL import Image
from prometheus_client.parser import text_string_to_metric_families

from deploy.stack import ADMIN, APP_PORTS, METRICS_TOKEN, Stack, StackError, http_get

CREATE_ARTICLE = """
import json
from news.models import ArticlePage, ArticleAuthor, Author, SectionPage
from news.api import urls_showing_article
from contentapi.purge import paths_showing_articles
section = SectionPage.objects.get(slug="politics")
author = Author.objects.order_by("slug").first()
article = ArticlePage(title="Ferry fares frozen for winter", slug="ferry-fares-frozen", live=False,
    standfirst="The operator says prices stay put until March.",
    body=[{"type": "paragraph", "value": "<p>Fares will not rise this winter.</p>"}])
article.author_links = [ArticleAuthor(author=author, sort_order=0)]
section.add_child(instance=article)
article.tags.add("ferries")
article.save_revision().publish()
print(json.dumps({"pk": article.pk, "url": article.url, "author": author.pk,
                  "urls": urls_showing_article(ArticlePage.objects.get(pk=article.pk))
                          + sorted(paths_showing_articles(ArticlePage.objects.filter(pk=article.pk)))}))
"""

CREATE_LIVE_ARTICLE = """
import json
from live.models import LiveArticlePage, updates_url
from news.models import ArticleAuthor, Author, SectionPage
section = SectionPage.objects.get(slug="politics")
page = LiveArticlePage(title="Harbour vote as it happens", slug="harbour-vote-live",
    standfirst="Every vote as it comes in.",
    body=[{"type": "paragraph", "value": "<p>The chamber is full.</p>"}])
page.author_links = [ArticleAuthor(author=Author.objects.order_by("slug").first(), sort_order=0)]
section.add_child(instance=page)
page.save_revision().publish()
print(json.dumps({"pk": page.pk, "json": updates_url(page)}))
"""


def rich_text(text: str) -> str:
    block = {
        "key": "a1",
        "type": "unstyled",
        "depth": 0,
        "text": text,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


class AdminSession:
    """A signed-in editor talking to one app process over plain HTTP, as if behind TLS."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(
        self,
        method: str,
        path: str,
        form: dict | None = None,
        files: dict[str, tuple[str, bytes]] | None = None,
    ) -> tuple[int, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        origin = f"https://127.0.0.1:{self.port}"
        headers = {
            "Host": f"127.0.0.1:{self.port}",
            "X-Forwarded-Proto": "https",
            "Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items()),
            "Origin": origin,
            "Referer": origin + path,
        }
        body: bytes | str | None = None
        if form is not None:
            fields = {**form, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
            if files:
                body, headers["Content-Type"] = multipart(fields, files)
            else:
                body = urlencode(fields, doseq=True)
                headers["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=headers)
        response = connection.getresponse()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response.status, response.read().decode()

    def sign_in(self) -> None:
        self.request("GET", "/admin/login/")
        status, _ = self.request("POST", "/admin/login/", {"username": ADMIN[0], "password": ADMIN[1]})
        if status != 302 or "sessionid" not in self.cookies:
            raise StackError(f"admin sign-in on app process :{self.port} failed (status {status})")


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    """A multipart/form-data body and its Content-Type, as a browser sends a form with files."""
    boundary = secrets.token_hex(16)
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    for name, (filename, data) in files.items():
        head = (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        )
        parts.append(head.encode() + data + b"\r\n")
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), f"multipart/form-data; boundary={boundary}"


UPLOADED_IMAGE = """
import json
from wagtail.images.models import Image
image = Image.objects.get(title="Harbour at dawn")
rendition = image.get_rendition("width-300")
print(json.dumps({"original": image.file.url, "rendition": rendition.url}))
"""
ROOT_COLLECTION = "from wagtail.models import Collection; print(Collection.get_first_root_node().pk)"


def check_media_across_machines(stack: Stack, editor: AdminSession) -> None:
    picture = io.BytesIO()
    Image.new("RGB", (640, 360), "#2a6f97").save(picture, "PNG")
    uploaded = picture.getvalue()
    collection = stack.manage("shell", "-c", ROOT_COLLECTION).strip().splitlines()[-1]
    status, body = editor.request(
        "POST",
        "/admin/images/add/",
        {"title": "Harbour at dawn", "collection": collection, "tags": ""},
        files={"file": ("harbour-at-dawn.png", uploaded)},
    )
    check(status == 302, f"uploading an image through app process 1 failed (status {status}): {body[:300]}")
    # Another process (here a manage.py shell, as the worker on another machine would) reads the
    # original from the object store and stores a rendition there.
    urls = json.loads(stack.manage("shell", "-c", UPLOADED_IMAGE).strip().splitlines()[-1])
    check(urls["original"].startswith("/media/original_images/"), f"unexpected media address {urls}")
    stored = stack.object_store_keys()
    for url in urls.values():
        check(url.removeprefix("/media/") in stored, f"{url} is not in the object store: {stored}")
    for base in (f"http://127.0.0.1:{APP_PORTS[1]}", *stack.varnish_urls):
        status, _headers, original = http_get(base + urls["original"])
        check(status == 200 and original == uploaded, f"{base} did not serve the uploaded original")
        status, headers, rendition = http_get(base + urls["rendition"])
        check(
            status == 200
            and headers.get("Content-Type") == "image/png"
            and rendition[:8] == b"\x89PNG\r\n\x1a\n",
            f"{base} did not serve the rendition (status {status})",
        )
    status, headers, _ = http_get(stack.varnish_url + urls["rendition"])
    check(headers.get("X-Cache") == "hit", "Varnish did not cache the rendition")
    print(
        f"Image uploaded through app 1 ({len(uploaded)} bytes) is in the object store; it and its "
        "rendition are served by app 2 and both Varnish instances"
    )


def scraped(url: str) -> dict[tuple, float]:
    """Every sample of a /metrics scrape (with the token), by name and labels."""
    status, _headers, body = http_get(url, {"Authorization": f"Bearer {METRICS_TOKEN}"})
    check(status == 200, f"{url} refused its own token (status {status})")
    return {
        (sample.name, tuple(sorted(sample.labels.items()))): sample.value
        for family in text_string_to_metric_families(body.decode())
        for sample in family.samples
    }


def check_metrics(stack: Stack, article_url: str) -> None:
    app = f"http://127.0.0.1:{APP_PORTS[0]}"
    hit = ("broadsheet_page_cache_requests_total", (("result", "hit"),))
    before = scraped(app + "/metrics").get(hit, 0)
    for _ in range(2):  # the second one at least is a page-cache hit
        http_get(app + article_url)
    samples = scraped(app + "/metrics")
    hits = samples.get(hit, 0)
    articles = samples.get(("broadsheet_request_duration_seconds_count", (("view", "news.ArticlePage"),)), 0)
    depth = samples.get(("broadsheet_task_queue_depth", ()))
    check(
        hits > before and articles > 0 and depth is not None,
        f"/metrics lacks counts: {hits=} {articles=} {depth=}",
    )
    check(http_get(app + "/metrics")[0] == 404, "/metrics answered without the token")
    check(http_get(stack.varnish_url + "/metrics")[0] == 404, "/metrics was public through Varnish")
    print(
        f"/metrics on app 1: {hits:.0f} page-cache hits, {articles:.0f} article renders timed, "
        f"{depth:.0f} tasks waiting; 404 without the token and through Varnish"
    )


def edit_form(article: dict, title: str) -> dict:
    return {
        "title": title,
        "slug": "ferry-fares-frozen",
        "standfirst": "The operator says prices stay put until March.",
        "author_links-TOTAL_FORMS": "1",
        "author_links-INITIAL_FORMS": "0",
        "author_links-MIN_NUM_FORMS": "0",
        "author_links-MAX_NUM_FORMS": "1000",
        "author_links-0-author": str(article["author"]),
        "author_links-0-id": "",
        "author_links-0-ORDER": "1",
        "author_links-0-DELETE": "",
        "related_links-TOTAL_FORMS": "0",
        "related_links-INITIAL_FORMS": "0",
        "related_links-MIN_NUM_FORMS": "0",
        "related_links-MAX_NUM_FORMS": "6",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value": rich_text("Fares will not rise this winter, the operator confirmed."),
        "tags": "ferries",
        "correction": "",
        "lead_image_caption": "",
        "lead_image_credit": "",
        "published_at": "",
        "action-publish": "action-publish",
    }


def live_update_form(page_pk: int, headline: str) -> dict:
    return {
        "page": str(page_pk),
        "headline": headline,
        "key_event": "on",
        "published_at": time.strftime("%Y-%m-%d %H:%M"),
        "author": "",
        "body-count": "1",
        "body-0-type": "paragraph",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": "",
        "body-0-value": rich_text("The motion passed by nine votes to four."),
    }


def check_live_update(stack: Stack, editor: AdminSession) -> None:
    live = json.loads(stack.manage("shell", "-c", CREATE_LIVE_ARTICLE).strip().splitlines()[-1])
    polled = stack.varnish_url + live["json"]
    http_get(polled)
    status, headers, _ = http_get(polled)
    check(status == 200 and headers.get("X-Cache") == "hit", "Varnish did not cache the live updates JSON")
    status, body = editor.request(
        "POST", "/admin/snippets/live/liveupdate/add/", live_update_form(live["pk"], "Motion carried")
    )
    check(status == 302, f"adding a live update through app process 1 failed (status {status}): {body[:300]}")
    added = time.monotonic()
    while "Motion carried" not in http_get(polled)[2].decode():
        check(time.monotonic() - added < 30, "readers polling through Varnish had no new update after 30 s")
        time.sleep(0.1)
    print(f"Live update visible through Varnish {time.monotonic() - added:.2f} s after saving it in app 1")


def check(condition: bool, message: str) -> None:
    if not condition:
        raise StackError(message)


def run() -> None:
    with Stack().start() as stack:
        article = json.loads(stack.manage("shell", "-c", CREATE_ARTICLE).strip().splitlines()[-1])
        fronts = [varnish + article["url"] for varnish in stack.varnish_urls]
        for front in fronts:
            http_get(front)
            status, headers, _ = http_get(front)
            check(status == 200 and headers.get("X-Cache") == "hit", f"{front} was not cached by Varnish")
        stack.wait_for_idle_queue()  # the purges from creating the article are not part of the check
        time.sleep(0.5)
        already = [len(stack.purged_paths(number)) for number in (1, 2)]

        editor = AdminSession(APP_PORTS[0])
        editor.sign_in()
        new_title = "Ferry fares frozen until spring"
        status, body = editor.request(
            "POST", f"/admin/pages/{article['pk']}/edit/", edit_form(article, new_title)
        )
        check(
            status == 302,
            f"publishing through app process 1 failed (status {status}): "
            + " ".join(re.findall(r'class="error-message">\s*<p>([^<]+)', body))[:300],
        )
        published = time.monotonic()
        for number, front in enumerate(fronts, start=1):
            while new_title not in http_get(front)[2].decode():
                check(
                    time.monotonic() - published < 30,
                    f"Varnish {number} still served the old article after 30 s",
                )
                time.sleep(0.1)
            print(
                f"Edit visible through Varnish {number} {time.monotonic() - published:.2f} s after publishing"
            )

        stack.wait_for_idle_queue()
        time.sleep(0.5)
        expected = sorted(article["urls"])
        for number in (1, 2):
            purged = stack.purged_paths(number)[already[number - 1] :]
            paths = sorted(set(purged))
            print(f"Varnish {number} received {len(purged)} PURGEs for {len(paths)} paths: {' '.join(paths)}")
            check(
                paths == expected, f"Varnish {number}: purged set differs: expected {expected}, got {paths}"
            )

        other = f"http://127.0.0.1:{APP_PORTS[1]}{article['url']}"
        check(new_title in http_get(other)[2].decode(), "app process 2 served the old version")
        print("App process 2 serves the new version")

        check_live_update(stack, editor)
        check_media_across_machines(stack, editor)
        check_metrics(stack, article["url"])

        stack.stop_redis()
        statuses = []
        for _attempt in range(5):  # the app processes render every time: their cache is down
            for base in (stack.varnish_url, *(f"http://127.0.0.1:{port}" for port in APP_PORTS)):
                for path in ("/", article["url"], "/politics/", "/feeds/rss/"):
                    statuses.append(http_get(f"{base}{path}")[0])
        check(set(statuses) == {200}, f"with Redis stopped some pages failed: {sorted(set(statuses))}")
        print(f"Redis stopped: {len(statuses)} requests, all 200")

        stack.start_redis()
        back = time.monotonic()
        direct = f"http://127.0.0.1:{APP_PORTS[0]}{article['url']}"
        while http_get(direct)[1].get("X-Page-Cache") != "hit":
            check(time.monotonic() - back < 20, "page cache did not resume within 20 s of Redis returning")
            time.sleep(0.2)
        print(f"Redis back: page cache hits again after {time.monotonic() - back:.1f} s")


if __name__ == "__main__":
    try:
        run()
    except StackError as error:
        print(f"Deployment check failed: {error}", file=sys.stderr)
        sys.exit(1)
    print("Deployment check passed")
