"""Load the fictional demo newsroom (idempotent: existing pages and people are kept)."""

from __future__ import annotations

import io
import time
from datetime import timedelta
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.models import Page, Site

from core.progress import ProgressBar
from demo import content, images
from demo.tasks import generate_renditions
from news.models import (
    ArticleAuthor,
    ArticlePage,
    Author,
    HomePage,
    PromoSpot,
    Publication,
    RelatedArticle,
    SectionPage,
    StandardPage,
)
from news.renditions import article_image_specs

PORTRAIT = "fill-160x160|format-webp"


def _image(title: str, filename: str, data: bytes) -> Image:
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    return Image.objects.create(title=title, file=ImageFile(io.BytesIO(data), name=filename))


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _stream(blocks: list[tuple[str, Any]]) -> list[dict[str, Any]]:
    """Content blocks in StreamField's raw form; paragraphs become escaped rich text."""
    return [
        {"type": kind, "value": f"<p>{escape(value)}</p>" if kind == "paragraph" else value}
        for kind, value in blocks
    ]


class Command(BaseCommand):
    help = "Load demo sections, authors, articles, pages and promos (safe to run again)."

    def add_arguments(self, parser: Any) -> None:
        renditions = parser.add_mutually_exclusive_group()
        renditions.add_argument(
            "--skip-renditions", action="store_true", help="Do not pre-generate image sizes."
        )
        renditions.add_argument(
            "--renditions-in-worker",
            action="store_true",
            help="Queue the image sizes for the background worker instead of drawing them now "
            "(the site is ready sooner; `make run` does this).",
        )

    def handle(
        self, *args: Any, skip_renditions: bool = False, renditions_in_worker: bool = False, **options: Any
    ) -> None:
        started, self.verbosity = time.monotonic(), options.get("verbosity", 1)
        self._stage("Sections, authors and pages")
        with transaction.atomic():
            home = self._home()
            self._publication()
            sections = {data["slug"]: self._section(home, data) for data in content.SECTIONS}
            authors = {data["slug"]: self._author(data) for data in content.AUTHORS}
            for slug, data in content.PAGES.items():
                self._standard_page(home, slug, data)
            self._promos()
        self._stage("Articles")
        progress = ProgressBar(self.stderr, "articles")
        articles = {}
        for done, data in enumerate(content.ARTICLES, start=1):
            with transaction.atomic():
                articles[data["slug"]] = self._article(sections, authors, data)
            progress(done, len(content.ARTICLES))
        with transaction.atomic():
            self._related(articles)
        self._stage("Search index")
        call_command("update_index", verbosity=0)
        if renditions_in_worker:
            self._stage("Image sizes: queued for the worker")
            self._queue_renditions(articles.values(), authors.values())
        elif not skip_renditions:
            self._stage("Image sizes")
            self._renditions(articles.values(), authors.values())
        self.stdout.write(
            f"Demo content ready: {len(articles)} articles in {len(sections)} sections "
            f"({time.monotonic() - started:.0f} s)."
        )

    def _stage(self, name: str) -> None:
        if self.verbosity >= 1:
            self.stderr.write(f"Demo newsroom: {name}…")

    def _home(self) -> HomePage:
        site = Site.objects.filter(is_default_site=True).first()
        root = Page.get_first_root_node()
        home = HomePage.objects.first()
        if home is None:
            home = root.add_child(instance=HomePage(title=content.SITE_NAME, slug="news-home"))
            _publish(home)
        parts = urlsplit(settings.SITE_URL)
        if site is None:
            site = Site(is_default_site=True)
        old_root = site.root_page if site.pk else None
        site.hostname = parts.hostname or "localhost"
        site.port = parts.port or (443 if parts.scheme == "https" else 80)
        site.root_page = home
        site.site_name = content.SITE_NAME
        site.save()
        if old_root is not None and old_root.pk != home.pk and not old_root.get_children().exists():
            old_root.delete()
        return home

    def _publication(self) -> None:
        publication = Publication.load()
        if publication.name == Publication._meta.get_field("name").default:
            publication.name = content.SITE_NAME
            publication.tagline = "Independent news from the Calder Valley"
            publication.save()

    def _section(self, home: HomePage, data: dict) -> SectionPage:
        section = SectionPage.objects.child_of(home).filter(slug=data["slug"]).first()
        if section is None:
            section = home.add_child(
                instance=SectionPage(
                    title=data["title"], slug=data["slug"], intro=data["description"], show_in_menus=True
                )
            )
            _publish(section)
        return section

    def _author(self, data: dict) -> Author:
        author = Author.objects.filter(slug=data["slug"]).first()
        if author is None:
            initials = "".join(part[0] for part in data["name"].split()[:2])
            photo = _image(
                f"Portrait of {data['name']}", f"{data['slug']}.jpg", images.portrait(data["slug"], initials)
            )
            author = Author.objects.create(
                name=data["name"], slug=data["slug"], role=data["role"], bio=data["bio"], photo=photo
            )
        return author

    def _article(self, sections: dict, authors: dict, data: dict) -> ArticlePage:
        section = sections[data["section"]]
        article = ArticlePage.objects.child_of(section).filter(slug=data["slug"]).first()
        if article is not None:
            return article
        now = timezone.now()
        published = now - timedelta(hours=data["hours_ago"])
        updated = now - timedelta(hours=data["updated_hours_ago"]) if data.get("updated_hours_ago") else None
        picture = _image(data["image_caption"], f"{data['slug']}.jpg", images.landscape(data["slug"]))
        article = ArticlePage(
            title=data["title"],
            slug=data["slug"],
            standfirst=data["standfirst"],
            published_at=published,
            updated_at=updated,
            lead_image=picture,
            lead_image_alt=picture.title[:250],
            lead_image_caption=data["image_caption"],
            lead_image_credit=data["image_credit"],
            correction=data.get("correction", ""),
            body=_stream(data["body"]),
        )
        article.author_links = [
            ArticleAuthor(author=authors[slug], sort_order=order)
            for order, slug in enumerate(data["authors"])
        ]
        section.add_child(instance=article)
        article.tags.add(*data["tags"])
        _publish(article)
        ArticlePage.objects.filter(pk=article.pk).update(first_published_at=published)
        return article

    def _related(self, articles: dict[str, ArticlePage]) -> None:
        for data in content.ARTICLES:
            article = articles[data["slug"]]
            if not data.get("related") or article.related_links.exists():
                continue
            for order, slug in enumerate(data["related"]):
                RelatedArticle.objects.create(article=article, related=articles[slug], sort_order=order)
            _publish(ArticlePage.objects.get(pk=article.pk))

    def _standard_page(self, home: HomePage, slug: str, data: dict) -> None:
        if StandardPage.objects.child_of(home).filter(slug=slug).exists():
            return
        body = _stream([("paragraph", text) for text in data["body"]])
        page = home.add_child(
            instance=StandardPage(title=data["title"], slug=slug, intro=data["intro"], body=body)
        )
        _publish(page)

    def _promos(self) -> None:
        if PromoSpot.objects.exists():
            return
        for data in content.PROMOS:
            PromoSpot.objects.create(**data)

    def _renditions(self, articles: Any, authors: Any) -> None:
        lead_images = [article.lead_image for article in articles if article.lead_image]
        progress = ProgressBar(self.stderr, "pictures")
        for done, image in enumerate(lead_images, start=1):
            image.get_renditions(*article_image_specs())
            progress(done, len(lead_images))
        for author in authors:
            if author.photo:
                author.photo.get_renditions(PORTRAIT)

    def _queue_renditions(self, articles: Any, authors: Any) -> None:
        # Newest first: those are the pictures the home page shows.
        newest = sorted(articles, key=lambda article: article.published_at, reverse=True)
        lead_ids = [article.lead_image_id for article in newest if article.lead_image_id]
        generate_renditions.enqueue(lead_ids, article_image_specs())
        generate_renditions.enqueue([author.photo_id for author in authors if author.photo_id], [PORTRAIT])
