"""A small newsroom for the API tests: two sections, two authors, tagged articles with images."""

from __future__ import annotations

from datetime import datetime

import pytest
from django.http import HttpResponse
from django.utils import timezone

from conftest import publish
from news.models import ArticleAuthor, Author, SectionPage


def at(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))


@pytest.fixture
def business(home) -> SectionPage:
    return publish(home.add_child(instance=SectionPage(title="Business", slug="business")))


@pytest.fixture
def bo(db) -> Author:
    return Author.objects.create(name="Bo Writer", slug="bo-writer", role="Business editor")


@pytest.fixture
def newsroom(make_article, section, business, author, bo):
    """Four live articles on four days of March 2026, newest last."""
    harbour = make_article(
        "Harbour plan approved", published_at=at("2026-03-01T09:00"), tags=("harbour", "council"), image=True
    )
    ferries = make_article("Ferries return", published_at=at("2026-03-02T09:00"), tags=("harbour",))
    shops = make_article(
        "Shops reopen", parent=business, published_at=at("2026-03-03T09:00"), tags=("high street",)
    )
    shops.author_links = [ArticleAuthor(author=bo, sort_order=0)]
    publish(shops)
    budget = make_article(
        "Budget agreed", parent=business, published_at=at("2026-03-04T09:00"), tags=(), image=True
    )
    budget.author_links = [ArticleAuthor(author=author, sort_order=0), ArticleAuthor(author=bo, sort_order=1)]
    publish(budget)
    return {"harbour": harbour, "ferries": ferries, "shops": shops, "budget": budget}


def titles(response: HttpResponse) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["title"] for item in response.json()["items"]]
