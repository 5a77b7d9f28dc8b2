"""The old WordPress site's addresses, remembered at import and answered with a 301.

Addresses are stored normalised (:func:`normalise`): percent-decoded, lower-case, with a
trailing slash; WordPress's query-string links (``/?p=ID``) as ``/?key=value`` with only the
key that identifies the object.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import parse_qsl, unquote, urlsplit

from django.urls import reverse
from django.utils.text import slugify
from wagtail.models import Page

from wordpress import wxr
from wordpress.models import ImportedTerm, LegacyAddress

if TYPE_CHECKING:
    from news.models import Author
    from wordpress.importer import Survey

# WordPress query-string links that name one object (``m``: a date archive); the first present wins.
KEY_PARAMS = ("p", "page_id", "cat", "tag", "author", "feed", "m")
QUERY_PATHS = ("/", "/index.php")  # where WordPress answers ?p=ID and the like
SITE_FEEDS = ("feed/", "feed/rss/", "feed/rss2/", "feed/atom/", "feed/rdf/", "comments/feed/")


def normalise(path: str, query: str = "") -> str | None:
    """The stored form of an address, or None when it is not one an import remembers."""
    path = unquote(path).lower()
    if query:
        found = query_address(dict(parse_qsl(query))) if path in QUERY_PATHS else None
        return found[1] if found else None
    return path if path.endswith("/") else f"{path}/"


def query_address(params: Mapping[str, str]) -> tuple[str, str] | None:
    """The first WordPress key present and its address ``/?key=value``. Reads no key after it
    (the page cache stores an answer only when every key parameter present was read)."""
    for key in KEY_PARAMS:
        if value := params.get(key):
            return key, f"/?{key}={unquote(value).lower().strip()}"
    return None


# WordPress's date archives: /YYYY/, /YYYY/MM/, /YYYY/MM/DD/, each with its pages (page/N/)...
DATE_PATH = re.compile(r"(?P<blog>.*?)/(?P<year>\d{4})/(?:(?P<month>\d{2})/(?:\d{2}/)?)?(?:page/\d+/)?")
# ... and the same with plain permalinks: /?m=YYYY, YYYYMM, YYYYMMDD (WordPress reads up to 14 digits).
DATE_QUERY = re.compile(r"/\?m=(?P<year>\d{4})(?P<month>\d{2})?\d{0,8}")


class DateArchive(NamedTuple):
    blog: str
    year: str
    month: str | None


def date_archive(address: str) -> DateArchive | None:
    """The blog folder and period of a stored-form address of a WordPress date archive, or None.
    WordPress makes no date archive of a category (``/category/world/2024/05/`` is a 404 there)."""
    if match := DATE_QUERY.fullmatch(address):
        return DateArchive("", match["year"], match["month"])
    if match := DATE_PATH.fullmatch(address):
        return DateArchive(match["blog"], match["year"], match["month"])
    return None


def imported_from(blog: str) -> bool:
    """Whether a WordPress site that lived at this folder has been imported: its site-wide feed
    is known. Categories, tags and posts have feeds below their own addresses too (pointing at
    their own feeds or pages), so only the feed that leads to the site's feed counts."""
    return LegacyAddress.objects.filter(
        address=f"{blog}/feed/", page=None, path=reverse("news:feed", args=["rss"])
    ).exists()


def _blog_path(channel: wxr.Channel) -> str:
    return urlsplit(channel.base_blog_url or channel.link).path.rstrip("/")


def _remember(entries: dict[str, tuple[Page | None, str]]) -> None:
    rows = [
        LegacyAddress(address=address[:500], page=page, path=path)
        for address, (page, path) in entries.items()
        if address and address != "/"
    ]
    LegacyAddress.objects.bulk_create(rows, ignore_conflicts=True)  # the first owner keeps an address


def _path_entries(
    paths: list[str], page: Page | None = None, target: str = ""
) -> dict[str, tuple[Page | None, str]]:
    found = {}
    for path in paths:
        parts = urlsplit(path)
        address = normalise(parts.path, parts.query)
        if address:
            found[address] = (page, target)
    return found


def _feeds(kind: str, slug: str) -> str:
    return reverse(f"news:{kind}_feed", args=[slug, "rss"])


def add_site_wide(channel: wxr.Channel) -> None:
    blog = _blog_path(channel)
    feed = reverse("news:feed", args=["rss"])
    paths = [f"{blog}/{suffix}" for suffix in SITE_FEEDS] + [
        f"{blog}/?feed={kind}" for kind in ("rss", "rss2", "atom")
    ]
    _remember(_path_entries(paths, target=feed))


def add_for_page(page: Page, item: wxr.Item, channel: wxr.Channel) -> None:
    """/?p=ID, the post's own permalink and every common permalink shape, with feeds."""
    blog = _blog_path(channel)
    paths = [f"{blog}/?p={item.wp_id}"]
    if item.post_type == "page":
        paths.append(f"{blog}/?page_id={item.wp_id}")
    if item.status in ("publish", "future") and item.post_name:
        slug = item.post_name.strip("/")
        link = urlsplit(item.link)
        if link.path not in ("", "/") or link.query:
            paths.append(link.path + (f"?{link.query}" if link.query else ""))
        paths.append(f"{blog}/{slug}/")
        date = item.post_date[:10].split("-")
        if item.post_type == "post" and len(date) == 3 and date[0] != "0000":
            year, month, day = date
            paths += [f"{blog}/{year}/{month}/{day}/{slug}/", f"{blog}/{year}/{month}/{slug}/"]
        paths += [f"{path.rstrip('/')}/feed/" for path in list(paths) if not path.startswith(f"{blog}/?")]
    _remember(_path_entries(paths, page=page))


def _category_path(term: wxr.Term, survey: Survey) -> str:
    slugs, current, seen = [term.slug], term, {term.slug}
    while (
        current.parent_slug and current.parent_slug in survey.categories and current.parent_slug not in seen
    ):
        seen.add(current.parent_slug)
        current = survey.categories[current.parent_slug]
        slugs.insert(0, current.slug)
    return "/".join(slugs)


def add_for_category(mapped: ImportedTerm, term: wxr.Term, survey: Survey) -> None:
    blog = _blog_path(survey.channel)
    nested = _category_path(term, survey)
    paths = {f"{blog}/category/{nested}/", f"{blog}/category/{term.slug}/"}
    if mapped.tag is not None:
        page, listing = None, reverse("news:tag", args=[mapped.tag.slug])
        feed = _feeds("tag", mapped.tag.slug)
    else:
        page, listing, feed = mapped.section, "", _feeds("section", mapped.section.slug)
    entries = _path_entries([*paths, *([f"{blog}/?cat={term.wp_id}"] if term.wp_id else [])], page, listing)
    entries.update(_path_entries([f"{path}feed/" for path in paths], target=feed))
    _remember(entries)


def add_for_tag(mapped: ImportedTerm, term: wxr.Term, channel: wxr.Channel) -> None:
    blog = _blog_path(channel)
    listing = reverse("news:tag", args=[mapped.tag.slug])
    entries = _path_entries([f"{blog}/tag/{term.slug}/", f"{blog}/?tag={term.slug}"], target=listing)
    entries.update(_path_entries([f"{blog}/tag/{term.slug}/feed/"], target=_feeds("tag", mapped.tag.slug)))
    _remember(entries)


def add_for_author(author: Author, user: wxr.Author, channel: wxr.Channel) -> None:
    blog = _blog_path(channel)
    nicename = slugify(user.login) or user.login
    paths = [f"{blog}/author/{nicename}/"] + ([f"{blog}/?author={user.wp_id}"] if user.wp_id else [])
    entries = _path_entries(paths, target=author.get_absolute_url())
    entries.update(_path_entries([f"{blog}/author/{nicename}/feed/"], target=_feeds("author", author.slug)))
    _remember(entries)


def target(address: str) -> str | None:
    """Where an old address leads now: a live, public page's URL or a listing's path."""
    found = LegacyAddress.objects.filter(address=address).select_related("page").first()
    if found is None:
        return None
    if found.page_id is None:
        return found.path or None
    page = found.page
    if not page.live or page.get_view_restrictions().exists():
        return None  # a draft or a private page: no hint that it exists
    return page.url
