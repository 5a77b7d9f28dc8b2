"""The WordPress import: two passes over the export, each post in its own transaction.

Pass one (:func:`survey`) reads the whole file before anything is written: a file that is
not a WordPress export, is truncated or declares entities fails here with nothing changed.
It also keeps what posts need from elsewhere in the file: attachments (featured images may
come after the post) and category parents. Pass two creates, in file order, what is not
mapped yet; ids already mapped (``wordpress.models``) are left alone, so a second run
changes nothing and a later export adds only what is new.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Page, Revision, Site
from wagtail.signals import page_published

from comments.models import MAX_DEPTH, MAX_NAME, MAX_TEXT, MAX_WEBSITE, Comment, Status
from comments.moderation import purge_article
from comments.text import clean_name, clean_text
from core.tasks import batched_after_commit
from news.models import ArticleAuthor, ArticlePage, Author, HomePage, SectionPage, StandardPage
from wordpress import addresses, wxr
from wordpress.content import FoundImage, convert, cut, plain_text, standfirst, text_of, upload_path
from wordpress.media import MediaMissing, MediaRefused, MediaSource, image_for
from wordpress.models import ImportedAuthor, ImportedComment, ImportedPage, ImportedTerm, LegacyAddress
from wordpress.php import unserialize

UNCATEGORIZED = "uncategorized"
LOOKUP_BATCH = 200  # items whose earlier import is looked up together
SECTION_INTRO_MAX = 400
IMPORTED_TYPES = ("post", "page")
SKIPPED_STATUSES = {"private": "private", "trash": "trashed", "auto-draft": "an auto-draft"}
COMMENT_STATUSES = {
    "1": Status.APPROVED,
    "approve": Status.APPROVED,
    "0": Status.PENDING,
    "hold": Status.PENDING,
}


class DryRunRollback(Exception):
    """Raised at the end of a dry run to undo everything it wrote."""


@dataclass
class Attachment:
    url: str
    file: str  # _wp_attached_file: the path under the uploads folder, whatever the URL looks like
    title: str
    alt: str
    caption: str
    credit: str


@dataclass
class Survey:
    channel: wxr.Channel = field(default_factory=wxr.Channel)
    attachments: dict[int, Attachment] = field(default_factory=dict)
    attachment_by_path: dict[str, int] = field(default_factory=dict)
    categories: dict[str, wxr.Term] = field(default_factory=dict)
    tags: dict[str, wxr.Term] = field(default_factory=dict)
    authors: dict[str, wxr.Author] = field(default_factory=dict)


@dataclass
class Report:
    counts: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)

    def merge(self, other: Report) -> None:
        self.counts.update(other.counts)
        self.notes.extend(other.notes)

    def note(self, where: str, reason: str, count_as: str | None = None) -> None:
        self.notes.append(f"{where}: {reason}")
        if count_as:
            self.counts[count_as] += 1


def _attachment(item: wxr.Item) -> Attachment:
    metadata = unserialize(item.meta.get("_wp_attachment_metadata", "")) or {}
    image_meta = metadata.get("image_meta") if isinstance(metadata, dict) else None
    return Attachment(
        url=item.attachment_url,
        file=item.meta.get("_wp_attached_file", "").strip() or upload_path(item.attachment_url) or "",
        title=item.title,
        alt=item.meta.get("_wp_attachment_image_alt", "").strip(),
        caption=text_of(item.excerpt),
        credit=str(image_meta.get("credit", "")).strip() if isinstance(image_meta, dict) else "",
    )


def survey(path: Path, on_read: Callable[[int], None] | None = None) -> Survey:
    """Read the whole export once (validating it) and keep what pass two needs from anywhere in it."""
    found = Survey()
    with path.open("rb") as file:
        for record in wxr.read(file, on_read):
            if isinstance(record, wxr.Channel):
                found.channel = record
            elif isinstance(record, wxr.Author):
                found.authors[record.login] = record
            elif isinstance(record, wxr.Term) and record.taxonomy in ("category", "post_tag"):
                (found.categories if record.taxonomy == "category" else found.tags)[record.slug] = record
            elif isinstance(record, wxr.Item) and record.post_type == "attachment" and record.attachment_url:
                attachment = found.attachments[record.wp_id] = _attachment(record)
                if attachment.file:
                    found.attachment_by_path[attachment.file] = record.wp_id
    return found


def wp_datetime(value: str, gmt: bool) -> datetime | None:
    """A WordPress date column as an aware datetime; local dates are read in the site's time zone."""
    value = value.strip()
    if not value or value.startswith("0000-00-00"):
        return None
    try:
        naive = datetime.strptime(value, "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    return naive.replace(tzinfo=ZoneInfo("UTC") if gmt else ZoneInfo(settings.TIME_ZONE))


def item_date(local: str, gmt: str) -> datetime | None:
    return wp_datetime(gmt, gmt=True) or wp_datetime(local, gmt=False)


def importable_status(comment: wxr.Comment) -> str | None:
    """The status an imported comment gets, or None when it is not imported (pingbacks, spam…)."""
    if comment.type in ("pingback", "trackback"):
        return None
    return COMMENT_STATUSES.get(comment.approved)


def free_slug(parent: Page, slug: str, exclude: int | None = None) -> str:
    siblings = Page.objects.child_of(parent).exclude(pk=exclude)
    candidate, number = slug, 1
    while siblings.filter(slug=candidate).exists():
        number += 1
        candidate = f"{slug[:240]}-{number}"
    return candidate


class Importer:
    def __init__(
        self,
        path: Path,
        *,
        media: MediaSource,
        default_section: str = "News",
        dry_run: bool = False,
        on_read: Callable[[str, int], None] | None = None,
    ) -> None:
        self.path, self.media, self.default_section_title = path, media, default_section
        self.dry_run, self.on_read = dry_run, on_read
        self.report = Report()
        self.survey = Survey()
        self.refused_media: set[str] = set()
        self.unavailable_media: dict[str, tuple[str, str]] = {}  # URL → (why, count): tried once per run
        self.made_files: list[str] = []
        self._home: HomePage | None = None
        self._known: dict[tuple[str, str], object] = {}  # sections, terms, authors met in this run

    # Running -----------------------------------------------------------------------------

    def run(self) -> Report:
        self.survey = survey(self.path, self._progress("Checking"))
        if self.dry_run:
            try:
                with transaction.atomic(), batched_after_commit():
                    self._import()
                    raise DryRunRollback
            except DryRunRollback:
                for name in self.made_files:
                    default_storage.delete(name)
        else:
            with batched_after_commit():  # each page's purges and refreshes, queued once at the end
                self._import()
        return self.report

    def _progress(self, label: str) -> Callable[[int], None] | None:
        if self.on_read is None:
            return None
        on_read = self.on_read
        return lambda size: on_read(label, size)

    def _import(self) -> None:
        remembered = LegacyAddress.objects.count()
        addresses.add_site_wide(self.survey.channel)
        batch: list[wxr.Item] = []
        with self.path.open("rb") as file:
            for record in wxr.read(file, self._progress("Importing")):
                if isinstance(record, wxr.Item):
                    batch.append(record)
                    if len(batch) == LOOKUP_BATCH:
                        self._items(batch)
                        batch = []
                    continue
                self._items(batch)
                batch = []
                if isinstance(record, wxr.Term) and record.taxonomy not in ("category", "post_tag"):
                    self.report.counts[f"terms skipped ({record.taxonomy or 'unknown'})"] += 1
        self._items(batch)
        if redirects := LegacyAddress.objects.count() - remembered:
            self.report.counts["redirects"] = redirects

    def _items(self, items: list[wxr.Item]) -> None:
        """Import a run of items; what an earlier run imported in full is passed over after two
        queries for the whole run (its posts, its comments), so a second run costs little."""
        imported_pages = dict(
            ImportedPage.objects.filter(wp_id__in=[item.wp_id for item in items]).values_list(
                "wp_id", "page_id"
            )
        )
        imported_comments = set(  # by article, not by id: a post may have thousands of comments
            ImportedComment.objects.filter(comment__article_id__in=imported_pages.values()).values_list(
                "wp_id", flat=True
            )
        )
        for item in items:
            if item.wp_id in imported_pages and self._nothing_new(item, imported_comments):
                self.report.counts[f"{item.post_type}s already imported"] += 1
                for comment in item.comments:
                    if comment.wp_id not in imported_comments:
                        self._comment_status(comment)  # counts what is skipped, as on the first run
            else:
                self._item(item)

    @staticmethod
    def _nothing_new(item: wxr.Item, imported_comments: set[int]) -> bool:
        if item.post_type == "page":
            return not item.comments  # a page's comments are reported as left out each time
        return item.post_type == "post" and all(
            comment.wp_id in imported_comments or importable_status(comment) is None
            for comment in item.comments
        )

    def _item(self, item: wxr.Item) -> None:
        where = f"{item.post_type} {item.wp_id} “{cut(item.title, 60)}”"
        if item.post_type == "attachment":
            self.report.counts["attachments (imported when a post shows them)"] += 1
            return
        if item.post_type not in IMPORTED_TYPES:
            self.report.counts[f"items skipped ({item.post_type})"] += 1
            return
        if item.status in SKIPPED_STATUSES:
            self.report.note(
                where,
                f"skipped: {SKIPPED_STATUSES[item.status]}",
                f"{item.post_type}s skipped ({item.status})",
            )
            return
        mapped = ImportedPage.objects.filter(wp_id=item.wp_id).select_related("page").first()
        whole_run, self.report = self.report, Report()  # counted only if the post's transaction commits
        try:
            with transaction.atomic():
                if mapped is None:
                    page = (
                        self._article(item, where)
                        if item.post_type == "post"
                        else self._plain_page(item, where)
                    )
                else:
                    self.report.counts[f"{item.post_type}s already imported"] += 1
                    page = mapped.page.specific
                if isinstance(page, ArticlePage):
                    self._comments(page, item, where)
                elif item.comments:
                    self.report.note(
                        where, f"{len(item.comments)} comments left out (plain pages take no comments)", None
                    )
                    self.report.counts["comments skipped (on plain pages)"] += len(item.comments)
        except Exception as error:  # noqa: BLE001  one broken post must not stop the others
            self._known.clear()  # what the failed post made was rolled back with it
            self._home = None
            whole_run.note(
                where, f"failed, not imported: {type(error).__name__}: {cut(str(error), 200)}", "failed"
            )
        else:
            whole_run.merge(self.report)
        finally:
            self.report = whole_run

    # Pages -------------------------------------------------------------------------------

    def home(self) -> HomePage:
        if self._home is None:
            self._home = HomePage.objects.first() or self._make_home()
        return self._home

    def _make_home(self) -> HomePage:
        root = Page.get_first_root_node()
        home = root.add_child(
            instance=HomePage(title=self.survey.channel.title or "News", slug=free_slug(root, "home"))
        )
        home.save_revision().publish()
        site = Site.objects.filter(is_default_site=True).first() or Site(
            is_default_site=True, hostname="localhost"
        )
        site.root_page = home
        site.save()
        return home

    def _slug(self, item: wxr.Item, parent: Page) -> tuple[str, str | None]:
        wanted = (
            slugify(unquote(item.post_name), allow_unicode=True)  # WordPress keeps non-ASCII slugs %-encoded
            or slugify(text_of(item.title), allow_unicode=True)
            or f"post-{item.wp_id}"
        )
        slug = free_slug(parent, wanted[:255])
        return slug, (f"slug “{wanted}” was taken here: now “{slug}”" if slug != wanted else None)

    def _title(self, item: wxr.Item) -> str:
        return cut(" ".join(text_of(item.title).split()), 255) or f"Untitled ({item.post_type} {item.wp_id})"

    def _article(self, item: wxr.Item, where: str) -> ArticlePage:
        section, extra_tags = self._section_and_tags(item)
        converted = convert(item.content, self._image_lookup(where))
        intro, was_cut = standfirst(item.excerpt, " ".join(text_of(item.content).split()))
        if was_cut:
            self.report.note(where, "standfirst cut to 300 characters", "standfirsts cut")
        date = item_date(item.post_date, item.post_date_gmt)
        article = ArticlePage(
            title=self._title(item),
            standfirst=intro or self._title(item),
            body=converted.blocks,
            live=False,
            comments_closed=item.comment_status == "closed",
        )
        article.slug, renamed = self._slug(item, section)
        self._lead_image(article, item, where)
        article.author_links = [ArticleAuthor(author=self.author(item.creator), sort_order=0)]
        article.tags.add(*extra_tags, *self._post_tags(item))
        self._publish(article, section, item, date, where, "articles")
        for reason in [*converted.changes, *([renamed] if renamed else [])]:
            self.report.note(where, reason, "changes to content")
        return article

    def _plain_page(self, item: wxr.Item, where: str) -> StandardPage:
        converted = convert(item.content, self._image_lookup(where), article=False)
        home = self.home()
        page = StandardPage(title=self._title(item), body=converted.blocks, live=False)
        page.slug, renamed = self._slug(item, home)
        if item.post_parent:
            self.report.note(
                where, "a child page is now directly under the home page (plain pages do not nest)", None
            )
        self._publish(page, home, item, item_date(item.post_date, item.post_date_gmt), where, "plain pages")
        for reason in [*converted.changes, *([renamed] if renamed else [])]:
            self.report.note(where, reason, "changes to content")
        return page

    def _publish(
        self, page: Page, parent: Page, item: wxr.Item, date: datetime | None, where: str, kind: str
    ) -> None:
        """Add the page with its WordPress dates: published, scheduled, or a draft no reader sees."""
        status = item.status
        if item.password:
            self.report.note(where, "password-protected: imported as a draft", None)
            status = "draft"
        if status == "future" and (date is None or date <= timezone.now()):
            status = "publish"  # WordPress missed its schedule; it is due
        if isinstance(page, ArticlePage):
            page.published_at = date if status in ("publish", "future") else None
        if status == "future":
            page.go_live_at = date
        if status == "publish":
            modified = item_date(item.modified, item.modified_gmt) or date or timezone.now()
            self._add_published(page, parent, first=date or modified, last=modified)
            self.report.counts[f"{kind} published"] += 1
        else:
            parent.add_child(instance=page)
            revision = page.save_revision(log_action=False)
            if status == "future":
                revision.publish(log_action=False)  # Wagtail holds it until go_live_at (core.tasks)
                self.report.counts[f"{kind} scheduled"] += 1
            else:
                if status != "draft":
                    self.report.note(where, f"status “{status}” imported as a draft", None)
                self.report.counts[f"{kind} drafts"] += 1
        ImportedPage.objects.create(wp_id=item.wp_id, page=page, post_type=item.post_type)
        addresses.add_for_page(page, item, self.survey.channel)

    @staticmethod
    def _add_published(page: Page, parent: Page, *, first: datetime, last: datetime) -> None:
        """Add the page live, with the rows publishing leaves (a live revision dated ``last``), in
        one save: adding, revising and publishing through Wagtail saves the page three times and
        validates it twice. ``page_published`` is then sent as Wagtail sends it, so what follows a
        publication (dateline, purges, search, More like this, quotations) happens as for an
        editor's; the import gathers the purges and repeated tasks (``batched_after_commit``)."""
        page.live, page.has_unpublished_changes = True, False
        page.first_published_at, page.last_published_at = first, last
        page.latest_revision_created_at, page.draft_title = last, page.title
        parent.add_child(instance=page)
        revision = Revision.objects.create(
            content_object=page,
            base_content_type=page.get_base_content_type(),
            content=page.serializable_data(),
            object_str=str(page),
            created_at=last,
        )
        page.latest_revision = page.live_revision = revision
        type(page).objects.filter(pk=page.pk).update(latest_revision=revision, live_revision=revision)
        page_published.send(sender=type(page), instance=page, revision=revision)

    # Sections, tags, authors -------------------------------------------------------------

    def _section_and_tags(self, item: wxr.Item) -> tuple[SectionPage, list[Tag]]:
        categories = [term for term in item.terms if term.domain == "category" and term.slug != UNCATEGORIZED]
        tags: list[Tag] = []
        section = None
        for term in categories:
            mapped = self._category(term.slug, term.name)
            if section is None:
                section = mapped.section.specific
            if mapped.tag is not None:
                tags.append(mapped.tag)
            elif mapped.section.specific != section:
                tags.append(self._tag_named(mapped.section.title, mapped.slug))
        return section or self.default_section(), tags

    def _remembered(self, kind: str, key: str, make: Callable[[], Any]) -> Any:
        """``make()`` once per run for each key: a post's sections, tags and authors cost no query."""
        if (kind, key) not in self._known:
            self._known[kind, key] = make()
        return self._known[kind, key]

    def _category(self, slug: str, name: str) -> ImportedTerm:
        return self._remembered("category", slug, lambda: self._find_category(slug, name))

    def _find_category(self, slug: str, name: str) -> ImportedTerm:
        """A category's section (its top ancestor's) and, for a child category, its own tag."""
        slug = unquote(slug)
        mapped = (
            ImportedTerm.objects.filter(taxonomy="category", slug=slug)
            .select_related("section", "tag")
            .first()
        )
        if mapped is not None:
            return mapped
        term = self.survey.categories.get(slug) or wxr.Term(0, "category", slug, name, "", "")
        top, seen = term, {slug}
        while top.parent_slug and top.parent_slug in self.survey.categories and top.parent_slug not in seen:
            seen.add(top.parent_slug)
            top = self.survey.categories[top.parent_slug]
        section = self._section(top)
        tag = self._tag_named(term.name, term.slug) if top is not term else None
        mapped = ImportedTerm.objects.create(
            taxonomy="category", wp_id=term.wp_id or None, slug=slug, section=section, tag=tag
        )
        addresses.add_for_category(mapped, term, self.survey)
        return mapped

    def _section(self, term: wxr.Term) -> SectionPage:
        home = self.home()
        slug = slugify(unquote(term.slug), allow_unicode=True) or f"section-{term.wp_id}"
        section = SectionPage.objects.child_of(home).filter(slug=slug).first()
        if section is None:
            section = SectionPage(
                title=cut(text_of(term.name), 255) or slug,
                slug=free_slug(home, slug),
                intro=cut(text_of(term.description), SECTION_INTRO_MAX),
                show_in_menus=True,
            )
            home.add_child(instance=section)
            section.save_revision(log_action=False).publish(log_action=False)
            self.report.counts["sections created"] += 1
        return section

    def default_section(self) -> SectionPage:
        title = self.default_section_title
        return self._remembered(
            "section", title, lambda: self._section(wxr.Term(0, "category", slugify(title), title, "", ""))
        )

    def _post_tags(self, item: wxr.Item) -> list[Tag]:
        return [self._tag(term.slug, term.name) for term in item.terms if term.domain == "post_tag"]

    def _tag(self, slug: str, name: str) -> Tag:
        return self._remembered("tag", slug, lambda: self._find_tag(slug, name))

    def _find_tag(self, slug: str, name: str) -> Tag:
        slug = unquote(slug)
        mapped = ImportedTerm.objects.filter(taxonomy="post_tag", slug=slug).select_related("tag").first()
        if mapped is not None:
            return mapped.tag
        term = self.survey.tags.get(slug) or wxr.Term(0, "post_tag", slug, name, "", "")
        tag = self._tag_named(term.name or name, slug)
        mapped = ImportedTerm.objects.create(
            taxonomy="post_tag", wp_id=term.wp_id or None, slug=slug, tag=tag
        )
        addresses.add_for_tag(mapped, term, self.survey.channel)
        return tag

    def _tag_named(self, name: str, slug: str) -> Tag:
        """The tag with exactly this name, made with an ASCII slug (tag addresses are ASCII)."""
        name = cut(" ".join(text_of(name).split()), 100) or slug
        tag = Tag.objects.filter(name=name).first()
        if tag is None:
            wanted = slugify(unquote(slug)) or slugify(name) or "tag"
            candidate, number = wanted, 1
            while Tag.objects.filter(slug=candidate).exists():
                number += 1
                candidate = f"{wanted}-{number}"
            tag = Tag.objects.create(name=name, slug=candidate)
            self.report.counts["tags created"] += 1
        return tag

    def author(self, login: str) -> Author:
        """The newsroom author for a WordPress login, made on first use."""
        return self._remembered("author", login, lambda: self._find_author(login))

    def _find_author(self, login: str) -> Author:
        mapped = ImportedAuthor.objects.filter(login=login).select_related("author").first()
        if mapped is not None:
            return mapped.author
        user = self.survey.authors.get(login) or wxr.Author(None, login or "unknown", "", login or "Unknown")
        slug = slugify(user.login) or "author"
        author = Author.objects.filter(slug=slug, wordpress__isnull=True).first()
        if author is None:
            candidate, number = slug, 1
            while Author.objects.filter(slug=candidate).exists():
                number += 1
                candidate = f"{slug}-{number}"
            author = Author.objects.create(
                name=cut(text_of(user.display_name), 120) or user.login, slug=candidate
            )
            self.report.counts["authors created"] += 1
        ImportedAuthor.objects.create(
            author=author, wp_id=user.wp_id, login=user.login[:60], email=user.email[:254]
        )
        addresses.add_for_author(author, user, self.survey.channel)
        return author

    def _author_by_user_id(self, user_id: int) -> Author | None:
        if not user_id:
            return None
        return self._remembered("user", str(user_id), lambda: self._find_author_by_user_id(user_id))

    def _find_author_by_user_id(self, user_id: int) -> Author | None:
        mapped = ImportedAuthor.objects.filter(wp_id=user_id).select_related("author").first()
        if mapped is not None:
            return mapped.author
        user = next((user for user in self.survey.authors.values() if user.wp_id == user_id), None)
        return self.author(user.login) if user else None

    # Images ------------------------------------------------------------------------------

    def _image(self, url: str, attachment: Attachment | None, where: str) -> FoundImage | None:
        if url in self.unavailable_media:
            self.report.note(where, *self.unavailable_media[url])
            return None
        try:
            image, created = image_for(
                self.media,
                url,
                attachment.title if attachment else "",
                attachment.alt if attachment else "",
                relative=attachment.file if attachment else None,
            )
        except MediaRefused as error:
            self.refused_media.add(url)
            self.unavailable_media[url] = (f"image refused, {error}", "images refused")
            self.report.note(where, *self.unavailable_media[url])
            return None
        except MediaMissing as error:
            self.unavailable_media[url] = (f"image missing, left out: {error}", "images missing")
            self.report.note(where, *self.unavailable_media[url])
            return None
        if created:
            self.made_files.append(image.file.name)
            self.report.counts["images"] += 1
        return FoundImage(
            image.pk,
            attachment.alt if attachment else "",
            attachment.caption if attachment else "",
            attachment.credit if attachment else "",
        )

    def _image_lookup(self, where: str) -> Callable[[str, int | None], FoundImage | None]:
        def lookup(src: str, attachment_id: int | None) -> FoundImage | None:
            attachment = self.survey.attachments.get(attachment_id) if attachment_id else None
            if attachment is None and (relative := upload_path(src)):
                attachment = self.survey.attachments.get(self.survey.attachment_by_path.get(relative, 0))
            url = attachment.url if attachment else src
            if not url:
                self.report.note(where, f"image {attachment_id} is not in the export", "images missing")
                return None
            return self._image(url, attachment, where)

        return lookup

    def _lead_image(self, article: ArticlePage, item: wxr.Item, where: str) -> None:
        thumbnail = item.meta.get("_thumbnail_id", "").strip()
        if not thumbnail.isdigit():
            return
        attachment = self.survey.attachments.get(int(thumbnail))
        if attachment is None:
            self.report.note(where, f"featured image {thumbnail} is not in the export", "images missing")
            return
        found = self._image(attachment.url, attachment, where)
        if found is not None:
            article.lead_image_id = found.pk
            article.lead_image_caption = cut(found.caption, 300)
            article.lead_image_credit = cut(found.credit, 120)

    # Comments ----------------------------------------------------------------------------

    def _comments(self, article: ArticlePage, item: wxr.Item, where: str) -> None:
        if not item.comments:
            return
        known = dict(
            ImportedComment.objects.filter(wp_id__in=[c.wp_id for c in item.comments]).values_list(
                "wp_id", "comment_id"
            )
        )
        by_id = {comment.wp_id: comment for comment in item.comments}
        made: dict[int, Comment] = {}
        written: list[tuple[wxr.Comment, Comment, Comment | None]] = []
        for generation in self._parents_first(item.comments):
            # A reply needs its parent's id, so each generation of the thread is inserted together
            # (ids in the same order as one by one); dates and roots are then set in one update.
            new: list[tuple[wxr.Comment, Comment, Comment | None]] = []
            for wp in generation:
                if wp.wp_id in known:
                    continue
                status = self._comment_status(wp)
                if status is None:
                    continue
                true_parent = self._imported_ancestor(wp, by_id, made, known)
                new.append((wp, self._comment(article, wp, status, true_parent, where), true_parent))
            Comment.objects.bulk_create([comment for _, comment, _ in new])
            for wp, comment, _ in new:
                if comment.root_id is None:
                    comment.root = comment
                comment.created = item_date(wp.date, wp.date_gmt) or timezone.now()  # auto_now_add ignored it
                made[wp.wp_id] = comment
                self.report.counts[
                    "comments published"
                    if comment.status == Status.APPROVED
                    else "comments held for moderation"
                ] += 1
            written.extend(new)
        if not written:
            return
        Comment.objects.bulk_update([comment for _, comment, _ in written], ["root", "created"])
        ImportedComment.objects.bulk_create(
            ImportedComment(
                wp_id=wp.wp_id,
                comment=comment,
                reply_to=true_parent,
                by_author=self._author_by_user_id(wp.user_id),
            )
            for wp, comment, true_parent in written
        )
        published = any(comment.status == Status.APPROVED for _, comment, _ in written)
        if published and article.live:
            purge_article(article)

    def _comment(
        self, article: ArticlePage, wp: wxr.Comment, status: str, true_parent: Comment | None, where: str
    ) -> Comment:
        parent = true_parent
        while parent is not None and parent.depth >= MAX_DEPTH:
            parent = parent.parent  # shown at the deepest level, as new replies are (ADR 0008)
        return Comment(
            article=article,
            parent=parent,
            root=parent.root if parent else None,
            depth=parent.depth + 1 if parent else 1,
            name=self._fit(clean_name(wp.author) or "Anonymous", MAX_NAME, "a commenter's name", where, wp),
            email=wp.email.strip()[:254],
            website=wp.url
            if len(wp.url) <= MAX_WEBSITE and wp.url.startswith(("http://", "https://"))
            else "",
            text=self._fit(clean_text(plain_text(wp.content)), MAX_TEXT, "a comment", where, wp),
            status=status,
            fingerprint=hashlib.sha256(f"wordpress-comment:{wp.wp_id}".encode()).hexdigest(),
        )

    def _fit(self, value: str, limit: int, what: str, where: str, wp: wxr.Comment) -> str:
        if len(value) <= limit:
            return value
        self.report.note(
            where, f"comment {wp.wp_id}: {what} longer than {limit} characters was cut", "comment fields cut"
        )
        return cut(value, limit)

    def _comment_status(self, wp: wxr.Comment) -> str | None:
        status = importable_status(wp)
        if wp.type in ("pingback", "trackback"):
            self.report.counts[f"{wp.type}s skipped"] += 1
        elif status is None:
            self.report.counts[f"comments skipped ({wp.approved or 'unknown status'})"] += 1
        return status

    @staticmethod
    def _parents_first(comments: list[wxr.Comment]) -> Iterator[list[wxr.Comment]]:
        """Generations of the thread: top-level comments, then their replies, and so on."""
        ids = {comment.wp_id for comment in comments}
        done: set[int] = set()
        pending = sorted(comments, key=lambda c: c.wp_id)
        while pending:
            ready = [c for c in pending if c.parent not in ids or c.parent in done or c.parent == c.wp_id]
            if not ready:  # a cycle: break it rather than loop
                ready = pending[:1]
            done.update(comment.wp_id for comment in ready)
            yield ready
            pending = [c for c in pending if c.wp_id not in done]

    @staticmethod
    def _imported_ancestor(
        wp: wxr.Comment, by_id: dict[int, wxr.Comment], made: dict[int, Comment], known: dict[int, int]
    ) -> Comment | None:
        """The nearest ancestor that was imported (a skipped parent's reply moves up to its grandparent)."""
        parent_id, seen = wp.parent, {wp.wp_id}
        while parent_id and parent_id not in seen:
            if parent_id in made:
                return made[parent_id]
            if parent_id in known:
                return Comment.objects.get(pk=known[parent_id])
            seen.add(parent_id)
            parent_id = by_id[parent_id].parent if parent_id in by_id else 0
        return None
