"""The editors' side: writing, submitting, publishing and previewing articles in the admin."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import ArticlePage, Author
from news.roles import REPORTERS

pytestmark = pytest.mark.django_db


def article_form(
    author: Author, related: ArticlePage | None = None, **overrides: object
) -> dict[str, object]:
    data = {
        "title": "Ferry fares frozen for winter",
        "slug": "ferry-fares-frozen",
        "standfirst": "The operator says prices stay put until March.",
        "author_links": inline_formset([{"author": author.pk}]),
        "lead_image_caption": "",
        "lead_image_credit": "",
        "body": streamfield(
            [
                ("paragraph", rich_text("<p>Fares will not rise this winter.</p>")),
                (
                    "quote",
                    {
                        "text": "Islanders deserve a break",
                        "speaker": "Morag Bell",
                        "role": "Ferry users' group",
                    },
                ),
                ("heading", "What changes"),
                (
                    "list",
                    {"count": 1, "0-value": "Season tickets", "0-deleted": "", "0-order": "0", "0-id": ""},
                ),
                ("embed", {"url": "https://youtu.be/abcdEFGH123", "title": "The crossing"}),
            ]
        ),
        "correction": "",
        "tags": "ferries, fares",
        "related_links": inline_formset([{"related": related.pk}] if related else []),
        "published_at": "",
        "comments": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_writes_and_publishes_an_article(admin_client, section, author, article):
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/",
        article_form(author, related=article) | {"action-publish": "publish"},
    )
    assert response.status_code == 302, response.context["form"].errors if response.context else response
    created = ArticlePage.objects.get(slug="ferry-fares-frozen")
    assert created.live
    assert created.published_at is not None
    assert [link.related for link in created.related_links.all()] == [article]
    assert sorted(tag.name for tag in created.tags.all()) == ["fares", "ferries"]
    assert [block.block_type for block in created.body] == ["paragraph", "quote", "heading", "list", "embed"]
    assert created.body[1].value["speaker"] == "Morag Bell"


def test_an_unsupported_embed_address_is_refused_with_a_clear_message(admin_client, section, author):
    form = article_form(author)
    form["body-4-value-url"] = "https://tracker.example.com/video/1"
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/", form | {"action-publish": "1"}
    )
    assert response.status_code == 200
    assert b"This address cannot be embedded. Allowed providers: YouTube, Vimeo." in response.content
    assert not ArticlePage.objects.filter(slug="ferry-fares-frozen").exists()


def test_reporter_submits_for_review_instead_of_publishing(client, django_user_model, section, author):
    reporter = django_user_model.objects.create_user("reporter", password="not-a-real-pass-123")
    reporter.groups.add(Group.objects.get(name=REPORTERS))
    client.force_login(reporter)
    response = client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/", article_form(author) | {"action-submit": "1"}
    )
    assert response.status_code == 302
    draft = ArticlePage.objects.get(slug="ferry-fares-frozen")
    assert not draft.live
    assert WorkflowState.objects.filter(
        base_content_type__isnull=False, object_id=str(draft.pk), status="in_progress"
    ).exists()


def test_edit_view_offers_autosave_and_preview(admin_client, article):
    response = admin_client.get(f"/admin/pages/{article.pk}/edit/")
    assert response.status_code == 200
    assert b"w-autosave" in response.content
    assert b"preview" in response.content


def test_preview_renders_the_draft(article):
    article.title = "A draft headline"
    response = article.make_preview_request()
    assert response.status_code == 200
    assert b"A draft headline" in response.content


def test_scheduling_a_future_go_live_keeps_the_article_offline(admin_client, section, author):
    form = article_form(author, **{"go_live_at": "2099-01-01 09:00"})
    response = admin_client.post(
        f"/admin/pages/add/news/articlepage/{section.pk}/", form | {"action-publish": "1"}
    )
    assert response.status_code == 302
    scheduled = ArticlePage.objects.get(slug="ferry-fares-frozen")
    assert not scheduled.live
    assert scheduled.scheduled_revision is not None


def test_a_section_cannot_take_an_address_the_site_itself_answers(admin_client, home):
    url = f"/admin/pages/add/news/sectionpage/{home.pk}/"
    form = nested_form_data({"title": "Comments", "slug": "comments", "intro": "", "action-publish": "1"})
    response = admin_client.post(url, form)
    assert response.status_code == 200
    assert "The address /comments/ is used by the site itself" in response.content.decode()
    assert response.context["form"].data["title"] == "Comments"
    form = nested_form_data({"title": "Health", "slug": "health", "intro": "", "action-publish": "1"})
    assert admin_client.post(url, form).status_code == 302
    assert admin_client.get("/health/").context["page"].title == "Health"
