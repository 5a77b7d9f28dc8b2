"""SQL query budgets for pages the page cache has not seen (the path's version token retired first).

Budgets (stated in docs/architecture.md): home ≤ 8, section ≤ 7, article ≤ 12 (7 for the
story: route 2, lead image, tags, authors, body, Related picks; 1 for the comments region, whose
open or closed state is a field of the article; 1 each for This story so far, Who said what,
Popular and More like this), tag ≤ 6, author ≤ 6, all measured with no stored fragment
(core.fragments), as right after a publication; an article whose fragments and route are kept
(nothing changed since) costs none.
They hold however many articles, sections, tags or authors a page shows. The site, its root
page, the Publication setting, promos and the section menu come from the shared cache.
"""

from __future__ import annotations

import pytest

from conftest import uncached_get
from core import fragments
from news.models import PromoSpot, RelatedArticle, SectionPage

pytestmark = pytest.mark.django_db

BUDGETS = {"home": 8, "section": 7, "article": 12, "tag": 6, "author": 6}
ARTICLE_WITH_STORED_FRAGMENTS = 0


@pytest.fixture
def newsroom(make_article, home, section, author):
    business = home.add_child(instance=SectionPage(title="Business", slug="business", show_in_menus=True))
    business.save_revision().publish()
    stories = [
        make_article(f"Story {n}", parent=section if n % 2 else business, hours_ago=n, image=True,
                     tags=("harbour", f"tag-{n}"))
        for n in range(1, 9)
    ]  # fmt: skip
    for story in stories[1:4]:
        RelatedArticle.objects.create(article=stories[0], related=story)
    PromoSpot.objects.create(placement="article", title="Live event", text="Come along.", link_url="/")
    PromoSpot.objects.create(placement="home", title="Feeds", text="Follow us.", link_url="/feeds/rss/")
    return {"article": stories[0], "section": section, "author": author}


@pytest.mark.parametrize("page", list(BUDGETS))
def test_uncached_page_stays_within_its_query_budget(client, newsroom, page, django_assert_max_num_queries):
    url = {
        "home": "/",
        "section": newsroom["section"].url,
        "article": newsroom["article"].url,
        "tag": "/tags/harbour/",
        "author": newsroom["author"].get_absolute_url(),
    }[page]
    uncached_get(client, url)  # the first view ever generates image renditions
    for generation in fragments.GENERATIONS:
        fragments.bump(generation)
    with django_assert_max_num_queries(BUDGETS[page]):
        uncached_get(client, url)


def test_an_article_with_stored_fragments_costs_fewer_queries(
    client, newsroom, django_assert_max_num_queries
):
    url = newsroom["article"].url
    uncached_get(client, url)
    with django_assert_max_num_queries(ARTICLE_WITH_STORED_FRAGMENTS):
        page = uncached_get(client, url)
    assert "Story 1" in page.content.decode()
    assert "Live event" in page.content.decode()
