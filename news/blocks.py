"""StreamField blocks for article bodies."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]
VIDEO_ID = re.compile(r"[A-Za-z0-9_-]{6,20}")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(help_text="The quoted words, without quotation marks.")
    speaker = blocks.CharBlock(
        max_length=120, required=False, help_text="Who said it (blank for an unattributed quotation)."
    )
    role = blocks.CharBlock(max_length=160, required=False, help_text="Their title or affiliation.")

    class Meta:
        icon = "openquote"
        template = "news/blocks/quote.html"


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


def embed_src(url: str) -> str | None:
    """The privacy-friendly iframe address for a supported video URL, or None."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.").removeprefix("m.")
    if host == "youtube.com" and parts.path == "/watch":
        video = parse_qs(parts.query).get("v", [""])[0]
    elif host == "youtu.be":
        video = parts.path.lstrip("/")
    elif host == "vimeo.com" and parts.path.strip("/").isdigit():
        return f"https://player.vimeo.com/video/{parts.path.strip('/')}?dnt=1"
    else:
        return None
    if not VIDEO_ID.fullmatch(video):
        return None
    return f"https://www.youtube-nocookie.com/embed/{video}"


class ClickToLoadEmbedBlock(blocks.StructBlock):
    """A video that loads nothing from its provider until the reader asks for it."""

    url = blocks.URLBlock(help_text="A YouTube or Vimeo address.")
    title = blocks.CharBlock(max_length=200, help_text="What the video shows (read to screen readers).")

    def clean(self, value):  # type: ignore[no-untyped-def]
        cleaned = super().clean(value)
        if embed_src(cleaned["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError("Only YouTube and Vimeo video addresses can be embedded.")
                }
            )
        return cleaned

    def get_context(self, value, parent_context=None):  # type: ignore[no-untyped-def]
        context = super().get_context(value, parent_context)
        context["embed_src"] = embed_src(value["url"])
        return context

    class Meta:
        icon = "media"
        template = "news/blocks/embed.html"


class ArticleBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="news/blocks/paragraph.html")
    heading = blocks.CharBlock(max_length=120, icon="title", template="news/blocks/heading.html")
    quote = QuoteBlock()
    image = CaptionedImageBlock()
    list = blocks.ListBlock(
        blocks.CharBlock(max_length=300), icon="list-ul", template="news/blocks/list.html"
    )
    embed = ClickToLoadEmbedBlock()


class StandardBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, template="news/blocks/paragraph.html")
    heading = blocks.CharBlock(max_length=120, icon="title", template="news/blocks/heading.html")
