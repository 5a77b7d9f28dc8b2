"""The article editor's defaults and per-article controls, and where each control takes effect."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, User
from django.contrib.messages import get_messages
from django.test import Client
from django.utils import timezone
from wagtail.models import Workflow

from conftest import make_image, publish, uncached_get
from news.models import ArticlePage, Author, SectionPage
from news.roles import EDITORS, REPORTERS, ensure_roles
from news.tests.test_admin import article_form
from news.wagtail_hooks import MISSING_ALT

pytestmark = pytest.mark.django_db


@pytest.fixture
def reporter(client: Client) -> User:
    user = get_user_model().objects.create_user("sam", "sam@example.org", "pw")
    user.groups.add(Group.objects.get(name=REPORTERS))
    client.force_login(user)
    return user


def add_form(client: Client, section: SectionPage) -> str:
    return client.get(f"/admin/pages/add/news/articlepage/{section.pk}/").content.decode()


def test_a_new_article_is_bylined_to_the_writer_when_they_have_an_author_profile(client, reporter, section):
    profile = Author.objects.create(name="Sam Writer", slug="sam-writer", user=reporter)
    html = add_form(client, section)
    assert 'name="author_links-TOTAL_FORMS" value="1"' in html
    assert re.search(rf'name="author_links-0-author"[^>]*value="{profile.pk}"', html)


def test_a_writer_without_a_profile_starts_with_an_empty_byline(client, reporter, section, author):
    assert not re.search(r'name="author_links-0-author"[^>]*value="\d+"', add_form(client, section))


def test_the_substantive_update_tick_sits_on_the_content_tab_by_the_headline():
    content, *others = ArticlePage.get_edit_handler().children
    names = [getattr(panel, "field_name", None) for panel in content.children]
    assert names.index("substantive_update") == names.index("standfirst") + 1
    assert all("substantive_update" not in tab.get_form_options().get("fields", []) for tab in others)


def post_article(
    client: Client, section: SectionPage, author: Author, **fields: object
) -> tuple[ArticlePage, list[str]]:
    form = article_form(author, **fields) | {"action-publish": "1"}
    response = client.post(f"/admin/pages/add/news/articlepage/{section.pk}/", form)
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    return ArticlePage.objects.get(slug="ferry-fares-frozen"), [
        str(m) for m in get_messages(response.wsgi_request)
    ]


def test_a_lead_image_without_alt_text_is_published_with_a_warning(admin_client, section, author):
    _, messages = post_article(admin_client, section, author, lead_image=make_image().pk, lead_image_alt="")
    assert MISSING_ALT in messages


def test_lead_image_alt_text_belongs_to_the_article(client, admin_client, section, author):
    image = make_image("IMG_0042")
    article, messages = post_article(
        admin_client, section, author, lead_image=image.pk, lead_image_alt="The ferry leaving Oban"
    )
    assert MISSING_ALT not in messages
    page = BeautifulSoup(client.get(article.url).content, "html.parser")
    assert page.select_one(".article__lead img")["alt"] == "The ferry leaving Oban"
    assert page.select_one('meta[property="og:image:alt"]')["content"] == "The ferry leaving Oban"


def fresh(client: Client, url: str) -> BeautifulSoup:
    return BeautifulSoup(uncached_get(client, url).content, "html.parser")


def test_closing_comments_in_the_editor_closes_them_for_readers(admin_client, client, section, author):
    article, _ = post_article(admin_client, section, author, comments_closed="on")
    assert article.comments_closed
    assert "Comments are closed on this article." in fresh(client, article.url).get_text()


def feature(article: ArticlePage, until: datetime) -> None:
    article.featured_until = until
    publish(article)


def test_a_featured_article_leads_the_fronts_until_its_feature_expires(client, make_article, section, home):
    older = make_article("Older feature", hours_ago=30)
    newer = make_article("Newest news", hours_ago=1)
    feature(older, timezone.now() + timedelta(hours=2))
    assert fresh(client, home.url).select_one("#lead-heading").get_text(strip=True) == "Older feature"
    cards = [a.get_text(strip=True) for a in fresh(client, section.url).select(".card__title a")]
    assert cards.index("Older feature") < cards.index(newer.title)
    feature(older, timezone.now() - timedelta(minutes=1))
    assert fresh(client, home.url).select_one("#lead-heading").get_text(strip=True) == "Newest news"
    cards = [a.get_text(strip=True) for a in fresh(client, section.url).select(".card__title a")]
    assert cards.index("Older feature") > cards.index(newer.title)


def test_a_noindex_article_asks_robots_away_and_leaves_every_sitemap_and_feed(client, make_article, section):
    shown = make_article("Harbour reopens", hours_ago=1)
    hidden = make_article("Reader offer: ferry tickets", hours_ago=2, noindex=True)
    assert fresh(client, hidden.url).select_one('meta[name="robots"]')["content"] == "noindex"
    assert fresh(client, shown.url).select_one('meta[name="robots"]') is None
    for url in ("/sitemap-pages.xml", "/news-sitemap.xml", "/feeds/rss/", "/feeds/atom/",
                f"/feeds/section/{section.slug}/rss/", "/feeds/tag/harbour/atom/"):  # fmt: skip
        listing = client.get(url).content.decode()
        assert shown.slug in listing, url
        assert hidden.slug not in listing, url
    assert hidden.slug in fresh(client, section.url).decode()  # readers still find it on the front


def test_the_review_workflow_is_named_after_the_editors_who_approve():
    ensure_roles()
    workflow = Workflow.objects.get(active=True)
    task = workflow.workflow_tasks.get().task.specific
    assert (workflow.name, task.name) == ("Editorial review", "Editor approval")
    assert list(task.groups.values_list("name", flat=True)) == [EDITORS]
    assert not Workflow.objects.filter(name__icontains="moderator").exists()
