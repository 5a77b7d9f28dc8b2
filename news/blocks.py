"""StreamField blocks for article bodies (choices explained in ADR 0026)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.contrib.typed_table_block.blocks import TypedTable, TypedTableBlock
from wagtail.images.blocks import ImageChooserBlock

from news import embed_providers

# h2/h3: subheadings inside a paragraph block; "link" offers the page chooser (search) as well
# as external addresses, and stores internal links by page id, so they follow slug changes.
RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]
SHORT_RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
# Typographic quotation marks and spacing differ between a quotation and its pull quote.
QUOTE_MARKS = re.compile(r"[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]")
QUOTED_IN_TEXT = re.compile(r"[\u201c\"\u00ab\u201e]([^\u201d\"\u00bb\u201c]+)[\u201d\"\u00bb\u201c]")


class QuoteBlock(blocks.StructBlock):
    """A quotation: words someone said. The quotes app reads these as quotations."""

    text = blocks.TextBlock(help_text="The quoted words, without quotation marks.")
    speaker = blocks.CharBlock(
        max_length=120, required=False, help_text="Who said it (blank for an unattributed quotation)."
    )
    role = blocks.CharBlock(max_length=160, required=False, help_text="Their title or affiliation.")

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


class PullQuoteBlock(blocks.StructBlock):
    """Display only: repeats words of a quotation found in the body; never a quotation itself."""

    text = blocks.TextBlock(
        help_text="Words repeated from a quotation in this article's body, exactly as they appear there."
    )

    class Meta:
        icon = "pick"
        label = "Pull quote"
        template = "news/blocks/pull_quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250, required=False, help_text="Describe the image; leave blank to use its title."
    )
    caption = blocks.CharBlock(max_length=300, required=False)
    credit = blocks.CharBlock(max_length=120, required=False)

    class Meta:
        icon = "image"
        template = "news/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, required=False, help_text="Shown under the pictures.")
    images = blocks.ListBlock(CaptionedImageBlock(), min_num=2, max_num=24)

    class Meta:
        icon = "image"
        label = "Image gallery"
        template = "news/blocks/gallery.html"


class FactBoxBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text="E.g. “Key facts” or “What happens next”.")
    text = blocks.RichTextBlock(features=SHORT_RICH_TEXT_FEATURES)

    class Meta:
        icon = "doc-full"
        label = "Fact box"
        template = "news/blocks/fact_box.html"


class DataTableBlock(TypedTableBlock):
    """A table with column headings and a caption: rendered as a captioned, scrollable table."""

    text = blocks.CharBlock(max_length=200, required=False)
    number = blocks.DecimalBlock(required=False)

    def clean(self, value: TypedTable) -> TypedTable:
        cleaned = super().clean(value)
        if not cleaned.caption.strip():
            raise ValidationError("Give the table a caption: it tells readers what the table shows.")
        return cleaned

    class Meta:
        icon = "table"
        label = "Table"
        template = "news/blocks/table.html"


def embed_player(url: str) -> tuple[embed_providers.Provider, str] | None:
    """The allowed provider (settings.EMBED_PROVIDERS) and player address for a page address."""
    return embed_providers.player(url, settings.EMBED_PROVIDERS)


def embed_src(url: str) -> str | None:
    """The privacy-friendly iframe address for an allowed provider's page address, or None."""
    found = embed_player(url)
    return found[1] if found else None


class ClickToLoadEmbedBlock(blocks.StructBlock):
    """A provider's player that loads nothing from the provider until the reader asks for it."""

    url = blocks.URLBlock(help_text="The address of the video, chart or audio page at the provider.")
    title = blocks.CharBlock(max_length=200, help_text="What it shows (read to screen readers).")

    def clean(self, value: blocks.StructValue) -> blocks.StructValue:
        cleaned = super().clean(value)
        if embed_player(cleaned["url"]) is None:
            names = ", ".join(embed_providers.PROVIDERS[name].name for name in settings.EMBED_PROVIDERS)
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        f"This address cannot be embedded. Allowed providers: {names or 'none'}."
                    )
                }
            )
        return cleaned

    def get_context(
        self, value: blocks.StructValue, parent_context: dict[str, Any] | None = None
    ) -> dict[str, Any]:
        context = super().get_context(value, parent_context)
        found = embed_player(value["url"])
        context["provider"], context["embed_src"] = found if found else (None, None)
        return context

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"


def comparable(text: str) -> str:
    """Text as a reader sees it, for matching a pull quote: no tags, marks, case or extra spaces."""
    return " ".join(QUOTE_MARKS.sub("", strip_tags(text)).lower().split())


def quotations(body: blocks.StreamValue) -> list[str]:
    """What the body quotes: quote blocks, and words in quotation marks inside paragraphs."""
    found = []
    for child in body:
        if child.block_type == "quote":
            found.append(child.value["text"])
        elif child.block_type == "paragraph":
            found += QUOTED_IN_TEXT.findall(strip_tags(str(child.value)))
    return [comparable(text) for text in found]


# Not read as part of the story: a pull quote repeats it, an embed is someone else's.
NOT_COUNTED = frozenset({"pull_quote", "embed"})
WORDS_PER_MINUTE = 230


def body_text(body: blocks.StreamValue) -> str:
    """The words of a body a reader reads, in order, as plain text."""
    parts = [
        str(part)
        for child in body
        if child.block_type not in NOT_COUNTED
        for part in child.block.get_searchable_content(child.value)
    ]
    return strip_tags(" ".join(parts))


def word_count(body: blocks.StreamValue) -> int:
    return len(body_text(body).split())


def reading_minutes(words: int) -> int:
    """Whole minutes at an adult's silent reading pace, never less than one."""
    return max(1, round(words / WORDS_PER_MINUTE))


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="news/blocks/paragraph.html")
    heading = blocks.CharBlock(max_length=120, icon="title", template="news/blocks/heading.html")
    quote = QuoteBlock()
    pull_quote = PullQuoteBlock()
    image = CaptionedImageBlock()
    gallery = GalleryBlock()
    table = DataTableBlock()
    fact_box = FactBoxBlock()
    list = blocks.ListBlock(
        blocks.CharBlock(max_length=300), icon="list-ul", template="news/blocks/list.html"
    )
    embed = ClickToLoadEmbedBlock()

    def clean(self, value: blocks.StreamValue) -> blocks.StreamValue:
        cleaned = super().clean(value)
        quoted = quotations(cleaned)
        errors = {
            index: blocks.StructBlockValidationError(
                block_errors={
                    "text": ValidationError(
                        "A pull quote repeats words of a quotation in this article's body, and "
                        "these words are not in any. Copy them from a quote block or from words "
                        "in quotation marks."
                    )
                }
            )
            for index, child in enumerate(cleaned)
            if child.block_type == "pull_quote"
            and not any(comparable(child.value["text"]) in quotation for quotation in quoted)
        }
        if errors:
            raise blocks.StreamBlockValidationError(block_errors=errors)
        return cleaned


class StandardBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="news/blocks/paragraph.html")
    heading = blocks.CharBlock(max_length=120, icon="title", template="news/blocks/heading.html")
