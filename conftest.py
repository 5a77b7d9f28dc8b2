"""Fixtures shared by every app's tests: a small newsroom built through the real models."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.files.images import ImageFile
from django.http import HttpResponse
from django.test import Client
from django.utils import timezone
from PIL import Image as PILImage
from pytest_django import Settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.images.models import Image
from wagtail.models import Collection, Locale, Page, Site

from core import bidi, pagecache, ratelimit
from mail.tests.smtp import SMTPServer, free_port, send_through
from news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage
from news.roles import EDITORS, ensure_roles


@pytest.fixture(autouse=True)
def _fresh_caches() -> None:
    for alias in ("default", "renditions"):
        caches[alias].clear()
    ratelimit.fallback.clear()


def closed_port() -> int:
    return free_port()  # nothing listens on it once the probe socket is closed


@pytest.fixture
def cache_down(settings) -> None:
    """The production cache (core.cache.ResilientRedisCache) with its Redis gone."""
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.2},
        },
        "renditions": settings.CACHES["renditions"],
    }


def assert_isolated(html: str, marker: str) -> None:
    """Reader text containing ``marker`` is shown only inside an isolating element, and no
    embedding, override or isolate control from it reaches the page (core.bidi). Form fields
    keep what the reader typed: a field's text cannot run into the page around it."""
    soup = BeautifulSoup(html, "html.parser")
    for field in soup.find_all(["textarea", "input"]):
        field.decompose()
    shown = str(soup).replace("\u2068", "").replace("\u2069", "")
    leaked = bidi.CONTROLS.search(shown)
    assert leaked is None, (
        f"a bidi control was shown: {shown[max(0, leaked.start() - 120) : leaked.end() + 40]!r}"
    )
    texts = soup.find_all(string=lambda text: marker in text)
    assert texts, f"{marker!r} is not on the page"
    for text in texts:
        if text.parent.name == "title":  # no markup there: FSI ... PDI instead
            assert text.index("\u2068") < text.index(marker) < text.index("\u2069"), f"not isolated: {text!r}"
        elif text.parent.name != "option":
            assert text.find_parent(lambda tag: tag.name == "bdi" or tag.has_attr("dir")), (
                f"not isolated: {text!r}"
            )


@pytest.fixture
def smtp(settings: Settings) -> Iterator[SMTPServer]:
    """Mail goes through the outbox to a real SMTP server; links in it point at https://news.example."""
    server = SMTPServer(free_port())
    server.start()
    send_through(settings, server)
    settings.SITE_URL = "https://news.example"
    yield server
    server.stop()


def uncached_get(client: Client, url: str, data: dict | None = None) -> HttpResponse:
    """A page-cache miss, forced the honest way: the path's version token is retired first.

    A query string no longer does it: parameters a page does not declare are left out of its
    cache key (``core.pagecache.declare_key_params``). Other caches stay warm, as in production.
    """
    pagecache.invalidate([url])
    response = client.get(url, data)
    assert response["X-Page-Cache"] == "miss"
    return response


def make_image(title: str = "A test picture", size: tuple[int, int] = (1600, 900)) -> Image:
    ensure_initial_data()
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "#336699").save(buffer, "JPEG")
    return Image.objects.create(title=title, file=ImageFile(buffer, name="test.jpg"))


def publish(page: Page) -> Page:
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def ensure_initial_data() -> Page:
    """Wagtail's migration-made rows (locale, root page and collection, roles).

    A transactional test (live_server) empties every table when it ends, including the
    rows Wagtail's migrations made, so the next test puts them back before using them.
    """
    locale, _ = Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if Collection.get_first_root_node() is None:
        Collection.add_root(name="Root")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    if not Group.objects.filter(name=EDITORS).exists():
        ensure_roles()
    return root


@pytest.fixture
def home(db) -> HomePage:
    home = ensure_initial_data().add_child(instance=HomePage(title="The Test Gazette", slug="gazette"))
    publish(home)
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": home}
    )
    return home


@pytest.fixture
def section(home: HomePage) -> SectionPage:
    section = home.add_child(instance=SectionPage(title="Politics", slug="politics", show_in_menus=True))
    return publish(section)


@pytest.fixture
def author(db) -> Author:
    return Author.objects.create(name="Ada Reporter", slug="ada-reporter", role="Political correspondent")


@pytest.fixture
def make_article(section: SectionPage, author: Author) -> Callable[..., ArticlePage]:
    def make(
        title: str = "Council approves harbour plan",
        *,
        parent: SectionPage | None = None,
        hours_ago: float = 1,
        tags: tuple[str, ...] = ("harbour",),
        image: bool = False,
        live: bool = True,
        **fields: object,
    ) -> ArticlePage:
        article = ArticlePage(
            title=title,
            standfirst=fields.pop("standfirst", f"The standfirst of {title.lower()}, told in a sentence."),
            published_at=fields.pop("published_at", timezone.now() - timedelta(hours=hours_ago)),
            body=fields.pop(
                "body",
                [
                    {"type": "paragraph", "value": "<p>The council voted on Tuesday evening.</p>"},
                    {
                        "type": "quote",
                        "value": {"text": "It is a good day", "speaker": "Jo Mayor", "role": "Mayor"},
                    },
                ],
            ),
            lead_image=make_image(title) if image else None,
            live=False,
            **fields,
        )
        article.author_links = [ArticleAuthor(author=author, sort_order=0)]
        (parent or section).add_child(instance=article)
        if tags:
            article.tags.add(*tags)
        if live:
            publish(article)
        else:
            article.save_revision()
        return ArticlePage.objects.get(pk=article.pk)

    return make


@pytest.fixture
def article(make_article: Callable[..., ArticlePage]) -> ArticlePage:
    return make_article()
