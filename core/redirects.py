"""Cached permanent redirects follow Wagtail's redirect table: a changed or removed one is purged.

The page cache stores 301 and 308 answers like pages (``core.pagecache``), so a redirect an editor
edits or deletes under Settings → Redirects would otherwise go on being served until it expired.
Wagtail stores the old path without its trailing slash; readers ask for either form.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.contrib.redirects.models import Redirect

from core.tasks import purge_pages_after_commit


@receiver([post_save, post_delete], sender=Redirect)
def purge_redirected_path(sender: type[Redirect], instance: Redirect, **kwargs: Any) -> None:
    path = instance.old_path.split("?", 1)[0].rstrip("/") or "/"
    purge_pages_after_commit([path, f"{path}/" if path != "/" else path])
