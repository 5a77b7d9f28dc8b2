"""An article with quotations, published the way an editor does (on-commit work run)."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from core import pagecache
from news.models import ArticlePage

PARAGRAPHS = [
    "Harbour master Olwen Pryce said the toll would pay for dredging.",
    "“We cannot keep the channel open on goodwill alone,” she said.",
    '"Nobody is going to sign anything this week," a senior official said.',
]
BODY = [
    *({"type": "paragraph", "value": f"<p>{text}</p>"} for text in PARAGRAPHS),
    {
        "type": "quote",
        "value": {"text": "The harbour is our town's front door", "speaker": "Amos Tendai", "role": "Mayor"},
    },
]


@pytest.fixture
def invalidated():
    seen: list[str] = []

    def record(sender: object, paths: list[str], **kwargs: object) -> None:
        seen.extend(paths)

    pagecache.pages_invalidated.connect(record)
    yield seen
    pagecache.pages_invalidated.disconnect(record)


@pytest.fixture
def publish_quoted(make_article, django_capture_on_commit_callbacks) -> Callable[..., ArticlePage]:
    def make(title: str = "Harbour toll to rise", body: list | None = None, **fields: object) -> ArticlePage:
        with django_capture_on_commit_callbacks(execute=True):
            return make_article(title, body=body or BODY, **fields)

    return make
