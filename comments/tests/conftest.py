"""Helpers for the comments tests: posting as a reader from the site itself."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.test import Client
from django.urls import reverse

from comments.models import Comment, Status
from news.models import ArticlePage

SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_SEC_FETCH_SITE": "same-origin"}
JSON = {"HTTP_ACCEPT": "application/json"}


def form_data(article: ArticlePage, **overrides: object) -> dict[str, object]:
    return {
        "article": article.pk,
        "comment": "A thoughtful point about the harbour.",
        "author": "Rita Reader",
        "email": "rita@example.org",
        "url": "",
        "parent": "",
        "started": "",
        "phone": "",
    } | overrides


@pytest.fixture
def post_comment(client: Client) -> Callable[..., object]:
    def post(article: ArticlePage, *, json: bool = True, headers: dict | None = None, **fields: object):
        extra = SAME_ORIGIN | (JSON if json else {}) | (headers or {})
        return client.post(reverse("comments:post"), form_data(article, **fields), **extra)

    return post


@pytest.fixture
def approved_comment(article: ArticlePage) -> Callable[..., Comment]:
    def make(text: str = "An approved thought.", **fields: object) -> Comment:
        comment = Comment.objects.create(
            article=article,
            name=fields.pop("name", "Alan Approved"),
            email=fields.pop("email", "alan@example.org"),
            text=text,
            status=Status.APPROVED,
            fingerprint=f"test:{Comment.objects.count()}:{text}",
            **fields,
        )
        if comment.root_id is None:
            comment.root = comment
            comment.save(update_fields=["root"])
        return comment

    return make
