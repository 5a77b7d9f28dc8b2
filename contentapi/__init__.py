"""The read-only JSON API for other software: articles, sections, authors, tags and images at
``/api/v2/``, in the shape of Wagtail's API v2 (ADR 0022, docs/api.md).

Owns: the API's addresses, query parameters, JSON representations and CORS headers, and purging
the API addresses that show a page when it is published, unpublished, moved, deleted or made
private, or when its visible comments change (``contentapi.purge``).

Shows only live, public content: never a draft, a view-restricted page or a page under one, and
only the tags, authors and images that live, public articles use.

Offers nothing to other apps.
"""
