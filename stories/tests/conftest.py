"""Small synthetic newsrooms: two developing stories and an unrelated article."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from core import pagecache
from news.models import ArticlePage
from related import index

HARBOUR = (
    "Harbour master Olwen Pryce said the Port of Aberwen toll on fishing boats will rise to pay for "
    "dredging the silted channel, and the Aberwen harbour board will vote on the toll in spring."
)
ORCHESTRA = (
    "The Vellmoor Symphony Orchestra conductor Ilse Brandt said the concert hall roof leaks, and "
    "the orchestra will play its winter season in the Vellmoor cathedral while the hall is repaired."
)
BAKERY = "A sourdough bakery in Corran won a national bread prize for its rye loaf and seeded rolls."


def body(text: str) -> list[dict]:
    return [{"type": "paragraph", "value": f"<p>{text}</p>"}]


@pytest.fixture(autouse=True)
def fresh_index() -> Iterator[None]:
    index._forget()  # no copy of the related index from an earlier test in this process
    yield
    index._forget()


@pytest.fixture
def invalidated() -> Iterator[list[str]]:
    seen: list[str] = []

    def record(sender: object, paths: list[str], **kwargs: Any) -> None:
        seen.extend(paths)

    pagecache.pages_invalidated.connect(record)
    yield seen
    pagecache.pages_invalidated.disconnect(record)


@pytest.fixture
def harbour_article(make_article: Callable[..., ArticlePage]) -> Callable[..., ArticlePage]:
    def make(number: int, hours_ago: float = 0, **fields: object) -> ArticlePage:
        return make_article(
            f"Aberwen harbour toll, day {number}",
            body=body(f"{HARBOUR} Day {number} of the Aberwen harbour toll row."),
            hours_ago=hours_ago or 100 - number,
            tags=("harbour",),
            **fields,
        )

    return make


@pytest.fixture
def newsroom(
    make_article: Callable[..., ArticlePage], harbour_article: Callable[..., ArticlePage]
) -> dict[str, Any]:
    return {
        "harbour": [harbour_article(number) for number in range(1, 4)],
        "orchestra": [
            make_article(
                f"Vellmoor orchestra leaves its hall, part {number}",
                body=body(f"{ORCHESTRA} Part {number} of the Vellmoor orchestra move."),
                hours_ago=90 - number,
                tags=("music",),
            )
            for number in range(1, 3)
        ],
        "bakery": make_article(
            "Corran bakery wins bread prize", body=body(BAKERY), hours_ago=80, tags=("food",)
        ),
    }
