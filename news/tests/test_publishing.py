"""Publishing rules: the dateline is never empty, updates are marked on purpose, URLs redirect."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.contrib.redirects.models import Redirect

from news.models import ArticlePage, SectionPage
from news.roles import EDITORS, REPORTERS

pytestmark = pytest.mark.django_db


def test_publishing_without_a_date_fills_it_with_the_go_live_moment(make_article):
    article = make_article(published_at=None)
    assert article.published_at is not None
    assert abs(article.published_at - article.first_published_at) < timedelta(seconds=1)


def test_every_live_article_has_a_dateline(make_article):
    make_article(published_at=None)
    make_article("Second", published_at=None)
    assert not ArticlePage.objects.live().filter(published_at__isnull=True).exists()


def test_a_future_date_without_a_schedule_is_refused(make_article):
    article = make_article(live=False)
    article.published_at = timezone.now() + timedelta(days=1)
    with pytest.raises(ValidationError, match="Go-live"):
        article.full_clean()


def test_a_typo_fix_does_not_mark_the_article_updated(make_article):
    article = make_article()
    article.title = "Council approves harbour plan (typo fixed)"
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.updated_at is None


def test_a_substantive_update_is_dated_once(make_article, client):
    article = make_article()
    article.substantive_update = True
    article.save_revision().publish()
    article.refresh_from_db()
    assert article.updated_at is not None
    assert article.substantive_update is False
    assert article.latest_revision.as_object().substantive_update is False
    first_update = article.updated_at

    editable = article.latest_revision.as_object()
    editable.title = "A later typo fix"
    editable.save_revision().publish()
    article.refresh_from_db()
    assert article.updated_at == first_update

    dateline = client.get(article.url).content.decode()
    assert "Updated <time" in dateline


def test_changing_a_slug_leaves_a_redirect(make_article, client, django_capture_on_commit_callbacks):
    article = make_article()
    old_url = article.url
    client.get(old_url)  # cached under the old address
    article.slug = "new-slug"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert Redirect.objects.filter(old_path=old_url.rstrip("/")).exists()
    response = client.get(old_url)
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/politics/new-slug/")


def test_moving_an_article_leaves_a_redirect(make_article, home, client, django_capture_on_commit_callbacks):
    article = make_article()
    old_url = article.url
    client.get(old_url)  # cached under the old address
    business = home.add_child(instance=SectionPage(title="Business", slug="business"))
    business.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        article.move(business, pos="last-child")
    response = client.get(old_url)
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/business/council-approves-harbour-plan/")


def _member(django_user_model: type[User], group_name: str) -> User:
    user = django_user_model.objects.create_user(group_name.lower(), password="not-a-real-pass-123")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def test_reporters_write_and_submit_but_cannot_publish(django_user_model, article):
    permissions = article.permissions_for_user(_member(django_user_model, REPORTERS))
    assert permissions.can_edit()
    assert not permissions.can_publish()


def test_editors_publish(django_user_model, article):
    permissions = article.permissions_for_user(_member(django_user_model, EDITORS))
    assert permissions.can_edit()
    assert permissions.can_publish()


def test_submissions_for_review_go_to_editors(article):
    workflow = article.get_workflow()
    assert workflow is not None
    task = workflow.tasks.first().specific
    assert [group.name for group in task.groups.all()] == [EDITORS]
