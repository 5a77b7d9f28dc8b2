"""Read an article's body, store its quotations and link them to speaker records.

``refresh_article(article)`` is what the publication task and ``backfill_quotes`` call;
``withdraw_article(article)`` is what unpublishing calls. Both purge exactly the speaker pages
whose quotations appeared, changed or went.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Q
from django.urls import reverse

from core import fragments, slugs
from core.tasks import purge_pages_after_commit
from news.models import ArticlePage
from news.sitemaps import sitemap_paths
from quotes import extraction
from quotes.api import quotations_changed
from quotes.extraction import Found, Paragraph
from quotes.models import Quotation, Speaker, name_key

if TYPE_CHECKING:
    from wagtail.blocks import StreamValue

    BodyBlocks = Iterable[StreamValue.StreamChild]

TAG = re.compile(r"<[^>]+>")
BLOCK_END = re.compile(r"</(?:p|li|h\d|blockquote)>|<br\s*/?>", re.IGNORECASE)


def plain_text(rich: str) -> str:
    """Rich text HTML as plain text, one line per paragraph."""
    return html.unescape(TAG.sub("", BLOCK_END.sub("\n", rich)))


def read_body(body: BodyBlocks) -> tuple[list[Paragraph], list[Found]]:
    """Paragraphs to read, and quote blocks with their own speaker."""
    paragraphs: list[Paragraph] = []
    explicit: list[Found] = []
    for index, block in enumerate(body):
        if block.block_type == "paragraph":
            source = block.value.source if hasattr(block.value, "source") else str(block.value)
            for paragraph in extraction.paragraphs_from_text(plain_text(source)):
                paragraphs.append(Paragraph(index, paragraph.offset, paragraph.text))
        elif block.block_type == "quote":
            value = block.value
            speaker = extraction.Speaker(value["speaker"].strip(), role=value.get("role") or "")
            explicit.append(
                Found(value["text"].strip(), extraction.FULL, "", index, 0, speaker, explicit=True)
            )
    return paragraphs, explicit


def _words(text: str) -> list[str]:
    return extraction.fold(extraction.normalise_marks(text)).split()


def _repeats(pull: Found, quotation: Found) -> bool:
    """A pull quote repeats a body quotation when most of its words appear there in order."""
    pulled, said = " ".join(_words(pull.text)), " ".join(_words(quotation.text))
    return bool(pulled) and (pulled in said or said in pulled)


def quotations_in(body: BodyBlocks, keep_unattributed: bool = False) -> list[Found]:
    """Everything quoted in the body: extracted, with quote blocks' speakers winning."""
    paragraphs, explicit = read_body(body)
    found = extraction.extract(paragraphs, keep_unattributed=True)
    standalone: list[Found] = []
    for block in explicit:
        tied = [item for item in found if _repeats(block, item)]
        for item in tied:  # the editor said who it was: that wins over what we read
            item.speaker, item.explicit = block.speaker, True
        if not tied:
            standalone.append(block)
    kept = [item for item in [*found, *standalone] if item.attributed or keep_unattributed]
    return sorted(kept, key=lambda item: (item.block_index, item.offset))


class SpeakerIndex:
    """Speaker records by every name and alias, so one speaker stays one record."""

    def __init__(self) -> None:
        self.by_key: dict[str, Speaker] = {}
        self.by_name: dict[str, Speaker] = {}
        for speaker in Speaker.objects.all():
            self.add(speaker)

    def add(self, speaker: Speaker) -> None:
        self.by_name.setdefault(name_key(speaker.name), speaker)
        for key in speaker.name_keys():
            self.by_key.setdefault(key, speaker)

    def find_or_create(self, found: extraction.Speaker) -> Speaker:
        key = name_key(found.name or "")
        # A surname alone is matched only within its article (the extractor did that): across
        # articles it must be a speaker's whole name, never one of their aliases.
        speaker = self.by_key.get(key) if " " in key else self.by_name.get(key)
        if speaker is not None:
            return speaker
        speaker = Speaker.objects.create(
            name=found.name,
            slug=free_slug(found.name or "speaker"),
            kind=Speaker.Kind.ORGANISATION if found.kind == extraction.ORGANISATION else Speaker.Kind.PERSON,
            role=found.role[:200],
            affiliation=found.affiliation[:200],
        )
        self.add(speaker)
        return speaker


def free_slug(name: str) -> str:
    return slugs.free_slug(Speaker, name, "speaker")


def speaker_paths(speakers: Iterable[Speaker]) -> list[str]:
    paths: list[str] = []
    for speaker in speakers:
        paths += [
            speaker.get_absolute_url(),
            reverse("quotes:speaker_feed", args=[speaker.slug, "rss"]),
            reverse("quotes:speaker_feed", args=[speaker.slug, "atom"]),
        ]
    return paths


@dataclass(frozen=True)
class _Shown:
    speaker_id: int | None
    text: str
    block_index: int


def _shown(rows: Iterable[Quotation]) -> set[_Shown]:
    return {_Shown(row.speaker_id, row.text, row.block_index) for row in rows}


@dataclass
class Changes:
    """What a batch of re-readings changed, to purge once at the end (``backfill_quotes``)."""

    speaker_ids: set[int] = field(default_factory=set)
    paths: set[str] = field(default_factory=set)
    article_ids: set[int] = field(default_factory=set)

    def apply(self) -> None:
        if self.speaker_ids or self.paths or self.article_ids:
            _after_change(self.speaker_ids, sorted(self.paths), self.article_ids)


@transaction.atomic
def refresh_article(
    article: ArticlePage, index: SpeakerIndex | None = None, changes: Changes | None = None
) -> list[Quotation]:
    """Store the live article's quotations again, keeping editors' corrections.

    With ``changes``, the purges are collected there instead of queued now."""
    index = index or SpeakerIndex()
    old = list(Quotation.objects.filter(article=article))
    corrections = {row.text_key: row for row in old if row.corrected}
    rows: list[Quotation] = []
    for found in quotations_in(article.body, keep_unattributed=True):
        row = Quotation(
            article=article,
            text=found.text,
            kind=found.kind,
            cue=found.cue[:40],
            block_index=found.block_index,
            char_offset=found.offset,
            order=len(rows),
            anonymous=bool(found.speaker and found.speaker.anonymous),
            found_name=(found.speaker.name or "")[:200] if found.speaker else "",
            from_quote_block=found.explicit,
        )
        correction = corrections.get(row.text_key)
        if correction is not None:
            row.speaker_id, row.anonymous, row.corrected = correction.speaker_id, correction.anonymous, True
        elif not found.attributed:
            continue  # words nobody can be named for, and no editor has said who
        elif found.speaker is not None and found.speaker.name and not found.speaker.anonymous:
            row.speaker = index.find_or_create(found.speaker)
        rows.append(row)
    if _shown(old) == _shown(rows) and len(old) == len(rows):
        return old
    Quotation.objects.filter(article=article).delete()
    Quotation.objects.bulk_create(rows)
    batch = changes or Changes()
    batch.speaker_ids |= {s.speaker_id for s in _shown(old) ^ _shown(rows)} - {None}
    batch.article_ids.add(article.pk)
    if article.url:
        batch.paths.add(article.url)
    if changes is None:
        batch.apply()
    return rows


@transaction.atomic
def withdraw_article(article: ArticlePage) -> None:
    """Unpublished: its quotations leave the speaker pages. Editors' corrections are kept (pages
    show only live articles) so that publishing again restores them."""
    speaker_ids = set(Quotation.objects.filter(article=article).values_list("speaker_id", flat=True)) - {None}
    Quotation.objects.filter(article=article, corrected=False).delete()
    _after_change(speaker_ids, [], {article.pk})


def _after_change(speaker_ids: set[int], paths: list[str], article_ids: set[int]) -> None:
    speakers = list(Speaker.objects.filter(pk__in=speaker_ids))
    update_visibility(speakers)
    fragments.bump_after_commit("content")
    purge_pages_after_commit([*speaker_paths(speakers), *sitemap_paths("speakers"), *paths])
    quotations_changed.send(sender=Quotation, article_ids=sorted(article_ids))


def update_visibility(speakers: Iterable[Speaker]) -> None:
    """A speaker is indexed once quoted in enough live articles, unless an editor decided."""
    undecided = [s.pk for s in speakers if not s.editor_decided_visibility]
    if not undecided:
        return
    counts = dict(
        Speaker.objects.filter(pk__in=undecided)
        .annotate(
            articles=Count("quotations__article", filter=Q(quotations__article__live=True), distinct=True)
        )
        .values_list("pk", "articles")
    )
    threshold = settings.QUOTES_INDEX_AFTER_ARTICLES
    Speaker.objects.filter(pk__in=[pk for pk, n in counts.items() if n >= threshold]).update(noindex=False)
    Speaker.objects.filter(pk__in=[pk for pk, n in counts.items() if n < threshold]).update(noindex=True)
