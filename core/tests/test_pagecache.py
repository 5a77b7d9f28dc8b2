"""The anonymous page cache: hits skip everything, invalidation is exact and race-free."""

from __future__ import annotations

import gzip
import re
import shutil
import subprocess
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, urlsplit

import brotli
import pytest
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.test import RequestFactory
from django.utils.timezone import localtime
from wagtail.contrib.redirects.models import Redirect

from core import pagecache
from core.tests.wsgi import wsgi_call
from deploy.stack import varnish_command
from mail.tests.smtp import free_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def invalidated():
    """The site's invalidations; the JSON API purges its own addresses apart (asserted exactly
    in contentapi/tests/test_caching.py)."""
    seen: list[list[str]] = []

    def record(sender: object, paths: list[str], **kwargs: object) -> None:
        if not all(path.startswith("/api/") for path in paths):
            seen.append(paths)

    pagecache.pages_invalidated.connect(record)
    yield seen
    pagecache.pages_invalidated.disconnect(record)


def test_second_anonymous_view_is_a_hit_with_zero_queries(client, article, django_assert_num_queries):
    first = client.get(article.url)
    assert first["X-Page-Cache"] == "miss"
    with django_assert_num_queries(0):
        second = client.get(article.url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert second["X-Content-Type-Options"] == "nosniff"


def test_invalidate_drops_every_query_variant_of_a_path(client, make_article, section):
    for n in range(13):
        make_article(f"Story number {n}", hours_ago=n + 1)
    for query in ("", "?page=2"):
        client.get(section.url + query)
        assert client.get(section.url + query)["X-Page-Cache"] == "hit"
    assert pagecache.invalidate([f"http://127.0.0.1:8000{section.url}"]) == [section.url]
    assert client.get(section.url)["X-Page-Cache"] == "miss"
    assert client.get(section.url + "?page=2")["X-Page-Cache"] == "miss"


def test_invalidation_leaves_other_paths_cached(client, article, section):
    client.get(article.url)
    client.get(section.url)
    pagecache.invalidate([section.url])
    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_signed_in_editors_always_get_fresh_pages(client, article, admin_user):
    client.force_login(admin_user)
    client.get(article.url)
    response = client.get(article.url)
    assert "X-Page-Cache" not in response


def test_responses_setting_cookies_errors_and_posts_are_not_cached(client, home):
    assert client.get("/no-such-page/").status_code == 404
    assert "X-Page-Cache" not in client.get("/no-such-page/")
    client.post("/", {})
    assert "X-Page-Cache" not in client.get("/search/?q=x")


def test_a_page_rendered_before_an_invalidation_is_never_served_after_it():
    """The render started with old data; invalidation lands mid-render; the old page must not stick."""
    request = RequestFactory().get("/politics/")

    def slow_render(request: HttpRequest) -> HttpResponse:
        pagecache.invalidate(["/politics/"])  # an editor publishes while this render runs
        return HttpResponse("old content")

    pagecache.PageCacheMiddleware(slow_render)(request)
    fresh = pagecache.PageCacheMiddleware(lambda r: HttpResponse("new content"))(
        RequestFactory().get("/politics/")
    )
    assert fresh.content == b"new content"
    assert fresh["X-Page-Cache"] == "miss"


def test_publishing_purges_exactly_the_pages_that_show_the_article(
    make_article, author, section, invalidated, django_capture_on_commit_callbacks
):
    article = make_article(tags=("harbour", "flood defences"))
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    # The article quotes Jo Mayor (its body's quote block): the quotes app purges the speaker's
    # pages apart, once it has stored the quotation.
    speaker = sorted(
        [article.url, "/people/jo-mayor/", "/people/jo-mayor/feed/atom/", "/people/jo-mayor/feed/rss/",
         "/sitemap-speakers.xml", "/sitemap.xml"]
    )  # fmt: skip
    year, month = (
        localtime(article.published_at).strftime("%Y/"),
        localtime(article.published_at).strftime("%Y/%m/"),
    )
    assert sorted(invalidated) == sorted(
        [
            speaker,
            sorted(
                [
                    article.url,
                    "/",
                    section.url,
                    *(f"{root}{period}" for root in ("/", section.url) for period in (year, month)),
                    "/sitemap.xml",
                    "/sitemap-pages.xml",
                    "/sitemap-authors.xml",
                    "/sitemap-tags.xml",
                    "/sitemap-speakers.xml",
                    "/sitemap-stories.xml",
                    "/news-sitemap.xml",
                    "/feeds/rss/",
                    "/feeds/atom/",
                    "/feeds/section/politics/rss/",
                    "/feeds/section/politics/atom/",
                    "/tags/harbour/",
                    "/feeds/tag/harbour/rss/",
                    "/feeds/tag/harbour/atom/",
                    "/tags/flood-defences/",
                    "/feeds/tag/flood-defences/rss/",
                    "/feeds/tag/flood-defences/atom/",
                    author.get_absolute_url(),
                    f"/feeds/author/{author.slug}/rss/",
                    f"/feeds/author/{author.slug}/atom/",
                ]
            ),
        ]
    )


def test_a_removed_tag_page_is_purged_too(make_article, invalidated, django_capture_on_commit_callbacks):
    article = make_article(tags=("harbour",))
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    article.tags.set(["ferries"])
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert "/tags/harbour/" in invalidated[-1]
    assert "/tags/ferries/" in invalidated[-1]


def test_unpublishing_purges_the_article_and_its_listings(
    article, section, invalidated, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    # news purges the article and its listings; the quotes app then its speakers' pages, apart.
    assert any({article.url, section.url, "/"} <= set(paths) for paths in invalidated)


@pytest.mark.parametrize(
    ("accept", "encoding"), [("br, gzip", "br"), ("gzip, deflate", "gzip"), ("br;q=0, gzip", "gzip")]
)
def test_pages_are_served_compressed_as_the_client_prefers(client, article, accept, encoding):
    plain = client.get(article.url).content
    for state in ("hit", "miss") if encoding == "br" else ("hit",):
        if state == "miss":
            pagecache.invalidate([article.url])
        response = client.get(article.url, headers={"accept-encoding": accept})
        assert response["X-Page-Cache"] == state
        assert response["Content-Encoding"] == encoding
        assert "Accept-Encoding" in response["Vary"]
        decode = brotli.decompress if encoding == "br" else gzip.decompress
        assert decode(response.content) == plain
        assert int(response["Content-Length"]) == len(response.content)


def test_conditional_get_answers_304_without_a_body(client, article):
    first = client.get(article.url)
    etag = first["ETag"]
    again = client.get(article.url, headers={"if-none-match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert again["Cache-Control"] == first["Cache-Control"]
    pagecache.invalidate([article.url])
    assert client.get(article.url, headers={"if-none-match": etag}).status_code == 304  # same content
    assert client.get(article.url, headers={"if-none-match": 'W/"other"'}).status_code == 200


def test_pages_tell_shared_caches_how_long_and_signed_in_pages_stay_private(
    client, article, admin_user, settings
):
    cache_control = client.get(article.url)["Cache-Control"]
    assert "public" in cache_control
    assert f"s-maxage={settings.PAGE_CACHE_SECONDS}" in cache_control
    assert "max-age=0" in cache_control  # browsers revalidate: readers see changes at once
    assert "stale-while-revalidate" in client.get(article.url)["CDN-Cache-Control"]
    client.force_login(admin_user)
    assert client.get(article.url)["Cache-Control"] == "private, no-cache"


def test_a_response_that_sets_a_cookie_is_not_stored():
    def with_cookie(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("personal")
        response.set_cookie("remember", "1")
        return response

    middleware = pagecache.PageCacheMiddleware(with_cookie)
    middleware(RequestFactory().get("/politics/"))
    assert "X-Page-Cache" not in middleware(RequestFactory().get("/politics/"))


def test_the_wsgi_fast_path_answers_hits_without_django(
    client, article, django_assert_num_queries, application
):
    stored = client.get(article.url)
    with django_assert_num_queries(0):
        status, headers, body = wsgi_call(application, article.url, accept_encoding="gzip")
    assert status == "200 OK"
    assert headers["X-Page-Cache"] == "hit"
    assert application.django.calls == 0  # answered before Django saw the request
    assert gzip.decompress(body) == stored.content
    assert headers["ETag"] == stored["ETag"]
    assert headers["Content-Security-Policy"] == stored["Content-Security-Policy"]
    status, _headers, body = wsgi_call(application, article.url, if_none_match=stored["ETag"])
    assert status == "304 Not Modified"
    assert body == b""


def test_the_wsgi_fast_path_leaves_sessions_misses_and_excluded_paths_to_django(client, article, application):
    client.get(article.url)
    _status, headers, _body = wsgi_call(application, article.url, cookie="sessionid=abc")
    assert headers.get("X-Page-Cache") != "hit"
    _status, headers, _body = wsgi_call(application, article.url + "?cpage=1")  # a key parameter
    assert headers.get("X-Page-Cache") == "miss"
    _status, headers, _body = wsgi_call(application, "/search/?q=harbour")
    assert "X-Page-Cache" not in headers


def test_a_page_kept_in_process_memory_is_served_only_while_current(client, article, monkeypatch):
    client.get(article.url)
    assert client.get(article.url)["X-Page-Cache"] == "hit"  # now kept by this process too
    page_key = pagecache._page_key("testserver", article.url, "")
    pagecache.cache.delete(page_key)  # the shared copy goes; the version token stays
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    pagecache.invalidate([article.url])
    assert client.get(article.url)["X-Page-Cache"] == "miss"
    assert client.get(article.url)["X-Page-Cache"] == "hit"
    pagecache.cache.delete(page_key)
    later = pagecache.time.time() + pagecache.settings.PAGE_CACHE_SECONDS + 1
    monkeypatch.setattr(pagecache.time, "time", lambda: later)
    assert client.get(article.url)["X-Page-Cache"] == "miss"  # its shared-cache lifetime has run out


def test_process_memory_keeps_only_the_most_recent_pages():
    recent = pagecache.Recent(max_entries=2)
    pages = {key: pagecache.CachedPage(key, 200, [], "etag") for key in ("a", "b", "c")}
    far = pagecache.time.time() + 60
    recent.remember("a", pages["a"], far)
    recent.remember("b", pages["b"], far)
    recent.get("a")
    recent.remember("c", pages["c"], far)
    recent.remember("d", pages["c"], pagecache.time.time() - 1)
    assert [recent.get(key) for key in "abcd"] == [None, None, pages["c"], None]


@pytest.fixture
def declared():
    """Declare extra key parameters for one test only."""
    before = {prefix: set(names) for prefix, names in pagecache._key_params.items()}
    yield pagecache.declare_key_params
    pagecache._key_params.clear()
    pagecache._key_params.update(before)


@pytest.mark.parametrize(
    "query", ["?utm_source=x", "?fbclid=IwAR0abc", "?gclid=Cj0K", "?x=1", "?utm_medium=a&utm_campaign=b&x=2"]
)
def test_query_parameters_that_change_nothing_hit_the_bare_pages_entry(client, article, application, query):
    stored = client.get(article.url)
    response = client.get(article.url + query)
    assert response["X-Page-Cache"] == "hit"
    assert response["ETag"] == stored["ETag"]
    _status, headers, _body = wsgi_call(application, article.url + "&".join(["?x=9", query[1:]]))
    assert headers["X-Page-Cache"] == "hit"
    assert application.django.calls == 0


def test_declared_parameters_are_pages_of_their_own(client, make_article, section, declared):
    for n in range(13):
        make_article(f"Story number {n}", hours_ago=n + 1)
    first = client.get(section.url)
    second = client.get(section.url + "?page=2&utm_source=x")
    assert second["X-Page-Cache"] == "miss"
    assert second.content != first.content
    assert client.get(section.url + "?utm_source=y&page=2")["X-Page-Cache"] == "hit"
    assert client.get(section.url + "?edition=north")["X-Page-Cache"] == "hit"  # not declared yet

    def editions(request: HttpRequest) -> HttpResponse:
        return HttpResponse(f"The {request.GET.get('edition', 'national')} edition")

    declared("edition")
    middleware = pagecache.PageCacheMiddleware(editions)
    assert middleware(RequestFactory().get("/?edition=north"))["X-Page-Cache"] == "miss"
    hit = middleware(RequestFactory().get("/?x=1&edition=north"))
    assert hit["X-Page-Cache"] == "hit"
    assert hit.content == b"The north edition"
    assert middleware(RequestFactory().get("/"))["X-Page-Cache"] == "miss"


def test_a_declared_parameter_a_page_does_not_read_is_answered_but_never_stored(client, article, section):
    bare = client.get(article.url)
    for page in range(2, 5):  # a flood of ?page=N on an article, which has no pages
        response = client.get(f"{article.url}?page={page}")
        assert response.status_code == 200
        assert "X-Page-Cache" not in response
        assert response.content == bare.content
    assert "X-Page-Cache" not in client.get(f"{section.url}?cpage=3")
    assert client.get(article.url + "?cpage=1")["X-Page-Cache"] == "miss"  # the comments region reads it


def test_a_value_the_page_ignores_is_not_stored(declared):
    declared("issue")

    def issues(request: HttpRequest) -> HttpResponse:
        number = request.GET.get("issue")
        if number not in ("1", "2"):
            pagecache.ignore_key_param(request, "issue")  # no such issue: the page shows the latest
        return HttpResponse(f"Issue {number if number in ('1', '2') else 2}")

    middleware = pagecache.PageCacheMiddleware(issues)
    middleware(RequestFactory().get("/archive/?issue=1"))
    assert middleware(RequestFactory().get("/archive/?issue=1"))["X-Page-Cache"] == "hit"
    middleware(RequestFactory().get("/archive/?issue=999"))
    assert "X-Page-Cache" not in middleware(RequestFactory().get("/archive/?issue=999"))


def test_a_render_that_walks_every_parameter_reads_them_all(declared):
    declared("page")

    def links(request: HttpRequest) -> HttpResponse:
        return HttpResponse(request.GET.urlencode())

    middleware = pagecache.PageCacheMiddleware(links)
    middleware(RequestFactory().get("/list/?page=2"))
    assert middleware(RequestFactory().get("/list/?page=2"))["X-Page-Cache"] == "hit"


def test_a_view_never_sees_a_parameter_the_key_leaves_out(declared):
    seen: list[dict] = []

    def echo(request: HttpRequest) -> HttpResponse:
        seen.append(dict(request.GET.lists()))
        return HttpResponse(request.get_full_path())

    declared("page")
    middleware = pagecache.PageCacheMiddleware(echo)
    response = middleware(RequestFactory().get("/politics/?q=%3Cb%3E&page=2&utm_source=x&page=3"))
    assert seen == [{"page": ["2", "3"]}]
    assert response.content == b"/politics/?page=2&page=3"


def test_permanent_redirects_are_stored_served_and_invalidated(declared, application, client, home):
    declared("p")
    renders: list[int] = []

    def legacy_addresses(request: HttpRequest) -> HttpResponse:
        renders.append(1)
        if request.GET.get("p") == "123":
            return HttpResponsePermanentRedirect("/politics/harbour-plan/")
        return HttpResponseRedirect("/elsewhere/")  # temporary: never stored

    middleware = pagecache.PageCacheMiddleware(legacy_addresses)
    request = RequestFactory().get("/?p=123&utm_source=old-blog")
    assert middleware(request)["X-Page-Cache"] == "miss"
    hit = middleware(RequestFactory().get("/?p=123"))
    assert (hit.status_code, hit["Location"], hit["X-Page-Cache"]) == (301, "/politics/harbour-plan/", "hit")
    assert len(renders) == 1
    status, headers, _body = wsgi_call(application, "/?p=123", host="testserver")
    assert status == "301 Moved Permanently"
    assert headers["Location"] == "/politics/harbour-plan/"
    pagecache.invalidate(["/"])
    assert middleware(RequestFactory().get("/?p=123"))["X-Page-Cache"] == "miss"
    middleware(RequestFactory().get("/?p=124"))
    assert "X-Page-Cache" not in middleware(RequestFactory().get("/?p=124"))
    assert len(renders) == 4


def test_djangos_own_permanent_redirects_are_cached(client, section):
    first = client.get(section.url.rstrip("/"))  # APPEND_SLASH
    assert (first.status_code, first["X-Page-Cache"]) == (301, "miss")
    second = client.get(section.url.rstrip("/") + "?utm_source=x")
    assert (second.status_code, second["Location"], second["X-Page-Cache"]) == (301, section.url, "hit")


def test_an_edited_or_deleted_wagtail_redirect_is_not_served_from_the_cache(
    client, home, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        redirect = Redirect.add_redirect("/old-story/", "/politics/", is_permanent=True)
    first = client.get("/old-story/")
    assert (first.status_code, first["Location"], first["X-Page-Cache"]) == (301, "/politics/", "miss")
    assert client.get("/old-story/")["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        redirect.redirect_link = "/business/"
        redirect.save()
    assert client.get("/old-story/")["Location"] == "/business/"
    with django_capture_on_commit_callbacks(execute=True):
        redirect.delete()
    assert client.get("/old-story/").status_code == 404


VCL = Path(settings.BASE_DIR) / "deploy" / "varnish" / "broadsheet.vcl"
VCL_BRANCH = re.compile(
    r'if \(req\.url (!?~) "(.*)"\) {\n\s+set req\.url = regsuball\(req\.url, "(.*)", "(.*)"\);'
)
VCL_REWRITE = re.compile(r'set req\.url = (regsuball|regsub)\(req\.url, "(.*)", "(.*)"\);')
VCL_KEPT = re.compile(r"\(\?!\(\?:([a-z_|]+)\)")


def varnish_url(url: str) -> str:
    """What the shipped VCL makes of a URL before hashing it and asking the app (its own regexes):
    the first branch whose condition holds strips the query, then ``tidy_query`` runs."""
    text = VCL.read_text()
    tidy = re.search(r"sub tidy_query {(.*?)\n}", text, re.S).group(1)
    for operator, condition, pattern, replacement in VCL_BRANCH.findall(text):
        if bool(re.search(condition, url)) == (operator == "~"):
            url = re.sub(pattern, replacement, url)
            for function, pattern, replacement in VCL_REWRITE.findall(tidy):
                url = re.sub(pattern, replacement, url, count=0 if function == "regsuball" else 1)
            return url
    return url


def test_the_varnish_vcl_keeps_exactly_the_declared_parameters():
    rewrites = VCL_BRANCH.findall(VCL.read_text())
    branches = {
        condition: VCL_KEPT.search(pattern).group(1).split("|") for _op, condition, pattern, _r in rewrites
    }
    assert {condition: sorted(listed) for condition, listed in branches.items()} == {
        "^/api/": sorted(pagecache.key_params("/api/")),
        "^/(search|static|media|documents)/": sorted(pagecache.key_params()),
    }
    assert pagecache.key_params() >= {"page", "cpage", "replytocom", "p"}
    for url in (
        "/politics/?utm_source=x",
        "/politics/?x=1&page=2&fbclid=z",
        "/politics/?page=2&gclid=1&pp=3",
        "/story/?cpage=3&x&replytocom=5&&p=7",
        "/?p=123&utm_medium=social",
        "/?a=1&b=2",
        "/?limit=5&tag=3",
        "/api/v2/articles/?limit=5&page=2&tag=3&utm_source=x&date_from=2026-01-01",
        "/api/v2/articles/?p=1&offset=20",
    ):
        kept = urlsplit(varnish_url(url))
        assert kept.path == urlsplit(url).path
        assert parse_qsl(kept.query, keep_blank_values=True) == parse_qsl(
            pagecache.key_query(urlsplit(url).query, kept.path), keep_blank_values=True
        ), url
    for prefix in settings.PAGE_CACHE_EXCLUDED_PREFIXES:  # /admin/ is passed before the rewrite
        url = f"{prefix}x/?q=harbour&utm_source=x"
        assert varnish_url(url) == url or prefix == "/admin/"


class _EchoPath(BaseHTTPRequestHandler):
    """A backend that answers with the URL it was asked for."""

    def do_GET(self) -> None:
        body = self.path.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "private")  # nothing stored: each request reaches us
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("varnishd") is None, reason="varnishd is not installed")
def test_the_real_varnish_passes_the_app_only_the_declared_parameters(tmp_path):
    backend = ThreadingHTTPServer(("127.0.0.1", 0), _EchoPath)
    threading.Thread(target=backend.serve_forever, daemon=True).start()
    vcl = tmp_path / "test.vcl"
    vcl.write_text(re.sub(r'\.port = "800[12]"', f'.port = "{backend.server_port}"', VCL.read_text()))
    port = free_port()
    varnish = subprocess.Popen(
        varnish_command(port, tmp_path / "v", vcl),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:

        def fetch(url: str) -> str:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{url}", timeout=5) as response:
                return response.read().decode()

        deadline = time.monotonic() + 20
        while True:  # until Varnish listens and has probed the backend healthy
            try:
                fetch("/")
                break
            except OSError:
                assert time.monotonic() < deadline, "Varnish did not start"
                time.sleep(0.2)
        for url in (
            "/politics/?utm_source=x&page=2&fbclid=y",
            "/story/?x=1&cpage=3&replytocom=5",
            "/?p=123&gclid=z",
        ):
            assert fetch(url) == varnish_url(url)
            assert urlsplit(fetch(url)).query == pagecache.key_query(urlsplit(url).query)
        assert fetch("/search/?q=harbour&utm_source=x") == "/search/?q=harbour&utm_source=x"
    finally:
        varnish.terminate()
        varnish.wait(timeout=10)
        backend.shutdown()
