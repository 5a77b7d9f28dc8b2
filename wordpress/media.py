"""Where the importer finds uploaded files: a copy of wp-content/uploads/ or the old site.

Each file becomes one Wagtail image, however many posts show it (``ImportedFile``). A media
URL outside ``--media-base-url`` is never fetched (the export must not make this server
request arbitrary addresses); it is refused and reported.
"""

from __future__ import annotations

import io
import posixpath
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

import requests
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import UnidentifiedImageError
from wagtail.images.models import Image

from wordpress.content import SIZE_SUFFIX, upload_path
from wordpress.models import ImportedFile

FETCH_TIMEOUT = (5, 30)  # seconds to connect, seconds between bytes
MAX_FILE_BYTES = 50 * 1024 * 1024


class MediaRefused(Exception):
    """A media URL that lies outside the base the operator allowed."""


class MediaMissing(Exception):
    """The file is not in the media folder or the old site did not serve it."""


@dataclass
class MediaSource:
    directory: Path | None = None
    base_url: str = ""

    def read(self, url: str, relative: str) -> bytes:
        if self.directory is not None:
            return self._read_file(relative)
        if self.base_url:
            return self._fetch(url)
        raise MediaMissing("no --media-dir or --media-base-url given")

    def _read_file(self, relative: str) -> bytes:
        root = self.directory.resolve()
        path = (root / relative).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            raise MediaMissing(f"not in the media folder: {relative}")
        if path.stat().st_size > MAX_FILE_BYTES:
            raise MediaMissing(f"larger than {MAX_FILE_BYTES // 1024 // 1024} MB: {relative}")
        return path.read_bytes()

    def _fetch(self, url: str) -> bytes:
        if not within(url, self.base_url):
            if upload_path(url) is None:  # a picture hot-linked from another site, not the old site's media
                raise MediaMissing(f"hosted elsewhere, not fetched: {url}")
            raise MediaRefused(f"outside --media-base-url: {url}")
        try:
            with requests.get(url, timeout=FETCH_TIMEOUT, stream=True, allow_redirects=False) as response:
                if response.status_code != 200:
                    raise MediaMissing(f"the old site answered {response.status_code}: {url}")
                data = response.raw.read(MAX_FILE_BYTES + 1, decode_content=True)
        except requests.RequestException as error:
            raise MediaMissing(f"could not fetch {url}: {type(error).__name__}") from None
        if len(data) > MAX_FILE_BYTES:
            raise MediaMissing(f"larger than {MAX_FILE_BYTES // 1024 // 1024} MB: {url}")
        return data


def within(url: str, base: str) -> bool:
    """Whether ``url`` is on the base's scheme, host and port and under its path (no ``..``)."""
    target, allowed = urlsplit(url), urlsplit(base)
    if target.scheme.lower() not in ("http", "https") or (target.scheme.lower(), target.netloc.lower()) != (
        allowed.scheme.lower(),
        allowed.netloc.lower(),
    ):
        return False
    path = posixpath.normpath(unquote(target.path))
    prefix = unquote(allowed.path).rstrip("/") + "/"
    return (path + "/").startswith(prefix) and ".." not in unquote(target.path).split("/")


def media_url(url: str) -> str:
    """The URL of the original file: size suffixes removed, spaces and the like quoted."""
    parts = urlsplit(url)
    relative = upload_path(url)
    path = (
        parts.path
        if relative is None
        else parts.path[: parts.path.index("/wp-content/uploads/") + 20] + relative
    )
    return parts._replace(path=quote(unquote(path)), query="", fragment="").geturl()


def image_for(
    source: MediaSource, url: str, title: str, alt: str = "", relative: str | None = None
) -> tuple[Image, bool]:
    """The Wagtail image of this upload and whether it was made now. Raises MediaMissing/MediaRefused.

    ``relative`` is the file's path under the uploads folder when the export says it
    (``_wp_attached_file``); otherwise it comes from the URL."""
    relative = relative or upload_path(url) or SIZE_SUFFIX.sub("", unquote(urlsplit(url).path).lstrip("/"))
    known = ImportedFile.objects.filter(path=relative).select_related("image").first()
    if known is not None:
        return known.image, False
    data = source.read(media_url(url), relative)
    try:
        PILImage.open(io.BytesIO(data)).verify()
    except (UnidentifiedImageError, OSError, SyntaxError):
        raise MediaMissing(f"not an image Broadsheet can show: {relative}") from None
    image = Image(
        title=title[:255] or posixpath.basename(relative),
        description=alt[:255],
        file=ImageFile(io.BytesIO(data), name=posixpath.basename(relative)),
    )
    image.save()
    ImportedFile.objects.create(path=relative, image=image)
    return image, True
