"""Reading a WordPress export (WXR 1.1 or 1.2) as a stream of records, safely.

The file is parsed with defusedxml's expat parser: no DTD (so no entity expansion and no
external fetch) and each ``<item>`` is dropped once read, so memory stays bounded however
large the file is. Anything that is not a WordPress export raises :class:`WXRError` with one
line an operator can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import BinaryIO
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as safe_xml
from defusedxml import DefusedXmlException

SUPPORTED_VERSIONS = ("1.1", "1.2")
WP_NAMESPACE = re.compile(r"^https?://wordpress\.org/export/(\d+\.\d+)/$")  # https: WordPress.com
PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
# expat's codes for "the file stopped in the middle of something".
ENDED_EARLY = {3, 5, 20}  # no element found, unclosed token, unclosed CDATA section


class WXRError(Exception):
    """The file cannot be imported; the message is one line for the operator."""


@dataclass
class Channel:
    version: str = ""
    title: str = ""
    link: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""


@dataclass
class Author:
    wp_id: int | None
    login: str
    email: str
    display_name: str


@dataclass
class Term:
    wp_id: int
    taxonomy: str  # "category", "post_tag", or another taxonomy (nav_menu, …)
    slug: str
    name: str
    parent_slug: str
    description: str


@dataclass
class Comment:
    wp_id: int
    author: str
    email: str
    url: str
    date: str
    date_gmt: str
    content: str
    approved: str  # "1", "0", "spam", "trash"
    type: str  # "", "comment", "pingback", "trackback", …
    parent: int
    user_id: int


@dataclass
class ItemTerm:
    domain: str
    slug: str
    name: str


@dataclass
class Item:
    wp_id: int
    post_type: str
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    post_date: str = ""
    post_date_gmt: str = ""
    modified: str = ""
    modified_gmt: str = ""
    comment_status: str = "open"
    post_name: str = ""
    status: str = ""
    post_parent: int = 0
    password: str = ""
    attachment_url: str = ""
    terms: list[ItemTerm] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    comments: list[Comment] = field(default_factory=list)


Record = Channel | Author | Term | Item


class _CountingReader:
    """A file wrapper telling how many bytes have been read (for the progress bar)."""

    def __init__(self, file: BinaryIO, on_read: Callable[[int], None] | None) -> None:
        self.file, self.on_read = file, on_read

    def read(self, size: int = -1) -> bytes:
        data = self.file.read(size)
        if self.on_read:
            self.on_read(len(data))
        return data


class _Names:
    """Turns ``{uri}local`` into ``wp:local`` (WXR 1.1 and 1.2 differ only in the URI's version)."""

    def __init__(self) -> None:
        self.known: dict[str, str] = {}

    def __call__(self, tag: str) -> str:
        name = self.known.get(tag)
        if name is None:
            name = self.known[tag] = self._name(tag)
        return name

    def _name(self, tag: str) -> str:
        if not tag.startswith("{"):
            return tag
        uri, local = tag[1:].split("}", 1)
        if uri.endswith("/excerpt/") and WP_NAMESPACE.match(uri.removesuffix("excerpt/")):
            return f"excerpt:{local}"
        if WP_NAMESPACE.match(uri):
            return f"wp:{local}"
        return f"{PREFIXES.get(uri, uri)}:{local}"


def _text(element: Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _int(value: str) -> int:
    try:
        return int(value)
    except ValueError:
        return 0


def _children(element: Element, names: _Names) -> dict[str, str]:
    return {names(child.tag): (child.text or "") for child in element}


def _author(element: Element, names: _Names) -> Author:
    values = _children(element, names)
    login = values.get("wp:author_login", "").strip()
    return Author(
        wp_id=_int(values.get("wp:author_id", "")) or None,
        login=login,
        email=values.get("wp:author_email", "").strip(),
        display_name=values.get("wp:author_display_name", "").strip() or login,
    )


def _term(element: Element, names: _Names, kind: str) -> Term:
    values = _children(element, names)
    if kind == "wp:category":
        taxonomy, slug, name, parent = "category", "category_nicename", "cat_name", "category_parent"
        description = "category_description"
    elif kind == "wp:tag":
        taxonomy, slug, name, parent, description = "post_tag", "tag_slug", "tag_name", "", "tag_description"
    else:
        taxonomy = values.get("wp:term_taxonomy", "").strip()
        slug, name, parent, description = "term_slug", "term_name", "term_parent", "term_description"
    return Term(
        wp_id=_int(values.get("wp:term_id", "").strip()),
        taxonomy=taxonomy,
        slug=values.get(f"wp:{slug}", "").strip(),
        name=values.get(f"wp:{name}", "").strip(),
        parent_slug=values.get(f"wp:{parent}", "").strip() if parent else "",
        description=values.get(f"wp:{description}", "").strip(),
    )


def _comment(element: Element, names: _Names) -> Comment:
    values = {key: value.strip() for key, value in _children(element, names).items()}
    return Comment(
        wp_id=_int(values.get("wp:comment_id", "")),
        author=values.get("wp:comment_author", ""),
        email=values.get("wp:comment_author_email", ""),
        url=values.get("wp:comment_author_url", ""),
        date=values.get("wp:comment_date", ""),
        date_gmt=values.get("wp:comment_date_gmt", ""),
        content=_children(element, names).get("wp:comment_content", ""),
        approved=values.get("wp:comment_approved", "1"),
        type=values.get("wp:comment_type", ""),
        parent=_int(values.get("wp:comment_parent", "")),
        user_id=_int(values.get("wp:comment_user_id", "")),
    )


SIMPLE_ITEM_FIELDS = {
    "title": "title",
    "link": "link",
    "dc:creator": "creator",
    "content:encoded": "content",
    "excerpt:encoded": "excerpt",
    "wp:post_date": "post_date",
    "wp:post_date_gmt": "post_date_gmt",
    "wp:post_modified": "modified",
    "wp:post_modified_gmt": "modified_gmt",
    "wp:comment_status": "comment_status",
    "wp:post_name": "post_name",
    "wp:status": "status",
    "wp:post_password": "password",
    "wp:attachment_url": "attachment_url",
}
KEEP_WHITESPACE = {"content", "excerpt"}


def _item(element: Element, names: _Names) -> Item:
    item = Item(wp_id=0, post_type="")
    for child in element:
        name = names(child.tag)
        if name in SIMPLE_ITEM_FIELDS:
            attribute = SIMPLE_ITEM_FIELDS[name]
            raw = child.text or ""
            setattr(item, attribute, raw if attribute in KEEP_WHITESPACE else raw.strip())
        elif name == "wp:post_id":
            item.wp_id = _int(_text(child))
        elif name == "wp:post_type":
            item.post_type = _text(child)
        elif name == "wp:post_parent":
            item.post_parent = _int(_text(child))
        elif name == "category":
            item.terms.append(ItemTerm(child.get("domain", ""), child.get("nicename", ""), _text(child)))
        elif name == "wp:postmeta":
            meta = _children(child, names)
            item.meta[meta.get("wp:meta_key", "").strip()] = meta.get("wp:meta_value", "")
        elif name == "wp:comment":
            item.comments.append(_comment(child, names))
    return item


def read(file: BinaryIO, on_read: Callable[[int], None] | None = None) -> Iterator[Record]:
    """Yield the channel (once, before anything else), then authors, terms and items in file order."""
    names = _Names()
    channel = Channel()
    channel_element: Element | None = None
    announced = False
    depth = 0
    with _readable_errors():
        for event, element in safe_xml.iterparse(
            _CountingReader(file, on_read), events=("start", "end"), forbid_dtd=True
        ):
            if event == "start":
                depth += 1
                if depth == 1:
                    _check_root(element)
                if depth == 2:
                    channel_element = element
                continue
            depth -= 1
            if depth != 2:
                continue
            name = names(element.tag)
            if name in ("wp:wxr_version", "title", "link", "wp:base_site_url", "wp:base_blog_url"):
                setattr(channel, name.removeprefix("wp:").replace("wxr_", ""), _text(element))
            elif name in ("wp:author", "wp:category", "wp:tag", "wp:term", "item"):
                if not announced:
                    _check_version(channel, names)
                    announced = True
                    yield channel
                yield _record(element, names, name)
            if channel_element is not None:
                channel_element.clear()  # what was read is dropped: memory stays bounded
    if depth == 0 and not announced:
        _check_version(channel, names)
        yield channel


def _check_root(element: Element) -> None:
    if element.tag != "rss":
        raise WXRError(f"This is XML but not a WordPress export (its root is <{element.tag}>, not <rss>).")


def _record(element: Element, names: _Names, name: str) -> Record:
    """An author, item or term of the channel, by its element's name."""
    if name == "wp:author":
        return _author(element, names)
    if name == "item":
        return _item(element, names)
    return _term(element, names, name)


@contextmanager
def _readable_errors() -> Iterator[None]:
    """XML that cannot be read becomes a WXRError saying why, in one line."""
    try:
        yield
    except safe_xml.ParseError as error:
        line, column = error.position
        if error.code in ENDED_EARLY:
            raise WXRError(
                f"The file ends early (line {line}, column {column}): it looks truncated; export it again."
            ) from None
        reason = str(error).split(":")[0]
        raise WXRError(
            f"The file is not well-formed XML ({reason} at line {line}, column {column})."
        ) from None
    except DefusedXmlException:
        raise WXRError(
            "Refused: the file declares a DTD or entities, which WordPress exports never do "
            "(expanding them could exhaust memory)."
        ) from None


def _check_version(channel: Channel, names: _Names) -> None:
    if not channel.version:
        raise WXRError("This is XML but not a WordPress export (no <wp:wxr_version> in the channel).")
    if channel.version not in SUPPORTED_VERSIONS:
        raise WXRError(
            f"Unsupported WXR version {channel.version}: this importer reads WXR "
            f"{' and '.join(SUPPORTED_VERSIONS)} (WordPress 3.1 and later)."
        )
