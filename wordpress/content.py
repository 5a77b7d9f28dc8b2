"""WordPress post HTML (Gutenberg or classic editor) → the article body's StreamField blocks.

Order: block comments removed → shortcodes turned into HTML or removed → blank-line paragraphs
made explicit (WordPress's ``wpautop`` runs at display time, so classic posts are stored
without ``<p>``) → each top-level element mapped to the closest block. Whatever has no
fitting block becomes a paragraph, and every such change is reported by name.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from news.blocks import embed_src

HEADING_MAX = 120
LIST_ITEM_MAX = 300
QUOTE_SPEAKER_MAX = 120
CAPTION_MAX = 300
ALT_MAX = 250
EMBED_TITLE_MAX = 200
STANDFIRST_MAX = 300

BLOCK_TAGS = {
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "figure", "div", "table",
    "pre", "hr", "iframe", "section", "article", "aside", "header", "footer", "address", "dl",
    "form", "details", "video", "audio", "script", "style", "noscript", "main", "center", "object",
}  # fmt: skip
DROPPED_TAGS = {"script", "style", "form", "noscript", "object"}
INLINE_KEPT = {"b": "b", "strong": "b", "i": "i", "em": "i", "br": "br", "a": "a"}
BLANK_LINE = re.compile(r"\n\s*\n")
URL_ONLY = re.compile(r"^\s*(https?://[^\s<>\"]+)\s*$")
SIZE_SUFFIX = re.compile(r"-\d+x\d+(?=\.\w+$)")
WP_IMAGE_CLASS = re.compile(r"\bwp-image-(\d+)\b")
SHORTCODE_ATTR = re.compile(r'(\w+)\s*=\s*(?:"([^"]*)"|\'([^\']*)\'|(\S+))')
MEDIA_SHORTCODES = {"audio", "video", "playlist"}


@dataclass
class FoundImage:
    pk: int
    alt: str = ""
    caption: str = ""
    credit: str = ""


ImageLookup = Callable[[str, int | None], FoundImage | None]


@dataclass
class Converted:
    blocks: list[dict] = field(default_factory=list)
    changes: list[str] = field(default_factory=list)

    def add(self, kind: str, value: object) -> None:
        self.blocks.append({"type": kind, "value": value})


def plain_text(markup: str) -> str:
    """Comment HTML as plain text: paragraphs and line breaks kept, a link's address kept."""
    soup = BeautifulSoup(markup.replace("\r\n", "\n"), "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for link in soup.find_all("a"):
        href, label = link.get("href", ""), link.get_text()
        link.replace_with(label if not href or href in label else f"{label} ({href})")
    for paragraph in soup.find_all("p"):
        paragraph.insert_after("\n\n")
    return soup.get_text().strip()


def text_of(markup: str) -> str:
    """Plain text of an HTML fragment, whitespace collapsed."""
    return " ".join(BeautifulSoup(markup, "html.parser").get_text(" ").split())


def cut(text: str, limit: int) -> str:
    """``text`` if it fits, else cut at a word with an ellipsis."""
    if len(text) <= limit:
        return text
    head = text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:.-\u2013\u2014")
    return head + "…"


def standfirst(excerpt: str, body_text: str) -> tuple[str, bool]:
    """The excerpt, else the body's first sentences; and whether it had to be cut."""
    text = text_of(excerpt)
    if not text:
        sentences = re.split(r"(?<=[.!?…])\s+", body_text)
        text = sentences[0] if sentences else ""
        for sentence in sentences[1:]:
            if len(text) + 1 + len(sentence) > STANDFIRST_MAX:
                break
            text = f"{text} {sentence}"
    return cut(text, STANDFIRST_MAX), len(text) > STANDFIRST_MAX


def _attributes(raw: str) -> dict[str, str]:
    return {
        m[1].lower(): html.unescape(m[2] or m[3] or m[4] or "") for m in SHORTCODE_ATTR.finditer(raw or "")
    }


def _shortcodes(content: str, changes: list[str]) -> str:
    def caption(match: re.Match[str]) -> str:
        attributes, inner = _attributes(match[1]), match[2]
        images = "".join(str(tag) for tag in BeautifulSoup(inner, "html.parser").find_all("img"))
        text = text_of(re.sub(r"<img[^>]*>", "", inner)) or attributes.get("caption", "")
        return f"\n\n<figure>{images}<figcaption>{html.escape(text)}</figcaption></figure>\n\n"

    def gallery(match: re.Match[str]) -> str:
        ids = [part.strip() for part in _attributes(match[1]).get("ids", "").split(",") if part.strip()]
        if not ids:
            changes.append("a [gallery] without ids (all attached images) was removed")
        return "".join(f'\n\n<figure><img class="wp-image-{id_}" src=""></figure>\n\n' for id_ in ids)

    def media(match: re.Match[str]) -> str:
        attributes = _attributes(match[2])
        url = next(
            (v for k, v in attributes.items() if k in {"src", "mp3", "mp4", "m4a", "ogg", "webm", "wav"}), ""
        )
        changes.append(f"an [{match[1]}] player became a link")
        return f'\n\n<p><a href="{html.escape(url)}">{html.escape(url)}</a></p>\n\n' if url else ""

    content = re.sub(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", caption, content, flags=re.S)
    content = re.sub(r"\[gallery([^\]]*)\]", gallery, content)
    content = re.sub(
        r"\[embed[^\]]*\](.*?)\[/embed\]", lambda m: f"\n\n{m[1].strip()}\n\n", content, flags=re.S
    )
    content = re.sub(r"\[(audio|video|playlist)(\s[^\]]*)?\](?:.*?\[/\1\])?", media, content, flags=re.S)
    for name in sorted(set(re.findall(r"\[/([a-z_][\w-]*)\]", content))):
        content, count = re.subn(rf"\[{re.escape(name)}(\s[^\]]*)?\]|\[/{re.escape(name)}\]", "", content)
        if count:
            changes.append(f"the [{name}] shortcode was removed, its text kept")
    return content


def _autop(content: str) -> str:
    """Wrap blank-line-separated text outside block elements in <p>, as wpautop does."""
    soup = BeautifulSoup(content, "html.parser")
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        for chunk in BLANK_LINE.split("".join(run)):
            if chunk.strip():
                out.append("<p>" + chunk.strip().replace("\n", "<br>") + "</p>")
        run.clear()

    for node in soup.contents:
        if isinstance(node, Tag) and node.name in BLOCK_TAGS:
            flush()
            out.append(str(node))
        elif not isinstance(node, Comment):
            run.append(str(node) if isinstance(node, Tag) else html.escape(str(node), quote=False))
    flush()
    return "\n".join(out)


def _safe_href(href: str) -> str | None:
    href = href.strip()
    scheme = urlsplit(href).scheme.lower()
    return href if scheme in ("http", "https", "mailto", "") and not href.startswith("//") else None


def inline_html(node: Tag | NavigableString) -> str:
    """Rich-text HTML keeping only bold, italic, links and line breaks; everything escaped."""
    if isinstance(node, Comment):
        return ""
    if isinstance(node, NavigableString):
        return html.escape(str(node), quote=False)
    inner = "".join(inline_html(child) for child in node.children)
    kept = INLINE_KEPT.get(node.name)
    if kept == "br":
        return "<br/>"
    if kept == "a":
        href = _safe_href(node.get("href", ""))
        return f'<a href="{html.escape(href)}">{inner}</a>' if href and inner.strip() else inner
    if kept:
        return f"<{kept}>{inner}</{kept}>" if inner.strip() else inner
    return "" if node.name in DROPPED_TAGS else inner


def _video_url(src: str) -> str | None:
    """A watch address for an embedded player's address, when the player is one we can embed."""
    parts = urlsplit(src if "://" in src else f"https:{src}")
    host = parts.netloc.lower().removeprefix("www.")
    if host in ("youtube.com", "youtube-nocookie.com") and parts.path.startswith("/embed/"):
        return f"https://www.youtube.com/watch?v={parts.path.split('/')[2]}"
    if host == "player.vimeo.com" and parts.path.startswith("/video/"):
        return f"https://vimeo.com/{parts.path.split('/')[2]}"
    return src if embed_src(src) else None


class _Converter:
    def __init__(self, images: ImageLookup, rich_lists: bool, media_blocks: bool) -> None:
        self.images, self.rich_lists, self.media_blocks = images, rich_lists, media_blocks
        self.result = Converted()

    def change(self, reason: str) -> None:
        self.result.changes.append(reason)

    def paragraph(self, markup: str) -> None:
        markup = markup.strip()
        while markup.startswith("<br/>") or markup.endswith("<br/>"):
            markup = markup.removeprefix("<br/>").removesuffix("<br/>").strip()
        if markup:
            self.result.add("paragraph", f"<p>{markup}</p>")

    def link(self, url: str, reason: str) -> None:
        self.change(reason)
        escaped = html.escape(url)
        self.paragraph(f'<a href="{escaped}">{escaped}</a>' if _safe_href(url) else escaped)

    def embed(self, url: str, title: str) -> None:
        video = _video_url(url)
        if video and self.media_blocks:
            self.result.add("embed", {"url": video, "title": cut(title or "Video", EMBED_TITLE_MAX)})
        else:
            self.link(url, "an embed from a provider that cannot be embedded became a link")

    def image(self, img: Tag, caption: str = "") -> None:
        if not self.media_blocks:
            self.change("an image on a plain page was left out (plain pages have no image block)")
            return
        src = img.get("src", "")
        match = WP_IMAGE_CLASS.search(" ".join(img.get("class", [])))
        found = self.images(src, int(match[1]) if match else None)
        if found is None:
            return  # the lookup has reported why
        self.result.add(
            "image",
            {
                "image": found.pk,
                "alt_text": cut(img.get("alt", "").strip() or found.alt, ALT_MAX),
                "caption": cut(caption or found.caption, CAPTION_MAX),
                "credit": cut(found.credit, 120),
            },
        )

    def node(self, node: Tag | NavigableString) -> None:
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            self.paragraph(html.escape(str(node).strip(), quote=False))
            return
        handler = getattr(self, f"tag_{node.name}", None)
        if handler is not None:
            handler(node)
        elif node.name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.heading(node)
        elif node.name in {"ul", "ol"}:
            self.list(node)
        elif node.name in {"div", "section", "article", "aside", "header", "footer", "main", "center"}:
            for child in node.children:
                self.node(child)
        elif node.name in DROPPED_TAGS:
            self.change(f"a <{node.name}> element was removed")
        else:
            self.change(f"a <{node.name}> element became a paragraph")
            self.paragraph(inline_html(node))

    def tag_p(self, node: Tag) -> None:
        text = node.get_text(" ").strip()
        if (url := URL_ONLY.match(text)) and not node.find(["a", "img"]):
            self.embed(url[1], "")  # a URL alone on its line: WordPress shows it embedded
            return
        self.paragraph(inline_html(node))
        for img in node.find_all("img"):
            self.image(img)

    tag_img = image

    def heading(self, node: Tag) -> None:
        text = " ".join(node.get_text(" ").split())
        if len(text) > HEADING_MAX:
            self.change(f"a heading longer than {HEADING_MAX} characters became a bold paragraph")
            self.paragraph(f"<b>{html.escape(text, quote=False)}</b>")
        elif text:
            self.result.add("heading", text)

    def list(self, node: Tag) -> None:
        if self.rich_lists:
            self.result.add("paragraph", f"<{node.name}>{self._list_items_html(node)}</{node.name}>")
            return
        items = []
        for item in node.find_all("li"):
            own = " ".join(
                "".join(
                    str(child) if isinstance(child, NavigableString) else child.get_text(" ")
                    for child in item.children
                    if not (isinstance(child, Tag) and child.name in {"ul", "ol"})
                ).split()
            )
            if item.find_parent(["ul", "ol"]) is not node:
                self.change("a nested list was flattened")
            if len(own) > LIST_ITEM_MAX:
                self.change(f"a list item longer than {LIST_ITEM_MAX} characters was cut")
            if own:
                items.append(cut(own, LIST_ITEM_MAX))
        if node.find("a"):
            self.change("links in a list were kept as text (list items are plain text)")
        if items:
            self.result.add("list", items)

    def _list_items_html(self, node: Tag) -> str:
        return "".join(f"<li>{inline_html(item)}</li>" for item in node.find_all("li", recursive=False))

    def tag_blockquote(self, node: Tag) -> None:
        cite = node.find("cite")
        speaker = " ".join(cite.get_text(" ").split()) if cite else ""
        if cite:
            cite.extract()
        parts = [" ".join(p.get_text(" ").split()) for p in node.find_all("p")] or [node.get_text(" ")]
        text = "\n\n".join(" ".join(part.split()) for part in parts if part.strip())
        if not text:
            return
        if not self.media_blocks:
            self.change("a quotation on a plain page became a paragraph")
            self.paragraph(html.escape(f"“{text}”" + (f" — {speaker}" if speaker else ""), quote=False))
            return
        if len(speaker) > QUOTE_SPEAKER_MAX:
            self.change("a quotation's attribution was cut")
        self.result.add("quote", {"text": text, "speaker": cut(speaker, QUOTE_SPEAKER_MAX), "role": ""})

    def tag_figure(self, node: Tag) -> None:
        figcaption = node.find("figcaption")
        caption = " ".join(figcaption.get_text(" ").split()) if figcaption else ""
        classes = " ".join(node.get("class", []))
        if node.find("blockquote"):
            self.tag_blockquote(node.find("blockquote"))
        elif "wp-block-embed" in classes or node.find("iframe"):
            iframe = node.find("iframe")
            words = (node.find(class_="wp-block-embed__wrapper") or node).get_text(" ").split()
            self.embed(iframe.get("src", "") if iframe else (words[0] if words else ""), caption)
        elif images := node.find_all("img"):
            if len(images) == 1:
                self.image(images[0], caption)
            else:  # a gallery: each image with its own caption
                for img in images:
                    own = img.find_parent("figure")
                    own_caption = own.find("figcaption") if own is not node else None
                    self.image(img, " ".join(own_caption.get_text(" ").split()) if own_caption else "")
        else:
            for child in node.children:
                if not (isinstance(child, Tag) and child.name == "figcaption"):
                    self.node(child)
            if caption:
                self.paragraph(html.escape(caption, quote=False))

    def tag_iframe(self, node: Tag) -> None:
        self.embed(node.get("src", ""), node.get("title", ""))

    def media(self, node: Tag) -> None:
        source = node.get("src") or (node.find("source") or {}).get("src", "")
        if source:
            self.link(source, f"an <{node.name}> player became a link")

    tag_video = tag_audio = media

    def tag_table(self, node: Tag) -> None:
        self.change("a table became paragraphs, one per row")
        for row in node.find_all("tr"):
            cells = [inline_html(cell).strip() for cell in row.find_all(["td", "th"])]
            self.paragraph(" | ".join(cell for cell in cells if cell))

    def tag_pre(self, node: Tag) -> None:
        self.change("preformatted text became a paragraph")
        self.paragraph(html.escape(node.get_text().strip(), quote=False).replace("\n", "<br/>"))

    def tag_hr(self, node: Tag) -> None:
        self.change("a separator line was removed")


def convert(content: str, images: ImageLookup, *, article: bool = True) -> Converted:
    """Blocks for an article body (``article=False``: a plain page, paragraphs and headings only)."""
    converter = _Converter(images, rich_lists=not article, media_blocks=article)
    content = re.sub(r"<!--.*?-->", "", content, flags=re.S)
    content = _shortcodes(content, converter.result.changes)
    for node in BeautifulSoup(_autop(content), "html.parser").contents:
        converter.node(node)
    return converter.result


def upload_path(url: str) -> str | None:
    """The path under wp-content/uploads/ of a media URL, without WordPress's size suffix."""
    path = urlsplit(url).path
    marker = "/wp-content/uploads/"
    if marker not in path:
        return None
    return SIZE_SUFFIX.sub("", path.split(marker, 1)[1])
