"""Uploaded media (images, renditions, documents) where every app machine can reach them.

Without ``MEDIA_BUCKET`` media are local files under ``MEDIA_ROOT`` (the embedded profile).
With it they live in an S3-compatible bucket (:class:`ObjectStorage`, ADR 0032): an image
uploaded through one app machine, or a rendition made by the worker on another, is read by all.
Their addresses stay on this site (``/media/...``): :func:`serve` answers them from whichever
storage is configured, so pages keep one origin (the Content-Security-Policy allows images from
'self' only) and Varnish or a CDN in front caches them like any other response.
"""

from __future__ import annotations

import mimetypes
from collections.abc import Iterator
from urllib.parse import urljoin

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.core.files.storage import FileSystemStorage, Storage, default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponseBase
from django.utils.encoding import filepath_to_uri
from django.views.decorators.http import require_safe
from django.views.static import serve as serve_file
from storages.backends.s3 import S3Storage

# A stored name is never reused for other bytes (uploads get a free name; renditions name their
# filter and source), so a copy may be kept a day; a deleted image's copy expires as long after.
MEDIA_CACHE_CONTROL = "public, max-age=86400"


class ObjectStorage(S3Storage):
    """django-storages' S3 storage, addressed through this site's ``MEDIA_URL``."""

    def url(
        self, name: str, parameters: object = None, expire: object = None, http_method: object = None
    ) -> str:
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name))


def stored_names(storage: Storage = default_storage, folder: str = "") -> Iterator[str]:
    """Every file's name in the storage, folder by folder."""
    folders, files = storage.listdir(folder)
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for sub in sorted(folders):
        yield from stored_names(storage, f"{folder}/{sub}" if folder else sub)


@require_safe
def serve(request: HttpRequest, path: str) -> HttpResponseBase:
    """``/media/<path>`` from the media storage (when ``SERVE_MEDIA``)."""
    storage = default_storage
    if isinstance(storage, FileSystemStorage):
        return serve_file(request, path, document_root=settings.MEDIA_ROOT)
    if not path or path.endswith("/"):
        raise Http404
    try:  # opening asks the store once; a missing file or a path outside the bucket's prefix is a 404
        handle = storage.open(path)
    except (FileNotFoundError, SuspiciousOperation):
        raise Http404 from None
    content_type, encoding = mimetypes.guess_type(path)
    response = FileResponse(handle, content_type=content_type or "application/octet-stream")
    if encoding:
        response["Content-Encoding"] = encoding
    response["Cache-Control"] = MEDIA_CACHE_CONTROL
    return response
